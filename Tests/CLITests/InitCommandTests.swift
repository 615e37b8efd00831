import Foundation
import Testing

/// `contact-audit init NAME URL|FILE...` on official pages written like real ones: a
/// local help page and a contacts page served over HTTP.
@Suite struct InitCommandTests {
    static let help = """
        <!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Помощь</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization",
        "telephone":"+7 800 100-70-10","contactPoint":{"@type":"ContactPoint","telephone":"+7-495-727-47-47",
        "contactType":"customer support","hoursAvailable":{"@type":"OpeningHoursSpecification",
        "dayOfWeek":["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"],"opens":"00:00","closes":"23:59"}}}</script>
        </head><body><main><h1>Служба поддержки</h1>
        <p>Горячая линия: <a href="tel:+78001007010">8 800 100-70-10</a>, круглосуточно.</p>
        <ul><li>Для звонков из-за рубежа: <a href="tel:+74957274747">+7 495 727-47-47</a></li>
        <li>Для юридических лиц: 8 800 200-00-01, пн–пт с 9:00 до 18:00</li></ul>
        <h2>Онлайн-чат</h2><p>Чат на сайте работает пн–пт с 9:00 до 21:00.</p></main></body></html>
        """
    static let contacts = """
        <!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"></head><body><h1>Контакты</h1>
        <p>Пресс-служба: +7 495 640-11-22</p>
        <table><tr><td>Почта</td><td><a href="mailto:support@example.ru">support@example.ru</a></td></tr></table>
        <p>Чат поддержки: круглосуточно.</p></body></html>
        """

