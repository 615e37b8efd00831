@testable import ContactAudit
import Testing

/// Every rule proves its own examples: the same examples the docs show.
@Suite struct RuleExampleTests {
    static let ids = AllRules.map { $0.description.id }

    @Test func idsAreUniqueAndMatchTheContract() {
        #expect(Set(Self.ids).count == Self.ids.count)
        #expect(Set(Self.ids) == [
            "unknown-phone", "deprecated-phone", "unknown-email", "deprecated-email", "multiple-hotline-numbers",
            "conflicting-hours", "hours-mismatch", "missing-official-contact", "tel-link-mismatch", "hidden-email",
            "near-miss-phone", "suspicious-number", "source-unreadable",
        ])
    }

    @Test(arguments: ids)
    func examples(_ id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        let description = rule.description
        #expect(!description.passing.isEmpty && !description.failing.isEmpty, "\(id) needs examples of both kinds")
        #expect(!description.summary.isEmpty && !description.rationale.isEmpty)
        for (index, context) in description.passing.enumerated() {
            let findings = rule.init().check(context)
            #expect(findings.isEmpty, "\(id) passing example \(index): \(findings.map(\.message))")
        }
        for (index, context) in description.failing.enumerated() {
            let findings = rule.init().check(context)
            #expect(!findings.isEmpty, "\(id) failing example \(index) found nothing")
            // source-unreadable warns first and is an error only for official pages that stay
            // unreadable; a page it could not read has no records to show.
            #expect(findings.allSatisfy { $0.rule == id && ($0.severity == description.severity || id == "source-unreadable") })
            #expect(findings.allSatisfy { !$0.evidence.isEmpty || ["missing-official-contact", "source-unreadable"].contains($0.rule) })
        }
    }

    /// `source-unreadable`'s severity by owner and by runs in a row.
    @Test func sourceUnreadableSeverities() {
        func severity(official: Bool, runs: Int, threshold: Int = 2) -> Severity? {
            var context = Example.context([], read: [], unreadable: [
                UnreadableSource(source: "https://x.example/", official: official, status: "error", reason: "HTTP 404", runs: runs),
            ])
            context.unreadableRunsForError = threshold
            return SourceUnreadableRule().check(context).first?.severity
        }
        #expect(severity(official: false, runs: 5) == .warning)
        #expect(severity(official: true, runs: 1) == .warning)
        #expect(severity(official: true, runs: 2) == .error)
        #expect(severity(official: true, runs: 2, threshold: 3) == .warning)
        #expect(severity(official: true, runs: 3, threshold: 3) == .error)
    }
}
