import ContactModel

/// A number on a page that the catalog does not list: callers may reach someone else.
public struct UnknownPhoneRule: AuditRule {
    public static let description = RuleDescription(
        id: "unknown-phone",
        severity: .error,
        summary: "a phone number on a page that the catalog does not list (neither current nor deprecated)",
        rationale: """
        People call the number a page shows. A number the organisation does not publish sends \
        them to a wrong line, a paid intermediary or a scammer.
        """,
        passing: [
            Example.audit(Example.page("<p>Горячая линия: 8 800 100-70-10. С мобильного: 115. Экстренные службы: 112.</p>")),
        ],
        failing: [
            Example.audit(Example.page("<p>Горячая линия: +7 495 777-88-99</p>"), values: ["+74957778899"]),
        ]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let known = context.catalog.currentPhoneNumbers.union(context.catalog.deprecatedPhones)
            .union(context.serviceNumbers)
        return context.phonesByValue.filter { !known.contains($0.value) }.map { group in
            let (value, positions) = (group.value, group.positions)
            let official = context.officialNote(positions, stating: value)
            return finding(
                channel: context.channel(of: positions), value: value,
                message: "\(value) is not in the catalog"
                    + (official != nil ? "; an official page states it, so the catalog may be out of date" : ""),
                evidence: positions, in: context, official: official)
        }
    }
}
