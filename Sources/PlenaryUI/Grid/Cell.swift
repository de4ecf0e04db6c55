/// One terminal cell: a grapheme that is safe to print, and what it means.
public struct Cell: Sendable, Equatable {
    /// One printable grapheme, or "" for the right half of a wide character.
    public var text: String
    public var style: StyleRole

    public init(_ text: String = " ", style: StyleRole = .normal) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()

    /// The second column of a two-column character; drivers skip it.
    public var isContinuation: Bool { text.isEmpty }
}
