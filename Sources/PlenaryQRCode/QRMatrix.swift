import CQRencode

/// The modules of one QR code, dark or light, row by row, without the quiet zone (whoever draws it adds that).
/// Made by libqrencode, the QR library Debian ships, so that what phones scan follows the standard to the letter;
/// opened when the first code is made (decision 110).
public struct QRMatrix: Equatable, Sendable {
    /// Modules per side.
    public let width: Int
    private let dark: [Bool]

    /// The quiet zone the standard asks for on every side, in modules; scanners find a code by its light margin.
    public static let quietZone = 4

    /// Encodes `text` as bytes (8-bit mode keeps a URL exactly as written) at error correction level L, the
    /// smallest code for a given text: the code is shown large, sharp and still on a screen, not printed on paper
    /// that gets creased. Nil when the text is too long for any QR code, the library cannot allocate, or the laptop
    /// has no libqrencode (the screens then show the address alone).
    public init?(encoding text: String) {
        guard !text.isEmpty, let code = text.withCString({ plenary_qrencode_encode_8bit($0, 0, QR_ECLEVEL_L) }) else {
            return nil
        }
        defer { plenary_qrencode_free(code) }
        let width = Int(code.pointee.width)
        // Bit 0 of each byte is the module's colour; the other bits say what kind of module it is.
        let modules = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        self.init(width: width, dark: modules.map { $0 & 1 == 1 })
    }

    /// A matrix given module by module (tests, and codes read back from a screen).
    public init(width: Int, dark: [Bool]) {
        precondition(dark.count == width * width, "a QR matrix is square")
        self.width = width
        self.dark = dark
    }

    /// Whether the module at `column`, `row` is dark; outside the code (the quiet zone) everything is light.
    public func isDark(column: Int, row: Int) -> Bool {
        guard (0..<width).contains(column), (0..<width).contains(row) else { return false }
        return dark[row * width + column]
    }

    /// Modules per side with the quiet zone on both sides.
    public var widthWithQuietZone: Int { width + 2 * Self.quietZone }
}
