// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for the parsers that read untrusted bytes. Kept out of the main package so a normal
/// `swift build` never needs the fuzzer runtime. Build and run them with `scripts/fuzz`, which passes
/// `--sanitize=fuzzer --sanitize=address` so every target (Plenary, Yams, libyaml) is instrumented.
let fuzzTarget: [SwiftSetting] = [
    // libFuzzer supplies `main`; the Swift file must not.
    .unsafeFlags(["-parse-as-library"]),
]

let package = Package(
    name: "PlenaryFuzz",
    dependencies: [
        .package(name: "Plenary", path: ".."),
    ],
    targets: [
        /// Session files: bytes → `SessionFile.parse(bytes:file:)`, the path every file on disk takes.
        .executableTarget(
            name: "FuzzSessionFile",
            dependencies: [.product(name: "PlenaryCore", package: "Plenary")],
            swiftSettings: fuzzTarget
        ),
        /// Journals: bytes → `JournalReader.read`, as a resume reads the file after a crash.
        .executableTarget(
            name: "FuzzJournalReader",
            dependencies: [.product(name: "PlenaryCore", package: "Plenary")],
            swiftSettings: fuzzTarget
        ),
        /// Journals with valid checksums: record bodies → framed → `WorkshopStore.open`, which replays every command.
        .executableTarget(
            name: "FuzzJournalReplay",
            dependencies: [.product(name: "PlenaryCore", package: "Plenary")],
            swiftSettings: fuzzTarget
        ),
    ],
    swiftLanguageModes: [.v6]
)
