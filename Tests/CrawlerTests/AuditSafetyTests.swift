import Foundation
import TestSupport
import Testing

/// `contact-audit audit` as a user runs it, on loopback only: the address policy refuses a
/// redirect to a loopback address the audit did not name, `crawl.allow_private` opens a
/// named host, and `crawl.budget` stops the run with a note in the report.
@Suite struct AuditSafetyTests {
    /// Runs `audit --format json` on an audit file with `yaml`; the exit status and report.
    private func audit(_ yaml: String) throws -> (Int32, [String: Any]) {
        let directory = try AuditFiles.temporaryDirectory("audit-safety")
        defer { try? FileManager.default.removeItem(at: directory) }
        try AuditFiles.write(yaml, in: directory)
        let run = try Executable.run(["audit", directory.path, "--format", "json", "--no-snapshot"])
        let report = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        return (run.status, report)
    }

    private static let catalog = """
        name: web
        region: RU
        catalog:
          phones:
            - number: "8 800 100-70-10"
              channel: hotline
        """

    @Test func aRedirectToAnUnnamedLoopbackAddressIsRefusedAndTheBudgetIsReported() throws {
        let service = try TestHTTPServer(address: "127.0.0.2") { _, _ in .html("<p>Горячая линия: 8 800 000-00-00</p>") }
        defer { service.stop() }
        let server = try TestHTTPServer(handler: site([
            "/": .html("""
                <html lang="ru"><body><p>Горячая линия: 8 800 100-70-10</p>
                <a href="/contacts">Контакты</a> <a href="/b">b</a> <a href="/c">c</a> <a href="/d">d</a></body></html>
                """),
            "/contacts": .redirect(service.base + "/admin"),
            "/b": .html("<p>b</p>"), "/c": .html("<p>c</p>"), "/d": .html("<p>d</p>"),
        ]))
        defer { server.stop() }
        let (status, report) = try audit(Self.catalog + """

            sources:
              - url: \(server.base)/
                official: true
            crawl:
              delay: 0
              budget: {pages: 3}
            """)

        // 0: the start page shows the hotline, and pages the crawl reached from it need not
        // (missing-official-contact expects it only on named pages); a refused page or a
        // spent budget alone never makes findings (1) or a configuration error (2).
        #expect(status == 0)
        let sources = try #require(report["sources"] as? [[String: Any]])
        let refused = try #require(sources.first { $0["url"] as? String == "\(server.base)/contacts" })
        let error = try #require(refused["error"] as? String)
        // The row names the page; its error does not name it again.
        #expect(error.hasPrefix("refused: redirected to \(service.base)/admin"), "\(error)")
        #expect(error.contains("127.0.0.2 is a loopback address"))
        #expect(service.requests.isEmpty)
        // "/", "/contacts" (contact links first) and "/b" used the budget of three pages.
        #expect(Set(sources.compactMap { $0["url"] as? String })
            == ["\(server.base)/", "\(server.base)/contacts", "\(server.base)/b"])
        #expect(report["notes"] as? [String] == ["budget spent: pages 3/3; 2 URLs not fetched"])
    }

    @Test func allowPrivateLetsANamedHostBeRead() throws {
        let server = try TestHTTPServer(handler: site(["/": .html("<p>Горячая линия: 8 800 100-70-10</p>")]))
        defer { server.stop() }
        let source = "http://localhost:\(server.port)/"
        let sourcesYAML = "\n\nsources:\n  - url: \(source)\n    official: true\ncrawl:\n  delay: 0\n"

        let (_, refusedReport) = try audit(Self.catalog + sourcesYAML)
        let refused = try #require((refusedReport["sources"] as? [[String: Any]])?.first)
        #expect((refused["error"] as? String)?.contains("add localhost to crawl.allow_private") == true)
        #expect(server.requests.isEmpty)

        let (status, report) = try audit(Self.catalog + sourcesYAML + "  allow_private: [localhost]\n")
        #expect(status == 0)
        let read = try #require((report["sources"] as? [[String: Any]])?.first)
        #expect(read["status"] as? String == "ok")
        #expect(report["notes"] == nil)
    }
}
