import Foundation
import Testing

/// `first_seen` across runs on different days, as a nightly job runs the audit: dates kept
/// in the snapshot directory's findings history, which (like the source files) stays
/// byte-identical while nothing changes.
@Suite struct FirstSeenTests {
    static func files(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name != "run.json" {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    static func findings(_ stdout: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return try #require(object["findings"] as? [[String: Any]])
    }

    @Test func datesAreKeptAcrossRunsAndOnlyNewFindingsAreNew() throws {
        let fixture = try RulesEndToEndTests.AuditFixture(
            sources: "  - url: pages/help.html\n    official: true\n  - pages/blog.html",
            pages: ["help.html": "<p>Горячая линия: 8 800 100-70-10</p>",
                    "blog.html": "<h1>Госуслуги: как позвонить</h1><p>Горячая линия: +7 495 777-88-99</p>"])
        defer { fixture.remove() }
        let snapshot = fixture.directory.appendingPathComponent("snapshot")
        func run(_ day: String, _ format: String = "json") throws -> CommandResult {
            try CommandRunner.run(["audit", fixture.directory.path, "--snapshot", snapshot.path, "--today", day,
                                   "--format", format])
        }
        let first = try run("2026-01-01")
        #expect(first.status == 1, "\(first.stderr)")
        #expect(try Self.findings(first.stdout).allSatisfy { $0["first_seen"] as? String == "2026-01-01" })
        let afterFirst = try Self.files(snapshot)
        #expect(afterFirst["findings-history.json"] != nil)

        let second = try run("2026-02-07", "text")
        #expect(second.stdout.contains("first seen 2026-01-01, 37 days ago"), "\(second.stdout)")
        #expect(try Self.files(snapshot) == afterFirst, "nothing changed, so no file changed")
        let unchanged = try CommandRunner.run(["diff", snapshot.path, snapshot.path])
        #expect(unchanged.status == 0)

        try "<h1>Госуслуги: как позвонить</h1><p>Горячая линия: +7 495 777-88-99, или 8 800 555-35-35</p>"
            .write(to: fixture.directory.appendingPathComponent("pages/blog.html"), atomically: true, encoding: .utf8)
        let third = try Self.findings(try run("2026-02-08").stdout)
        let dates = Dictionary(third.compactMap { f in (f["value"] as? String).map { ($0, f["first_seen"] as? String ?? "") } },
                               uniquingKeysWith: { a, _ in a })
        #expect(dates["+74957778899"] == "2026-01-01")
        #expect(dates["+78005553535"] == "2026-02-08")
        #expect(try Self.files(snapshot)["findings-history.json"] != afterFirst["findings-history.json"])
    }

    /// A history that is there but cannot be read (here a directory in its place) is said
    /// on stderr, as one that does not decode is; it was taken for none, silently.
    @Test func anUnreadableHistoryIsSaid() throws {
        let fixture = try RulesEndToEndTests.AuditFixture(sources: "  - url: pages/blog.html",
                                                          pages: ["blog.html": "<p>Горячая линия: +7 495 777-88-99</p>"])
        defer { fixture.remove() }
        let snapshot = fixture.directory.appendingPathComponent("snapshot")
        let history = snapshot.appendingPathComponent("findings-history.json")
        try FileManager.default.createDirectory(at: history, withIntermediateDirectories: true)
        let run = try CommandRunner.run(["audit", fixture.directory.path, "--snapshot", snapshot.path, "--today", "2026-01-01",
                                         "--fail-on", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: \(history.path): cannot be read"), "\(run.stderr)")
    }
}