    @Test func writesAReviewableAuditThatChecksAndRefusesToOverwrite() throws {
        let directory = try AuditCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CronLoopTests.write(Self.help, to: directory.appendingPathComponent("pages/help.html"))
        let site = directory.appendingPathComponent("site")
        try CronLoopTests.write(Self.contacts, to: site.appendingPathComponent("contacts.html"))
        let server = try ConditionalServer(root: site, log: directory.appendingPathComponent("requests.jsonl"))
        defer { server.stop() }

        let result = try CommandRunner.run(["init", "demo", "pages/help.html", "\(server.base)/contacts.html"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote Audits/demo/audit.yaml: review it, then run contact-audit check Audits/demo\n")
        let file = directory.appendingPathComponent("Audits/demo/audit.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        // Every value under the comment that says where a page states it.
        for expected in [
            "    # ../../pages/help.html /html/body/main/p[1]/a (tel-link): \"8 800 100-70-10\"",
            "    - number: \"+78001007010\"\n      channel: hotline",
            "    - number: \"+78002000001\"\n      channel: business",
            "    - number: \"+74956401122\"\n      channel: press",
            "    - address: \"support@example.ru\"\n      channel: email",
            // A numbered channel's schedule on its numbers, as the audit file's contract has it.
            "      channel: hotline\n      # ../../pages/help.html /html/head/script#/contactPoint/hoursAvailable (json-ld): ",
            "\n      hours: \"24/7\"",
            "    - number: \"+78002000001\"\n      channel: business\n",
            "\n      hours: \"Mo-Fr 09:00-18:00\"",
            // catalog.hours for the channels without a number.
            "  hours: {}\n    # The pages disagree on chat hours; keep the right one:",
            "region: RU",
            "  - url: \"../../pages/help.html\"\n    official: true",
            // The contacts page shows no hotline number: official without the duty to.
            "  - url: \"\(server.base)/contacts.html\"\n    # shows no hotline number: official, but not expected to show one (official: true would expect it)\n    official: []",
        ] {
            #expect(yaml.contains(expected), "missing \(expected) in:\n\(yaml)")
        }
        #expect(!yaml.contains("    chat: "), "a disputed schedule is not a value")
        #expect(!yaml.contains("    hotline: ") && !yaml.contains("    business: "), "numbered channels' hours under catalog.hours:\n\(yaml)")

        let check = try CommandRunner.run(["check", "Audits/demo"], in: directory)
        #expect(check.status == 0, "\(check.stderr)")
        // The audit of the same pages finds none of its numbers unknown.
        let audit = try CommandRunner.run(["audit", "--no-snapshot", "--format", "json", "Audits/demo"], in: directory)
        #expect(!audit.stdout.contains("\"unknown-phone\"") && !audit.stdout.contains("\"unknown-email\""), "\(audit.stdout)")
        // Nor fails on the pages it was started from (missing-official-contact on the contacts page did).
        #expect(!audit.stdout.contains("\"missing-official-contact\""), "\(audit.stdout)")
        #expect(audit.status == 0, "\(audit.stdout)")

        let again = try CommandRunner.run(["init", "demo", "pages/help.html"], in: directory)
        #expect(again.status == 2)
        #expect(again.stderr.contains("contact-audit: Audits/demo/audit.yaml already exists"), "\(again.stderr)")

        // A page that cannot be read is named once ("x: x: no such file" before).
        let missing = try CommandRunner.run(["init", "other", "pages/missing.html"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("pages/missing.html") && missing.stderr.components(separatedBy: "missing.html").count == 2,
                "\(missing.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == yaml)
    }

    /// Local paths in the shortest clear form: relative inside the project (`../../pages/…`),
    /// absolute for a page elsewhere, where a relative path climbed to the root
    /// (`../../../../tmp/…`). Either way the written audit checks and runs.
    @Test func localPathsAreRelativeInsideTheProjectAbsoluteOutside() throws {
        let directory = try AuditCommandTests.temporaryDirectory()
        let elsewhere = try AuditCommandTests.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        try CronLoopTests.write(Self.help, to: directory.appendingPathComponent("pages/help.html"))
        let outside = elsewhere.appendingPathComponent("mirror/contacts.html")
        try CronLoopTests.write(Self.contacts, to: outside)

        let result = try CommandRunner.run(["init", "demo", "./pages/../pages/help.html", outside.path], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let yaml = try String(contentsOf: directory.appendingPathComponent("Audits/demo/audit.yaml"), encoding: .utf8)
        let urls = yaml.split(separator: "\n").filter { $0.hasPrefix("  - url: ") }
        #expect(urls == ["  - url: \"../../pages/help.html\"", "  - url: \"\(outside.standardizedFileURL.path)\""], "\(yaml)")
        #expect(!yaml.contains("../../../"))

        let check = try CommandRunner.run(["check", "Audits/demo"], in: directory)
        #expect(check.status == 0, "\(check.stderr)")
        let audit = try CommandRunner.run(["audit", "--no-snapshot", "--format", "json", "Audits/demo"], in: directory)
        #expect(audit.status == 0 || audit.status == 1, "\(audit.stderr)")
        #expect(audit.stdout.contains("\"status\" : \"ok\""))
        #expect(!audit.stdout.contains("\"status\" : \"error\""), "\(audit.stdout)")

        // An audit directory outside the working directory: pages beside the project are
        // absolute there too, not ../../../…
        let far = elsewhere.appendingPathComponent("audits")
        let farResult = try CommandRunner.run(["init", "other", "--directory", far.path, "pages/help.html"], in: directory)
        #expect(farResult.status == 0, "\(farResult.stderr)")
        let farYAML = try String(contentsOf: far.appendingPathComponent("other/audit.yaml"), encoding: .utf8)
        #expect(farYAML.contains("  - url: \"\(directory.appendingPathComponent("pages/help.html").standardizedFileURL.path)\""), "\(farYAML)")
        let farCheck = try CommandRunner.run(["check", far.appendingPathComponent("other").path], in: directory)
        #expect(farCheck.status == 0, "\(farCheck.stderr)")
    }

    /// init → audit: the hours init wrote are the ones the audit holds pages to. The same
    /// pages agree with them; the help page with other hotline hours is a mismatch.
    @Test func theHoursInitWritesAreTheHoursTheAuditReads() throws {
        let directory = try AuditCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("pages/help.html")
        try CronLoopTests.write("""
            <html lang="ru"><body><h2>Горячая линия</h2>
            <p>Горячая линия: 8 800 100-70-10, звонки принимаются пн–пт с 9:00 до 18:00.</p>
            <p>Чат поддержки работает круглосуточно.</p></body></html>
            """, to: page)
        let initialised = try CommandRunner.run(["init", "demo", "pages/help.html"], in: directory)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let yaml = try String(contentsOf: directory.appendingPathComponent("Audits/demo/audit.yaml"), encoding: .utf8)
        #expect(yaml.contains("    - number: \"+78001007010\"\n      channel: hotline\n"), "\(yaml)")
        #expect(yaml.contains("      hours: \"Mo-Fr 09:00-18:00\"\n"), "\(yaml)")
        #expect(yaml.contains("  hours:\n"), "\(yaml)")
        #expect(yaml.contains("    chat: \"24/7\"\n"), "\(yaml)")

        let same = try CommandRunner.run(["audit", "--no-snapshot", "--format", "json", "Audits/demo"], in: directory)
        #expect(same.status == 0, "\(same.stdout)")
        #expect(!same.stdout.contains("\"hours-mismatch\""), "\(same.stdout)")

        try CronLoopTests.write("""
            <html lang="ru"><body><h2>Горячая линия</h2>
            <p>Горячая линия: 8 800 100-70-10, звонки принимаются пн–сб с 8:00 до 20:00.</p>
            <p>Чат поддержки работает круглосуточно.</p></body></html>
            """, to: page)
        let changed = try CommandRunner.run(["audit", "--no-snapshot", "--format", "json", "Audits/demo"], in: directory)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(changed.stdout.utf8)) as? [String: Any])
        let mismatches = (report["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "hours-mismatch" }
        #expect(mismatches.map { $0["value"] as? String } == ["Mo-Sa 08:00-20:00"], "\(changed.stdout)")
    }
}
