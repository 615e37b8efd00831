import ContactModel

/// A number the organisation has retired but a page still shows.
public struct DeprecatedPhoneRule: AuditRule {
    public static let description = RuleDescription(
        id: "deprecated-phone",
        severity: .error,
        summary: "a number the catalog lists as deprecated",
        rationale: "Retired numbers go unanswered or get reassigned; pages should show the current ones.",
        passing: [Example.audit(Example.page("<p>Справочная служба: +7 495 727-47-47</p>"))],
        failing: [Example.audit(Example.page("<p>Справочная служба: +7 499 550-18-39</p>"), values: [Example.retired])]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let retired = context.phonesByValue.filter { context.catalog.deprecatedPhones.contains($0.value) }
        return retired.map { group in
            let (value, positions) = (group.value, group.positions)
            return finding(channel: context.channel(of: positions), value: value,
                    message: "\(value) is deprecated; pages should show a current number",
                    evidence: positions, in: context, official: context.officialNote(positions, stating: value))
        }
    }
}
