import Testing
@testable import PlenaryEngine

/// Sends actions to the reducer and checks the whole `WorkshopState` after each, as The Composable Architecture's
/// exhaustive TestStore does: a test states every change it expects, so any change it did not expect fails it.
struct ReducerTestStore {
    private(set) var state: WorkshopState

    init(_ state: WorkshopState) {
        self.state = state
    }

    /// Sends `action` at `now`, expects exactly `effects`, and expects the state before it with `changes` applied
    /// and nothing else changed. `changes` must set everything the action changes, `now` included.
    mutating func send(_ action: WorkshopAction, at now: Instant, effects expected: [Effect],
                       sourceLocation: SourceLocation = #_sourceLocation, _ changes: (inout WorkshopState) -> Void) {
        var expectedState = state
        changes(&expectedState)
        let effects = WorkshopReducer.reduce(&state, action, now: now)
        #expect(effects == expected, "effects of \(action)", sourceLocation: sourceLocation)
        Self.expectSame(state, expectedState, sourceLocation: sourceLocation)
    }

    /// Fails with the name of each top-level field that differs, both values shown, rather than two whole states.
    static func expectSame(_ actual: WorkshopState, _ expected: WorkshopState, sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual != expected else { return }
        let fields = zip(Mirror(reflecting: actual).children, Mirror(reflecting: expected).children).compactMap { pair -> String? in
            let (actualField, expectedField) = pair
            let actualText = String(describing: actualField.value), expectedText = String(describing: expectedField.value)
            guard actualText != expectedText else { return nil }
            return "\(actualField.label ?? "?"):\n  expected \(expectedText)\n  actual   \(actualText)"
        }
        let report: String = "the state differs from the expected one:\n" + (fields.isEmpty ? "(in a nested value)" : fields.joined(separator: "\n"))
        Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
    }
}
