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
            let document = try HTMLDocument(bytes: bytes, source: "page")
            // libxml2 starts a second root for content after `</html>` and numbers both.
            let tree = Set(ParserProbe.treeElementPaths(bytes).map {
                document.elementCountBeforeEnd != nil && $0.hasPrefix("/html[1]") ? "/html" + $0.dropFirst(8) : $0
            })
            // What follows `</body>` or `</html>` is read into the body, as browsers do;
            // libxml2's tree has it elsewhere.
            let walked = Array(document.elementPaths.prefix(document.elementCountBeforeEnd ?? Int.max))
            #expect(!walked.isEmpty || tree.isEmpty, "page \(number): \(tree.count) elements in the tree, none walked")
            // A later sibling of the same name after the end gives an earlier one an index.
            let missing = walked.filter {
                !tree.contains($0) && !(document.elementCountBeforeEnd != nil && tree.contains($0.replacingOccurrences(of: "[1]", with: "")))
            }
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

    @Test func contentAfterTheRootEndIsReadIntoTheBodyAsBrowsersDo() throws {
        // With a doctype or without, after </body> or </html>: in the body, the body's
        // paths unchanged (libxml2 hung it under the root, or beside it, unread, and gave
        // the root an index).
        for prefix in ["", "<!DOCTYPE html>", "<!-- saved -->"] {
            for end in ["</body></html>", "</body>", "</html>"] {
                let html = prefix + "<html><body><p>in</p>" + end + "<p>after</p>text<div><p>div</p></div>"
                let document = try HTMLDocument(bytes: Array(html.utf8), source: "a")
                #expect(document.blocks.map(\.text) == ["in", "after", "text", "div"], "\(html)")
                #expect(document.blocks.map { document.path(of: $0.node) }
                    == ["/html/body/p[1]", "/html/body/p[2]", "/html/body/p[3]", "/html/body/div/p"], "\(html)")
                #expect(document.elementCountBeforeEnd == 3)
            }
        }
    }

    @Test func aPageWithoutContentAfterItsEndKeepsItsPaths() throws {
        let document = try HTMLDocument(bytes: Array("<!DOCTYPE html><html><body><p>a</p><p>b</p></body></html>\n".utf8),
                                        source: "n")
        #expect(document.blocks.map { document.path(of: $0.node) } == ["/html/body/p[1]", "/html/body/p[2]"])
        #expect(document.elementCountBeforeEnd == nil)
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
