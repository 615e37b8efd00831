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
        passing: [Example.context([Example.phone(Example.hotline), Example.phone(Example.abroad)])],
        failing: [
            Example.context([Example.phone("+74957777777")]),
            Example.context([Example.phone("+74951234567")]),
            Example.context([Example.phone("+78005553535")]),
        ]
    )

    /// Numbers known from advertising and templates, not from any organisation's support.
    static let knownFakes: [String: String] = [
        "+78005553535": "the \"8 800 555-35-35\" advertising jingle",
    ]

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let catalog = context.catalog.currentPhoneNumbers.union(context.catalog.deprecatedPhones)
        let candidates = context.phonesByValue.filter { $0.value.hasPrefix("+") && !catalog.contains($0.value) }
        return candidates.compactMap { group in
            let (value, records) = (group.value, group.records)
            guard let reason = Self.reason(value) else { return nil }
            return finding(channel: AuditContext.channel(of: records), value: value,
                           message: "\(value) looks made up: \(reason)",
                           evidence: records, official: context.officialNote(records, stating: value))
        }
    }

    /// Why `e164` looks made up, or nil. Only the subscriber part (the last seven digits)
    /// is looked at: area and toll-free codes repeat digits legitimately (800, 999).
    static func reason(_ e164: String) -> String? {
        if let fake = knownFakes[e164] { return fake }
        let digits = Array(e164.filter(\.isASCIIDigit).suffix(7)).compactMap(\.wholeNumberValue)
        guard digits.count == 7 else { return nil }
        if longestRun(digits, step: 0) >= 5 { return "five or more repeated digits" }
        if longestRun(digits, step: 1) >= 6 || longestRun(digits, step: -1) >= 6 { return "running digits" }
        return nil
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
