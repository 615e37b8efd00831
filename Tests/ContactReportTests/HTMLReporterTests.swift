import ContactAudit
import ContactModel
import ContactHours
@testable import ContactReport
import Foundation
import Testing

/// The HTML report: self-contained, page text escaped, disagreements marked in the
/// matrix. `HTML_REPORT_DIR=/some/dir swift test --filter HTMLReporterTests` also writes
/// the 50-source page there, to look at in a browser.
@Suite struct HTMLReporterTests {
    static func phone(_ value: String, _ source: String, channel: Channel = .hotline, text: String = "Звоните") -> ContactRecord {
        ContactRecord(kind: .phone, value: value, channel: channel, source: source,
                      evidence: Evidence(method: .text, path: "/html/body/p[1]", text: text))
    }

    static func hours(_ value: String, _ source: String) -> ContactRecord {
        ContactRecord(kind: .hours, value: value, channel: .hotline, source: source,
                      evidence: Evidence(method: .text, path: "/html/body/p[2]", text: value))
    }

    static let report: AuditReport = {
        let a = hours("24/7", "a.html"), b = hours("Mo-Fr 09:00-18:00", "b.html")
        let injected = phone("+74957778899", "b.html", text: "<script>alert('x')</script> & \"quoted\"")
        let conflict = Finding(rule: "conflicting-hours", severity: .warning, channel: .hotline, value: "24/7 | Mo-Fr 09:00-18:00",
                               message: "2 different schedules", evidence: [a, b])
        let unknown = Finding(rule: "unknown-phone", severity: .error, channel: .hotline, value: "+74957778899",
                              message: "+74957778899 is not in the catalog", evidence: [injected])
        return AuditReport(name: "demo <&>", sources: [SourceStatus(url: "a.html", official: true, records: 2),
                                                      SourceStatus(url: "b.html", official: false, records: 2),
                                                      SourceStatus(url: "c.html", official: false, error: "c.html: no such file")],
                           records: [phone("+78001007010", "a.html"), a, b, injected], findings: [conflict, unknown], rules: [])
    }()

