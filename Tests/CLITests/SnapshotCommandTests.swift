import Foundation
import Testing
import TestSupport

/// `audit --snapshot` and `diff` on a copy of the example audit, as a user runs them.
@Suite struct SnapshotCommandTests {
    /// Audits/gosuslugi copied into a fresh directory, so its pages can be edited.
    static func exampleCopy() throws -> URL {
        let directory = try AuditCommandTests.temporaryDirectory()
        let audit = directory.appendingPathComponent("gosuslugi")
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("Audits/gosuslugi"), to: audit)
        return directory
    }

    static func files(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name != "run.json" {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    static func audit(_ directory: URL, into snapshot: String) async throws {
        let result = try await CommandRunner.runAsync(["audit", "gosuslugi", "--snapshot", snapshot, "--fail-on", "never"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func samePagesGiveByteIdenticalSnapshotsAndNoDifference() async throws {
        let directory = try Self.exampleCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Self.audit(directory, into: "one")
        try await Self.audit(directory, into: "two")
        let one = try Self.files(directory.appendingPathComponent("one"))
        // Two sources and the findings history, all byte-identical between the runs.
        #expect(one.count == 3 && one["findings-history.json"] != nil)
        #expect(one == (try Self.files(directory.appendingPathComponent("two"))))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("one/run.json").path))

        let diff = try await CommandRunner.runAsync(["diff", "one", "two"], in: directory)
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.contains("No differences"))
    }

    @Test func changedNumberIsNamedWithItsPage() async throws {
        let directory = try Self.exampleCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Self.audit(directory, into: "before")
        let page = directory.appendingPathComponent("gosuslugi/pages/seed-000.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("+7 495 777‑88‑99"))
        try html.replacingOccurrences(of: "+7 495 777‑88‑99", with: "+7 495 777‑88‑90").write(to: page, atomically: true, encoding: .utf8)
        try await Self.audit(directory, into: "after")

        let text = try await CommandRunner.runAsync(["diff", "before", "after"], in: directory)
        #expect(text.status == 1, "\(text.stderr)")
        #expect(text.stdout.contains("pages/seed-000.html"))
        #expect(text.stdout.contains("+74957778899 → +74957778890"), "\(text.stdout)")
        #expect(!text.stdout.contains("seed-004"))

        let json = try await CommandRunner.runAsync(["diff", "--format", "json", "--audit", "gosuslugi", "before", "after"], in: directory)
        #expect(json.status == 1)
        let object = try AuditCommandTests.json(json.stdout)
        #expect(object["differs"] as? Bool == true)
        let findings = try #require(object["findings"] as? [String: Any])
        let new = try #require(findings["new"] as? [[String: Any]])
        #expect(new.contains { $0["rule"] as? String == "unknown-phone" && $0["value"] as? String == "+74957778890" })
        let resolved = try #require(findings["resolved"] as? [[String: Any]])
        #expect(resolved.contains { $0["rule"] as? String == "unknown-phone" && $0["value"] as? String == "+74957778899" })

        let markdown = try await CommandRunner.runAsync(["diff", "--format", "markdown", "before", "after"], in: directory)
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("### `pages/seed-000.html`"), "a page's name is a code span")
        #expect(markdown.stdout.contains("+74957778899 → +74957778890"))

        // A single snapshot file is a snapshot too.
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("before").path)
            .first { $0.hasPrefix("pages-seed-000") })
        let single = try await CommandRunner.runAsync(["diff", "before/\(file)", "after/\(file)"], in: directory)
        #expect(single.status == 1)
        #expect(single.stdout.contains("+74957778890"))
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        BadInput(arguments: ["diff", "nowhere", "good"], message: "nowhere: no such snapshot"),
        BadInput(arguments: ["diff", "good", "broken"], message: "broken/broken.json: not a contact-audit snapshot"),
        BadInput(arguments: ["diff", "good"], message: "give two snapshots"),
        // An empty directory is no snapshot: diffed as one, every change would pass unseen.
        BadInput(arguments: ["diff", "good", "empty"], message: "empty: neither a snapshot"),
        BadInput(arguments: ["diff", "--git", "HEAD", "good", "good"], message: "with --git REV give one snapshot path"),
        BadInput(arguments: ["diff", "--audit", "no/audit", "good", "good"], message: "no/audit: no such audit file"),
    ])
    func badInputExitsTwoNamingThePath(_ input: BadInput) async throws {
        let directory = try AuditCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good"), broken = directory.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: good, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try Data("{\"records\": []}".utf8).write(to: broken.appendingPathComponent("broken.json"))
        // A snapshot of no sources is its run metadata alone (diff does not read it).
        try Data("{}".utf8).write(to: good.appendingPathComponent("run.json"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let result = try await CommandRunner.runAsync(input.arguments, in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains(input.message), "\(result.stderr)")
    }

    @Test func gitRevisionIsBefore() async throws {
        let directory = try Self.exampleCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        func git(_ arguments: String...) throws {
            let status = try Git.run(arguments, in: directory)
            #expect(status == 0, "git \(arguments)")
        }
        try git("init", "-q")
        try await Self.audit(directory, into: "Snapshots/gosuslugi")
        try git("add", "Snapshots")
        try git("commit", "-q", "-m", "snapshot")

        let same = try await CommandRunner.runAsync(["diff", "--git", "HEAD", "Snapshots/gosuslugi"], in: directory)
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")

        let page = directory.appendingPathComponent("gosuslugi/pages/seed-004.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        try html.replacingOccurrences(of: "8‑800‑555‑35‑35", with: "8‑800‑555‑35‑36").write(to: page, atomically: true, encoding: .utf8)
        try await Self.audit(directory, into: "Snapshots/gosuslugi")
        // From a subdirectory, git paths are still the working tree's.
        let changed = try await CommandRunner.runAsync(["diff", "--git", "HEAD", "gosuslugi"], in: directory.appendingPathComponent("Snapshots"))
        #expect(changed.status == 1, "\(changed.stderr)")
        #expect(changed.stdout.contains("HEAD:gosuslugi"))
        #expect(changed.stdout.contains("pages/seed-004.html"))
        #expect(changed.stdout.contains("+78005553536"))

        let badRevision = try await CommandRunner.runAsync(["diff", "--git", "no-such-rev", "Snapshots/gosuslugi"], in: directory)
        #expect(badRevision.status == 2)
        #expect(badRevision.stderr.contains("Snapshots/gosuslugi at no-such-rev"), "\(badRevision.stderr)")
    }
}
