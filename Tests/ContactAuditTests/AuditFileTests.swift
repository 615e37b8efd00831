@testable import ContactAudit
import ContactHours
import Foundation
import Testing

@Suite struct AuditFileTests {
    /// A scratch directory holding `audit.yaml` and one page, removed by the caller.
    static func write(_ yaml: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try Data("<html><body>page</body></html>".utf8).write(to: directory.appendingPathComponent("pages/seed.html"))
        try Data(yaml.utf8).write(to: directory.appendingPathComponent("audit.yaml"))
        return directory
    }

    static func diagnostics(_ yaml: String) throws -> [AuditDiagnostic] {
        let directory = try write(yaml)
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try AuditFile.load(directory.path)
            return []
        } catch {
            guard case .invalid(let diagnostics) = error else { Issue.record("\(error)"); return [] }
            return diagnostics
        }
    }

    @Test func fiveMistakesEachAtItsPlace() throws {
        let marked = MarkedText("""
        name: demo
        region: RU
        ⟦key⟧catalogue: {}
        catalog:
          phones:
            - number: ⟦number⟧"8 800 100-70"
              channel: ⟦channel⟧hotlin
            - number: "+7 (800) 100-70-10"
              hours: "Mo-Fr 8⟦hours⟧-20"
            - number: ⟦duplicate⟧"88001007010"
        sources:
          - url: ⟦source⟧pages/nowhere.html
          - url: pages/seed.html
        rules:
          ⟦rule⟧near-mis-phone: off
        """)
        let found = try Self.diagnostics(marked.text)
        let expected: [(marker: String, fragment: String)] = [
            ("key", "unknown key 'catalogue' in the audit file; did you mean 'catalog'?"),
            ("number", "'8 800 100-70' is not a valid phone number"),
            ("channel", "unknown channel 'hotlin'; did you mean 'hotline'?"),
            ("hours", "'Mo-Fr 8-20' is not opening_hours syntax we read"),
            ("duplicate", "duplicate number +78001007010: '88001007010' is the same as '+7 (800) 100-70-10' at 8:15"),
            ("source", "source 'pages/nowhere.html' is neither an http(s):// or file:// URL nor an existing file"),
            ("rule", "unknown rule 'near-mis-phone'; did you mean 'near-miss-phone'?"),
        ]
        #expect(found.count == expected.count, "\(found.map(\.description))")
        for item in expected {
            let place = try #require(marked.markers[item.marker])
            #expect(found.contains { $0.line == place.line && $0.column == place.column && $0.message.contains(item.fragment) },
                    "\(item.marker) at \(place.line):\(place.column) not in \(found.map(\.description))")
        }
        #expect(found.allSatisfy { $0.description.contains("audit.yaml:\($0.line):\($0.column): error: ") })
    }

    @Test(arguments: [
        ("sources: [pages/seed.html]", "missing 'name'"),
        ("name: x", "missing 'sources'"),
        ("name: x\nsources: []", "sources is empty"),
        ("name: [x]\nsources: [pages/seed.html]", "name must be a value, not a list"),
        ("name: x\nregion: Russia\nsources: [pages/seed.html]", "unknown region 'Russia'"),
        ("name: x\ntimezone: Europe/Moskow\nsources: [pages/seed.html]", "unknown time zone"),
        ("name: x\nsources: [ftp://example.ru/a]", "uses the scheme 'ftp'"),
        ("name: x\nsources:\n  - url: pages/seed.html\n    official: maybe", "official must be true or false"),
        ("name: x\nsources: [pages/seed.html]\nrules: {hidden-email: {severity: fatal}}", "unknown severity 'fatal'"),
        ("name: x\nsources: [pages/seed.html]\nrules: {hidden-email: {runs: 3}}", "runs is a setting of source-unreadable only"),
        ("name: x\nsources: [pages/seed.html]\nrules: {source-unreadable: {runs: 0}}", "rules.source-unreadable.runs"),
        ("name: x\nsources: [pages/seed.html]\ncrawl: {depth: -1}", "crawl.depth must be at least 0"),
        ("name: x\nsources: [pages/seed.html]\ncrawl: {max_page: 3}", "did you mean 'max_pages'?"),
        ("name: x\nsources: [pages/seed.html]\ncrawl: {allow_private: intranet}", "crawl.allow_private must be a list"),
        ("name: x\nsources: [pages/seed.html]\ncrawl: {allow_private: [http://intranet/help]}",
         "host names, not URLs: 'http://intranet/help' (the host is 'intranet')"),
        ("name: x\nsources: [pages/seed.html]\ncrawl: {allow_private: [a, A]}", "'A' is listed twice"),
        ("name: x\nsources: [pages/seed.html]\ncrawl: {budget: {page: 10}}", "did you mean 'pages'?"),
        ("name: x\nsources: [pages/seed.html]\ncrawl: {budget: {bytes: 0}}", "crawl.budget.bytes must be at least 1"),
        ("name: x\nsources: [pages/seed.html]\ncrawl: {budget: {seconds: 0}}", "crawl.budget.seconds must be more than 0"),
        ("name: x\nsources: [pages/seed.html]\ncrawl: {budget: 100}", "crawl.budget must be a mapping"),
        ("name: x\nsources: [pages/seed.html]\ncrawl: {archive: [a.warc.gz]}", "crawl.archive must be a value"),
        ("name: x\nsources: [pages/seed.html]\ncrawl: {archive_max_bytes: 0}", "crawl.archive_max_bytes must be at least 1"),
        ("name: x\nsources: [pages/seed.html]\nshort_numbers: [12]", "must be 3 to 6 digits"),
        ("name: x\nsources: [pages/seed.html]\nname: y", "'name' appears twice in the same mapping (first at 1:1)"),
        ("name: x\nsources: [pages/seed.html]\ncatalog: {emails: [{address: nobody}]}", "is not an e-mail address"),
        ("name: x\nsources: [pages/seed.html\n", "not valid YAML"),
        ("", "the file is empty"),
    ])
    func singleMistake(_ yaml: String, _ fragment: String) throws {
        let found = try Self.diagnostics(yaml)
        #expect(found.count == 1 && found.contains { $0.message.contains(fragment) }, "\(found.map(\.description))")
    }

    @Test func crawlArchiveSettings() throws {
        let directory = try Self.write("name: x\nsources: [pages/seed.html]\ncrawl: {archive: runs/x.warc.gz, archive_max_bytes: 1000000}")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try AuditFile.load(directory.path)
        #expect(file.crawl.archive == "runs/x.warc.gz")
        #expect(file.crawl.archiveMaxBytes == 1_000_000)
    }

    @Test func aRepeatedKeyIsReportedWhereItRepeats() throws {
        let marked = MarkedText("catalog:\n  phones: []\n  emails: []\n  ⟦repeat⟧phones: []\nname: x\nsources: [pages/seed.html]")
        let found = try Self.diagnostics(marked.text)
        let place = try #require(marked.markers["repeat"])
        #expect(found.map { [$0.line, $0.column] } == [[place.line, place.column]], "\(found.map(\.description))")
    }

    @Test func validFileIsNormalised() throws {
        let directory = try Self.write("""
        name: gosuslugi
        region: RU
        timezone: Europe/Moscow
        catalog:
          phones:
            - {number: "8 800 100-70-10", channel: hotline, hours: "24/7"}
            - {number: "+7 495 727-47-47", channel: hotline, hours: "Mo-Su 00:00-24:00"}
            - {number: "115", channel: hotline}
          emails: [{address: "Support@Example.RU", channel: email}]
          hours: {chat: "24/7"}
          deprecated: {phones: ["+7 499 550-18-39"], emails: []}
        sources:
          - url: https://www.gosuslugi.ru/help
            official: true
          - url: pages/seed.html
        crawl: {depth: 2, max_pages: 5, timeout: 2.5, allow_private: [Intranet.Example.RU, 10.0.0.7],
                budget: {pages: 1000, bytes: 50000000, seconds: 600}}
        rules: {multiple-hotline-numbers: {severity: info}, hidden-email: off, near-miss-phone: warning}
        short_numbers: ["0611"]
        """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try AuditFile.load(directory.path)
        #expect(file.name == "gosuslugi" && file.region == "RU" && file.timezone == "Europe/Moscow")
        #expect(file.catalog.phones.map(\.number) == ["+78001007010", "+74957274747", "115"])
        #expect(file.catalog.phones.allSatisfy { $0.channel == .hotline })
        #expect(file.catalog.phones[1].hours == .alwaysOpen)
        #expect(file.catalog.emails.map(\.address) == ["support@example.ru"])
        #expect(file.catalog.hours[.chat] == .alwaysOpen)
        #expect(file.catalog.deprecatedPhones == ["+74995501839"])
        #expect(file.sources.map(\.official) == [true, false])
        #expect(file.sources[1].location == directory.appendingPathComponent("pages/seed.html").path)
        #expect(file.crawl.depth == 2 && file.crawl.maxPages == 5 && file.crawl.timeoutSeconds == 2.5)
        #expect(file.crawl.allowPrivate == ["intranet.example.ru", "10.0.0.7"])
        #expect(file.crawl.budget == RunBudget(pages: 1000, bytes: 50_000_000, seconds: 600))
        #expect(file.rules == ["multiple-hotline-numbers": .severity(.info), "hidden-email": .off,
                               "near-miss-phone": .severity(.warning)])
        #expect(file.shortNumbers == ["0611"])
    }

    @Test(arguments: ["8 800 100-70-10", "+7 (800) 100-70-10", "88001007010", "8-800-100-70-10"])
    func numbersNormaliseLikeExtraction(_ written: String) throws {
        #expect(try PhoneNormalizer.normalize(written, region: "RU") == "+78001007010")
    }

    @Test func shortNumbersStayDigits() throws {
        #expect(try PhoneNormalizer.normalize("115", region: "RU") == "115")
        #expect(try PhoneNormalizer.normalize("0 611", region: "RU") == "0611")
    }

    @Test func aDirectoryWithoutAuditFileIsNamed() {
        #expect(throws: AuditFileError.self) { try AuditFile.load("/nonexistent/audit") }
    }

    @Test(arguments: [("naem", "name"), ("soruces", "sources"), ("hotlin", "hotline"), ("xyzzy", nil)] as [(String, String?)])
    func suggestions(_ word: String, _ expected: String?) {
        let candidates = AuditFileParser.topKeys + AuditFileParser.channels
        #expect(Suggestion.closest(to: word, in: candidates) == expected)
    }
}
