// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "timelined",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "timelined", targets: ["timelined"]),
        .executable(name: "timelinectl", targets: ["timelinectl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // SwiftNIO serves the Varlink socket: many clients, back-pressure, framing.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // SHA-256 for content addresses and the log's hash chain. The heaviest
        // dependency to build (it compiles BoringSSL), but Foundation on Linux
        // has no digest of its own.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // YAML for config/timelined.yaml and config/lexicon.yaml.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The daemon's services (inbox watcher, ingester, control server,
        // snapshotter, watchdog) run in a ServiceGroup: graceful shutdown on
        // SIGTERM/SIGINT, SIGHUP delivered as an async sequence.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(name: "ClaimExtraction"),
        // CRC-32C with the processor's instruction, which Swift cannot call:
        // the log checks every record with it, at open and on every read.
        .target(name: "CCRC32C"),
        // Linux calls Glibc's Swift module does not declare: renameat2
        // (a file leaves the inbox in one atomic step), fallocate (the log
        // preallocates its open segment), SEEK_DATA and SEEK_HOLE, and
        // posix_spawn's closefrom (children the tests spawn inherit nothing).
        .target(name: "CLinux"),
        // The file-system steps the guarantees rest on (create-exclusive
        // writes, no-replace moves, synced folders), shared by the log and
        // the daemon so that there is one way to do each.
        .target(name: "DurableFiles", dependencies: ["CLinux"]),
        .target(
            name: "EventLog",
            dependencies: ["CCRC32C", "CLinux", "DurableFiles", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "Timeline",
            dependencies: [
                "ClaimExtraction",
                "EventLog",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "Varlink",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "TimelineDaemon",
            dependencies: [
                "CLinux",
                "CSystemd",
                "DurableFiles",
                "ClaimExtraction",
                "EventLog",
                "Timeline",
                "Varlink",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "timelined",
            dependencies: [
                "TimelineDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "timelinectl",
            dependencies: [
                "DurableFiles",
                "Timeline",
                "Varlink",
                "ClaimExtraction",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "timelined-bench",
            dependencies: [
                "ClaimExtraction",
                "EventLog",
                "Timeline",
                "Varlink",
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Benchmarks/timelined-bench"
        ),
        .testTarget(
            name: "ClaimExtractionTests",
            dependencies: ["ClaimExtraction", "TimelineTestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "TimelineTestSupport"]),
        .testTarget(name: "DurableFilesTests", dependencies: ["DurableFiles", "TimelineTestSupport"]),
        .testTarget(
            name: "TimelineDaemonTests",
            dependencies: [
                "TimelineDaemon", "Timeline", "EventLog", "ClaimExtraction", "Varlink", "TimelineTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "TimelineTests", dependencies: ["Timeline", "ClaimExtraction", "EventLog", "TimelineTestSupport"]),
        .testTarget(
            name: "VarlinkTests",
            dependencies: [
                "Varlink",
                "TimelineTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // ByteToMessageDecoderVerifier checks the NUL framing; test-only,
                // so the daemon's build does not pay for NIOHTTP1 it pulls in.
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ]
        ),
        // What the tests share: running a command, waiting for a condition
        // with a deadline, temporary folders, the checkout's paths, a
        // generator that replays the same values, a raw Unix socket client.
        .target(name: "TimelineTestSupport", path: "Tests/TimelineTestSupport"),
        .testTarget(name: "EndToEndTests", dependencies: ["DurableFiles", "EventLog", "Timeline", "TimelineTestSupport"]),
        .testTarget(
            name: "SystemdTests",
            dependencies: [
                "CLinux",
                "TimelineTestSupport",
                "TimelineDaemon",
                "Timeline",
                "Varlink",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
