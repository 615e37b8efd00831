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
