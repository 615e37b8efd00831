import ArgumentParser
import ContactArchive
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
        audit file, the baseline, the archive or the options are invalid. A source that cannot \
        be read is reported and does not by itself give 2.

        With --archive (or crawl.archive in the audit file) every HTTP exchange is kept as \
        WARC 1.1; --from-archive runs the same audit again from such a file with no network.
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

    @Option(help: ArgumentHelp(
        "Keep every HTTP exchange of the run in this WARC 1.1 file (one gzip member per record), with robots.txt decisions and local files.",
        discussion: "A file already there is read first as the previous archive: a 304 then reuses the page it holds (records and links).",
        valueName: "FILE.warc.gz"))
    var archive: String?

    @Option(name: .customLong("from-archive"), help: ArgumentHelp(
        "Run from an archive an earlier --archive run wrote, with no network: the same pages read again by this extractor.",
        valueName: "FILE.warc.gz"))
    var fromArchive: String?

    func validate() throws {
        if archive != nil, fromArchive != nil {
            throw ValidationError("--archive and --from-archive exclude each other: a replayed run fetches nothing to keep")
        }
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
        let replay: ArchiveReplay?
        let pageArchive: PageArchive?
        do {
            replay = try fromArchive.map { path throws(ArchiveError) in try ArchiveReplay(path: path) }
            let archivePath = fromArchive == nil ? archive ?? file.crawl.archive : nil
            pageArchive = try archivePath.map { path throws(ArchiveError) in
                try PageArchive(path: path, maxBytes: file.crawl.archiveMaxBytes ?? WARCWriter.defaultMaxBytes,
                                info: Versions.current.warcinfo + [HeaderField("audit", file.name)])
            }
        } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        for warning in pageArchive?.warnings ?? [] { StandardError.print("contact-audit: warning: \(warning)") }
        var outcome = await AuditRun(options: AuditRun.Options(region: region, snapshotDirectory: { _ in snapshotDirectory }))
            .run(file, archive: pageArchive, replay: replay)
        if let pageArchive {
            do { try pageArchive.finish() } catch {
                StandardError.print("contact-audit: \(error)")
                throw ExitCode(2)
            }
            if pageArchive.droppedRecords > 0 {
                outcome.notes.append("archive \(pageArchive.path) reached its size cap (crawl.archive_max_bytes): "
                                     + "\(pageArchive.droppedRecords) records left out")
            }
        }
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
