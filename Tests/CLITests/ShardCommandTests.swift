import Foundation
import Testing

/// `--shard auto` reads the batch engines' own variables, as each engine sets them.
@Suite struct ShardCommandTests {
    /// The executable with exactly `environment` (plus PATH), the shard result it wrote.
    static func shard(_ environment: [String: String], extra: [String] = []) throws -> (status: Int32, stderr: String, result: [String: Any]?) {
        let directory = try AuditCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = directory.appendingPathComponent("result.json")
        let process = Process()
        process.executableURL = try CommandRunner.executable
        process.arguments = ["audit", "Audits/gosuslugi", "--no-snapshot", "--fail-on", "never", "--shard", "auto",
                             "--shard-result", result.path] + extra
        process.currentDirectoryURL = CommandRunner.packageRoot
        process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]) { a, _ in a }
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let json = (try? Data(contentsOf: result)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        return (process.terminationStatus, stderr, json)
    }

    @Test(arguments: [
        (["JOB_COMPLETION_INDEX": "1"], ["--shard-count", "3"], 1, 3),
        (["CLOUD_RUN_TASK_INDEX": "1", "CLOUD_RUN_TASK_COUNT": "2"], [], 1, 2),
        (["AWS_BATCH_JOB_ARRAY_INDEX": "0", "AWS_BATCH_JOB_ARRAY_SIZE": "2"], [], 0, 2),
        // Slurm arrays numbered from 1 (--array=1-4): task 3 is the third shard.
        (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "4"], [], 2, 4),
        // GitLab counts from 1.
        (["CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "2"], [], 1, 2),
    ] as [([String: String], [String], Int, Int)])
    func autoReadsTheEnginesIndexAndCount(environment: [String: String], extra: [String], index: Int, count: Int) throws {
        let run = try Self.shard(environment, extra: extra)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.result?["index"] as? Int == index)
        #expect(run.result?["count"] as? Int == count)
        #expect(run.result?["set"] as? [String] == ["gosuslugi"])
    }

    @Test func autoWithoutAnEngineOrACountSaysWhatItReads() throws {
        let none = try Self.shard([:])
        #expect(none.status == 2)
        #expect(none.stderr.contains("JOB_COMPLETION_INDEX") && none.stderr.contains("SLURM_ARRAY_TASK_ID")
                && none.stderr.contains("CI_NODE_INDEX"))
        let noCount = try Self.shard(["JOB_COMPLETION_INDEX": "0"])
        #expect(noCount.status == 2)
        #expect(noCount.stderr.contains("--shard-count"))
    }

    @Test func planShowsEachShardsAuditsAndHosts() throws {
        let run = try CommandRunner.run(["audit", "Audits/gosuslugi", "--shard-plan", "--shard-count", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("shard 0/2") && run.stdout.contains("shard 1/2"))
        #expect(run.stdout.contains("gosuslugi: local files only, at most 2 pages"))
        let bad = try CommandRunner.run(["audit", "Audits/gosuslugi", "--shard", "3/3"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("0 <= I < N"))
    }

    /// A one-process run over a set with an audit file that does not load exits 2; the
    /// shards' merge must too (it used to exit 1, the broken audit nowhere in its output).
    @Test func mergeExitsTwoWhenAnAuditFileOfTheRunDidNotLoad() throws {
        let directory = try AuditCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let audits = directory.appendingPathComponent("Audits")
        let broken = audits.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("Audits/gosuslugi"),
                                        to: audits.appendingPathComponent("gosuslugi"))
        try "name: broken\ncatalog:\n  phones: 5\nsources: []\n".write(to: broken.appendingPathComponent("audit.yaml"),
                                                                       atomically: true, encoding: .utf8)
        let whole = try CommandRunner.run(["audit", "Audits", "--no-snapshot", "--fail-on", "never"], in: directory)
        #expect(whole.status == 2, "\(whole.stderr)")
        for index in 0..<2 {
            let shard = try CommandRunner.run(["audit", "Audits", "--no-snapshot", "--fail-on", "never", "--shard", "\(index)/2",
                                               "--shard-result", "shard-\(index).json"], in: directory)
            #expect(shard.status == 2, "\(shard.stderr)")
        }
        let merged = try CommandRunner.run(["merge", "shard-0.json", "shard-1.json", "--fail-on", "never"], in: directory)
        #expect(merged.status == whole.status, "\(merged.stderr)")
        #expect(merged.stdout == whole.stdout)
        #expect(merged.stderr.components(separatedBy: "broken/audit.yaml: the audit file did not load").count == 2,
                "named once, not once per shard: \(merged.stderr)")
    }

    /// `merge` needs every shard index 0..N-1 exactly once, also one whose shard holds no
    /// audit: the audits alone let a lone file, a file given twice, or one edited to claim
    /// another index through.
    @Test func mergeNeedsEveryShardIndexOnceEvenAnEmptyShard() throws {
        let directory = try AuditCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = CommandRunner.packageRoot.path
        var holding: [Int] = []
        for index in 0..<2 {
            let path = directory.appendingPathComponent("shard-\(index).json").path
            let run = try CommandRunner.run(["audit", "\(root)/Audits/gosuslugi", "--no-snapshot", "--fail-on", "never",
                                             "--shard", "\(index)/2", "--shard-result", path], in: directory)
            #expect(run.status == 0, "\(run.stderr)")
            if try String(contentsOfFile: path, encoding: .utf8).contains("\"auditPath\"") { holding.append(index) }
        }
        // One audit: one shard holds it, the other none.
        let full = try #require(holding.count == 1 ? holding[0] : nil), empty = 1 - full
        let (fullFile, emptyFile) = ("shard-\(full).json", "shard-\(empty).json")

        let both = try CommandRunner.run(["merge", "shard-0.json", "shard-1.json", "--fail-on", "never"], in: directory)
        #expect(both.status == 0, "\(both.stderr)")

        let alone = try CommandRunner.run(["merge", fullFile, "--fail-on", "never"], in: directory)
        #expect(alone.status == 2)
        #expect(alone.stderr.contains("no shard result for shard \(empty)/2"), "\(alone.stderr)")

        let twice = try CommandRunner.run(["merge", fullFile, emptyFile, emptyFile, "--fail-on", "never"], in: directory)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("more than one shard result for shard \(empty)/2 (\(emptyFile), \(emptyFile))"), "\(twice.stderr)")

        // The full shard's file edited to claim the empty shard's index.
        let edited = directory.appendingPathComponent("edited.json")
        try String(contentsOfFile: directory.appendingPathComponent(fullFile).path, encoding: .utf8)
            .replacingOccurrences(of: "\"index\":\(full),", with: "\"index\":\(empty),")
            .write(to: edited, atomically: true, encoding: .utf8)
        let claimed = try CommandRunner.run(["merge", "edited.json", emptyFile, "--fail-on", "never"], in: directory)
        #expect(claimed.status == 2)
        #expect(claimed.stderr.contains("more than one shard result for shard \(empty)/2 (edited.json, \(emptyFile))"), "\(claimed.stderr)")
        #expect(claimed.stderr.contains("no shard result for shard \(full)/2"), "\(claimed.stderr)")
        let claimedAlone = try CommandRunner.run(["merge", "edited.json", "--fail-on", "never"], in: directory)
        #expect(claimedAlone.status == 2)
        #expect(claimedAlone.stderr.contains("no shard result for shard \(full)/2"), "\(claimedAlone.stderr)")
    }
}
