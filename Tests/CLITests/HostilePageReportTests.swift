import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A third-party page can write anything; every report format renders its text inert:
/// no live links, images or markup in Markdown and HTML, well-formed JUnit XML, and no
/// control sequences on a terminal. The page goes through the real extractor, so the
/// hostile text reaches the reports the way it would from a crawled page.
@Suite struct HostilePageReportTests {
    static let hostileBody = """
        <p>&#x9b;31m &#x202e;evil [Срочно позвоните](https://phish.example) 8 800 100-70-11 ![x](https://tracker.example/p.png)
        | <b>col</b> `tick` &lt;img src=x onerror=alert(1)&gt; ]]&gt; https://www.phish.example/login</p>
        <ul><li>Горячая линия: <a href="tel:+78005553535">8 800 100-70-10 | &#x9b;31m &#x202e;evil [звоните](https://phish.example)</a></li></ul>
        <p>Пишите: <a href="mailto:help@phish.example">help@phish.example</a></p>
        """

    static func render(_ format: String) throws -> String {
        let fixture = try RulesEndToEndTests.AuditFixture(
            sources: "  - url: pages/help.html\n    official: true\n  - pages/hostile.html",
            pages: ["help.html": "<p>Горячая линия: 8 800 100-70-10</p>", "hostile.html": hostileBody])
        defer { fixture.remove() }
        let result = try fixture.run(["--format", format])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("+78001007011"), "the hostile page was not read: \(result.stdout)")
        return result.stdout
    }

    /// Markdown with its code spans taken out (CommonMark: a run of n backticks up to the
    /// next run of exactly n): what is left is what GitHub would render as Markdown.
    static func outsideCodeSpans(_ markdown: String) -> String {
        var out = "", index = markdown.startIndex
        while index < markdown.endIndex {
            guard markdown[index] == "`" else { out.append(markdown[index]); index = markdown.index(after: index); continue }
            let fenceEnd = markdown[index...].firstIndex { $0 != "`" } ?? markdown.endIndex
            let fence = markdown[index..<fenceEnd]
            var search = fenceEnd, closed: String.Index?
            while let found = markdown[search...].range(of: fence) {
                let after = markdown[found.upperBound...].first
                if after != "`" { closed = found.upperBound; break }
                search = markdown[found.upperBound...].firstIndex { $0 != "`" } ?? markdown.endIndex
            }
            guard let closed else { out += fence; index = fenceEnd; continue }
            out += "CODE"
            index = closed
        }
        return out
    }

    @Test func markdownKeepsPageTextInCodeSpans() throws {
        let markdown = try Self.render("markdown")
        let rendered = Self.outsideCodeSpans(markdown)
        for live in ["phish", "tracker.example", "](", "![", "<img", "<b>", "\u{202E}", "\u{9B}"] {
            #expect(!rendered.contains(live), "'\(live)' outside a code span:\n\(rendered)")
        }
        // Every table row keeps its columns: a `|` from the page is escaped.
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| `tel-link-mismatch` ") }
        #expect(rows.count == 1 && rows.allSatisfy { $0.contains("\\|") }, "\(rows)")
        for line in rows {
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(cells == 6, "\(line)")
        }
    }

    @Test func terminalGetsNoControlCharacters() throws {
        let text = try Self.render("text")
        let controls = text.unicodeScalars.filter { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}") }
        #expect(controls.isEmpty, "\(controls.map { String($0.value, radix: 16) })")
        #expect(text.contains("\\u{202E}evil"), "the control character is shown as its code")
    }

    @Test func junitIsWellFormedWithoutControls() throws {
        let xml = try Self.render("junit")
        #expect(!xml.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) || ($0.value < 0x20 && $0 != "\n" && $0 != "\t") })
        let document = try XMLDocument(xmlString: xml, options: [])
        #expect(document.rootElement()?.name == "testsuites")
        #expect(xml.contains("[Срочно позвоните](https://phish.example)"), "the text is kept, as text")
    }

    @Test func htmlEscapesPageText() throws {
        let html = try Self.render("html")
        #expect(!html.contains("<img"), "page markup became HTML")
        #expect(!html.contains("<a ") && !html.contains("href="), "a page made a link")
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    /// `diff` is a report too: the hostile page arriving between two snapshots.
    @Test func diffKeepsPageTextInert() throws {
        let fixture = try RulesEndToEndTests.AuditFixture(
            sources: "  - url: pages/help.html\n    official: true\n  - pages/hostile.html",
            pages: ["help.html": "<p>Горячая линия: 8 800 100-70-10</p>", "hostile.html": "<p>Нет контактов.</p>"])
        defer { fixture.remove() }
        let before = fixture.directory.appendingPathComponent("before").path
        let after = fixture.directory.appendingPathComponent("after").path
        _ = try CommandRunner.run(["audit", fixture.directory.path, "--snapshot", before, "--fail-on", "never"])
        try "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"></head><body>\(Self.hostileBody)</body></html>"
            .write(to: fixture.directory.appendingPathComponent("pages/hostile.html"), atomically: true, encoding: .utf8)
        _ = try CommandRunner.run(["audit", fixture.directory.path, "--snapshot", after, "--fail-on", "never"])
        let markdown = try CommandRunner.run(["diff", before, after, "--format", "markdown"]).stdout
        #expect(markdown.contains("+78001007011"), "\(markdown)")
        let rendered = Self.outsideCodeSpans(markdown)
        for live in ["phish", "tracker.example", "](", "<img", "\u{202E}"] {
            #expect(!rendered.contains(live), "'\(live)' outside a code span:\n\(rendered)")
        }
        let text = try CommandRunner.run(["diff", before, after]).stdout
        #expect(!text.unicodeScalars.contains { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}") })
    }
}