    @Test func selfContainedStructure() {
        let html = HTMLReporter().render(Self.report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        for section in ["id=\"matrix\"", "id=\"findings\"", "id=\"sources\""] { #expect(html.contains(section)) }
        #expect(!html.contains("<script"), "no scripts, and page text cannot add one")
        #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("url("), "no external assets")
        #expect(html.contains("<h1>contact-audit: demo &lt;&amp;&gt;</h1>"))
        #expect(html.contains("unreadable"))
        #expect(html.contains("<span class=\"official\">official</span>"))
    }

    @Test func pageTextIsEscaped() {
        let html = HTMLReporter().render(Self.report)
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
    }

    @Test func outliersAreMarkedNotWholeCells() throws {
        let matrix = SourceChannelMatrix(Self.report)
        #expect(matrix.columns.map { "\($0.channel.rawValue)/\($0.kind.rawValue)" } == ["hotline/phone", "hotline/hours"])
        let hoursColumn = try #require(matrix.columns.firstIndex { $0.kind == .hours })
        let phoneColumn = try #require(matrix.columns.firstIndex { $0.kind == .phone })
        let rows = Dictionary(uniqueKeysWithValues: matrix.rows.map { ($0.source.url, $0) })
        // Without a catalog, one page against one: nothing says which is right, both marked.
        #expect(rows["a.html"]?.conflicting == [hoursColumn])
        #expect(rows["b.html"]?.conflicting == [hoursColumn], "an unknown number is an error, not a disagreement")
        #expect(rows["b.html"]?.cells[phoneColumn].first?.severity == .error)
        #expect(rows["a.html"]?.cells[phoneColumn].first?.severity == nil)
        #expect(rows["c.html"]?.cells.allSatisfy(\.isEmpty) == true)

        // With the catalog's 24/7, a.html agrees and b.html's schedule is the outlier.
        let catalog = Catalog(phones: [CatalogPhone(number: "+78001007010", channel: .hotline)], hours: [.hotline: .alwaysOpen])
        let withCatalog = SourceChannelMatrix(Self.report, catalog: catalog)
        let checked = Dictionary(uniqueKeysWithValues: withCatalog.rows.map { ($0.source.url, $0) })
        #expect(checked["a.html"]?.cells[hoursColumn].map(\.verdict) == [.agrees])
        #expect(checked["a.html"]?.cells[phoneColumn].map(\.verdict) == [.agrees])
        #expect(checked["b.html"]?.cells[hoursColumn].map(\.verdict) == [.outlier])
        let html = HTMLReporter(catalog: catalog).render(Self.report)
        #expect(!html.contains("<td class=\"conflict\""), "no cell is marked as a whole")
        #expect(html.contains("<span class=\"value agree\" title=\"as the catalog\">24/7</span>"))
        #expect(html.contains("<span class=\"value warning outlier\" title=\"conflicting-hours: pages disagree, and this is not the catalog&#39;s\">Mo-Fr 09:00-18:00</span>"))
        #expect(html.contains("<span class=\"value error\" title=\"unknown-phone\">+74957778899</span>"))
    }

    /// Without a catalog value, the schedule fewer pages state is the outlier; a schedule
    /// written another way (`Mo-Su 00:00-24:00`) counts with `24/7`.
    @Test func theMinorityIsTheOutlierWithoutACatalogValue() throws {
        let records = [Self.hours("24/7", "a.html"), Self.hours("Mo-Su 00:00-24:00", "b.html"), Self.hours("Mo-Fr 09:00-18:00", "c.html")]
        let finding = Finding(rule: "conflicting-hours", severity: .warning, channel: .hotline, value: "24/7 | Mo-Fr 09:00-18:00",
                              message: "2 different schedules", evidence: records)
        let report = AuditReport(name: "three", sources: ["a.html", "b.html", "c.html"].map { SourceStatus(url: $0, official: false, records: 1) },
                                 records: records, findings: [finding], rules: [])
        let matrix = SourceChannelMatrix(report, catalog: Catalog(phones: [CatalogPhone(number: "+78001007010", channel: .hotline)]))
        let hours = try #require(matrix.columns.firstIndex { $0.kind == .hours })
        #expect(matrix.rows.map { $0.cells[hours].map(\.verdict) } == [[.plain], [.plain], [.outlier]])
    }

    /// Columns for channels the catalog has, even when no page states them.
    @Test func catalogChannelsHaveColumns() {
        let catalog = Catalog(phones: [CatalogPhone(number: "+78001007010", channel: .hotline),
                                       CatalogPhone(number: "+74956401122", channel: .press)],
                              emails: [CatalogEmail(address: "press@example.ru", channel: .press)])
        let matrix = SourceChannelMatrix(Self.report, catalog: catalog)
        #expect(matrix.columns.map { "\($0.channel.rawValue)/\($0.kind.rawValue)" }
                == ["hotline/phone", "hotline/hours", "press/phone", "press/email"])
    }

    @Test func catalogIsTheFirstRow() throws {
        let catalog = Catalog(phones: [CatalogPhone(number: "+78001007010", channel: .hotline)], hours: [.hotline: .alwaysOpen])
        let html = HTMLReporter(catalog: catalog).render(Self.report)
        let body = try #require(html.components(separatedBy: "<tbody>").dropFirst().first)
        #expect(body.hasPrefix("\n<tr class=\"catalog\"><th class=\"source\" scope=\"row\">catalog (expected)</th>"
                               + "<td><span class=\"value expected\">+78001007010</span></td>"
                               + "<td><span class=\"value expected\">24/7</span></td></tr>"), "\(body.prefix(300))")
        #expect(!HTMLReporter().render(Self.report).contains("catalog (expected)"))
    }

    @Test func fiftySourcesStayOneRowEach() throws {
        let channels: [Channel] = [.hotline, .phone, .chat, .email]
        var records: [ContactRecord] = []
        var findings: [Finding] = []
        let sources = (0..<50).map { i in
            let url = "https://site\(i).example.ru/kontakty/podderzhka-gosuslug-\(i)"
            records.append(Self.phone(i % 7 == 0 ? "+7495777889\(i % 10)" : "+78001007010", url, channel: channels[i % 2]))
            records.append(Self.hours(i % 5 == 0 ? "Mo-Fr 09:00-18:00" : "24/7", url))
            if i % 3 == 0 {
                records.append(ContactRecord(kind: .email, value: "help\(i)@example.ru", channel: .email, source: url,
                                             evidence: Evidence(method: .mailto, path: "/html/body/a", text: "help\(i)@example.ru")))
            }
            return SourceStatus(url: url, official: i == 0, error: i == 49 ? "http-error: 404" : nil, records: 2)
        }
        let schedules = records.filter { $0.kind == .hours }
        findings.append(Finding(rule: "conflicting-hours", severity: .warning, channel: .hotline,
                                value: "24/7 | Mo-Fr 09:00-18:00", message: "2 different schedules", evidence: schedules))
        for record in records where record.kind == .phone && record.value != "+78001007010" {
            findings.append(Finding(rule: "unknown-phone", severity: .error, channel: record.channel, value: record.value,
                                    message: "\(record.value) is not in the catalog", evidence: [record]))
        }
        let report = AuditReport(name: "fifty", sources: sources, records: records, findings: findings, rules: [])
        let html = HTMLReporter().render(report)
        let matrix = try #require(html.components(separatedBy: "<table class=\"matrix\">").last?.components(separatedBy: "</table>").first)
        #expect(matrix.components(separatedBy: "<tr><th class=\"source\" scope=\"row\">").count - 1 == 50)
        #expect(html.utf8.count < 200_000)
        if let directory = ProcessInfo.processInfo.environment["HTML_REPORT_DIR"] {
            try html.write(toFile: "\(directory)/report-50.html", atomically: true, encoding: .utf8)
        }
    }
}

/// A grouped HTML report is one page: one title (h1), each audit a section under an h2
/// with its parts under h3, and no id twice (each section's ids are under its audit's).
@Suite struct GroupedHTMLReportTests {
    @Test func onePageTitleAuditsAsSectionsAndUniqueIDs() throws {
        let reports = ["alpha", "beta"].map { name in
            AuditReport(name: name, sources: [SourceStatus(url: "pages/\(name).html", official: true, records: 0)],
                        records: [], findings: [], rules: [])
        }
        let html = GroupedReport(reports.map { GroupedReport.Entry(report: $0) }).render(.html)
        func tags(_ tag: String) -> [String] {
            html.components(separatedBy: "<\(tag)>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        #expect(tags("h1") == ["contact-audit: 2 audits"])
        #expect(tags("h2") == ["alpha", "beta"])
        #expect(tags("h3") == ["Who says what", "Findings (0)", "Sources", "Who says what", "Findings (0)", "Sources"])
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(ids.contains("audit-alpha-findings") && ids.contains("audit-beta-sources"), "\(ids)")
        #expect(Set(ids).count == ids.count, "\(ids)")
        // The one-audit page keeps its own title and ids.
        let single = HTMLReporter().render(reports[0])
        #expect(single.contains("<h1>contact-audit: alpha</h1>") && single.contains("<section id=\"findings\">\n<h2>Findings (0)</h2>"))
    }
}
