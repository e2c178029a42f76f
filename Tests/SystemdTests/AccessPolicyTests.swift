import Foundation
import Testing
import Timeline
import TimelineTestSupport
import Varlink
#if canImport(Glibc)
import Glibc
#endif
@testable import TimelineDaemon

/// Reading is for whoever may connect; changing state is for root, the
/// daemon's own user and the editors group, as SO_PEERCRED reports the
/// caller.
struct AccessPolicyTests {
    static let retract = "io.timelined.Timeline.Retract"
    let policy = AccessPolicy(stateChangingMethods: [retract])

    func call(_ method: String, uid: UInt32?) -> VarlinkCall {
        VarlinkCall(method: method, peer: uid.map { VarlinkPeerCredentials(pid: 4242, uid: $0, gid: 100) })
    }

    @Test func anyoneWhoConnectsMayRead() throws {
        try policy.authorize(call("io.timelined.Timeline.Status", uid: 1000))
        try policy.authorize(call("io.timelined.Timeline.Status", uid: nil))
    }

    @Test func rootAndTheDaemonsUserMayChangeState() throws {
        try policy.authorize(call(Self.retract, uid: 0))
        try policy.authorize(call(Self.retract, uid: geteuid()))
    }

    @Test func othersAreDeniedWithTheStandardError() throws {
        let others: [UInt32?] = [1000, 65534, nil].filter { $0 != geteuid() }
        for uid in others {
            #expect(throws: VarlinkError.permissionDenied) { try policy.authorize(call(Self.retract, uid: uid)) }
        }
    }

    @Test func theTimelinesEditingMethodsAreRefusedWithItsOwnError() throws {
        let policy = AccessPolicy.timeline(editorsGroup: "timeline-editors")
        try policy.authorize(call("io.timelined.Timeline.Claims", uid: 1000))
        try policy.authorize(call("io.timelined.Timeline.Correct", uid: 0))
        for method in ["io.timelined.Timeline.Retract", "io.timelined.Timeline.Correct"] {
            let error = #expect(throws: VarlinkError.self) { try policy.authorize(call(method, uid: 424_242)) }
            #expect(error?.name == "io.timelined.Timeline.PermissionDenied")
            let detail = try #require(try error?.parameters(as: TimelineInterface.PermissionDenied.self))
            #expect(detail == TimelineInterface.PermissionDenied(method: method, uid: 424_242, group: "timeline-editors"))
        }
    }

    /// A member of the editors group may: by the primary group the caller
    /// runs with, or by the group database's supplementary groups of the
    /// caller's user (root's own group lists root through getgrouplist).
    @Test func membersOfTheEditorsGroupMayChangeState() throws {
        let root = try #require(UserDirectory.groupID(named: "root"))
        let policy = AccessPolicy(stateChangingMethods: [Self.retract], privilegedUsers: [], editorsGroup: "root")
        try policy.authorize(VarlinkCall(method: Self.retract, peer: VarlinkPeerCredentials(pid: 1, uid: 424_242, gid: root)))
        try policy.authorize(VarlinkCall(method: Self.retract, peer: VarlinkPeerCredentials(pid: 1, uid: 0, gid: 424_242)))
        #expect(throws: VarlinkError.permissionDenied) {
            try policy.authorize(VarlinkCall(method: Self.retract, peer: VarlinkPeerCredentials(pid: 1, uid: 424_242, gid: 424_242)))
        }
        #expect(UserDirectory.isMember(uid: 0, gid: 424_242, of: "root"))
        #expect(!UserDirectory.isMember(uid: 0, gid: 0, of: "no-such-group-here"))
        #expect(UserDirectory.userName(of: 0) == "root")
        #expect(UserDirectory.userName(of: 424_242) == nil)
    }

    /// Over a real socket, so that the uid is the one SO_PEERCRED reports.
    @Test func theServerDeniesWhatThePolicyDeniesOverARealSocket() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/admin.sock"
        let seen = Seen()
        let describe = """
            # An interface with one method that reads and one that changes state.
            interface org.example.admin

            method Look() -> ()
            method Change() -> ()
            """
        // Only a user this test does not run as may change state.
        let policy = AccessPolicy(stateChangingMethods: ["org.example.admin.Change"], privilegedUsers: [424_242])
        let server = try VarlinkServer(
            endpoint: .unixSocket(path: path, mode: 0o600),
            info: VarlinkServiceInfo(vendor: "test", product: "test", version: "1", url: "https://example.org"),
            interfaces: [try VarlinkInterface(
                name: "org.example.admin", description: describe,
                handler: AuthorizingHandler(policy: policy, wrapping: Recording(seen: seen)))])
        let listening = AsyncStream<Void>.makeStream()
        let serving = Task { try await server.run { listening.continuation.yield() } }
        var events = listening.stream.makeAsyncIterator()
        _ = await events.next()

        let outcome = try await blocking { () -> (look: Bool, change: VarlinkError?) in
            let client = try VarlinkClient(connectingTo: path, timeout: .seconds(90))
            _ = try client.call("org.example.admin.Look")
            do {
                _ = try client.call("org.example.admin.Change")
                return (true, nil)
            } catch let error as VarlinkError {
                return (true, error)
            }
        }
        server.shutdown()
        try await serving.value
        #expect(outcome.look)
        #expect(outcome.change == .permissionDenied)
        #expect(await seen.methods == ["org.example.admin.Look"])
    }
}

/// What a handler was asked.
actor Seen {
    var methods: [String] = []
    func add(_ method: String) { methods.append(method) }
}

/// Records each call and answers with nothing.
struct Recording: VarlinkHandler {
    let seen: Seen
    func handle(_ call: VarlinkCall, replies: VarlinkReplies) async throws { await seen.add(call.method) }
}
