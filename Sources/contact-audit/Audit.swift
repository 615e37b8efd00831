import ArgumentParser
import ContactAudit
import ContactExtract
import ContactFetch
import ContactModel
import ContactPipeline
import ContactReport
import ContactSnapshot
import Foundation

extension ReportFormat: ExpressibleByArgument {}
extension FailThreshold: ExpressibleByArgument {}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read audits' sources, check them against their catalogs and print the report.",
        discussion: """
        Several audits run as one: their pages share one crawl (one robots.txt and one \
        politeness clock per site for all), each audit keeps its own snapshot \
        (Snapshots/<name>, or DIR/<name> with --snapshot DIR) and the report is grouped by \
        audit. Exit codes: 0 nothing at or above --fail-on was found; 1 findings at or above \
        it; 2 an audit file, the baseline or the options are invalid (the other audits still \
        run and are reported). The worst over all audits wins. A source that cannot be read \
        is reported and does not by itself give 2.
        """
    )

    @Argument(help: "Audit files, directories holding audit.yaml, or directories whose every audit.yaml below is run.")
    var audits: [String]

    @Option(help: "Report format.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Write the snapshot of what each source says here (default: Snapshots/<audit name>; with several audits, DIR/<audit name>).")
    var snapshot: String?

    @Flag(name: .customLong("no-snapshot"), help: "Do not write a snapshot (and send no conditional requests).")
    var noSnapshot = false

    @Option(help: "Suppress findings this baseline accepts (rule + value + source).")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Write a baseline accepting every current finding.")
    var writeBaseline: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 on findings at or above this severity.")
    var failOn: FailThreshold = .error

    @Option(help: "ISO 3166 region for numbers written without a country code (default: the page's lang, then the audit's region).")
    var region: String?

    func validate() throws {
        if noSnapshot, snapshot != nil {
            throw ValidationError("--snapshot and --no-snapshot exclude each other")
        }
        if let region, let problem = ISORegion.problem("--region", region) { throw ValidationError(problem) }
    }

    func run() async throws {
        let (paths, problems) = AuditDiscovery.expand(audits)
        var configurationFailed = !problems.isEmpty
        for problem in problems { StandardError.print("contact-audit: \(problem)") }
        var files: [AuditFile] = []
        for path in paths {
            // A bad audit file is reported and the others still run; the exit code is 2.
            do { files.append(try AuditLoading.load(path)) } catch { configurationFailed = true }
        }
        let names = Dictionary(grouping: files, by: \.name).filter { $0.value.count > 1 }
        for (name, doubled) in names.sorted(by: { $0.key < $1.key }) {
            StandardError.print("contact-audit: \(doubled.map(\.path).joined(separator: ", ")): the same audit name "
                                + "'\(name)'; names must differ (each names its snapshot directory)")
        }
        if !names.isEmpty { throw ExitCode(2) }
        let accepted: Baseline?
        do { accepted = try baseline.map { path throws(BaselineError) in try Baseline.load(path) } } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        guard !files.isEmpty else { throw ExitCode(2) }
        let single = paths.count == 1 && files.count == 1
        let noSnapshot = self.noSnapshot, snapshot = self.snapshot
        let directory: @Sendable (AuditFile) -> String? = { file in
            if noSnapshot { return nil }
            guard let snapshot else { return "Snapshots/\(file.name)" }
            return single ? snapshot : (snapshot as NSString).appendingPathComponent(file.name)
        }
        let outcomes = await AuditRun(options: AuditRun.Options(region: region, snapshotDirectory: directory)).run(files)
        var entries: [GroupedReport.Entry] = []
        do {
            for outcome in outcomes {
                for warning in outcome.warnings { StandardError.print("contact-audit: warning: \(warning)") }
                try outcome.writeSnapshot()
                entries.append(GroupedReport.Entry(report: outcome.report(baseline: accepted), catalog: outcome.audit.catalog))
            }
            if let writeBaseline {
                let written = Baseline(findings: outcomes.flatMap(\.findings), carryingOver: accepted)
                try written.write(to: writeBaseline)
                let count = written.entries.count
                StandardError.print("contact-audit: wrote \(writeBaseline): \(count) finding\(count == 1 ? "" : "s") accepted; "
                                    + "pass it as --baseline \(writeBaseline) to fail only on new ones")
            }
            let colour = output == nil && TerminalColour.wanted()
            let text = single
                ? format.reporter(colour: colour, catalog: entries[0].catalog).render(entries[0].report)
                : GroupedReport(entries).render(format, colour: colour)
            try ReportOutput.write(text, to: output)
        } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        if configurationFailed { throw ExitCode(2) }
        // Writing a baseline accepts today's findings: that run has done what was asked.
        if writeBaseline == nil, entries.contains(where: { $0.report.fails(at: failOn) }) { throw ExitCode(1) }
    }
}
