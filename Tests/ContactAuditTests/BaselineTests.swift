@testable import ContactAudit
import ContactModel
import Foundation
import Testing

@Suite struct BaselineTests {
    static let findings = Auditor().run(Example.context([
        Example.phone("+74957717171"), Example.phone("+74957717171", source: "b.html"), Example.email("a@b.ru"),
    ]))

    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json").path
    }

    @Test func roundTripSuppressesEverything() throws {
        #expect(!Self.findings.isEmpty)
        let path = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Baseline(findings: Self.findings).write(to: path)
        let loaded = try Baseline.load(path)
        let outcome = loaded.apply(to: Self.findings, today: "2026-01-01")
        #expect(outcome.findings.isEmpty)
        #expect(outcome.suppressed.count == Self.findings.count)
        // Sorted and stable: writing again gives the same bytes.
        let again = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: again) }
        try Baseline(findings: Self.findings.reversed()).write(to: again)
        #expect(FileManager.default.contents(atPath: path) == FileManager.default.contents(atPath: again))
    }

    @Test func matchesByRuleValueAndSourceNotMessage() {
        var reworded = Self.findings
        for index in reworded.indices { reworded[index].message = "reworded" }
        #expect(Baseline(findings: Self.findings).apply(to: reworded, today: "2026-01-01").findings.isEmpty)
        // The same number on a new page is new.
        let spread = Auditor().run(Example.context([Example.phone("+74957717171"), Example.phone("+74957717171", source: "b.html"),
                                                    Example.phone("+74957717171", source: "c.html")]))
        let accepted = Baseline(findings: Self.findings)
        #expect(accepted.apply(to: spread, today: "2026-01-01").findings.contains { $0.rule == "unknown-phone" })
    }

    @Test(arguments: [("2026-03-01", true), ("2026-02-28", false), ("2026-03-02", true)])
    func waiverExpiry(_ expires: String, _ suppressedOn0301: Bool) throws {
        let entries = Baseline(findings: Self.findings).entries.map {
            BaselineEntry(rule: $0.rule, value: $0.value, source: $0.source, reason: "vendor page, ticket 42", expires: expires)
        }
        let outcome = Baseline(entries: entries).apply(to: Self.findings, today: "2026-03-01")
        #expect(outcome.findings.isEmpty == suppressedOn0301)
        #expect(outcome.expired.isEmpty == suppressedOn0301)
        if !suppressedOn0301 { #expect(outcome.expired.allSatisfy { $0.reason == "vendor page, ticket 42" }) }
    }

    @Test func rewritingKeepsReasons() {
        let waived = Baseline(entries: Baseline(findings: Self.findings).entries.map {
            BaselineEntry(rule: $0.rule, value: $0.value, source: $0.source, reason: "known", expires: "2030-01-01")
        })
        let rewritten = Baseline(findings: Self.findings, carryingOver: waived)
        #expect(rewritten.entries.allSatisfy { $0.reason == "known" && $0.expires == "2030-01-01" })
    }

    @Test func badFilesAreRejectedWithTheirPath() throws {
        let path = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"{"version": 1, "entries": [{"rule": "r", "value": "v", "source": "s", "expires": "soon"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect(throws: BaselineError.self) { try Baseline.load(path) }
        #expect(throws: BaselineError.self) { try Baseline.load(path + ".missing") }
    }

    @Test func todayIsIsoDate() {
        #expect(Baseline.today(Date(timeIntervalSince1970: 0)) == "1970-01-01")
    }
}
