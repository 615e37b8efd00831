import Foundation
import Testing

/// A crawled official site with news pages, served over HTTP on 127.0.0.1: only the pages
/// the audit names (or matches by an `official:` URL pattern) must show the hotline; the
/// other pages of the site are still the organisation's own statements.
@Suite struct OfficialPagesTests {
    static let index = """
        <!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Помощь</title></head><body>
        <nav><a href="/news/tariffs.html">Новости: новые тарифы</a> <a href="/news/office.html">Новости: офис переехал</a>
        <a href="/help/faq.html">Вопросы и ответы</a> <a href="/contacts.html">Контакты</a></nav>
        <main><p>Горячая линия: <a href="tel:+78001007010">8 800 100-70-10</a>, круглосуточно.</p></main></body></html>
        """
    static let pages: [String: String] = [
        "index.html": index,
        "news/tariffs.html": "<!DOCTYPE html><html lang=\"ru\"><body><article><h1>Новые тарифы</h1><p>Тарифы изменятся с 1 января.</p></article></body></html>",
        "news/office.html": "<!DOCTYPE html><html lang=\"ru\"><body><article><h1>Офис переехал</h1><p>Телефон офиса: +7 495 640-11-22</p></article></body></html>",
        "help/faq.html": "<!DOCTYPE html><html lang=\"ru\"><body><h1>Вопросы и ответы</h1><p>Как войти в личный кабинет? Через Госуслуги.</p></body></html>",
        "contacts.html": "<!DOCTYPE html><html lang=\"ru\"><body><h1>Контакты</h1><p>Горячая линия: 8 800 100-70-10</p></body></html>",
    ]

    static func run(official: String) throws -> [[String: Any]] {
        let directory = try AuditCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let site = directory.appendingPathComponent("site")
        for (name, html) in pages { try CronLoopTests.write(html, to: site.appendingPathComponent(name)) }
        let server = try ConditionalServer(root: site, log: directory.appendingPathComponent("requests.jsonl"))
        defer { server.stop() }
        try CronLoopTests.write("""
            name: official-site
            region: RU
            catalog:
              phones:
                - {number: "8 800 100-70-10", channel: hotline}
            sources:
              - url: \(server.base)/
                official: \(official)
            crawl: {depth: 1, delay: 0}
            """, to: directory.appendingPathComponent("audit/audit.yaml"))
        let result = try CommandRunner.run(["audit", "--no-snapshot", "--format", "json", directory.appendingPathComponent("audit").path])
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.count == 5, "the crawl reached every page: \(sources.map { $0["url"] ?? "" })")
        #expect(sources.allSatisfy { $0["official"] as? Bool == true })
        return try #require(object["findings"] as? [[String: Any]])
    }

    static func missing(_ findings: [[String: Any]]) -> [String] {
        findings.filter { $0["rule"] as? String == "missing-official-contact" }
            .flatMap { ($0["sources"] as? [String]) ?? [] }.map { URL(string: $0)?.path ?? $0 }.sorted()
    }

    @Test func onlyTheNamedStartPageMustShowTheHotline() throws {
        let findings = try Self.run(official: "true")
        #expect(Self.missing(findings).isEmpty, "\(Self.missing(findings))")
        // The office number on a news page is still the organisation's own statement.
        let unknown = try #require(findings.first { $0["rule"] as? String == "unknown-phone" })
        #expect((unknown["message"] as? String ?? "").contains("catalog may be out of date"), "\(unknown)")
    }

    @Test func pagesMatchedByPatternMustShowTheHotline() throws {
        let findings = try Self.run(official: #"["/", "/help/**", "/contacts.html"]"#)
        #expect(Self.missing(findings) == ["/help/faq.html"])
    }
}
