/// What a cell means, not how it looks: the driver maps roles to colours, or to bold/reverse/dim under NO_COLOR.
public enum StyleRole: UInt8, Sendable, Equatable, CaseIterable {
    case normal
    /// Past slots, secondary text.
    case dim
    /// Workshop title and section headings.
    case title
    /// The header and footer bars.
    case bar
    /// The current slot in the agenda.
    case current
    /// A selected row in a list or picker (always reverse video, so it shows without colour too).
    case selected
    /// Running on time, confirmations.
    case ok
    /// The last minutes of a slot, a room running late.
    case warning
    /// Overrunning, errors, storage failures.
    case alert
    /// Key names in hints ("n", "Space").
    case key
    /// Lines and frames.
    case border
    /// Big timer digits.
    case timer
    /// Result bars: ink on the terminal's background, so the colour chosen for it must show on light and dark
    /// terminals alike (a band role such as `ok` would paint its bars in the band's text colour).
    case chart
    /// A QR code: dark ink on a light cell on every terminal, since a scanner needs dark modules on a light ground
    /// (under NO_COLOR, reverse video: right on the usual dark terminal).
    case code
}
