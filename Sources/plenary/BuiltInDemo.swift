/// The demo session shipped inside the binary, so `plenary run` with no file shows everything.
/// Embedded at build time from sessions/demo.yaml (through the symlink in Resources/), so the two cannot drift.
enum BuiltInDemo {
    static let fileName = "plenary-demo.yaml"
    static let yaml = String(decoding: PackageResources.demo_yaml, as: UTF8.self)
}
