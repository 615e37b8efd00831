import ContactPipeline
import Foundation
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
        // Every file read: the audits no file holds are named.
        #expect(ShardMerge.merge([good]).problems.map(\.description) == ["no shard result holds 2 audit(s): a, b"])
    }
}
