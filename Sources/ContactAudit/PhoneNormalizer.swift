import PhoneNumbers

/// Catalog numbers are written the way people write them; this turns them into the form
/// extraction gives (`8 800 100-70-10` → `+78001007010`), so comparisons are exact.
public enum PhoneNormalizer {
    /// Separators people put between digits.
    static let separators: Set<Character> = [" ", "-", "(", ")", ".", "\u{A0}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}"]

    /// 3–6 digits written without a country code are service short numbers (`115`,
    /// `0611`) and stay as written digits.
    public static func shortNumber(_ text: String) -> String? {
        let digits = String(text.filter { !separators.contains($0) })
        guard (3...6).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return digits
    }

    public static func normalize(_ text: String, region: String?) throws(PhoneNumberError) -> String {
        if let short = shortNumber(text) { return short }
        return try PhoneNumberService.parse(text, region: region ?? "ZZ").e164
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// `hasPrefix("+")`: a full E.164 number, not a short one. Read from the bytes when the
    /// character after the plus is ASCII and so cannot join it into another character:
    /// `hasPrefix` walks characters, which shows at a million values.
    var startsWithPlus: Bool {
        var bytes = utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "+") else { return false }
        guard let next = bytes.next() else { return true }
        return next < 0x80 || hasPrefix("+")
    }
}
