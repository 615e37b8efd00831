import ArgumentParser
import ContactAudit
import ContactPipeline
import ContactSnapshot
import Foundation

extension DiffFormat: ExpressibleByArgument {}

struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two snapshots: records added, removed and changed per source, findings new and resolved.",
        discussion: """
        BEFORE and AFTER are snapshot directories or single snapshot files, or two directories \
        of audit snapshots (what 'audit DIR --snapshot ROOT' writes: ROOT/<audit name>/), compared \
        audit by audit by name; an audit on one side only is reported as added or removed. A \
        directory that is neither a snapshot nor holds any is an error. With --git REV, give \
        one path: BEFORE is that path at git revision REV, AFTER the path as it is now \
        (contact-audit diff --git HEAD Snapshots/gosuslugi). run.json is ignored. Exit codes: \
        0 no differences; 1 differences (in any audit); 2 a snapshot or the audit could not be read.
        """
    )

    @Argument(help: "BEFORE and AFTER (with --git: only the snapshot path).")
    var paths: [String]

    @Option(help: "Output format.")
    var format: DiffFormat = .text

    @Option(help: "Also compare the findings each side produces against this audit's catalog (with directories of audit snapshots: a directory of audits, matched by name).")
    var audit: String?

    @Option(help: "Read BEFORE from this git revision of the snapshot path.")
    var git: String?

    func validate() throws {
        if git != nil, paths.count != 1 {
            throw ValidationError("with --git REV give one snapshot path (BEFORE is it at REV, AFTER as it is now)")
        }
        if git == nil, paths.count != 2 {
            throw ValidationError("give two snapshots, BEFORE and AFTER (directories or snapshot files)")
        }
    }

    func run() async throws {
        let audits = try loadAudits()
        do {
            let layouts: (before: SnapshotLayout, after: SnapshotLayout)
            if let git {
                layouts = (try GitSnapshotReader().layout(revision: git, path: paths[0]), try SnapshotLayout.of(paths[0]))
            } else {
                layouts = (try SnapshotLayout.of(paths[0]), try SnapshotLayout.of(paths[1]))
            }
            let beforeLabel = git.map { "\($0):\(paths[0])" } ?? paths[0], afterLabel = paths.last!
            switch layouts {
            case (.snapshot, .snapshot):
                try compareSnapshots(audits: audits)
            case (.audits(let old), .audits(let new)):
                try compareAudits(before: beforeLabel, after: afterLabel, names: (old, new), audits: audits)
            case (.snapshot, .audits):
                throw SnapshotError.mixedLayouts(snapshot: beforeLabel, audits: afterLabel)
            case (.audits, .snapshot):
                throw SnapshotError.mixedLayouts(snapshot: afterLabel, audits: beforeLabel)
            }
        } catch let error as SnapshotError {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
    }

    /// `--audit` as `audit` takes its arguments: a file, or a directory of audits.
    private func loadAudits() throws -> [AuditFile] {
        guard let audit else { return [] }
        let (found, problems) = AuditDiscovery.expand([audit])
        for problem in problems { StandardError.print("contact-audit: \(problem)") }
        if !problems.isEmpty { throw ExitCode(2) }
        return try found.map { try AuditLoading.load($0) }
    }

    private func compareSnapshots(audits: [AuditFile]) throws {
        guard audits.count <= 1 else {
            StandardError.print("contact-audit: \(audit ?? ""): \(audits.count) audits; one snapshot is compared against one "
                                + "audit (give a directory of audit snapshots to compare several)")
            throw ExitCode(2)
        }
        let before: Snapshot, after: Snapshot
        if let git {
            before = try GitSnapshotReader().load(revision: git, path: paths[0])
            after = try Snapshot.load(paths[0])
        } else {
            before = try Snapshot.load(paths[0])
            after = try Snapshot.load(paths[1])
        }
        var diff = SnapshotDiff(before: before, after: after)
        if let auditFile = audits.first {
            diff.findings = FindingsComparison.compare(before: before, after: after, audit: auditFile)
        }
        FileHandle.standardOutput.write(Data(format.renderer.render(diff).utf8))
        if !diff.isEmpty { throw ExitCode(1) }
    }

    /// Each audit's snapshots by name; with `--audit`, each audit's findings against the
    /// audit file of the same name.
    private func compareAudits(before: String, after: String, names: (before: [String], after: [String]),
                               audits: [AuditFile]) throws {
        let git = self.git, paths = self.paths
        let byName = Dictionary(audits.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(names.before + names.after).sorted() where !audits.isEmpty && byName[name] == nil {
            StandardError.print("contact-audit: warning: no audit named '\(name)' in \(audit ?? ""): its findings are not compared")
        }
        let diff = try AuditSnapshotsDiff(before: before, after: after, names: names, load: { isBefore, name throws(SnapshotError) in
            let path = ((isBefore && git == nil ? paths[0] : paths.last!) as NSString).appendingPathComponent(name)
            if isBefore, let git { return try GitSnapshotReader().load(revision: git, path: path) }
            return try Snapshot.load(path)
        }, findings: { name, a, b in
            byName[name].map { FindingsComparison.compare(before: a, after: b, audit: $0) }
        })
        FileHandle.standardOutput.write(Data(format.renderer.render(diff).utf8))
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
