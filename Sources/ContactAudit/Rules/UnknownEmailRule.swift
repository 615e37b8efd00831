import ContactModel

/// An address on a page that the catalog does not list.
public struct UnknownEmailRule: AuditRule {
    public static let description = RuleDescription(
        id: "unknown-email",
        severity: .warning,
        summary: "an e-mail address on a page that the catalog does not list (neither current nor deprecated)",
        rationale: "Mail sent to an address the organisation does not read is lost, or read by someone else.",
        passing: [Example.audit(Example.page(#"<p>Пишите нам: <a href="mailto:support@example.ru">support@example.ru</a></p>"#))],
        failing: [Example.audit(Example.page(#"<p>Пишите нам: <a href="mailto:help@example-support.com">help@example-support.com</a></p>"#),
                                values: ["help@example-support.com"])]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let known = context.catalog.currentEmailAddresses.union(context.catalog.deprecatedEmails)
        // Undecodable addresses have no value to compare; hidden-email reports them.
        let unknown = context.emailsByValue.compactMap { group in
            known.contains(group.value) ? nil
                : group.filter(in: context.records) { context.records[Int($0)].evidence.method != .hidden }
        }
        return unknown.map { group in
            let (value, positions) = (group.value, group.positions)
            return finding(channel: context.channel(of: positions, default: .email), value: value,
                    message: "\(value) is not in the catalog",
                    evidence: positions, in: context, official: context.officialNote(positions, stating: value))
        }
    }
}
