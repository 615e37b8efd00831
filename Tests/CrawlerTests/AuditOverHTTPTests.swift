import Foundation
import Testing

/// `contact-audit audit` as a user runs it, on an audit whose sources are pages of a
/// real HTTP server on 127.0.0.1: robots.txt is read, contact links are followed, a
/// disallowed page is recorded as skipped, and findings come from the crawled pages.
@Suite struct AuditOverHTTPTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL? {
        var candidates: [URL] = []
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        return candidates.map { $0.appendingPathComponent("contact-audit") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audit-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        name: web
        region: RU
        catalog:
          phones:
            - number: "8 800 100-70-10"
              channel: hotline
              hours: "24/7"
        sources:
          - url: \(server.base)/
            official: true
        crawl:
          depth: 1
          delay: 0
        """.write(to: directory.appendingPathComponent("audit.yaml"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = try #require(Self.executable, "build the contact-audit executable first")
        process.arguments = ["audit", directory.path, "--format", "json", "--no-snapshot"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        #expect(process.terminationStatus == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
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
            let process = Process()
            process.executableURL = try #require(Self.executable, "build the contact-audit executable first")
            process.arguments = ["extract", "--format", "json", url]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, stdout, stderr)
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
