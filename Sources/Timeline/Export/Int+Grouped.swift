extension Int {
    /// The number with a comma between groups of three digits: "1,500,000".
    public var groupedInThousands: String {
        let digits = String(magnitude)
        var text = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (self < 0 ? "-" : "") + text
    }
}
