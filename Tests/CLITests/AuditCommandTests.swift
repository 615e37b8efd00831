import Foundation
import Testing

/// `check` and `audit` on Tests/CLITests/Fixtures/tiny-audit: an official page that is
/// fine, a third-party page with a deprecated number, the 8 800 555-35-35 jingle and an
/// unknown address, and a URL that cannot be fetched.
@Suite struct AuditCommandTests {
    static let audit = "Tests/CLITests/Fixtures/tiny-audit"

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func findings(_ text: String) throws -> [(rule: String, value: String)] {
        let list = try #require(try json(text)["findings"] as? [[String: Any]])
        return list.compactMap { f in (f["rule"] as? String).flatMap { r in (f["value"] as? String).map { (r, $0) } } }
    }

    @Test func checkAcceptsAValidAudit() throws {
        let result = try CommandRunner.run(["check", Self.audit])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid"))
    }

    @Test func auditReportsFindingsAndExitsOne() throws {
        let result = try CommandRunner.run(["audit", "--no-snapshot", "--format", "json", Self.audit])
        #expect(result.status == 1, "\(result.stderr)")
        let found = try Self.findings(result.stdout)
        for expected in [("deprecated-phone", "+74995501839"), ("unknown-phone", "+78005553535"),
                         ("suspicious-number", "+78005553535"), ("unknown-email", "help@example-support.com")] {
            #expect(found.contains { $0 == expected }, "\(expected) not in \(found)")
        }
        // The official page shows the hotline; hidden-email is off in the audit file.
        #expect(!found.contains { $0.rule == "missing-official-contact" || $0.rule == "hidden-email" })
        let object = try Self.json(result.stdout)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["sources"] as? Int == 3)
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.contains { $0["status"] as? String == "error" && ($0["url"] as? String ?? "").contains("127.0.0.1") })
    }

    @Test(arguments: [("never", Int32(0)), ("warning", 1), ("error", 1)])
    func failOn(_ threshold: String, _ status: Int32) throws {
        let result = try CommandRunner.run(["audit", "--no-snapshot", "--fail-on", threshold, Self.audit])
        #expect(result.status == status, "\(result.stderr)")
    }

    @Test func baselineRoundTripAndOutputFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let baseline = directory.appendingPathComponent("baseline.json").path
        let report = directory.appendingPathComponent("report.md").path
        let first = try CommandRunner.run(["audit", "--no-snapshot", "--write-baseline", baseline, "--format", "markdown", "--output", report, Self.audit])
        // Writing a baseline accepts today's findings: exit 0, and it says what it wrote.
        #expect(first.status == 0 && first.stdout.isEmpty, "\(first.stderr)")
        #expect(first.stderr.contains("wrote \(baseline)"))
        #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("## contact-audit: tiny"))

        let second = try CommandRunner.run(["audit", "--no-snapshot", "--baseline", baseline, "--format", "json", Self.audit])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Self.findings(second.stdout).isEmpty)

        // A waiver that expired yesterday no longer suppresses, and the report says so.
        var object = try Self.json(String(contentsOfFile: baseline, encoding: .utf8))
        var entries = try #require(object["entries"] as? [[String: Any]])
        for index in entries.indices {
            entries[index]["expires"] = "2000-01-01"
            entries[index]["reason"] = "accepted for the test"
        }
        object["entries"] = entries
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: baseline))
        let third = try CommandRunner.run(["audit", "--no-snapshot", "--baseline", baseline, Self.audit])
        #expect(third.status == 1)
        #expect(third.stdout.contains("Expired waivers"))
        #expect(third.stdout.contains("expired 2000-01-01: accepted for the test"))
    }

    @Test func invalidAuditExitsTwoWithPositions() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("audit.yaml")
        try Data("name: broken\nregoin: RU\nsources:\n  - url: nowhere.html\n".utf8).write(to: file)
        for command in ["check", "audit"] {
            let result = try CommandRunner.run([command, directory.path] + (command == "audit" ? ["--no-snapshot"] : []))
            #expect(result.status == 2)
            #expect(result.stderr.contains("audit.yaml:2:1: error: unknown key 'regoin' in the audit file; did you mean 'region'?"))
            #expect(result.stderr.contains("audit.yaml:4:10: error: source 'nowhere.html'"))
        }
    }

    @Test(arguments: [["audit", "no/such/audit"], ["audit", "--fail-on", "sometimes", audit],
                      ["audit", "--no-snapshot", "--baseline", "no/such/baseline.json", audit],
                      ["audit", "--no-snapshot", "--snapshot", "elsewhere", audit]])
    func usageAndConfigurationErrorsExitTwo(_ arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func snapshotIsWrittenWhereAsked() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshot = directory.appendingPathComponent("tiny").path
        let result = try CommandRunner.run(["audit", "--snapshot", snapshot, "--fail-on", "never", Self.audit])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: snapshot)
        #expect(files.contains("run.json"))
        #expect(files.filter { $0.hasSuffix(".json") }.count == 4, "three sources and run.json: \(files)")
    }
}
