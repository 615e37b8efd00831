import ArgumentParser
import ContactAudit
import ContactPipeline
import ContactReport
import Foundation

struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine shard results (audit --shard ... --shard-result FILE) into one report.",
        discussion: """
        The files must come from one sharded run: the same shard count and audit set, every \
        shard index 0..N-1 exactly once (also a shard with no audits), every audit exactly once. The report is the one a one-process run of the same audits \
        prints (run times aside), with its exit code. Exit codes: 0 nothing at or above \
        --fail-on; 1 findings at or above it; 2 a file cannot be read, the files come from \
        different runs, a shard index or an audit is missing or in more than one file (each named), or an \
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
        // Read one audit at a time, each part of the report spooled as it comes: a merge of
        // 10,000 audits holds their names, not their records.
        let colour = output == nil && TerminalColour.wanted()
        let report: GroupedReportWriter
        do { report = try GroupedReportWriter(format: format, colour: colour) } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        var firstEntry: GroupedReport.Entry?
        var fails = false
        var spoolFailure: (any Error)?
        let (set, problems, unloadable) = ShardMerge.merge(files) { audit in
            // Only the HTML report shows the catalog (read again from the audit file's text).
            let entry = GroupedReport.Entry(report: audit.report, catalog: format == .html ? audit.catalog : nil)
            if firstEntry == nil { firstEntry = entry }
            if entry.report.fails(at: failOn) { fails = true }
            guard spoolFailure == nil else { return }
            do { try report.add(entry) } catch { spoolFailure = error }
        }
        for problem in problems { StandardError.print("contact-audit: \(problem)") }
        if !problems.isEmpty { throw ExitCode(2) }
        do {
            if let spoolFailure { throw spoolFailure }
            // As the one-process run: one audit file in the run gives the single-audit report.
            if set.count == 1, report.count == 1, unloadable.isEmpty, let entry = firstEntry {
                try ReportOutput.write(format.reporter(colour: colour, catalog: entry.catalog).render(entry.report), to: output)
            } else {
                try report.write(unloadable: unloadable, to: output)
            }
        } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        // The one-process run reports these on standard error and exits 2; so does its merge.
        for path in unloadable {
            StandardError.print("contact-audit: \(path): the audit file did not load in the sharded run; "
                                + "'contact-audit check \(path)' shows why")
        }
        if !unloadable.isEmpty { throw ExitCode(2) }
        if fails { throw ExitCode(1) }
    }
}
