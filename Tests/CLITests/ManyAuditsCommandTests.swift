import Foundation
import Testing

/// `contact-audit audit AUDIT...`: several audits in one run, as a user runs them.
@Suite struct ManyAuditsCommandTests {
    /// `audits/` with the example audit, the tiny fixture audit and, when asked, a broken
    /// audit file, each in a directory of its own below it.
    static func auditTree(broken: Bool) throws -> URL {
        let directory = try AuditCommandTests.temporaryDirectory()
        let audits = directory.appendingPathComponent("audits")
        try FileManager.default.createDirectory(at: audits.appendingPathComponent("org"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("Audits/gosuslugi"),
                                         to: audits.appendingPathComponent("gosuslugi"))
        try FileManager.default.copyItem(
            at: CommandRunner.packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/tiny-audit"),
            to: audits.appendingPathComponent("org/tiny"))
        // Without its unreachable source, whose retries would take seconds per run.
        let tiny = audits.appendingPathComponent("org/tiny/audit.yaml")
        try String(contentsOf: tiny, encoding: .utf8).replacingOccurrences(of: "  - url: https://127.0.0.1:9/unreachable\n", with: "")
            .write(to: tiny, atomically: true, encoding: .utf8)
        if broken {
            try FileManager.default.createDirectory(at: audits.appendingPathComponent("org/broken"),
                                                    withIntermediateDirectories: true)
            try "name: broken\ncatalog: [\n".write(to: audits.appendingPathComponent("org/broken/audit.yaml"),
                                                 atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func directoryRunsEveryAuditBelowItGroupedByAuditWithTheWorstExitCode() async throws {
        let directory = try Self.auditTree(broken: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await CommandRunner.runAsync(["audit", "audits", "--format", "json", "--snapshot", "snaps"],
                                                   in: directory)
        // The broken file is reported, the two others still run, and the exit code is 2.
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("audits/org/broken/audit.yaml"))
        let report = try AuditCommandTests.json(run.stdout)
        let audits = try #require(report["audits"] as? [[String: Any]])
        #expect(audits.compactMap { $0["name"] as? String } == ["gosuslugi", "tiny"])
        for audit in audits {
            #expect(audit["findings"] is [Any] && audit["sources"] is [Any] && audit["summary"] is [String: Any])
        }
        // The report itself names the audit that did not run, in every format (a CI job may keep only the report).
        #expect(report["unloadable"] as? [String] == ["audits/org/broken/audit.yaml"])
        for format in ["text", "markdown", "junit", "html"] {
            let other = try await CommandRunner.runAsync(["audit", "audits", "--format", format, "--no-snapshot"], in: directory)
            #expect(other.status == 2)
            #expect(other.stdout.contains("audits/org/broken/audit.yaml: the audit file did not load"), "\(format)")
        }
        let summary = try #require(report["summary"] as? [String: Any])
        let perAudit = audits.compactMap { ($0["summary"] as? [String: Any])?["errors"] as? Int }
        #expect(summary["errors"] as? Int == perAudit.reduce(0, +))
        #expect(summary["audits"] as? Int == 2)
        // Each audit keeps its own snapshot.
        for name in ["gosuslugi", "tiny"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("snaps/\(name)/run.json").path))
        }
        // The example's snapshot in a run of several is the one it has alone.
        let committed = CommandRunner.packageRoot.appendingPathComponent("Snapshots/gosuslugi")
        for name in try FileManager.default.contentsOfDirectory(atPath: committed.path)
        where name != "run.json" && name != "findings-history.json" {
            #expect(try Data(contentsOf: committed.appendingPathComponent(name))
                    == Data(contentsOf: directory.appendingPathComponent("snaps/gosuslugi/\(name)")), "\(name)")
        }
    }

    @Test func everyFormatGroupsByAuditAndTheOrderOfArgumentsDoesNotMatter() async throws {
        let directory = try Self.auditTree(broken: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = try await CommandRunner.runAsync(
            ["audit", "audits/org/tiny", "audits/gosuslugi", "--format", "junit", "--no-snapshot"], in: directory)
        #expect(junit.status == 1, "\(junit.stderr)")
        let suites = junit.stdout.components(separatedBy: "<testsuite ").dropFirst().map { $0.prefix { $0 != ">" } }
        #expect(suites.count == 2)
        #expect(suites.first?.hasPrefix("name=\"gosuslugi\"") == true)
        #expect(suites.last?.hasPrefix("name=\"tiny\"") == true)
        #expect(junit.stdout.contains("classname=\"tiny.sources\""))
        let reversed = try await CommandRunner.runAsync(
            ["audit", "audits/gosuslugi", "audits/org/tiny", "--format", "junit", "--no-snapshot"], in: directory)
        #expect(reversed.stdout == junit.stdout)
        for format in ["text", "markdown", "html"] {
            let run = try await CommandRunner.runAsync(["audit", "audits", "--format", format, "--no-snapshot"],
                                                       in: directory)
            #expect(run.status == 1, "\(format): \(run.stderr)")
            let gosuslugi = try #require(run.stdout.range(of: "gosuslugi"), "\(format)")
            let tiny = try #require(run.stdout.range(of: "tiny"), "\(format)")
            #expect(gosuslugi.lowerBound < tiny.lowerBound, "\(format)")
            #expect(run.stdout.contains("2 audits"), "\(format)")
        }
    }

    @Test func oneAuditKeepsItsOwnReport() async throws {
        let directory = try Self.auditTree(broken: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await CommandRunner.runAsync(["audit", "audits/gosuslugi", "--format", "json", "--no-snapshot"],
                                                   in: directory)
        let report = try AuditCommandTests.json(run.stdout)
        #expect(report["audits"] == nil)
        #expect(report["name"] as? String == "gosuslugi")
    }

    @Test func aSnapshotThatCannotBeWrittenStopsNoOtherAudit() async throws {
        let directory = try Self.auditTree(broken: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("snaps"), withIntermediateDirectories: true)
        try "in the way".write(to: directory.appendingPathComponent("snaps/tiny"), atomically: true, encoding: .utf8)
        let run = try await CommandRunner.runAsync(["audit", "audits", "--snapshot", "snaps", "--format", "json"], in: directory)
        #expect(run.status == 2)
        #expect(run.stderr.contains("snaps/tiny"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("snaps/gosuslugi/run.json").path))
        let report = try AuditCommandTests.json(run.stdout)
        #expect((report["audits"] as? [Any])?.count == 2)
    }

    @Test func twoAuditsWithOneNameAreRefused() async throws {
        let directory = try Self.auditTree(broken: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: directory.appendingPathComponent("audits/gosuslugi"),
                                         to: directory.appendingPathComponent("audits/copy"))
        let run = try await CommandRunner.runAsync(["audit", "audits", "--no-snapshot"], in: directory)
        #expect(run.status == 2)
        #expect(run.stderr.contains("the same audit name 'gosuslugi'"))
    }
}
