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
        passing: [
            // Cloudflare's protection with the address in the link: decoded, so not hidden.
            Example.audit(Example.page(#"<p>Пишите: <a href="/cdn-cgi/l/email-protection#98ebede8e8f7eaecd8fde0f9f5e8f4fdb6eaed">[email&#160;protected]</a></p>"#)),
        ],
        failing: [Example.audit(Example.page(#"<p>Пишите: <span class="__cf_email__">[email&#160;protected]</span></p>"#))]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let records = context.records
        // Records are sorted by source, so each page's hidden addresses are one run.
        var pages: [[Int32]] = []
        var lastPage: Int32 = -1
        for position in context.emails where records[Int(position)].evidence.method == .hidden {
            let page = context.pageOfRecord[Int(position)]
            if page != lastPage { pages.append([]) }
            lastPage = page
            pages[pages.count - 1].append(position)
        }
        return pages.map { positions in
            let source = records[Int(positions[0])].source
            return finding(channel: context.channel(of: positions, default: .email),
                           value: positions.map { records[Int($0)].value }.min() ?? "",
                           message: "\(source) hides an e-mail address that could not be decoded",
                           evidence: positions, in: context,
                           official: context.isOfficial(at: positions[0]) ? "the official page hides it" : nil)
        }
    }
}
