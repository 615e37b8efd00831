import ContactModel

/// An official page that shows none of the hotline numbers.
public struct MissingOfficialContactRule: AuditRule {
    public static let description = RuleDescription(
        id: "missing-official-contact",
        severity: .error,
        summary: "an official source the audit names (or matches by URL pattern) does not show a catalog hotline number",
        rationale: """
        People look for the hotline on the organisation's own help pages first; when it is \
        missing there they search and find third-party numbers instead.
        """,
        passing: [
            Example.audit(Example.officialPage(#"<p>Горячая линия: <a href="tel:+78001007010">8 800 100-70-10</a></p>"#)),
            // A page that could not be read is reported as such, not as lacking the number.
            Example.audit(ExamplePage(url: Example.official, html: "", official: true, read: false)),
            // A news page the crawl reached from the official help page: official, but
            // nobody expects the hotline on it.
            Example.audit(
                Example.officialPage(#"<p>Горячая линия: <a href="tel:+78001007010">8 800 100-70-10</a></p>"#),
                ExamplePage(url: "https://www.example.ru/news/2024/tariffs", html: Example.page("""
                    <article><h1>Новые тарифы с 1 января</h1><p>Тарифы на услуги изменятся с 1 января.</p></article>
                    """).html, official: true, crawled: true)),
        ],
        failing: [
            Example.audit(Example.officialPage("<p>Горячая линия: +7 495 777-88-99</p>")),
        ]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let hotlines = context.catalog.hotlineNumbers
        guard !hotlines.isEmpty else { return [] }
        let value = hotlines.sorted().joined(separator: ", ")
        let expected = context.hotlineSources.intersection(context.officialSources)
        return expected.intersection(context.readSources).sorted().compactMap { source in
            let shown = context.phones(from: source)
            guard !shown.contains(where: { hotlines.contains(context.records[Int($0)].value) }) else { return nil }
            return Finding(
                rule: Self.description.id, severity: Self.description.severity, channel: .hotline, value: value,
                message: "the official page \(source) shows none of the hotline numbers \(hotlines.sorted().listed)",
                sources: [source], evidence: context.records(at: shown), official: "the official source lacks the hotline")
        }
    }
}
