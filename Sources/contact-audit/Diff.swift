import ArgumentParser
import ContactAudit
import ContactSnapshot
import Foundation

extension DiffFormat: ExpressibleByArgument {}

struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two snapshots: records added, removed and changed per source, findings new and resolved.",
        discussion: """
        BEFORE and AFTER are snapshot directories or single snapshot files. With --git REV, give \
        one path: BEFORE is that path at git revision REV, AFTER the path as it is now \
        (contact-audit diff --git HEAD Snapshots/gosuslugi). run.json is ignored. Exit codes: \
        0 no differences; 1 differences; 2 a snapshot or the audit could not be read.
        """
    )

    @Argument(help: "BEFORE and AFTER (with --git: only the snapshot path).")
    var paths: [String]

    @Option(help: "Output format.")
    var format: DiffFormat = .text

    @Option(help: "Also compare the findings each side produces against this audit's catalog.")
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
        let auditFile = try audit.map { try AuditLoading.load($0) }
        let before: Snapshot, after: Snapshot
        do {
            if let git {
                before = try GitSnapshotReader().load(revision: git, path: paths[0])
                after = try Snapshot.load(paths[0])
            } else {
                before = try Snapshot.load(paths[0])
                after = try Snapshot.load(paths[1])
            }
        } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        var diff = SnapshotDiff(before: before, after: after)
        if let auditFile {
            diff.findings = FindingsComparison.compare(before: before, after: after, audit: auditFile)
        }
        FileHandle.standardOutput.write(Data(format.renderer.render(diff).utf8))
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
