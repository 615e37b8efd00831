import ContactModel

/// An address the organisation has retired but a page still shows.
public struct DeprecatedEmailRule: AuditRule {
    public static let description = RuleDescription(
        id: "deprecated-email",
        severity: .error,
        summary: "an e-mail address the catalog lists as deprecated",
        rationale: "Mail to a retired mailbox bounces or goes unread.",
        passing: [Example.audit(Example.page(#"<p>Пишите нам: <a href="mailto:support@example.ru">support@example.ru</a></p>"#))],
        failing: [Example.audit(Example.page(#"<p>Пишите нам: <a href="mailto:old@example.ru">old@example.ru</a></p>"#),
                                values: [Example.retiredEmail])]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let retired = context.emailsByValue.filter { context.catalog.deprecatedEmails.contains($0.value) }
        return retired.map { group in
            let (value, positions) = (group.value, group.positions)
            return finding(channel: context.channel(of: positions, default: .email), value: value,
                    message: "\(value) is deprecated; pages should show a current address",
                    evidence: positions, in: context, official: context.officialNote(positions, stating: value))
        }
    }
}
