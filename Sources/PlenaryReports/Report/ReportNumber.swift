/// Numbers as a report and its CSV files write them: a dot for decimals, at most two places, no trailing zeros,
/// whatever the machine's locale, so a report reads the same on every laptop and golden files stay stable.
public enum ReportNumber {
    /// 3.6666 → "3.67", 4.0 → "4", 2.5 → "2.5", -0.25 → "-0.25".
    public static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100
        let fraction = abs(hundredths) % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(digits)"
    }

    /// 0.6667 → "67%".
    public static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }
}
