import Foundation
import Testing
import TestSupport

/// `diff ROOT_BEFORE ROOT_AFTER` on what `audit DIR --snapshot ROOT` writes (ROOT/<audit>/):
/// compared audit by audit, never an empty "no differences" over the root.
@Suite struct DiffAuditSnapshotsTests {
    /// Two audits (gosuslugi, tiny) snapshotted into `snaps`, `before` a copy of it
    /// without gosuslugi, then tiny's official page changed and audited again.
    static func twoRuns() async throws -> URL {
        let directory = try ManyAuditsCommandTests.auditTree(broken: false)
        let first = try await CommandRunner.runAsync(["audit", "audits", "--snapshot", "snaps", "--fail-on", "never"], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        let manager = FileManager.default
        try manager.copyItem(at: directory.appendingPathComponent("snaps"), to: directory.appendingPathComponent("before"))
        try manager.removeItem(at: directory.appendingPathComponent("before/gosuslugi"))
        let page = directory.appendingPathComponent("audits/org/tiny/pages/official.html")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "8 800 100-70-10", with: "8 800 100-70-11")
            .write(to: page, atomically: true, encoding: .utf8)
        let second = try await CommandRunner.runAsync(["audit", "audits", "--snapshot", "snaps", "--fail-on", "never"], in: directory)
        #expect(second.status == 0, "\(second.stderr)")
        return directory
    }

    @Test func rootsAreComparedAuditByAuditInEveryFormat() async throws {
        let directory = try await Self.twoRuns()
        defer { try? FileManager.default.removeItem(at: directory) }

        let text = try await CommandRunner.runAsync(["diff", "before", "snaps"], in: directory)
        #expect(text.status == 1, "\(text.stdout)\(text.stderr)")
        let tiny = try #require(text.stdout.range(of: "=== tiny ==="), "\(text.stdout)")
        let gosuslugi = try #require(text.stdout.range(of: "=== gosuslugi: audit added (2 sources) ==="), "\(text.stdout)")
        #expect(gosuslugi.lowerBound < tiny.lowerBound)
        #expect(text.stdout[tiny.upperBound...].contains("phone hotline +78001007011"))
        #expect(text.stdout.hasSuffix("2 audits: 2 differ (1 added).\n"), "\(text.stdout)")

        let json = try await CommandRunner.runAsync(["diff", "before", "snaps", "--format", "json"], in: directory)
        #expect(json.status == 1)
        let document = try AuditCommandTests.json(json.stdout)
        #expect(document["differs"] as? Bool == true)
        let audits = try #require(document["audits"] as? [[String: Any]])
        #expect(audits.compactMap { $0["name"] as? String } == ["gosuslugi", "tiny"])
        #expect(audits.compactMap { $0["change"] as? String } == ["added", "compared"])
        let tinySources = try #require(audits.last?["sources"] as? [[String: Any]])
        #expect(tinySources.compactMap { $0["source"] as? String } == ["pages/official.html"])

        let markdown = try await CommandRunner.runAsync(["diff", "before", "snaps", "--format", "markdown"], in: directory)
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("## `gosuslugi`: audit added (2 sources)"))
        #expect(markdown.stdout.contains("## `tiny`\n"))

        // The other way round the audit is removed; the same roots are no difference.
        let reversed = try await CommandRunner.runAsync(["diff", "snaps", "before"], in: directory)
        #expect(reversed.status == 1)
        #expect(reversed.stdout.contains("=== gosuslugi: audit removed (2 sources) ==="))
        let same = try await CommandRunner.runAsync(["diff", "snaps", "snaps"], in: directory)
        #expect(same.status == 0, "\(same.stdout)")
        #expect(same.stdout.hasSuffix("No differences between snaps and snaps (2 audits).\n"))

        // --audit takes the audits' directory and matches catalogs by name.
        let findings = try await CommandRunner.runAsync(["diff", "before", "snaps", "--audit", "audits"], in: directory)
        #expect(findings.status == 1)
        #expect(findings.stdout.contains("Findings against audits/org/tiny/audit.yaml:"), "\(findings.stdout)")
        #expect(findings.stdout.contains("new      error unknown-phone +78001007011"))
    }

    @Test func aDirectoryWithoutSnapshotsOrMixedKindsIsAnError() async throws {
        let directory = try await Self.twoRuns()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("empty/sub"), withIntermediateDirectories: true)
        for arguments in [["snaps", "empty"], ["empty", "snaps"]] {
            let result = try await CommandRunner.runAsync(["diff"] + arguments, in: directory)
            #expect(result.status == 2, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("empty: neither a snapshot"), "\(result.stderr)")
        }
        let mixed = try await CommandRunner.runAsync(["diff", "before/tiny", "snaps"], in: directory)
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("before/tiny is one snapshot but snaps is a directory of audit snapshots"))
        // One audit's snapshot against the same audit's is still the one-snapshot diff.
        let one = try await CommandRunner.runAsync(["diff", "before/tiny", "snaps/tiny"], in: directory)
        #expect(one.status == 1)
        #expect(!one.stdout.contains("==="))
    }

    @Test func gitRevisionOfARootIsComparedAuditByAudit() async throws {
        let directory = try await Self.twoRuns()
        defer { try? FileManager.default.removeItem(at: directory) }
        func git(_ arguments: String...) throws {
            let status = try Git.run(arguments, in: directory)
            #expect(status == 0, "git \(arguments)")
        }
        try git("init", "-q")
        try git("add", "before")
        try git("commit", "-q", "-m", "snapshot")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("before"))
        try FileManager.default.moveItem(at: directory.appendingPathComponent("snaps"), to: directory.appendingPathComponent("before"))
        let diff = try await CommandRunner.runAsync(["diff", "--git", "HEAD", "before"], in: directory)
        #expect(diff.status == 1, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.contains("=== gosuslugi: audit added (2 sources) ==="), "\(diff.stdout)")
        #expect(diff.stdout.contains("=== tiny ===\n--- HEAD:before/tiny\n+++ before/tiny"), "\(diff.stdout)")
    }
}
