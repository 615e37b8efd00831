import Foundation
import TestSupport
import Testing

/// Issue 12: pages as the real web serves them (lying charsets, content after `</html>`,
/// cut and binary bodies, bot walls), read by the built executable from a real HTTP
/// server on 127.0.0.1.
@Suite struct WebPagesOverHTTPTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String

        var records: [[String: Any]] {
            let object = try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
            return object?["records"] as? [[String: Any]] ?? []
        }

        func values(_ kind: String) -> Set<String> {
            Set(records.filter { $0["kind"] as? String == kind }.compactMap { $0["value"] as? String })
        }
    }

    static func run(_ arguments: [String]) throws -> Run {
        let run = try Executable.run(arguments)
        return Run(status: run.status, stdout: String(decoding: run.stdout, as: UTF8.self), stderr: run.stderr)
    }

    /// A Russian contact page after a CMS migration: UTF-8 bytes, the old template's
    /// windows-1251 still declared (in the header, or in `<meta>`). "И" is D0 98 in UTF-8
    /// and windows-1251 has no character 0x98: before, the page gave no records at all.
    static let migratedPage = """
        <!DOCTYPE html>
        <html lang="ru">
        <head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
        <title>Контакты и реквизиты — ООО «Ромашка»</title></head>
        <body>
        <div class="header"><a href="/">Главная</a> | <a href="/about">О компании</a></div>
        <h1>КОНТАКТЫ И РЕКВИЗИТЫ</h1>
        <p>Телефон отдела продаж: +7 (495) 123-45-67, пн–пт 9:00–18:00</p>
        <p>Phone: +7 495 123-45-68</p>
        <p>E-mail: <a href="mailto:sales@romashka.example">sales@romashka.example</a></p>
        <p>Адрес: 123456, г. Москва, ул. Ильинка, д. 4</p>
        </body></html>
        """

    @Test(arguments: [
        [("Content-Type", "text/html; charset=windows-1251")],
        [("Content-Type", "text/html")],
        [("Content-Type", "text/html; charset=iso-8859-1")],
    ])
    func aLyingCharsetLosesNothing(_ headers: [(String, String)]) throws {
        let server = try TestHTTPServer(handler: site([
            "/contacts": TestResponse(headers: headers, body: Array(Self.migratedPage.utf8)),
        ]))
        defer { server.stop() }
        let run = try Self.run(["extract", "--format", "json", "\(server.base)/contacts"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.values("phone") == ["+74951234567", "+74951234568"])
        #expect(run.values("email") == ["sales@romashka.example"])
        let texts = run.records.compactMap { ($0["evidence"] as? [String: Any])?["text"] as? String }
        #expect(texts.contains("Телефон отдела продаж: +7 (495) 123-45-67, пн–пт 9:00–18:00"), "\(texts)")
    }

    /// A page with a doctype whose chat widget and footer were appended after `</html>`
    /// by a plugin. Before: the WhatsApp link and the footer's number were lost and every
    /// path read `/html[1]/…`.
    static let widgetAfterEnd = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head><meta charset="utf-8"><title>Contact — Harbour Dental Practice</title></head>
        <body>
        <header><nav><a href="/">Home</a> <a href="/contact">Contact</a></nav></header>
        <main>
        <h1>Contact us</h1>
        <p>Reception: <a href="tel:+442079460018">020 7946 0018</a></p>
        <p>Opening hours: Monday to Friday 8:30am – 5:30pm</p>
        </main>
        </body>
        </html>
        <!-- chat widget -->
        <div class="wa-widget"><a href="https://wa.me/447911123456">Chat with us on WhatsApp</a></div>
        <footer><p>Out of hours emergencies: 020 7946 0999</p></footer>
        <script>window.dataLayer = window.dataLayer || [];</script>
        """

    @Test func contentAfterTheEndOfTheDocumentIsRead() throws {
        let server = try TestHTTPServer(handler: site(["/contact": .html(Self.widgetAfterEnd)]))
        defer { server.stop() }
        let run = try Self.run(["extract", "--format", "json", "\(server.base)/contact"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.values("phone") == ["+442079460018", "+447911123456", "+442079460999"])
        let paths = Set(run.records.compactMap { ($0["evidence"] as? [String: Any])?["path"] as? String })
        #expect(paths.contains("/html/body/main/p[1]/a"), "\(paths)")
        #expect(paths.contains("/html/body/div/a"), "\(paths)")
        #expect(paths.contains("/html/body/footer/p"), "\(paths)")
        #expect(!paths.contains { $0.hasPrefix("/html[") })
    }

    // MARK: - Cut, binary and challenge pages (items 5 and 6)

    static let contactPage = """
        <!DOCTYPE html><html lang="en-GB"><head><title>Contact us</title></head><body>
        <h1>Contact us</h1><p>Helpline: <a href="tel:+442079460018">020 7946 0018</a></p>
        <form action="/contact/send"><div class="g-recaptcha" data-sitekey="x"></div><textarea name="m"></textarea></form>
        </body></html>
        """

    /// Cloudflare's managed challenge as it is served: 403, `cf-mitigated: challenge`.
    static let cloudflare = """
        <!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
        <meta http-equiv="refresh" content="390"></head><body><div class="main-wrapper" role="main">
        <div class="main-content"><noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript></div></div>
        <script>(function(){window._cf_chl_opt={cvId: '3',cZone: "example.com",cType: 'managed'};var cpo = document.createElement('script');
        cpo.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8c';document.getElementsByTagName('head')[0].appendChild(cpo);}());</script>
        </body></html>
        """

    /// DDoS-Guard's JavaScript check, served 200 with `server: ddos-guard`.
    static let ddosGuard = """
        <!DOCTYPE html><html><head><title>DDoS-Guard</title>
        <script src="/.well-known/ddos-guard/check?context=free_splash"></script></head>
        <body><div id="ddg-l"><p>Checking your browser before accessing example.ru</p></div></body></html>
        """

    /// Yandex SmartCaptcha's wall, 200.
    static let captcha = """
        <!DOCTYPE html><html lang="ru"><head><title>Ой!</title></head><body>
        <form method="post" action="/checkcaptcha?key=abc&amp;retpath=https%3A%2F%2Fexample.ru%2Fcontacts">
        <p>Подтвердите, что запросы отправляли вы, а не робот</p><input type="submit" value="Я не робот"></form></body></html>
        """

    static func auditFile(_ server: TestHTTPServer, _ paths: [String], thirdParty: [String] = [],
                          maxBytes: Int = 200_000) -> String {
        """
        name: walls
        region: GB
        catalog:
          phones:
            - number: "020 7946 0018"
              channel: hotline
        sources:
        \((paths.map { "  - url: \(server.base)\($0)\n    official: true" }
            + thirdParty.map { "  - url: \(server.base)\($0)" }).joined(separator: "\n"))
        crawl:
          depth: 0
          delay: 0
          max_bytes: \(maxBytes)
        """
    }

    @Test func cutBinaryAndChallengePagesAreReportedAsSuchInEveryFormat() throws {
        let longPage = Self.contactPage.replacingOccurrences(
            of: "</form>", with: "</form>" + String(repeating: "<p>Our offices are open on weekdays.</p>\n", count: 8000))
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)
        let server = try TestHTTPServer(handler: site([
            "/contact": .html(Self.contactPage),
            "/long": .html(longPage),
            "/logo": TestResponse(headers: [("Content-Type", "image/png")], body: png),
            "/brochure": TestResponse(headers: [("Content-Type", "text/html")], body: Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj".utf8)),
            "/cf": TestResponse(status: 403, headers: [("Content-Type", "text/html; charset=UTF-8"), ("cf-mitigated", "challenge"),
                                                       ("Server", "cloudflare")], body: Array(Self.cloudflare.utf8)),
            "/ddg": TestResponse(headers: [("Content-Type", "text/html"), ("Server", "ddos-guard")], body: Array(Self.ddosGuard.utf8)),
            "/captcha": .html(Self.captcha),
        ]))
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("walls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = ["/contact", "/long", "/logo", "/brochure", "/cf", "/ddg", "/captcha"]
        try Self.auditFile(server, paths).write(to: directory.appendingPathComponent("audit.yaml"), atomically: true, encoding: .utf8)

        let json = try Self.run(["audit", directory.path, "--format", "json", "--no-snapshot", "--fail-on", "never"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sources = try #require(report["sources"] as? [[String: Any]])
        func source(_ path: String) -> [String: Any] { sources.first { $0["url"] as? String == server.base + path } ?? [:] }
        #expect(source("/contact")["status"] as? String == "ok")
        #expect(source("/long")["status"] as? String == "truncated")
        #expect((source("/long")["reason"] as? String)?.contains("max_bytes") == true)
        #expect(source("/long")["records"] as? Int == 1)
        for path in ["/logo", "/brochure"] {
            #expect(source(path)["status"] as? String == "not-html", "\(path): \(source(path))")
            #expect(source(path)["records"] as? Int == 0)
        }
        #expect((source("/logo")["reason"] as? String)?.contains("image/png") == true)
        #expect((source("/brochure")["reason"] as? String)?.contains("PDF") == true)
        for path in ["/cf", "/ddg", "/captcha"] {
            #expect(source(path)["status"] as? String == "blocked", "\(path): \(source(path))")
            #expect(source(path)["records"] as? Int == 0)
        }
        #expect((source("/cf")["reason"] as? String)?.contains("Cloudflare") == true)
        #expect((source("/ddg")["reason"] as? String)?.contains("DDoS-Guard") == true)
        // What a page shows is not judged on a wall: the hotline is "missing" nowhere.
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["rule"] as? String == "missing-official-contact" }, "\(findings)")

        for (format, expected) in [("text", ["truncated", "not-html", "blocked", "Content-Type image/png", "Cloudflare"]),
                                   ("markdown", ["| truncated |", "| not-html |", "| blocked |", "DDoS-Guard"]),
                                   ("junit", ["type=\"truncated\"", "type=\"not-html\"", "type=\"blocked\"", "captcha"]),
                                   ("html", ["truncated", "not-html", "blocked", "Cloudflare"])] {
            let run = try Self.run(["audit", directory.path, "--format", format, "--no-snapshot", "--fail-on", "never"])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            for word in expected { #expect(run.stdout.contains(word), "\(format) lacks \(word)") }
        }
    }

    /// A page read on one run and walled off on the next keeps its records in the
    /// snapshot, marked stale: `diff` shows the source failing, not its contacts removed.
    @Test func aWallKeepsThePreviousRecordsAsStale() throws {
        let walled = LockedFlag()
        let server = try TestHTTPServer { request, _ in
            guard request.path == "/contact" else { return .notFound }
            return walled.value
                ? TestResponse(status: 503, headers: [("Content-Type", "text/html"), ("cf-mitigated", "challenge")],
                               body: Array(Self.cloudflare.utf8))
                : .html(Self.contactPage)
        }
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.auditFile(server, ["/contact"]).write(to: directory.appendingPathComponent("audit.yaml"), atomically: true, encoding: .utf8)
        let snapshot = directory.appendingPathComponent("snap").path, before = directory.appendingPathComponent("before").path

        let first = try Self.run(["audit", directory.path, "--snapshot", snapshot, "--fail-on", "never"])
        #expect(first.status == 0, "\(first.stderr)")
        try FileManager.default.copyItem(atPath: snapshot, toPath: before)
        walled.value = true
        let second = try Self.run(["audit", directory.path, "--snapshot", snapshot, "--fail-on", "never"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("blocked"), "\(second.stdout)")
        // The text report wraps at 80 columns: the detail is read with its lines joined.
        let unwrapped = second.stdout.replacingOccurrences(of: "\n        ", with: " ")
        #expect(unwrapped.contains("1 record of the last run kept as stale"), "\(second.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: snapshot).filter { $0 != "run.json" && $0 != "findings-history.json" && $0.hasSuffix(".json") }
        let stored = try String(contentsOfFile: snapshot + "/" + #require(files.first), encoding: .utf8)
        #expect(stored.contains("\"stale\" : true"), "\(stored)")
        #expect(stored.contains("+442079460018"))
        #expect(stored.contains("\"pageStatus\" : \"blocked\""))
        let diff = try Self.run(["diff", before, snapshot])
        #expect(!diff.stdout.lowercased().contains("removed"), "\(diff.stdout)")
        #expect(diff.stdout.contains("blocked"), "\(diff.stdout)")
    }
}

extension WebPagesOverHTTPTests {
    /// Item 7: every source unreadable used to say "no findings" and exit 0. Now a
    /// warning at once, and an error when an official page stays unreadable for the
    /// audit's `runs` (default 2), counted from the previous snapshot.
    @Test(arguments: [nil, 3])
    func unreadableSourcesAreFindings(_ runs: Int?) throws {
        let server = try TestHTTPServer(handler: site([
            "/gone": .html("<html><body><h1>Not found</h1></body></html>", status: 404),
            "/cf": TestResponse(status: 403, headers: [("Content-Type", "text/html"), ("cf-mitigated", "challenge")],
                                body: Array(Self.cloudflare.utf8)),
        ]))
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var yaml = Self.auditFile(server, ["/gone"], thirdParty: ["/cf"]) + "\n"
        if let runs { yaml += "rules:\n  source-unreadable: {runs: \(runs)}\n" }
        try yaml.write(to: directory.appendingPathComponent("audit.yaml"), atomically: true, encoding: .utf8)
        let snapshot = directory.appendingPathComponent("snap").path
        var statuses: [Int32] = []
        var findings: [[[String: Any]]] = []
        for _ in 0..<3 {
            let run = try Self.run(["audit", directory.path, "--snapshot", snapshot, "--format", "json"])
            statuses.append(run.status)
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            findings.append((report?["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "source-unreadable" })
        }
        let threshold = runs ?? 2
        for (index, found) in findings.enumerated() {
            let official = found.first { $0["value"] as? String == server.base + "/gone" }
            let third = found.first { $0["value"] as? String == server.base + "/cf" }
            #expect(third?["severity"] as? String == "warning", "run \(index + 1): \(found)")
            #expect((third?["message"] as? String)?.contains("blocked") == true)
            let expected = index + 1 >= threshold ? "error" : "warning"
            #expect(official?["severity"] as? String == expected, "run \(index + 1): \(found)")
            #expect(statuses[index] == (expected == "error" ? 1 : 0), "run \(index + 1)")
        }
    }
}

extension WebPagesOverHTTPTests {
    /// Item 8: `extract` could only advise `crawl.allow_private`, which it cannot set.
    @Test func extractAllowsAPrivateHostWhenAsked() throws {
        let server = try TestHTTPServer(handler: site(["/": .html("<p>Helpline: 020 7946 0018</p>")]))
        defer { server.stop() }
        let url = "http://localhost:\(server.port)/"
        let refused = try Self.run(["extract", "--region", "GB", url])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--allow-private localhost"), "\(refused.stderr)")
        let allowed = try Self.run(["extract", "--region", "GB", "--format", "json", "--allow-private", "localhost", url])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.values("phone") == ["+442079460018"])
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var value: Bool {
        get { lock.withLock { flag } }
        set { lock.withLock { flag = newValue } }
    }
}
