import ContactModel

/// A valid number that looks made up.
public struct SuspiciousNumberRule: AuditRule {
    public static let description = RuleDescription(
        id: "suspicious-number",
        severity: .warning,
        summary: "a number that validates but looks made up: repeated or running digits, well-known advertising numbers",
        rationale: """
        Placeholder numbers (777-77-77, 123-45-67) and famous jingles (8 800 555-35-35) are \
        copied into templates and content farms; nobody at the organisation answers them.
        """,
        passing: [Example.audit(Example.page("<p>Горячая линия: 8 800 100-70-10</p><p>Из-за рубежа: +7 495 727-47-47</p>"))],
        failing: [
            Example.audit(Example.page("<p>Горячая линия: +7 495 777-77-77</p>"), values: ["+74957777777"]),
            Example.audit(Example.page("<p>Горячая линия: +7 495 123-45-67</p>"), values: ["+74951234567"]),
            Example.audit(Example.page("<p>Горячая линия: 8 800 555-35-35</p>"), values: ["+78005553535"]),
        ]
    )

    /// Numbers known from advertising and templates, not from any organisation's support.
    static let knownFakes: [String: String] = [
        "+78005553535": "the \"8 800 555-35-35\" advertising jingle",
    ]

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let catalog = context.catalog.currentPhoneNumbers.union(context.catalog.deprecatedPhones)
        let candidates = context.phonesByValue.filter { $0.value.startsWithPlus && !catalog.contains($0.value) }
        return candidates.compactMap { group in
            let (value, positions) = (group.value, group.positions)
            guard let reason = Self.reason(value) else { return nil }
            return finding(channel: context.channel(of: positions), value: value,
                           message: "\(value) looks made up: \(reason)",
                           evidence: positions, in: context, official: context.officialNote(positions, stating: value))
        }
    }

    /// Why `e164` looks made up, or nil. Only the subscriber part (the last seven digits)
    /// is looked at: area and toll-free codes repeat digits legitimately (800, 999).
    static func reason(_ e164: String) -> String? {
        if let fake = knownFakes[e164] { return fake }
        guard let digits = subscriberDigits(e164) else { return nil }
        if longestRun(digits, step: 0) >= 5 { return "five or more repeated digits" }
        if longestRun(digits, step: 1) >= 6 || longestRun(digits, step: -1) >= 6 { return "running digits" }
        return nil
    }

    /// The last seven ASCII digits of `value`, nil when it has fewer. An ASCII value is
    /// read byte by byte, each byte being one character (a CR LF pair is one character,
    /// but not a digit); any other value goes through characters, where a digit that a
    /// combining mark joins is no longer an ASCII digit.
    static func subscriberDigits(_ value: String) -> [Int]? {
        var digits: [Int] = []
        digits.reserveCapacity(7)
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in value.utf8.reversed() where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(Int(byte - UInt8(ascii: "0")))
                if digits.count == 7 { return digits.reversed() }
            }
            return nil
        }
        digits = Array(value.filter(\.isASCIIDigit).suffix(7)).compactMap(\.wholeNumberValue)
        return digits.count == 7 ? digits : nil
    }

    /// The longest stretch where each digit is the previous one plus `step`.
    static func longestRun(_ digits: [Int], step: Int) -> Int {
        var best = digits.isEmpty ? 0 : 1, current = 1
        for i in digits.indices.dropFirst() {
            current = digits[i] == digits[i - 1] + step ? current + 1 : 1
            best = max(best, current)
        }
        return best
    }
}
