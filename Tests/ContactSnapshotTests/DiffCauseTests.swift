import ContactModel
@testable import ContactSnapshot
import Foundation
import Testing

/// `diff` tells a site that changed from an extractor that reads the same bytes
/// differently, by the `sha256` of the page each side read.
@Suite struct DiffCauseTests {
    private func page(_ bytes: String, _ records: [ContactRecord]) -> SourceSnapshot {
        SourceSnapshot(source: "pages/a.html", official: false, fetch: .read(bytes: Array(bytes.utf8)), records: records)
    }

    private func diff(_ before: SourceSnapshot, _ after: SourceSnapshot) -> SnapshotDiff {
        SnapshotDiff(before: Snapshot(sources: [before], label: "before"), after: Snapshot(sources: [after], label: "after"))
    }

    @Test func sameBytesReadDifferentlyIsAnExtractorChange() throws {
        // The simulated upgrade: the same page, a channel the new extractor reads otherwise.
        var upgraded = record("+78001007010")
        upgraded.channel = .phone
        let result = diff(page("<p>same</p>", [record("+78001007010")]), page("<p>same</p>", [upgraded]))
        #expect(result.sources.first?.cause == .extractorChanged)

        let text = DiffTextRenderer().render(result)
        #expect(text.contains("pages/a.html: 1 changed (extractor changed: same page bytes)"))
        #expect(text.contains("1 source differs (1 with the same page bytes: extractor changed)."))
        let markdown = DiffMarkdownRenderer().render(result)
        #expect(markdown.contains("1 changed (extractor changed: same page bytes)"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(DiffJSONRenderer().render(result).utf8)) as? [String: Any])
        let sources = try #require(json["sources"] as? [[String: Any]])
        #expect(sources.first?["cause"] as? String == "extractor-changed")
    }

    @Test func otherBytesArePageChanges() throws {
        let result = diff(page("<p>old</p>", [record("+78001007010")]), page("<p>new</p>", [record("+78001007011")]))
        #expect(result.sources.first?.cause == .pageChanged)
        let text = DiffTextRenderer().render(result)
        #expect(text.contains("pages/a.html: 1 changed (page changed)"))
        #expect(!text.contains("extractor changed"))
        #expect(DiffMarkdownRenderer().render(result).contains("(page changed)"))
        #expect(DiffJSONRenderer().render(result).contains("\"cause\" : \"page-changed\""))
    }

    /// No difference: the Markdown headline names the two sides once, not twice
    /// ("`a` → `b`: No differences between a and b.").
    @Test func markdownSaysNoDifferencesOnce() {
        let same = page("<p>same</p>", [record("+78001007010")])
        let markdown = DiffMarkdownRenderer().render(diff(same, same))
        #expect(markdown.contains("`before` → `after`: no differences."), "\(markdown)")
        #expect(markdown.components(separatedBy: "before").count == 2, "\(markdown)")
    }

    /// A side without a hash (a snapshot from before hashes were kept) says nothing.
    @Test func noHashNoCause() {
        var before = page("x", [record("+78001007010")])
        before.fetch.sha256 = nil
        let result = diff(before, page("x", [record("+78001007011")]))
        #expect(result.sources.first?.cause == nil)
        #expect(!DiffTextRenderer().render(result).contains("changed ("))
    }
}
