import ContactModel

/// Pages together present more hotline numbers than the organisation has.
public struct MultipleHotlineNumbersRule: AuditRule {
    public static let description = RuleDescription(
        id: "multiple-hotline-numbers",
        severity: .warning,
        summary: "pages present more distinct hotline numbers than the catalog has",
        rationale: """
        A reader who sees several "hotline" numbers cannot tell which one is real; extra \
        numbers are how impersonators get called.
        """,
        passing: [
            Example.context([Example.phone(Example.hotline), Example.phone(Example.abroad, source: Example.official)]),
        ],
        failing: [
            Example.context([
                Example.phone(Example.hotline), Example.phone(Example.abroad), Example.phone("115"),
                Example.phone("+74957717171"),
            ]),
            // The seeds: three numbers, none the catalog's; the catalog's three include 115.
            Example.context([
                Example.phone("+74957717171"), Example.phone("+74957778899"), Example.phone("+78005553535"),
            ]),
        ]
    )

    public init() {}

    /// Short numbers (115) are another way to dial a line, not another line, so only
    /// full E.164 numbers are counted, on the pages and in the catalog.
    public func check(_ context: AuditContext) -> [Finding] {
        let hotlines = context.phones.filter { $0.channel == .hotline && $0.value.hasPrefix("+") }
        let numbers = Set(hotlines.map(\.value))
        let expected = Set(context.catalog.hotlineNumbers.filter { $0.hasPrefix("+") })
        guard numbers.count > expected.count else { return [] }
        let extraSet = numbers.subtracting(expected)
        let extra = extraSet.sorted()
        let sorted = numbers.sorted()
        return [finding(
            channel: .hotline, value: sorted.joined(separator: ", "),
            message: "pages present \(numbers.count) hotline numbers, the catalog has \(expected.count)"
                + (extra.isEmpty ? "" : "; not in the catalog: \(extra.listed)"),
            evidence: hotlines,
            official: context.officialNote(hotlines.lazy.filter { extraSet.contains($0.value) }, stating: "extra hotline numbers"))]
    }
}
