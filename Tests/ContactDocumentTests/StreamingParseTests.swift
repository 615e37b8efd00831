import Foundation
import Testing
@testable import ContactDocument

/// The document layer reads libxml2's SAX events and builds no tree; these check that
/// it sees the page as libxml2's tree builder would have built it.
@Suite struct StreamingParseTests {
    /// Every element the walk keeps has the path `xmlGetNodePath` gives it in libxml2's
    /// own tree (elements inside hidden or skipped ones are not kept, so the walk's paths
    /// are a subset), over the fixtures and, when it is beside the project, the corpus.
    @Test func elementPathsAreLibxml2sTreePaths() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".html") }.sorted()
        var pages = try names.map { try Fixture.bytes($0) }
        pages += corpusPages(limit: 120)
        #expect(pages.count >= 5)
        for (number, bytes) in pages.enumerated() {
            let tree = Set(ParserProbe.treeElementPaths(bytes))
            let document = try HTMLDocument(bytes: bytes, source: "page")
            let walked = document.elementPaths
            #expect(!walked.isEmpty || tree.isEmpty, "page \(number): \(tree.count) elements in the tree, none walked")
            let missing = walked.filter { !tree.contains($0) }
            #expect(missing.isEmpty, "paths libxml2's tree does not have: \(missing.prefix(5))")
        }
    }

    @Test func siblingsOfOneNameAreIndexed() throws {
        let document = try HTMLDocument(bytes: Array(
            "<html><body><div><p>a</p><span>x</span><p>Тел. 8 800 100-70-10</p></div><div><p>only</p></div></body></html>".utf8),
            source: "s")
        let paths = document.blocks.map { document.path(of: $0.node) }
        #expect(paths == ["/html/body/div[1]/p[1]", "/html/body/div[1]", "/html/body/div[1]/p[2]", "/html/body/div[2]/p"])
    }

    @Test func contentAfterTheRootEndIsReadLikeTheTree() throws {
        // Without a doctype libxml2 hangs it under the root; with one, beside it (unread).
        let bare = try HTMLDocument(bytes: Array("<html><body><p>in</p></body></html><p>after html</p>".utf8), source: "a")
        #expect(bare.blocks.map(\.text) == ["in", "after html"])
        #expect(bare.path(of: bare.blocks[1].node) == "/html/html/p")
        let declared = try HTMLDocument(bytes: Array("<!DOCTYPE html><html><body><p>in</p></body></html><p>after</p>".utf8),
                                        source: "b")
        #expect(declared.blocks.map(\.text) == ["in"])
        #expect(declared.path(of: declared.blocks[0].node) == "/html[1]/body/p")
    }

    @Test func prefixedElementsAreNamedByTheirLocalPart() throws {
        // Word's `<o:p>` is a paragraph to the tree builder.
        let document = try HTMLDocument(bytes: Array("<html><body><o:p>Тел. 8 800 100-70-10</o:p><o:p>b</o:p></body></html>".utf8),
                                        source: "w")
        #expect(document.blocks.map(\.text) == ["Тел. 8 800 100-70-10", "b"])
        #expect(document.path(of: document.blocks[0].node) == "/html/body/p[1]")
    }

    private func corpusPages(limit: Int) -> [[UInt8]] {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/corpus").standardizedFileURL
        guard let names = FileManager.default.enumerator(atPath: corpus.path)?.compactMap({ $0 as? String }) else { return [] }
        return names.filter { $0.hasSuffix(".html") }.sorted().prefix(limit).compactMap {
            try? [UInt8](Data(contentsOf: corpus.appendingPathComponent($0)))
        }
    }
}
