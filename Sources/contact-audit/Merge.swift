import ArgumentParser
import ContactAudit
import ContactPipeline
import ContactReport
import Foundation

struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine shard results (audit --shard ... --shard-result FILE) into one report.",
        discussion: """
        The files must come from one sharded run: the same shard count and audit set, every \
        audit exactly once. The report is the one a one-process run of the same audits \
        prints (run times aside), with its exit code. Exit codes: 0 nothing at or above \
        --fail-on; 1 findings at or above it; 2 a file cannot be read, the files come from \
        different runs, an audit is missing or in more than one file (each named), or an \
        audit file of the run did not load (the report of the others is still printed).
        """
    )

    @Argument(help: "Shard result files.")
    var files: [String]

    @Option(help: "Report format.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 on findings at or above this severity.")
    var failOn: FailThreshold = .error

    func run() async throws {
        let (audits, set, problems, unloadable) = ShardMerge.merge(files)
        for problem in problems { StandardError.print("contact-audit: \(problem)") }
        if !problems.isEmpty { throw ExitCode(2) }
        let entries = audits.map { GroupedReport.Entry(report: $0.report, catalog: $0.catalog) }
        let colour = output == nil && TerminalColour.wanted()
        // As the one-process run: one audit file in the run gives the single-audit report.
        let text = set.count == 1 && entries.count == 1 && unloadable.isEmpty
            ? format.reporter(colour: colour, catalog: entries[0].catalog).render(entries[0].report)
            : GroupedReport(entries, unloadable: unloadable).render(format, colour: colour)
        do { try ReportOutput.write(text, to: output) } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        // The one-process run reports these on standard error and exits 2; so does its merge.
        for path in unloadable {
            StandardError.print("contact-audit: \(path): the audit file did not load in the sharded run; "
                                + "'contact-audit check \(path)' shows why")
        }
        if !unloadable.isEmpty { throw ExitCode(2) }
        if entries.contains(where: { $0.report.fails(at: failOn) }) { throw ExitCode(1) }
    }
}
