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
            // The catalog's three hotline numbers, the short one included.
            Example.audit(
                Example.page("<p>Горячая линия: 8 800 100-70-10</p><p>Горячая линия для звонков из-за рубежа: +7 495 727-47-47</p>"),
                Example.officialPage("<p>Горячая линия: 8 800 100-70-10, с мобильного — короткий номер 115.</p>")),
        ],
        failing: [
            Example.audit(
                Example.page("<p>Горячая линия: 8 800 100-70-10</p><p>Горячая линия для регионов: 8 495 771-71-71</p>"),
                Example.officialPage("""
                    <p>Горячая линия: 8 800 100-70-10, с мобильного — короткий номер 115.</p>
                    <p>Горячая линия для звонков из-за рубежа: +7 495 727-47-47</p>
                    """, url: "https://www.example.ru/contacts"),
                values: ["+74957274747, +74957717171, +78001007010, 115"]),
        ]
    )

    public init() {}

    /// Counted as a reader counts: every distinct number presented as a hotline, short
    /// numbers (115) included, against every hotline number the catalog lists. A number
    /// the catalog lists for another line (`business`, `sales`) is that line under a loose
    /// label ("горячая линия для бизнеса"), not an extra hotline.
    public func check(_ context: AuditContext) -> [Finding] {
        let records = context.records
        let otherLines = Set(context.catalog.phones.filter { $0.channel != .hotline }.map(\.number))
        func isCounted(_ position: Int32) -> Bool {
            records[Int(position)].channel == .hotline && !otherLines.contains(records[Int(position)].value)
        }
        // The numbers presented, each as its first hotline record states it, in value order.
        var numbers: [(value: String, group: ValueGroup)] = []
        for group in context.phonesByValue {
            if let first = group.positions.first(where: isCounted) { numbers.append((records[Int(first)].value, group)) }
        }
        let expected = Set(context.catalog.hotlineNumbers)
        guard numbers.count > expected.count else { return [] }
        let extra = numbers.filter { !expected.contains($0.value) }
        let hotlines = context.phones.filter(isCounted)
        return [finding(
            channel: .hotline, value: numbers.map(\.value).joined(separator: ", "),
            message: "pages present \(numbers.count.counted("hotline number")), the catalog has \(expected.count)"
                + (expected.isEmpty ? "" : " (\(expected.sorted().listed))")
                + (extra.isEmpty ? "" : "; not in the catalog: \(extra.map(\.value).listed)"),
            evidence: hotlines, in: context,
            official: context.officialNote(extra.lazy.flatMap { $0.group.positions.lazy.filter(isCounted) }, stating: "extra hotline numbers"))]
    }
}
