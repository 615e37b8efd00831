import ContactAudit
import ContactModel
@testable import ContactReport
import Foundation
import Testing

/// How each format presents sources and source-level findings, asserted on the rendered
/// output: the same status and count in every format, columns that stay aligned whatever
/// mix of official and third-party sources, and no channel for a finding about a source.
@Suite struct SourcePresentationTests {
    static let unreachable = "https://gone.example.com/"

    static let report: AuditReport = {
        let record = ContactRecord(kind: .phone, value: "+78001007010", channel: .hotline, source: "https://www.example.ru/help",
                                   evidence: Evidence(method: .telLink, path: "/html/body/p/a", text: "8 800 100-70-10"))
        let unreadable = Finding(rule: SourceUnreadableRule.description.id, severity: .warning, channel: .unknown,
                                 value: unreachable, message: "the page could not be read on this run (error: HTTP 404)",
                                 sources: [unreachable], evidence: [])
        return AuditReport(name: "demo", sources: [
            SourceStatus(url: "https://www.example.ru/help", official: true, records: 5),
            SourceStatus(url: "pages/blog.html", official: false, records: 3),
            SourceStatus(url: unreachable, official: false, error: "HTTP 404"),
            SourceStatus(url: "pages/picture.html", official: true, kind: .notHTML, reason: "image/png"),
        ], records: [record], findings: [unreadable], rules: [SourceUnreadableRule.description.id])
    }()

    static func sourceLines(_ text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "Sources") else { return [] }
        return lines[(start + 1)...].filter { !$0.isEmpty }
    }

    /// "official" used to be inserted before the detail, pushing it 10 columns right on
    /// official rows only.
    @Test func textDetailsStartInOneColumnWithOfficialAndThirdPartySources() throws {
        let lines = Self.sourceLines(TextReporter().render(Self.report))
        #expect(lines.count == 4)
        let columns = Set(try lines.map { line -> Int in
            let detail = try #require(["5 records", "3 records", "HTTP 404", "image/png"].compactMap { line.range(of: $0) }.first)
            return line.distance(from: line.startIndex, to: detail.lowerBound)
        })
        #expect(columns.count == 1, "details in different columns:\n\(lines.joined(separator: "\n"))")
        let officialColumns = Set(lines.compactMap { line in
            line.range(of: "official").map { line.distance(from: line.startIndex, to: $0.lowerBound) }
        })
        #expect(officialColumns.count == 1 && lines.filter { $0.contains("official") }.count == 2)
    }

    /// The status word and the detail (the record count for a page read) in every format:
    /// Markdown and HTML showed "5 records" where the text report said "ok".
    @Test func everyFormatShowsTheStatusAndTheCount() throws {
        let text = Self.sourceLines(TextReporter().render(Self.report))
        let okText = try #require(text.first { $0.contains("example.ru/help") })
        #expect(okText.hasPrefix("  ok ") && okText.hasSuffix("5 records"))

        let markdown = MarkdownReporter().render(Self.report)
        #expect(markdown.contains("| source | official | status | detail |"))
        #expect(markdown.contains("| `https://www.example.ru/help` | yes | ok | 5 records |"))
        #expect(markdown.contains("| `pages/blog.html` |  | ok | 3 records |"))
        #expect(markdown.contains("| `https://gone.example.com/` |  | error | `HTTP 404` |"))
        #expect(markdown.contains("| `pages/picture.html` | yes | not-html | `image/png` |"))

        let html = HTMLReporter().render(Self.report)
        #expect(html.contains("<th>official</th><th>status</th><th>detail</th>"))
        #expect(html.contains("<tr><td>https://www.example.ru/help</td><td>yes</td><td>ok</td><td>5 records</td></tr>"))
        #expect(html.contains("<td class=\"failed\">error</td><td class=\"failed\">HTTP 404</td>"))
        // The matrix's row label says the same word (it said "unreadable" for an error).
        #expect(html.contains("<span class=\"failed\" title=\"HTTP 404\">error</span>"))
        #expect(html.contains("<span class=\"failed\" title=\"image/png\">not-html</span>"))
    }

    /// A finding about a whole source has no channel: the person-facing formats show a
    /// dash, JSON keeps the contract's `unknown`.
    @Test func sourceLevelFindingsShowNoChannel() throws {
        let text = TextReporter().render(Self.report)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  \(Self.unreachable)") })
        // The value is the page: no sources column repeating it.
        #expect(line == "  \(Self.unreachable)  —", "\(line)")
        #expect(text.contains("\n      the page could not be read on this run (error: HTTP 404)\n"))

        let markdown = MarkdownReporter().render(Self.report)
        #expect(markdown.contains("| `source-unreadable` | `\(Self.unreachable)` | — |  | `the page could not be read on this run (error: HTTP 404)` |"),
                "\(markdown)")
        let html = HTMLReporter().render(Self.report)
        #expect(html.contains("<b>\(Self.unreachable)</b> · the page could not be read"), "\(html)")
        #expect(!html.contains("<span class=\"channel\">unknown</span>") && !html.contains("<span class=\"channel\">—</span>"))
        #expect(JUnitReporter().render(Self.report).contains("(—)"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().render(Self.report).utf8)) as? [String: Any])
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(finding["channel"] as? String == "unknown")
    }

    /// A value-level finding on a record of unknown channel still says `unknown`.
    @Test func valueFindingsKeepTheirChannel() {
        let record = ContactRecord(kind: .phone, value: "+74957778899", channel: .unknown, source: "pages/blog.html",
                                   evidence: Evidence(method: .text, path: "/html/body/p", text: "+7 495 777-88-99"))
        let finding = Finding(rule: "unknown-phone", severity: .error, channel: .unknown, value: "+74957778899",
                              message: "not in the catalog", evidence: [record])
        let report = AuditReport(name: "demo", sources: [SourceStatus(url: "pages/blog.html", official: false, records: 1)],
                                 records: [record], findings: [finding], rules: [])
        #expect(TextReporter().render(report).contains("  +74957778899  unknown  pages/blog.html"))
    }
}
