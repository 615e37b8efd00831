@testable import ContactAudit
import ContactDocument
import ContactExtract
import ContactModel
import Testing

/// Every rule proves its own examples: the same examples the docs show, as pages read
/// through the HTML parser and the extractor the way `audit` reads a source.
@Suite struct RuleExampleTests {
    static let ids = AllRules.map { $0.description.id }

    @Test func idsAreUniqueAndMatchTheContract() {
        #expect(Set(Self.ids).count == Self.ids.count)
        #expect(Set(Self.ids) == [
            "unknown-phone", "deprecated-phone", "unknown-email", "deprecated-email", "multiple-hotline-numbers",
            "conflicting-hours", "hours-mismatch", "missing-official-contact", "tel-link-mismatch", "hidden-email",
            "near-miss-phone", "suspicious-number", "source-unreadable", "structured-data-mismatch",
        ])
    }

    @Test(arguments: ids)
    func examples(_ id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        let description = rule.description
        #expect(!description.passing.isEmpty && !description.failing.isEmpty, "\(id) needs examples of both kinds")
        #expect(!description.summary.isEmpty && !description.rationale.isEmpty)
        for (index, example) in description.passing.enumerated() {
            let findings = rule.init().check(try ExampleReading.context(example))
            #expect(findings.isEmpty, "\(id) passing example \(index): \(findings.map(\.message))")
        }
        for (index, example) in description.failing.enumerated() {
            let findings = rule.init().check(try ExampleReading.context(example))
            #expect(!findings.isEmpty, "\(id) failing example \(index) found nothing")
            // source-unreadable warns first and is an error only for official pages that stay
            // unreadable; a page it could not read has no records to show.
            #expect(findings.allSatisfy { $0.rule == id && ($0.severity == description.severity || id == "source-unreadable") })
            #expect(findings.allSatisfy { !$0.evidence.isEmpty || ["missing-official-contact", "source-unreadable"].contains($0.rule) })
            for value in example.values {
                #expect(findings.contains { $0.value == value }, "\(id) failing example \(index): no finding for \(value) in \(findings.map(\.value))")
            }
        }
    }

    /// The examples are pages, not records shaped to suit the rule.
    @Test func examplesAreMarkup() {
        for rule in AllRules {
            for example in rule.description.passing + rule.description.failing {
                #expect(example.pages.allSatisfy { !$0.read || $0.html.contains("<body>") }, "\(rule.description.id)")
            }
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

    /// The finding's value and sources are the page; the message does not name it a third time.
    @Test func sourceUnreadableMessageDoesNotRepeatThePage() {
        let context = Example.context([], read: [], unreadable: [
            UnreadableSource(source: "https://x.example/", official: true, status: "error", reason: "HTTP 404", runs: 1),
            UnreadableSource(source: "https://y.example/", official: false, status: "blocked", reason: "bot wall", runs: 2),
        ])
        let findings = SourceUnreadableRule().check(context)
        #expect(findings.map(\.message) == ["the official page could not be read on this run (error: HTTP 404)",
                                            "the page could not be read on at least 2 runs in a row (blocked: bot wall)"])
        #expect(findings.map(\.sources) == [["https://x.example/"], ["https://y.example/"]])
    }
}

/// A rule example read as `audit` reads its sources.
enum ExampleReading {
    static func records(_ example: RuleExample) throws -> [ContactRecord] {
        var table = ShortNumberTable.builtIn
        table.everywhere.formUnion(example.shortNumbers)
        let extractor = ContactExtractor(options: ExtractOptions(
            regions: RegionResolver(fallbackRegion: "RU"), shortNumbers: table))
        return try example.pages.filter(\.read).flatMap { page in
            let document = try HTMLDocument(bytes: Array(page.html.utf8), source: page.url)
            return extractor.extract(from: document).map { record in
                var record = record
                record.source = page.url
                return record
            }
        }
    }

    static func context(_ example: RuleExample) throws -> AuditContext {
        example.context(records: try records(example))
    }
}
