import Foundation
import Testing

/// Rules run by the built executable on audits written to a temporary directory: pages
/// written the way sites write them (links inside paragraphs, list items and table
/// cells), read from disk like any audit's local sources.
@Suite struct RulesEndToEndTests {
    /// An audit directory with `audit.yaml` (the given sources section appended to a
    /// Gosuslugi-like catalog) and the pages under `pages/`.
    struct AuditFixture {
        var directory: URL

        init(sources: String, pages: [String: String], extra: String = "") throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("pages"), withIntermediateDirectories: true)
            let yaml = """
            name: rules-e2e
            region: RU
            catalog:
              phones:
                - {number: "8 800 100-70-10", channel: hotline, hours: "24/7"}
                - {number: "+7 495 727-47-47", channel: hotline, hours: "24/7"}
                - {number: "115", channel: hotline}
              emails:
                - {address: "support@example.ru", channel: email}
            sources:
            \(sources)
            \(extra)
            """
            try yaml.write(to: directory.appendingPathComponent("audit.yaml"), atomically: true, encoding: .utf8)
            for (name, body) in pages {
                let html = """
                <!DOCTYPE html>
                <html lang="ru"><head><meta charset="utf-8"><title>\(name)</title></head>
                <body>
                \(body)
                </body></html>
                """
                try html.write(to: directory.appendingPathComponent("pages/\(name)"), atomically: true, encoding: .utf8)
            }
        }

        func run(_ arguments: [String] = ["--format", "json"]) throws -> CommandResult {
            try CommandRunner.run(["audit", "--no-snapshot"] + arguments + [directory.path])
        }

        func findings(_ arguments: [String] = []) throws -> [[String: Any]] {
            let result = try run(["--format", "json"] + arguments)
            #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return try #require(object["findings"] as? [[String: Any]])
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    static func pairs(_ findings: [[String: Any]], rule: String) -> [String] {
        findings.filter { $0["rule"] as? String == rule }.compactMap { $0["value"] as? String }.sorted()
    }

    /// The number a link displays is extracted on its block, the link on `…/a`: the rule
    /// compares the two whatever the markup around the link.
    @Test func telLinkMismatchInsideParagraphsListItemsCellsAndDivs() throws {
        let fixture = try AuditFixture(sources: "  - url: pages/help.html\n    official: true", pages: ["help.html": """
            <main>
            <p>Телефон горячей линии: <a href="tel:+78002003148">8 800 200-31-47</a></p>
            <ul class="contacts"><li>Горячая линия: <a href="tel:+78001007010">8 800 100-70-11</a></li>
            <li>Из-за рубежа: <a href="tel:+74957274747">+7 495 727-47-47</a></li></ul>
            <table><tr><td>Для звонков из-за рубежа</td><td><a href="tel:+74957274747">+7 495 727-47-48</a></td></tr></table>
            <div class="phone"><span>Звоните: <a href="tel:+78005553535">8 800 100-70-10</a></span></div>
            <p><a href="tel:+78001007010">8 (800) 100‑70‑10</a> — бесплатно по России</p>
            </main>
            """])
        defer { fixture.remove() }
        let findings = try fixture.findings()
        #expect(Self.pairs(findings, rule: "tel-link-mismatch") == ["+74957274747", "+78001007010", "+78002003148", "+78005553535"])
        let messages = findings.filter { $0["rule"] as? String == "tel-link-mismatch" }.compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("dials +78002003148 but displays +78002003147") }, "\(messages)")
        // Each finding carries the link and the text that shows the other number.
        for finding in findings where finding["rule"] as? String == "tel-link-mismatch" {
            let evidence = try #require(finding["evidence"] as? [[String: Any]])
            let methods = evidence.compactMap { ($0["evidence"] as? [String: Any])?["method"] as? String }
            #expect(methods.contains("tel-link") && methods.contains("text"), "\(methods)")
        }
    }

    /// Three catalog hotline numbers, one of them short: the message counts them all.
    @Test func multipleHotlineNumbersCountsTheShortNumber() throws {
        let fixture = try AuditFixture(sources: "  - url: pages/help.html\n    official: true\n  - pages/blog.html", pages: [
            "help.html": """
                <p>Горячая линия: 8 800 100-70-10, с мобильного — короткий номер 115.</p>
                <p>Горячая линия для звонков из-за рубежа: +7 495 727-47-47</p>
                """,
            "blog.html": "<p>Горячая линия для регионов: 8 495 771-71-71</p>",
        ])
        defer { fixture.remove() }
        let findings = try fixture.findings()
        let multiple = try #require(findings.first { $0["rule"] as? String == "multiple-hotline-numbers" })
        let message = try #require(multiple["message"] as? String)
        #expect(message.hasPrefix("pages present 4 hotline numbers, the catalog has 3 (+74957274747, +78001007010 and 115)"), "\(message)")
        #expect(message.hasSuffix("not in the catalog: +74957717171"), "\(message)")
    }

    /// JSON-LD in the head beside the visible contacts, as CMS themes write it.
    @Test func structuredDataContradictingTheText() throws {
        let fixture = try AuditFixture(sources: "  - url: pages/contacts.html\n    official: true", pages: ["contacts.html": """
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "Organization", "name": "Пример",
             "telephone": "+7 800 100-70-11", "email": "info@example.ru",
             "contactPoint": {"@type": "ContactPoint", "telephone": "+7-495-727-47-47", "contactType": "customer support"},
             "openingHours": "Mo-Fr 09:00-18:00"}
            </script>
            <h1>Контакты</h1>
            <p>Горячая линия: <a href="tel:+78001007010">8 800 100-70-10</a>, круглосуточно.</p>
            <p>Для звонков из-за рубежа: +7 495 727-47-47</p>
            <p>Пишите: <a href="mailto:support@example.ru">support@example.ru</a></p>
            <p>Офис работает пн–пт с 10:00 до 19:00.</p>
            """])
        defer { fixture.remove() }
        let findings = try fixture.findings().filter { $0["rule"] as? String == "structured-data-mismatch" }
        #expect(Self.pairs(findings, rule: "structured-data-mismatch") == ["+78001007011", "Mo-Fr 09:00-18:00", "info@example.ru"])
        for finding in findings {
            let evidence = try #require(finding["evidence"] as? [[String: Any]])
            let methods = Set(evidence.compactMap { ($0["evidence"] as? [String: Any])?["method"] as? String })
            #expect(methods.contains("json-ld") && methods.count > 1, "both sides' evidence: \(methods)")
        }
        let phone = try #require(findings.first { $0["value"] as? String == "+78001007011" })
        #expect(phone["message"] as? String == "the page's json-ld states telephone +78001007011, its text shows +74957274747 and +78001007010")
    }

    /// A third-party SEO page is reported without failing the build; a per-source
    /// `severity` caps further; a mistake an official page shares keeps its severity.
    @Test func severityByOwner() throws {
        let official = "<p>Горячая линия: 8 800 100-70-10</p><p>Для юридических лиц: +7 495 640-11-22</p>"
        let seo = "<h1>Госуслуги: телефон горячей линии</h1><p>Звоните: +7 495 777-88-99 или +7 495 640-11-22</p>"
        let blog = "<p>Горячая линия: 8 800 555-35-35</p>"
        let sources = """
              - url: pages/help.html
                official: true
              - pages/seo.html
              - url: pages/blog.html
                severity: info
            """
        let fixture = try AuditFixture(sources: sources, pages: ["help.html": official, "seo.html": seo, "blog.html": blog],
                                       extra: "third_party_severity: warning")
        defer { fixture.remove() }
        let findings = try fixture.findings()
        func severity(_ rule: String, _ value: String) -> String? {
            findings.first { $0["rule"] as? String == rule && $0["value"] as? String == value }?["severity"] as? String
        }
        #expect(severity("unknown-phone", "+74957778899") == "warning")
        #expect(severity("unknown-phone", "+78005553535") == "info")
        #expect(severity("unknown-phone", "+74956401122") == "error", "the official page states it too")
        #expect(severity("suspicious-number", "+78005553535") == "info")
        // Only the official page's mistake fails the build at the default --fail-on error.
        #expect(try fixture.run(["--format", "json"]).status == 1)
        let withoutOfficial = try AuditFixture(sources: "  - pages/seo.html\n  - url: pages/blog.html\n    severity: info",
                                               pages: ["seo.html": seo, "blog.html": blog], extra: "third_party_severity: warning")
        defer { withoutOfficial.remove() }
        #expect(try withoutOfficial.run(["--format", "json"]).status == 0)
        #expect(try withoutOfficial.run(["--format", "json", "--fail-on", "warning"]).status == 1)
    }

    /// A catalog with lines for business customers and sales, pages in Russian, English
    /// and German stating them; one page calls the business line its "hotline".
    @Test func businessAndSalesLines() throws {
        let directory = try AuditCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = { (lang: String, body: String) in
            "<!DOCTYPE html><html lang=\"\(lang)\"><head><meta charset=\"utf-8\"></head><body>\(body)</body></html>"
        }
        try CronLoopTests.write(page("ru", """
            <h1>Контакты</h1><p>Горячая линия: 8 800 100-70-10</p>
            <p>Для юридических лиц: 8 800 200-00-01, пн–пт с 9:00 до 18:00</p>
            <p>Отдел продаж: +7 495 640-11-22</p>
            """), to: directory.appendingPathComponent("pages/ru.html"))
        try CronLoopTests.write(page("en-GB", """
            <h1>Contact us</h1><p>Business customers: +7 800 200-00-01</p><p>Sales: +7 495 640-11-22</p>
            """), to: directory.appendingPathComponent("pages/en.html"))
        try CronLoopTests.write(page("de", """
            <h1>Kontakt</h1><p>Geschäftskunden: +7 800 200-00-01</p><p>Vertrieb: +7 495 640-11-22</p>
            """), to: directory.appendingPathComponent("pages/de.html"))
        try CronLoopTests.write(page("ru", "<p>Горячая линия: 8 800 200-00-01, звоните круглосуточно</p>"),
                                to: directory.appendingPathComponent("pages/blog.html"))
        try CronLoopTests.write("""
            name: lines
            region: RU
            catalog:
              phones:
                - {number: "8 800 100-70-10", channel: hotline, hours: "24/7"}
                - {number: "8 800 200-00-01", channel: business, hours: "Mo-Fr 09:00-18:00"}
                - {number: "+7 495 640-11-22", channel: sales}
            sources:
              - {url: pages/ru.html, official: true}
              - pages/en.html
              - pages/de.html
              - pages/blog.html
            """, to: directory.appendingPathComponent("audit.yaml"))
        let check = try CommandRunner.run(["check", directory.path])
        #expect(check.status == 0, "\(check.stderr)")
        let result = try CommandRunner.run(["audit", "--no-snapshot", "--format", "json", directory.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let rules = findings.compactMap { $0["rule"] as? String }
        // The business line called "hotline" on the blog is neither unknown nor an extra hotline.
        #expect(!rules.contains("unknown-phone") && !rules.contains("multiple-hotline-numbers"), "\(findings)")
        #expect(!rules.contains("hours-mismatch"), "the business line's hours are the catalog's: \(findings)")
        #expect(result.status == 0, "\(result.stdout)")
        let records = try #require(CommandRunner.run(["extract", "--format", "json",
                                                      directory.appendingPathComponent("pages/en.html").path,
                                                      directory.appendingPathComponent("pages/de.html").path]).stdout.data(using: .utf8))
        let list = try #require(try JSONSerialization.jsonObject(with: records) as? [String: Any])["records"] as? [[String: Any]]
        let channels = Set((list ?? []).compactMap { $0["channel"] as? String })
        #expect(channels == ["business", "sales"])
    }

    /// The example's text report: long values (schedules, lists of numbers) no longer pad
    /// every line of their rule; counts of one are singular.
    @Test func textReportHasNoPaddedColumnsAndRightPlurals() throws {
        let example = try CommandRunner.run(["audit", "--no-snapshot", "Audits/gosuslugi"])
        let longGap = try Regex("\\S {33,}\\S")
        let padded = example.stdout.split(separator: "\n").filter { $0.contains(longGap) }
        #expect(padded.isEmpty, "\(padded)")
        let fixture = try AuditFixture(sources: "  - pages/blog.html", pages: ["blog.html": "<p>Горячая линия: +7 495 777-88-99</p>"])
        defer { fixture.remove() }
        let text = try fixture.run(["--format", "text"]).stdout
        #expect(text.hasPrefix("rules-e2e: 1 source, 1 record: 1 error, 0 warnings, 0 info"), "\(text)")
        let markdown = try fixture.run(["--format", "markdown"]).stdout
        #expect(markdown.contains("**1 error**, **0 warnings**, 0 info · 1 source, 1 record"), "\(markdown)")
    }

    /// The HTML matrix of an audit whose pages disagree on the hotline's hours: the page
    /// that says what the catalog says is shown agreeing, the other is the outlier; the
    /// catalog's press line has its column.
    @Test func htmlMatrixMarksTheOutlier() throws {
        let fixture = try AuditFixture(sources: "  - url: pages/help.html\n    official: true\n  - pages/blog.html", pages: [
            "help.html": "<p>Горячая линия: 8 800 100-70-10, работает круглосуточно.</p>",
            "blog.html": "<p>Горячая линия Госуслуг 8 800 100-70-10 работает по будням с 9:00 до 18:00.</p>",
        ], extra: "")
        defer { fixture.remove() }
        var yaml = try String(contentsOf: fixture.directory.appendingPathComponent("audit.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "  emails:\n", with: "    - {number: \"+7 495 640-11-22\", channel: press}\n  emails:\n")
        try yaml.write(to: fixture.directory.appendingPathComponent("audit.yaml"), atomically: true, encoding: .utf8)
        let html = try fixture.run(["--format", "html"]).stdout
        #expect(html.contains("<span class=\"value agree\" title=\"as the catalog\">24/7</span>"), "\(html)")
        #expect(html.contains("outlier\" title=\"conflicting-hours, hours-mismatch: pages disagree, and this is not the catalog&#39;s\">Mo-Fr 09:00-18:00</span>"))
        #expect(!html.contains("class=\"conflict\""))
        #expect(html.contains("<th colspan=\"1\" class=\"channel-head\">press</th>"))
    }
}
