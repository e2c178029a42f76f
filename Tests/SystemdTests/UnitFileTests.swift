import Foundation
import TimelineTestSupport
import Testing

/// The units in systemd/ as a distribution ships them: accepted by
/// `systemd-analyze verify` without a word, and hardened below the
/// exposure threshold of `systemd-analyze security`.
@Suite(.enabled(if: which("systemd-analyze") != nil, "systemd-analyze is not installed"))
struct UnitFileTests {
    static let analyze = which("systemd-analyze") ?? "systemd-analyze"

    /// The units copied to `folder`, with ExecStart= naming the timelined
    /// just built, as `make install` rewrites it for its BINDIR: verify
    /// checks that the program exists.
    func stagedUnits(in folder: TemporaryFolder) throws -> [String] {
        var staged: [String] = []
        for name in ["timelined.service", "timelined.socket"] {
            let text = try String(contentsOfFile: Paths.units + "/" + name, encoding: .utf8)
                .replacingOccurrences(of: "/usr/bin/timelined", with: Paths.binaries + "/timelined")
            let path = folder.path + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            staged.append(path)
        }
        return staged
    }

    @Test func verifySaysNothing() async throws {
        try await onOwnThread {
            let folder = try TemporaryFolder()
            // --man=no: the man pages are installed by make install, not here.
            let result = try run(Self.analyze, ["verify", "--man=no"] + stagedUnits(in: folder))
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty && result.stderr.isEmpty, "systemd-analyze verify said:\n\(result.stdout)\(result.stderr)")
        }
    }

    @Test func exposureIsAtMostOne() async throws {
        try await onOwnThread {
            let result = try run(Self.analyze, ["security", "--offline=true", Paths.units + "/timelined.service"])
            let line = try #require(
                result.stdout.split(separator: "\n").first { $0.contains("Overall exposure level") },
                "no exposure level in:\n\(result.stdout)\(result.stderr)")
            // "→ Overall exposure level for timelined.service: 0.2 SAFE 😀"
            let words = line.split(separator: " ")
            let index = try #require(words.firstIndex { $0.hasSuffix("timelined.service:") })
            let exposure = try #require(Double(words[words.index(after: index)]), "\(line)")
            #expect(exposure <= 1.0, "\(line)")
        }
    }

    @Test func theServiceAndTheSocketAgreeOnThePath() throws {
        let socket = try String(contentsOfFile: Paths.units + "/timelined.socket", encoding: .utf8)
        let service = try String(contentsOfFile: Paths.units + "/timelined.service", encoding: .utf8)
        // The daemon finds the socket by its name; the path is the one
        // timelinectl tries by default.
        #expect(socket.contains("ListenStream=/run/timelined/io.timelined.Timeline"))
        #expect(socket.contains("FileDescriptorName=varlink"))
        // The socket's folder must not be the service's RuntimeDirectory=:
        // under DynamicUser= it would be removed at stop, or hidden in
        // /run/private when preserved.
        #expect(!service.contains("\nRuntimeDirectory="))
        // The spool the service may write is the one tmpfiles.d creates.
        let tmpfiles = try String(contentsOfFile: Paths.units + "/timelined.tmpfiles", encoding: .utf8)
        #expect(service.contains("ReadWritePaths=-/var/spool/timelined"))
        #expect(service.contains("--data /var/spool/timelined"))
        #expect(tmpfiles.contains("d /var/spool/timelined/inbox     2770 root timeline -"))
    }
}
