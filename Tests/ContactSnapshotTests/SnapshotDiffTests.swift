import ContactModel
@testable import ContactSnapshot
import Testing

@Suite struct SnapshotDiffTests {
    static func diff(_ before: [SourceSnapshot], _ after: [SourceSnapshot]) -> SnapshotDiff {
        SnapshotDiff(before: Snapshot(sources: before, label: "before"), after: Snapshot(sources: after, label: "after"))
    }

    @Test func sameRecordsInAnyOrderAreNoDifference() {
        let records = [record("+78001007010"), record("115", path: "/html/body/p[2]")]
        let diff = Self.diff([source(records)], [source(Array(records.reversed()))])
        #expect(diff.isEmpty)
        #expect(DiffTextRenderer().render(diff).contains("No differences"))
    }

    @Test func newValueAtTheSamePathIsAChange() throws {
        let diff = Self.diff([source([record("+78001007010"), record("115", path: "/p[9]")])],
                             [source([record("+78001007011"), record("115", path: "/p[9]")])])
        let change = try #require(diff.sources.first)
        #expect(diff.sources.count == 1 && change.change == .changed)
        #expect(change.added.isEmpty && change.removed.isEmpty)
        #expect(change.changed.map(\.before.value) == ["+78001007010"])
        #expect(change.changed.map(\.after.value) == ["+78001007011"])
        #expect(change.changed.first?.fields == ["value", "evidence"])
        #expect(DiffTextRenderer().render(diff).contains("pages/a.html: 1 changed"))
        #expect(DiffTextRenderer().render(diff).contains("+78001007010 → +78001007011"))
    }

    /// The same value at the same path by the same method with other words around it has
    /// not moved: it changed (its evidence), and `diff` says so.
    @Test func newWordsAroundAValueAtTheSamePlaceAreAChangeNotAMove() throws {
        var reworded = record("+78001007010")
        reworded.evidence.text = "Звоните: +78001007010"
        let change = try #require(Self.diff([source([record("+78001007010")])], [source([reworded])]).sources.first)
        #expect(change.moved.isEmpty)
        #expect(change.changed.first?.fields == ["evidence"])
        #expect(!DiffTextRenderer().render(Self.diff([source([record("+78001007010")])], [source([reworded])])).contains("moved"))
    }

    /// JSON-LD evidence is a quoted property (`"telephone": "+7 800 100-70-10"`): `diff` shows it
    /// as it is, not wrapped in a second pair of quotes; plain text gets one pair.
    @Test func evidenceAlreadyInQuotesIsNotQuotedTwice() {
        var jsonLD = record("+78001007010", path: "/html/head/script[1]")
        jsonLD.evidence.text = "\"telephone\": \"+7 800 100-70-10\""
        var plain = record("+78001007011", path: "/p[3]")
        plain.evidence.text = "Звоните: 8 800 100-70-11"
        let text = DiffTextRenderer().render(Self.diff([], [source([jsonLD, plain])]))
        #expect(text.contains("      \"telephone\": \"+7 800 100-70-10\"\n"))
        #expect(!text.contains("\"\"telephone"))
        #expect(text.contains("      \"Звоните: 8 800 100-70-11\"\n"))
    }

    @Test func recordsElsewhereAreAddedAndRemoved() throws {
        let diff = Self.diff([source([record("+78001007010", path: "/p[1]")])],
                             [source([record("+78001007010", path: "/p[1]"), record("a@b.ru", kind: .email, channel: .email, path: "/p[2]")])])
        let change = try #require(diff.sources.first)
        #expect(change.added.map(\.value) == ["a@b.ru"])
        #expect(change.removed.isEmpty && change.changed.isEmpty)
    }

    @Test func recordsTheContentOrderTiesComeOutTheSameWhateverThePageOrder() throws {
        var sections = (0..<6).map { index in
            var tied = record("+78001007010", path: "/p[2]")
            tied.section = "Раздел \(index)"
            return tied
        }
        sections[0].section = nil
        let kept = record("115", path: "/p[1]")
        for page in [sections, sections.reversed(), [sections[3], sections[0], sections[5], sections[1], sections[4], sections[2]]] {
            let change = try #require(Self.diff([source([kept])], [source([kept] + page)]).sources.first)
            #expect(change.added.map(\.section) == sections.map(\.section))
            let removal = try #require(Self.diff([source([kept] + page)], [source([kept])]).sources.first)
            #expect(removal.removed.map(\.section) == sections.map(\.section))
        }
    }

    @Test func sourcesAddedRemovedFailingAndRecovered() {
        let a = source("a.html", [record("1", source: "a.html")])
        let diff = Self.diff([a, source("b.html", [record("2", source: "b.html")]), source("c.html", [record("3", source: "c.html")]),
                              source("d.html", [], error: "timeout")],
                             [a, source("c.html", [], error: "http-error: 404"), source("d.html", [record("4", source: "d.html")]),
                              source("e.html", [record("5", source: "e.html")])])
        #expect(diff.sources.map(\.source) == ["b.html", "c.html", "d.html", "e.html"])
        #expect(diff.sources.map(\.change) == [.removed, .nowFailing, .recovered, .added])
        #expect(diff.sources[1].error == "http-error: 404")
        #expect(diff.sources[1].removed.isEmpty, "a failing page's records are unknown, not removed")
        let text = DiffTextRenderer().render(diff)
        #expect(text.contains("c.html: now failing: http-error: 404"))
        #expect(text.contains("b.html: source removed (1 record)"))
        #expect(text.contains("4 sources differ"))
    }

    @Test func jsonSaysWhetherItDiffers() {
        let empty = DiffJSONRenderer().render(Self.diff([], []))
        #expect(empty.contains("\"differs\" : false"))
        let added = DiffJSONRenderer().render(Self.diff([], [source([record("1")])]))
        #expect(added.contains("\"differs\" : true"))
        #expect(added.contains("\"change\" : \"added\""))
    }
}
