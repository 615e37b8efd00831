@testable import ContactAudit
import ContactModel
@testable import ContactReport
import Foundation
import Testing

/// Whole outputs compared with files under Golden/; `RECORD_GOLDEN=1 swift test`
/// re-records them after an intended change (review the diff before committing).
@Suite struct ReporterGoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// A small run touching every part of a report: two severities, an official note,
    /// evidence, an unreadable source, a suppressed finding and an expired waiver.
    static var report: AuditReport {
        let records = [
            Example.phone("+78005553535", source: "pages/blog.html", path: "/html/body/p[1]", text: "Звоните 8 800 555-35-35 | круглосуточно"),
            Example.phone(Example.retired, source: "pages/blog.html", path: "/html/body/p[2]"),
            Example.hours("24/7", source: Example.official, path: "/html/body/main/p"),
            Example.hours("Mo-Fr 08:00-20:00", source: "pages/blog.html", path: "/html/body/p[3]", text: "пн–пт 8–20 <мск>"),
            Example.phone(Example.hotline, source: Example.official, path: "/html/body/main/p/a"),
        ]
        let statuses = [
            SourceStatus(url: Example.official, official: true, records: 2),
            SourceStatus(url: "pages/blog.html", official: false, records: 3),
            SourceStatus(url: "https://gone.example.com/", official: false, error: "HTTP 404"),
        ]
        let context = AuditContext(records: records, catalog: Example.catalog, officialSources: [Example.official],
                                   readSources: [Example.official, "pages/blog.html"])
        let auditor = Auditor(settings: ["hidden-email": .off])
        let findings = auditor.run(context)
        let accepted = Baseline(entries: [
            BaselineEntry(rule: "suspicious-number", value: "+78005553535", source: "pages/blog.html"),
            BaselineEntry(rule: "deprecated-phone", value: Example.retired, source: "pages/blog.html",
                          reason: "blog owner contacted", expires: "2026-01-31"),
        ])
        let outcome = accepted.apply(to: findings, today: "2026-02-01")
        return AuditReport(name: "demo", sources: statuses, records: records, findings: outcome.findings,
                           rules: auditor.enabledRules, suppressed: outcome.suppressed.count, expiredWaivers: outcome.expired)
    }

    @Test(arguments: [(ReportFormat.text, "report.txt"), (.json, "report.json"), (.markdown, "report.md"), (.junit, "report.xml")])
    func golden(_ format: ReportFormat, _ file: String) throws {
        let rendered = format.reporter().render(Self.report)
        let url = Self.goldenDirectory.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try Data(rendered.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == expected, "\(file) differs; re-record with RECORD_GOLDEN=1 if intended")
    }

    @Test func jsonHasTheContractShape() throws {
        let data = Data(JSONReporter().render(Self.report).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["sources"] as? Int == 3 && summary["records"] as? Int == 5)
        #expect(summary["errors"] as? Int == Self.report.summary.errors)
        #expect(summary["warnings"] as? Int == Self.report.summary.warnings)
        let findings = try #require(object["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        #expect(Set(first.keys).isSuperset(of: ["rule", "severity", "channel", "value", "message", "sources", "evidence"]))
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!TextReporter(colour: false).render(Self.report).contains("\u{1B}["))
        #expect(TextReporter(colour: true).render(Self.report).contains("\u{1B}[1;31mERROR"))
        #expect(!TerminalColour.wanted(environment: ["NO_COLOR": "1"]))
    }

    @Test func longEvidenceIsCutAroundTheValue() {
        let text = String(repeating: "слово ", count: 40) + "Номер +7 495 777-88-99 работает круглосуточно"
        let quoted = TextReporter.quote(text, around: "+7 495 777-88-99")
        #expect(quoted.contains("+7 495 777-88-99") && quoted.hasPrefix("\"…"))
        #expect(TextReporter.quote("short") == "\"short\"")
    }

    /// Markdown's evidence is cut around the number as the text report's is: it was cut from
    /// the start, so a long paragraph showed "Номер +7 495 777‑…" and hid the value checked.
    @Test func markdownEvidenceKeepsTheValueInView() {
        let text = String(repeating: "слово ", count: 40) + "Номер +7 495 777-88-99 работает круглосуточно"
        let record = ContactRecord(kind: .phone, value: "+74957778899", channel: .hotline, source: "pages/blog.html",
                                   evidence: Evidence(method: .text, path: "/html/body/p", text: text), raw: "+7 495 777-88-99")
        let context = AuditContext(records: [record], catalog: Example.catalog, officialSources: [], readSources: ["pages/blog.html"])
        let auditor = Auditor(settings: [:])
        let report = AuditReport(name: "demo", sources: [SourceStatus(url: "pages/blog.html", official: false, records: 1)],
                                 records: [record], findings: auditor.run(context), rules: auditor.enabledRules)
        let evidence = MarkdownReporter().render(report).split(separator: "\n").filter { $0.hasPrefix("  - ") }
        #expect(!evidence.isEmpty)
        #expect(evidence.allSatisfy { $0.contains("+7 495 777-88-99") })
    }

    @Test func junitEscapesAndCountsPerRuleAndSource() {
        let xml = JUnitReporter().render(Self.report)
        #expect(xml.contains("<testsuite name=\"unknown-phone\" tests=\"2\" failures=\"1\""))
        #expect(xml.contains("&lt;мск&gt;"))
        #expect(!xml.contains("<мск>"))
    }

    @Test func outputIsWrittenAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.md").path
        try ReportOutput.write("old\n", to: path)
        try ReportOutput.write("new\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.md"])
        #expect(throws: AtomicFileError.self) { try ReportOutput.write("x", to: "/nonexistent-dir/report.md") }
        // The message names the directory that is missing.
        do {
            try ReportOutput.write("x", to: "/nonexistent-dir/report.md")
        } catch {
            #expect(error.description == "/nonexistent-dir/report.md: cannot write: its directory /nonexistent-dir does not exist (create it first)")
        }
    }
}
