// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Plenary",
    /// Linux only (no `platforms:` claim): the command line and the curses driver import Glibc (see docs/DECISIONS.md).
    products: [
        .executable(name: "plenary", targets: ["plenary"]),
        /// The phones' voting page, started by `plenary run --web`; installed next to `plenary`.
        .executable(name: "plenary-web", targets: ["plenary-web"]),
        /// For the fuzz targets in Fuzz/, a separate package that depends on this one by path: the four core layers.
        .library(name: "PlenaryCore", targets: ["PlenaryEngine", "PlenarySessionFile", "PlenaryReports", "PlenaryStorage"]),
    ],
    /// Exact versions: Package.resolved is not committed, so a range would let an upstream release change a build
    /// (argument-parser's completion scripts are compared byte for byte). Raise them on purpose, with
    /// `scripts/generate-cli-docs` and a full `scripts/test`.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        /// The phones' voting page (issue 17): an HTTP server on SwiftNIO, run inside the host process.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        /// Only to silence Hummingbird's logger (nothing may print over the curses screen) and name a header.
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        /// The only C module: ncursesw through a shim header (see docs/DECISIONS.md).
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        /// QR codes for the voting page's address (issue 17): libqrencode's header through a shim that opens the
        /// library when the first code is made, not at every start (decision 110); so no pkg-config link flags.
        .systemLibrary(
            name: "CQRencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        /// `prctl(PR_SET_PDEATHSIG)` for the web gateway (variadic, so not importable directly): a header, no library.
        .systemLibrary(name: "CParentDeath"),
        /// `mallopt(M_MMAP_THRESHOLD)` for the workshop process (decision 98): a header, no library.
        .systemLibrary(name: "CHeap"),
        /// `sync_file_range(2)` for the journal (decision 105), declared only under _GNU_SOURCE: a header, no library.
        .systemLibrary(name: "CWriteback"),
        /// A text → QR matrix; the only importer of CQRencode. Pure in effect: the same text gives the same code.
        .target(name: "PlenaryQRCode", dependencies: ["CQRencode"]),
        /// The model and the pure engine: state, actions, reducers, effects as data, polls, groups, voting, text.
        /// No file system, no randomness, no wall clock, no YAML (docs/DECISIONS.md; a test reads its sources).
        .target(
            name: "PlenaryEngine",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                /// PBKDF2 for the moderator PIN and the voting codes.
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        /// Session files: YAML text → a validated `Session`. Parses; reading the file is storage's.
        .target(
            name: "PlenarySessionFile",
            dependencies: ["PlenaryEngine", .product(name: "Yams", package: "Yams")]
        ),
        /// Reports and exports of a results snapshot (text in, text out).
        .target(name: "PlenaryReports", dependencies: ["PlenaryEngine"]),
        /// The file system, journal, results file and the runner that performs the engine's effects with them.
        .target(name: "PlenaryStorage", dependencies: ["PlenaryEngine", "PlenarySessionFile", "PlenaryReports", "CWriteback"]),
        /// The host/client protocol (issue 14, docs/protocol.md): frames, messages, their codec. No sockets, no ncurses.
        .target(name: "PlenaryProtocol", dependencies: ["PlenaryEngine"]),
        /// Cell grid, views, key maps and the app loop. Pure: never imports CNCurses.
        .target(
            name: "PlenaryUI",
            dependencies: ["PlenaryEngine", "PlenaryStorage", "PlenaryQRCode"]
        ),
        /// The host's socket and event loop, and the attached client's connection (issue 14). Sockets, no ncurses.
        .target(name: "PlenaryHost", dependencies: ["PlenaryEngine", "PlenaryStorage", "PlenaryProtocol", "PlenaryUI"]),
        /// The phones' voting page (issue 17): Hummingbird routes and HTML, fed by the host across a socket pair (decision 94).
        .target(name: "PlenaryWeb", dependencies: ["PlenaryEngine", "PlenaryHost", "PlenaryProtocol", "PlenaryReports",
                                                   .product(name: "Hummingbird", package: "hummingbird"),
                                                   .product(name: "Logging", package: "swift-log"),
                                                   .product(name: "HTTPTypes", package: "swift-http-types"),
                                                   .product(name: "Crypto", package: "swift-crypto")]),
        /// The curses terminal driver: the only importer of CNCurses.
        .target(
            name: "PlenaryCurses",
            dependencies: ["CNCurses", "PlenaryUI", "PlenaryEngine", "PlenaryStorage"]
        ),
        .executableTarget(
            name: "plenary",
            dependencies: [
                "PlenaryEngine", "PlenarySessionFile", "PlenaryReports", "PlenaryStorage", "PlenaryUI", "PlenaryCurses", "PlenaryHost", "PlenaryProtocol", "CHeap",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.embedInCode("Resources/demo.yaml")]
        ),
        /// The phones' web server as its own process (decision 94): started by `plenary run --web` over a socket pair, so
        /// the moderator's binary links no HTTP stack (its start-up scans every protocol conformance it carries).
        .executableTarget(name: "plenary-web", dependencies: ["PlenaryWeb", "PlenaryProtocol", "PlenaryEngine", "PlenaryHost", "CParentDeath"]),
        /// Benchmark only (scripts/bench): writes real journals of N ballots with the store, reducer and codec.
        .executableTarget(name: "plenary-bench-gen", dependencies: ["PlenaryEngine", "PlenarySessionFile", "PlenaryStorage"]),
        /// Proof only (scripts/proof/host_load.py): a room of voter connections speaking the protocol through its own codec.
        .executableTarget(name: "plenary-load", dependencies: ["PlenaryEngine", "PlenaryProtocol"]),
        /// What several test targets share: the one fake clock, the Sevilla fixtures, the shipped session files.
        .target(name: "PlenaryTestSupport", dependencies: ["PlenaryEngine", "PlenarySessionFile", "PlenaryStorage", "PlenaryUI"], path: "Tests/PlenaryTestSupport"),
        /// Golden reports and results files of every schema version are read from disk by the tests, not bundled.
        .testTarget(name: "PlenaryCoreTests", dependencies: ["PlenaryEngine", "PlenarySessionFile", "PlenaryReports", "PlenaryStorage", "PlenaryTestSupport"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "PlenaryWebTests", dependencies: ["PlenaryWeb", "PlenaryHost", "PlenaryProtocol", "PlenaryEngine", "PlenaryTestSupport"]),
        .testTarget(name: "PlenaryProtocolTests", dependencies: ["PlenaryProtocol", "PlenaryEngine", "PlenaryTestSupport"]),
        .testTarget(name: "PlenaryHostTests", dependencies: ["PlenaryHost", "PlenaryProtocol", "PlenaryEngine", "PlenaryStorage", "PlenaryUI", "PlenaryTestSupport"]),
        .testTarget(name: "PlenaryUITests", dependencies: ["PlenaryUI", "PlenaryEngine", "PlenarySessionFile", "PlenaryStorage", "PlenaryTestSupport"]),
        /// The colour scheme's contrast, computed for xterm's palette (no terminal needed).
        .testTarget(name: "PlenaryCursesTests", dependencies: ["PlenaryCurses", "PlenaryUI"]),
        /// Drives the real `plenary` binary in tmux; depends on the executables so `swift test` builds them.
        .testTarget(name: "PlenaryEndToEndTests", dependencies: ["plenary", "plenary-web", "plenary-bench-gen", "PlenaryEngine", "PlenarySessionFile", "PlenaryStorage", "PlenaryUI", "PlenaryTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
