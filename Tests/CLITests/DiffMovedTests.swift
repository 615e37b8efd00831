import Foundation
import Testing

/// `diff` after a redesign that moved the hotline from the text into a footer link: the
/// value is still on the page, so it is "moved", not "removed" and "added".
@Suite struct DiffMovedTests {
    @Test func aValueAtAnotherPathOrMethodIsMoved() throws {
        let fixture = try RulesEndToEndTests.AuditFixture(sources: "  - url: pages/help.html\n    official: true", pages: [
            "help.html": """
                <main><h1>Помощь</h1><p>Горячая линия: 8 800 100-70-10</p>
                <p>Пишите: <a href="mailto:support@example.ru">support@example.ru</a></p></main>
                """,
        ])
        defer { fixture.remove() }
        let before = fixture.directory.appendingPathComponent("before").path
        let after = fixture.directory.appendingPathComponent("after").path
        _ = try CommandRunner.run(["audit", fixture.directory.path, "--snapshot", before, "--fail-on", "never"])
        try """
            <!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"></head><body>
            <main><h1>Помощь</h1><p>Пишите: <a href="mailto:support@example.ru">support@example.ru</a></p></main>
            <footer><div class="contacts"><span>Горячая линия:</span> <a href="tel:+78001007010">8 800 100-70-10</a></div>
            <p>Отдел продаж: +7 495 640-11-22</p></footer></body></html>
            """.write(to: fixture.directory.appendingPathComponent("pages/help.html"), atomically: true, encoding: .utf8)
        _ = try CommandRunner.run(["audit", fixture.directory.path, "--snapshot", after, "--fail-on", "never"])

        let json = try CommandRunner.run(["diff", before, after, "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let source = try #require((object["sources"] as? [[String: Any]])?.first)
        let moved = try #require(source["moved"] as? [[String: Any]])
        // The hotline into the footer link, the address up one paragraph.
        #expect(moved.compactMap { ($0["after"] as? [String: Any])?["value"] as? String }.sorted()
                == ["+78001007010", "support@example.ru"])
        let added = (source["added"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        let removed = (source["removed"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(added == ["+74956401122"] && removed.isEmpty, "added \(added), removed \(removed)")

        let text = try CommandRunner.run(["diff", before, after])
        #expect(text.stdout.contains("2 moved, 1 added"), "\(text.stdout)")
        #expect(text.stdout.contains("> phone hotline +78001007010 moved: /html/body/main/p[1] (text) → /html/body/footer/div/a (tel-link)"),
                "\(text.stdout)")
    }
}

/// Two addresses in one paragraph, one of them replaced: the diff pairs each address with
/// itself, reports the replaced one with the paragraph before and after, and does not list
/// the other (the same address, path and method; only the quote around it changed).
@Suite struct DiffSameBlockTests {
    static let page = "<main><p>Горячая линия 8 800 100-70-10.</p>"
        + "<p>Пишите на support@example.ru или на help@example.ru, ответим в течение дня.</p></main>"

    @Test func anUnchangedAddressBesideAChangedOneIsNotAChange() throws {
        let fixture = try RulesEndToEndTests.AuditFixture(sources: "  - url: pages/help.html", pages: ["help.html": Self.page])
        defer { fixture.remove() }
        let page = fixture.directory.appendingPathComponent("pages/help.html")
        let original = try String(contentsOf: page, encoding: .utf8)
        func snapshot(_ name: String, _ text: String) throws -> String {
            try text.write(to: page, atomically: true, encoding: .utf8)
            let path = fixture.directory.appendingPathComponent(name).path
            _ = try CommandRunner.run(["audit", fixture.directory.path, "--snapshot", path, "--fail-on", "never"])
            return path
        }
        let before = try snapshot("before", original)
        let replaced = try snapshot("replaced", original.replacingOccurrences(of: "help@example.ru", with: "zed@example.ru"))

        let json = try CommandRunner.run(["diff", before, replaced, "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let source = try #require((object["sources"] as? [[String: Any]])?.first)
        let changed = try #require(source["changed"] as? [[String: Any]])
        let pairs = changed.map { change in
            [change["before"], change["after"]].map { ($0 as? [String: Any])?["value"] as? String ?? "" }
        }
        #expect(pairs == [["help@example.ru", "zed@example.ru"]], "\(json.stdout)")
        let text = try CommandRunner.run(["diff", before, replaced])
        #expect(!text.stdout.contains("support@example.ru (evidence changed)") && !text.stdout.contains("→ support@"),
                "\(text.stdout)")

        // A quote that changed on its own (no value of the paragraph changed) is still a change.
        let reworded = try snapshot("reworded", original.replacingOccurrences(of: "в течение дня", with: "в течение часа"))
        let quote = try CommandRunner.run(["diff", before, reworded])
        #expect(quote.status == 1)
        #expect(quote.stdout.contains("~ email email support@example.ru (evidence changed)"), "\(quote.stdout)")
    }
}
