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
        let records = context.records
        func isCounted(_ position: Int32) -> Bool {
            records[Int(position)].channel == .hotline && records[Int(position)].value.startsWithPlus
        }
        // The numbers presented, each as its first hotline record states it, in value order.
        var numbers: [(value: String, group: ValueGroup)] = []
        for group in context.phonesByValue {
            if let first = group.positions.first(where: isCounted) { numbers.append((records[Int(first)].value, group)) }
        }
        let expected = Set(context.catalog.hotlineNumbers.filter { $0.hasPrefix("+") })
        guard numbers.count > expected.count else { return [] }
        let extra = numbers.filter { !expected.contains($0.value) }
        let hotlines = context.phones.filter(isCounted)
        return [finding(
            channel: .hotline, value: numbers.map(\.value).joined(separator: ", "),
            message: "pages present \(numbers.count) hotline numbers, the catalog has \(expected.count)"
                + (extra.isEmpty ? "" : "; not in the catalog: \(extra.map(\.value).listed)"),
            evidence: hotlines, in: context,
            official: context.officialNote(extra.lazy.flatMap { $0.group.positions.lazy.filter(isCounted) }, stating: "extra hotline numbers"))]
    }
}
