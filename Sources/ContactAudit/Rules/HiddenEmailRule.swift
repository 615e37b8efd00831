import ContactModel

/// An address hidden by obfuscation that could not be decoded.
public struct HiddenEmailRule: AuditRule {
    public static let description = RuleDescription(
        id: "hidden-email",
        severity: .warning,
        summary: "an e-mail hidden by obfuscation that could not be decoded (e.g. the text `[email protected]`)",
        rationale: """
        Readers without JavaScript, copies of the page and search snippets show "[email protected]" \
        instead of an address, and the audit cannot check which address it is.
        """,
        passing: [Example.context([Example.email(Example.email, method: .cfemail, text: "[email protected]")])],
        failing: [Example.context([Example.email("[email protected]", method: .hidden, text: "Пишите: [email protected]")])]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let hidden = context.emails.filter { $0.evidence.method == .hidden }
        return Dictionary(grouping: hidden, by: \.source).map { source, records in
            finding(channel: AuditContext.channel(of: records, default: .email), value: records.map(\.value).min() ?? "",
                    message: "\(source) hides an e-mail address that could not be decoded",
                    evidence: records, official: context.isOfficial(source) ? "the official page hides it" : nil)
        }
    }
}
