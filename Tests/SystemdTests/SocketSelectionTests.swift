import Testing
@testable import TimelineDaemon

/// Which passed socket the daemon serves.
struct SocketSelectionTests {
    typealias Socket = SocketActivation.Socket

    @Test func noSocketMeansBindingThePath() throws {
        #expect(try SocketActivation(sockets: []).controlSocket() == nil)
    }

    @Test func theOnlySocketIsTakenWhateverItsName() throws {
        let only = Socket(fileDescriptor: 3, name: "unknown")
        #expect(try SocketActivation(sockets: [only]).controlSocket() == only)
    }

    @Test func theOneNamedVarlinkIsTakenAmongSeveral() throws {
        let sockets = [Socket(fileDescriptor: 3, name: "metrics"), Socket(fileDescriptor: 4, name: "varlink")]
        #expect(try SocketActivation(sockets: sockets).controlSocket() == sockets[1])
    }

    @Test func severalWithoutOneNamedVarlinkAreAnError() {
        let sockets = [Socket(fileDescriptor: 3, name: "a"), Socket(fileDescriptor: 4, name: "b")]
        #expect(throws: StartupError.self) { try SocketActivation(sockets: sockets).controlSocket() }
    }
}
