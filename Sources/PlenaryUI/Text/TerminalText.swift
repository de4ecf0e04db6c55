/// Makes user text safe to send to a terminal.
public enum TerminalText {
    /// Replaces control characters by their visible Control Pictures (ESC shows as ␛) and drops
    /// bidirectional overrides, so no user string can move the cursor, clear the screen or reorder a line.
    public static func sanitized(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isUnsafe(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x09 {
                result.append(" ")
            } else if v < 0x20 {
                result.append(Unicode.Scalar(0x2400 + v)!)
            } else if v == 0x7F {
                result.append(Unicode.Scalar(0x2421)!)
            } else if v >= 0x80 && v < 0xA0 {
                result.append(Unicode.Scalar(0xFFFD)!)
            } else if isBidiControl(v) {
                continue
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || isBidiControl(v)
    }

    private static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }
}
