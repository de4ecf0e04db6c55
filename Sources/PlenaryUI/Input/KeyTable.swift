/// One screen's bindings, in the order its help lists them. The key map asks the first binding that answers the key
/// and acts at that moment; keys no binding names do nothing.
public struct KeyTable<Context, Action>: Sendable {
    public var bindings: [KeyBinding<Context, Action>]

    public init(_ bindings: [KeyBinding<Context, Action>]) {
        self.bindings = bindings
    }

    public func action(for key: KeyEvent, in context: Context) -> Action? {
        for binding in bindings where binding.answers(key) {
            if let action = binding.action(key, context) { return action }
        }
        return nil
    }

    public var help: [KeyHelp] { bindings.map(\.help) }

    public static func + (lhs: KeyTable, rhs: KeyTable) -> KeyTable { KeyTable(lhs.bindings + rhs.bindings) }

    func pullback<Outer, OuterAction>(_ context: @escaping @Sendable (Outer) -> Context?,
                                      _ wrap: @escaping @Sendable (Action) -> OuterAction) -> KeyTable<Outer, OuterAction> {
        KeyTable<Outer, OuterAction>(bindings.map { $0.pullback(context, wrap) })
    }
}
