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
            "near-miss-phone", "suspicious-number",
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
            #expect(findings.allSatisfy { $0.rule == id && $0.severity == description.severity })
            #expect(findings.allSatisfy { !$0.evidence.isEmpty || $0.rule == "missing-official-contact" })
        }
    }
}
