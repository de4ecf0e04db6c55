/// A key binding declared once: the keys, what they do on the screen's help (and maybe its footer), and the action
/// they produce. A screen's `KeyTable` of these is both its key map and its help, so the two cannot disagree.
/// `Context` is what the screen's keys need to know (the state, a selection, a draft); an action builder returns nil
/// where the key does nothing at that moment (the last page, no poll chosen).
public struct KeyBinding<Context, Action>: Sendable {
    public var keys: [KeyPattern]
    public var description: String
    /// The footer's word for the binding; nil keeps it out of the footer.
    public var hint: String?
    /// How many of `keys` the footer names ("n/→" is two; "PgDn" leaves Space to the help).
    public var footerKeyCount: Int
    let action: @Sendable (KeyEvent, Context) -> Action?

    public init(_ keys: [KeyPattern], _ description: String, footer hint: String? = nil, footerKeys: Int = 1,
                action: @escaping @Sendable (KeyEvent, Context) -> Action?) {
        self.keys = keys
        self.description = description
        self.hint = hint
        self.footerKeyCount = footerKeys
        self.action = action
    }

    /// A binding whose action does not depend on the key or the context.
    public init(_ keys: [KeyPattern], _ description: String, footer hint: String? = nil, footerKeys: Int = 1,
                always action: Action) where Action: Sendable {
        self.init(keys, description, footer: hint, footerKeys: footerKeys) { _, _ in action }
    }

    public var help: KeyHelp {
        KeyHelp(keys: keys.map(\.label).concatenated(separator: " "),
                footerKeys: hint == nil ? nil : keys.prefix(footerKeyCount).map(\.shortLabel).concatenated(separator: "/"),
                hint: hint, description: description)
    }

    func answers(_ key: KeyEvent) -> Bool { keys.contains { $0.matches(key) } }

    /// The same keys and help on a screen with a larger context or another kind of action (a ballot's editing keys
    /// on the moderator's form and on the voter screen).
    func pullback<Outer, OuterAction>(_ context: @escaping @Sendable (Outer) -> Context?,
                                      _ wrap: @escaping @Sendable (Action) -> OuterAction) -> KeyBinding<Outer, OuterAction> {
        let action = self.action
        return KeyBinding<Outer, OuterAction>(keys, description, footer: hint, footerKeys: footerKeyCount) { key, outer in
            context(outer).flatMap { action(key, $0) }.map(wrap)
        }
    }
}
