import Foundation
import Testing

/// Schedules are compared by meaning everywhere: what `init` writes as one schedule, the
/// rules of `audit` read as one (schema.org's 23:59 is the end of the day).
@Suite struct ScheduleMeaningTests {
    /// Text says round the clock; the JSON-LD says 00:00–23:59 every day, as schema.org writes it.
    static let page = """
        <!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Помощь</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization",
        "contactPoint":{"@type":"ContactPoint","telephone":"+7-800-100-70-10","contactType":"customer support",
        "hoursAvailable":{"@type":"OpeningHoursSpecification",
        "dayOfWeek":["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"],"opens":"00:00","closes":"23:59"}}}</script>
        </head><body><main><h1>Служба поддержки</h1>
        <p>Горячая линия: <a href="tel:+78001007010">8 800 100-70-10</a>, круглосуточно.</p>
        <p>Офис: пн–пт с 9:00 до 23:59.</p></main></body></html>
        """

    @Test func initThenAuditOfTheSamePageFindsNothing() throws {
        let directory = try AuditCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CronLoopTests.write(Self.page, to: directory.appendingPathComponent("pages/help.html"))
        let initialised = try CommandRunner.run(["init", "demo", "pages/help.html"], in: directory)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let yaml = try String(contentsOf: directory.appendingPathComponent("Audits/demo/audit.yaml"), encoding: .utf8)
        #expect(yaml.contains("hours: \"24/7\""), "\(yaml)")
        // The comment quoting the JSON-LD does not double its quotes.
        #expect(yaml.contains("(json-ld): \"hoursAvailable\": \"00:00-23:59\"\n"), "\(yaml)")

        let audit = try CommandRunner.run(["audit", "Audits/demo", "--no-snapshot", "--format", "json"], in: directory)
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
        let report = try AuditCommandTests.json(audit.stdout)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.isEmpty, "\(findings.compactMap { $0["rule"] as? String }): \(audit.stdout)")

        // The catalog written as schema.org writes it agrees with the page's 24/7 too.
        let file = directory.appendingPathComponent("Audits/demo/audit.yaml")
        try yaml.replacingOccurrences(of: "hours: \"24/7\"", with: "hours: \"Mo-Su 00:00-23:59\"")
            .write(to: file, atomically: true, encoding: .utf8)
        let again = try CommandRunner.run(["audit", "Audits/demo", "--no-snapshot", "--format", "json"], in: directory)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect((try AuditCommandTests.json(again.stdout)["findings"] as? [[String: Any]])?.isEmpty == true, "\(again.stdout)")

        // A schedule that differs still differs: the catalog's weekdays against the page's 24/7.
        try yaml.replacingOccurrences(of: "hours: \"24/7\"", with: "hours: \"Mo-Fr 09:00-23:59\"")
            .write(to: file, atomically: true, encoding: .utf8)
        let differs = try CommandRunner.run(["audit", "Audits/demo", "--no-snapshot", "--format", "json", "--fail-on", "never"], in: directory)
        let rules = (try AuditCommandTests.json(differs.stdout)["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(rules?.contains("hours-mismatch") == true, "\(differs.stdout)")
    }
}
