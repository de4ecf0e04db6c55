/// One row of a screen's help, and maybe of its footer: derived from a `KeyBinding`, so what the screen says a key
/// does is what the key map does with it.
public struct KeyHelp: Sendable, Equatable {
    /// Every key of the binding, as the help lists them ("n →").
    public var keys: String
    /// The keys the footer shows ("n/→"); nil keeps the binding out of the footer.
    public var footerKeys: String?
    /// The footer's word for it ("next").
    public var hint: String?
    public var description: String
}
