import Foundation
import TestSupport
import Testing

/// `contact-audit audit` as a user runs it, on an audit whose sources are pages of a
/// real HTTP server on 127.0.0.1: robots.txt is read, contact links are followed, a
/// disallowed page is recorded as skipped, and findings come from the crawled pages.
@Suite struct AuditOverHTTPTests {
    @Test func auditCrawlsLocalHTTPSources() throws {
        let server = try TestHTTPServer(handler: site([
            "/robots.txt": TestResponse(headers: [("Content-Type", "text/plain")],
                                        body: Array("User-agent: *\nDisallow: /private\n".utf8)),
            "/": .html("""
                <html lang="ru"><body><h1>Помощь</h1>
                <p>Горячая линия: 8 800 100-70-10, круглосуточно.</p>
                <p><a href="/contacts">Контакты</a> <a href="/private/contacts">Служебные контакты</a></p>
                </body></html>
                """),
            "/contacts": .html("""
                <html lang="ru"><body><h2>Телефон горячей линии</h2>
                <p>Звоните: +7 495 777-88-99 (пн–пт 9–18)</p></body></html>
                """),
            "/private/contacts": .html("<p>Горячая линия: 8 800 000-00-00</p>"),
        ]))
        defer { server.stop() }
        let directory = try AuditFiles.temporaryDirectory("audit-http")
        defer { try? FileManager.default.removeItem(at: directory) }
        try AuditFiles.write(AuditFiles.yaml(hotlineHours: "24/7", sources: [.official("\(server.base)/")],
                                             crawl: ["depth": "1", "delay": "0"]), in: directory)

        let run = try Executable.run(["audit", directory.path, "--format", "json", "--no-snapshot"])
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let sources = try #require(report["sources"] as? [[String: Any]])
        let urls = Set(sources.compactMap { $0["url"] as? String })
        #expect(urls.isSuperset(of: ["\(server.base)/", "\(server.base)/contacts"]))
        let skipped = sources.first { ($0["url"] as? String) == "\(server.base)/private/contacts" }
        // robots.txt's wish, not a failure: status skipped, not counted as unreadable.
        #expect(skipped?["status"] as? String == "skipped")
        #expect((skipped?["reason"] as? String)?.hasPrefix("skipped-by-robots") == true)
        #expect(skipped?["error"] == nil)
        #expect((report["summary"] as? [String: Any])?["unreadable"] as? Int == 0)
        #expect(server.requests(for: "/private/contacts").isEmpty)
        #expect(server.requests(for: "/robots.txt").count == 1)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.allSatisfy { $0["rule"] as? String != "source-unreadable" })
        let unknown = findings.first { $0["rule"] as? String == "unknown-phone" }
        #expect(unknown?["value"] as? String == "+74957778899")
        #expect((unknown?["official"] as? String)?.isEmpty == false)
    }

    @Test func extractReadsURLsUnderTheSameAddressPolicy() throws {
        let server = try TestHTTPServer(handler: site([
            "/": .html("<html lang=\"ru\"><body><p>Горячая линия: 8 800 100-70-10</p></body></html>"),
        ]))
        defer { server.stop() }
        func run(_ url: String) throws -> (Int32, String, String) {
            let run = try Executable.run(["extract", "--format", "json", url])
            return (run.status, String(decoding: run.stdout, as: UTF8.self), run.stderr)
        }
        let (status, stdout, _) = try run("\(server.base)/")
        #expect(status == 0)
        #expect(stdout.contains("+78001007010"))
        // The same server by a name that resolves to loopback is not what was named.
        let before = server.requests(for: "/").count
        let (refusedStatus, _, stderr) = try run("http://localhost:\(server.port)/")
        #expect(refusedStatus == 2)
        #expect(stderr.contains("refused"))
        #expect(server.requests(for: "/").count == before)
    }
}
