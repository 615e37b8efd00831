import ContactSnapshot
import Testing

@Suite struct SnapshotNamingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var slug: String
        var testDescription: String { source }
    }

    @Test(arguments: [
        Case(source: "pages/seed-000.html", slug: "pages-seed-000-html"),
        Case(source: "https://www.Gosuslugi.ru/help/", slug: "www-gosuslugi-ru-help"),
        Case(source: "http://127.0.0.1:8080/contacts?lang=ru", slug: "127-0-0-1-8080-contacts-lang-ru"),
        Case(source: "file:///tmp/faq.txt", slug: "tmp-faq-txt"),
        Case(source: "https://пример.рф/контакты", slug: "source"),
        Case(source: "https://example.ru/%D0%BA%D0%BE%D0%BD", slug: "example-ru-d0-ba-d0-be-d0-bd"),
        Case(source: String(repeating: "a", count: 100), slug: String(repeating: "a", count: 60)),
    ])
    func slugIsReadable(_ c: Case) {
        #expect(SnapshotNaming.slug(c.source) == c.slug)
        let name = SnapshotNaming.fileName(for: c.source)
        #expect(name.hasPrefix(c.slug + "-") && name.hasSuffix(".json"))
        #expect(name == SnapshotNaming.fileName(for: c.source), "names depend on the source alone")
    }

    @Test func sourcesWithOneSlugGetDistinctFiles() {
        // All of these slug to "pages-a-b-html".
        let sources = ["pages/a/b.html", "pages/a-b.html", "pages/a_b.html", "Pages/A/B.html", "pages/a b.html",
                       "https://pages/a/b.html", "http://pages/a/b.html"]
        #expect(Set(sources.map(SnapshotNaming.slug)).count == 1)
        let names = SnapshotNaming.fileNames(for: sources)
        #expect(names.count == sources.count)
        #expect(Set(names.values).count == sources.count)
        #expect(!names.values.contains("run.json"))
    }

    @Test func manySourcesNeverShareAFile() {
        let sources = (0..<3000).map { "https://example.ru/page?id=\($0)" }
        #expect(Set(SnapshotNaming.fileNames(for: sources).values).count == sources.count)
    }
}
