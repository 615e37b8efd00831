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
        abstract: "Read an audit's sources, check them against its catalog and print the report.",
        discussion: """
        Exit codes: 0 nothing at or above --fail-on was found; 1 findings at or above it; 2 the \
        audit file, the baseline or the options are invalid. A source that cannot be read is \
        reported and does not by itself give 2.
        """
    )

    @Argument(help: "The audit file, or a directory holding audit.yaml.")
    var audit: String

    @Option(help: "Report format.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Write the snapshot of what each source says here (default: Snapshots/<audit name>).")
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
        if let region, region.count != 2 || !region.allSatisfy(\.isLetter) {
            throw ValidationError("--region takes a two-letter ISO 3166 code such as RU or GB, not '\(region)'")
        }
    }

    func run() async throws {
        let file = try AuditLoading.load(audit)
        let accepted: Baseline?
        do { accepted = try baseline.map { path throws(BaselineError) in try Baseline.load(path) } } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        let snapshotDirectory = noSnapshot ? nil : snapshot ?? "Snapshots/\(file.name)"
        let outcome = await AuditRun(options: AuditRun.Options(region: region, snapshotDirectory: { _ in snapshotDirectory }))
            .run(file)
        for warning in outcome.warnings { StandardError.print("contact-audit: warning: \(warning)") }
        let report = outcome.report(baseline: accepted)
        do {
            try outcome.writeSnapshot()
            if let writeBaseline {
                try Baseline(findings: outcome.findings, carryingOver: accepted).write(to: writeBaseline)
            }
            let colour = output == nil && TerminalColour.wanted()
            try ReportOutput.write(format.reporter(colour: colour, catalog: file.catalog).render(report), to: output)
        } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        if report.fails(at: failOn) { throw ExitCode(1) }
    }
}
