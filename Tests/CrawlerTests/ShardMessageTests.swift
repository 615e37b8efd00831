import ContactAudit
import ContactPipeline
import Foundation
import TestSupport
import Testing

/// What `--shard auto` and `merge` say when their input is wrong: the variable and its
/// value, the file and its cause, once each.
@Suite struct ShardMessageTests {
    static func problem(_ environment: [String: String], count: Int? = nil) -> String? {
        do {
            _ = try ShardSelection.parse("auto", count: count, environment: environment)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func autoNamesTheVariableOutOfRangeAndItsRange() {
        #expect(Self.problem(["CI_NODE_INDEX": "0", "CI_NODE_TOTAL": "2"])
                == "--shard auto read CI_NODE_INDEX=0 with CI_NODE_TOTAL=2: out of range; CI_NODE_INDEX counts from 1 (1..2)")
        #expect(Self.problem(["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "4"])
                == "--shard auto read SLURM_ARRAY_TASK_ID=5 (SLURM_ARRAY_TASK_MIN=1, step 1) with SLURM_ARRAY_TASK_COUNT=4: "
                + "out of range; SLURM_ARRAY_TASK_ID must be 1..4")
        #expect(Self.problem(["JOB_COMPLETION_INDEX": "3"], count: 3)
                == "--shard auto read JOB_COMPLETION_INDEX=3 with --shard-count 3: out of range; "
                + "JOB_COMPLETION_INDEX counts from 0 (0..2)")
        #expect(Self.problem(["CLOUD_RUN_TASK_INDEX": "0", "CLOUD_RUN_TASK_COUNT": "0"])
                == "--shard auto read CLOUD_RUN_TASK_COUNT=0: the shard count must be at least 1")
        // In range still reads as before.
        #expect(Self.problem(["CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "2"]) == nil)
    }

    @Test func mergeNamesEachBadFileOnceWithItsCause() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shard-messages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("sh0.json").path
        try ShardResultWriter(index: 0, count: 2, digest: "d", set: ["a", "b"]).write(to: good)
        let empty = directory.appendingPathComponent("g.json").path
        try Data("{}".utf8).write(to: URL(fileURLWithPath: empty))
        let wrongType = directory.appendingPathComponent("t.json").path
        try Data(#"{"index": "one", "count": 2, "digest": "d", "set": [], "audits": []}"#.utf8).write(to: URL(fileURLWithPath: wrongType))
        let absent = directory.appendingPathComponent("nope.json").path

        let problems = ShardMerge.merge([good, empty, wrongType, absent]).problems.map(\.description)
        #expect(problems == [
            "\(empty): not a shard result (no \"index\")",
            "\(wrongType): not a shard result (\"index\" is not a number)",
            "\(absent): cannot be read (no such file or directory)",
        ])
        // Every file read: the audits no file holds are named, and the shard no file is.
        #expect(ShardMerge.merge([good]).problems.map(\.description) == [
            "no shard result holds 2 audit(s): a, b",
            "no shard result for shard 1/2: merge needs every shard 0..1 exactly once, also a shard with no audits",
        ])
    }

    /// A shard result of audits `names` (each with an audit file of its own) in `directory`.
    static func shardResult(_ names: [String], in directory: URL, spool: URL? = nil) throws -> ShardResultWriter {
        let writer = try ShardResultWriter(index: 0, count: 1, digest: "d", set: names, spoolDirectory: spool?.path)
        for name in names {
            let file = try AuditFiles.write(AuditFiles.yaml(name: name, sources: [.init("https://\(name).example/help")]),
                                            in: directory.appendingPathComponent(name))
            let audit = try AuditFile.load(file.path)
            let report = AuditReport(name: name, sources: [SourceStatus(url: "https://\(name).example/help", official: false)],
                                     records: [], findings: [], rules: [])
            try writer.add(ShardAudit(report: report, audit: audit))
        }
        return writer
    }

    /// A spooled audit that cannot be read back fails the shard result, which is then
    /// not written; merge refuses a line that is not an audit (exit 2, the file named)
    /// and leaves its --output as it was.
    @Test func noAuditIsLeftOutSilently() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shard-loss-\(UUID().uuidString)")
        let spool = directory.appendingPathComponent("spool")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let writer = try Self.shardResult(["a", "b", "c"], in: directory, spool: spool)
        let result = directory.appendingPathComponent("r0.json").path
        try writer.write(to: result)
        let good = try String(contentsOfFile: result, encoding: .utf8)
        #expect(good.split(separator: "\n").count == 5)
        let spoolFile = try FileManager.default.contentsOfDirectory(atPath: spool.path).map { spool.appendingPathComponent($0).path }
        try #require(spoolFile.count == 1)
        #expect(truncate(spoolFile[0], 10) == 0)
        #expect(throws: AtomicFileError.self) { try writer.write(to: result) }
        #expect(try String(contentsOfFile: result, encoding: .utf8) == good)

        // The merge: the whole file, then one whose second audit line lost its opening brace.
        let output = directory.appendingPathComponent("report.txt").path
        let whole = try Executable.run(["merge", result, "--output", output, "--fail-on", "never"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let report = try String(contentsOfFile: output, encoding: .utf8)
        #expect(["a", "b", "c"].allSatisfy { report.contains("https://\($0).example/help") })
        var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[2] = String(lines[2].dropFirst())
        try lines.joined(separator: "\n").write(toFile: result, atomically: true, encoding: .utf8)
        let cut = try Executable.run(["merge", result, "--output", output, "--fail-on", "never"])
        #expect(cut.status == 2)
        #expect(cut.stderr.contains("\(result): not a shard result (line 3 is not an audit)"), "\(cut.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == report)
    }

    /// The audit file is read again for the merged report's catalog: one gone since the
    /// run read it is an error naming it, not a shard result without its catalog.
    @Test func anAuditFileGoneBeforeItsShardResultIsAnError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shard-gone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("gone.yaml")
        try "name: gone\nsources:\n  - url: https://gone.example/\n".write(to: file, atomically: true, encoding: .utf8)
        let audit = try AuditFile.load(file.path)
        try FileManager.default.removeItem(at: file)
        let report = AuditReport(name: "gone", sources: [], records: [], findings: [], rules: [])
        #expect {
            _ = try ShardAudit(report: report, audit: audit)
        } throws: { error in
            "\(error)".hasPrefix("\(file.path): cannot read: ")
        }
    }
}
