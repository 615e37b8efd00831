import Foundation
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
        let process = Process()
        process.executableURL = try #require(AuditOverHTTPTests.executable, "build the contact-audit executable first")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr)
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
}
