/// A fixture that cannot be built fails the one test that asked for it (a thrown error), instead of taking the
/// whole test process down with `fatalError`.
public struct FixtureError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
