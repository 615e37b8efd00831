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
        commandName: "audit",
        abstract: "Read audits' sources, check them against their catalogs and print the report.",
        discussion: """
        Several audits run as one: their pages share one crawl (one robots.txt and one \
        politeness clock per site for all), each audit keeps its own snapshot \
        (Snapshots/<name>, or DIR/<name> with --snapshot DIR) and the report is grouped by \
        audit. Exit codes: 0 nothing at or above --fail-on was found; 1 findings at or above \
        it; 2 an audit file, the baseline or the options are invalid (the other audits still \
        run and are reported). The worst over all audits wins. A source that cannot be read \
        is reported and does not by itself give 2; an archive that cannot be written or read does.

        With --archive (or crawl.archive in a lone audit's file) every HTTP exchange is kept \
        as WARC 1.1; --from-archive runs the same audits again from such a file with no network.
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

    @Option(help: "The run's date, YYYY-MM-DD (UTC): new findings' first_seen and waiver expiry (default: today; for replaying a day).")
    var today: String?

    @Option(help: ArgumentHelp("Run only shard I of N (0 <= I < N), or 'auto': the index and count from the batch engine's environment.",
                               valueName: "I/N|auto"))
    var shard: String?

    @Option(name: .customLong("shard-count"), help: "The number of shards, for --shard auto when the environment gives only an index (JOB_COMPLETION_INDEX); overrides any count.")
    var shardCount: Int?

    @Flag(name: .customLong("shard-plan"), help: "Print which audits, hosts and pages bound each shard gets (with --shard or --shard-count) and exit.")
    var shardPlan = false

    @Option(name: .customLong("shard-result"), help: "Write this shard's result (index, count, audit-set digest, each audit's findings, sources and summary) as JSON, for 'contact-audit merge'.")
    var shardResult: String?

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
        if let today, !Baseline.isDate(today) {
            throw ValidationError("--today takes a date such as 2026-01-31, not '\(today)'")
        }
        if shardPlan, shard == nil, shardCount == nil {
            throw ValidationError("--shard-plan needs the number of shards: --shard I/N, --shard auto or --shard-count N")
        }
        if shardResult != nil, shard == nil {
            throw ValidationError("--shard-result needs --shard I/N or --shard auto")
        }
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
        var unloadable: [String] = []
        for path in paths {
            // A bad audit file is reported and the others still run; the exit code is 2.
            do { files.append(try AuditLoading.load(path)) } catch {
                configurationFailed = true
                unloadable.append(path)
            }
        }
        let names = Dictionary(grouping: files, by: \.name).filter { $0.value.count > 1 }
        for (name, doubled) in names.sorted(by: { $0.key < $1.key }) {
            StandardError.print("contact-audit: \(doubled.map(\.path).joined(separator: ", ")): the same audit name "
                                + "'\(name)'; names must differ (each names its snapshot directory)")
        }
        if !names.isEmpty { throw ExitCode(2) }
        let selection: ShardSelection?
        do {
            selection = try shard.map { text throws(ShardSelection.Problem) in try ShardSelection.parse(text, count: shardCount) }
        } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        let everyAudit = files
        if shardPlan {
            let count = selection?.count ?? shardCount ?? 1
            print(ShardPlan(audits: files, count: count).description, terminator: "")
            throw ExitCode(configurationFailed ? 2 : 0)
        }
        if let selection {
            let mine = ShardPlan(audits: files, count: selection.count).audits(of: selection.index)
            files = files.filter { mine.contains($0.name) }
        }
        let accepted: Baseline?
        do { accepted = try baseline.map { path throws(BaselineError) in try Baseline.load(path) } } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        guard !everyAudit.isEmpty else { throw ExitCode(2) }
        // One audit gives the report it always had; a shard of a larger set is a part of
        // the grouped report `merge` puts together.
        let single = paths.count == 1 && everyAudit.count == 1 && files.count == 1
        let noSnapshot = self.noSnapshot, snapshot = self.snapshot
        let directory: @Sendable (AuditFile) -> String? = { file in
            if noSnapshot { return nil }
            guard let snapshot else { return "Snapshots/\(file.name)" }
            return single ? snapshot : (snapshot as NSString).appendingPathComponent(file.name)
        }
        let day = today ?? Baseline.today()
        // One archive for the run (its audits share one crawl); an audit file's
        // crawl.archive counts when it is the run's only audit.
        let archivePath = fromArchive == nil ? archive ?? (files.count == 1 ? files[0].crawl.archive : nil) : nil
        if archive == nil, fromArchive == nil, files.count > 1, let named = files.first(where: { $0.crawl.archive != nil }) {
            StandardError.print("contact-audit: warning: \(named.path): crawl.archive is used only when the audit runs alone; "
                                + "give several audits one archive with --archive FILE.warc.gz")
        }
        var archiving = SourceIntake.Archiving()
        do {
            archiving.replay = try fromArchive.map { path throws(ArchiveError) in try ArchiveReplay(path: path) }
            archiving.archive = try archivePath.map { path throws(ArchiveError) in
                try PageArchive(path: path, maxBytes: files.compactMap(\.crawl.archiveMaxBytes).max() ?? WARCWriter.defaultMaxBytes,
                                info: Versions.current.warcinfo + files.map { HeaderField("audit", $0.name) })
            }
        } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        for warning in archiving.archive?.warnings ?? [] { StandardError.print("contact-audit: warning: \(warning)") }
        let runner = AuditRun(options: AuditRun.Options(region: region, snapshotDirectory: directory, today: day))
        // The report and the shard result are built audit by audit as the run finishes
        // them (each part spooled, the whole written in name order at the end), so a run
        // of thousands of audits holds the pages of those still running, not of all.
        let colour = output == nil && TerminalColour.wanted()
        let report: GroupedReportWriter?
        let shard: ShardResultWriter?
        do {
            report = single ? nil : try GroupedReportWriter(format: format, colour: colour)
            shard = if let shardResult, let selection {
                try ShardResultWriter(index: selection.index, count: selection.count,
                                      digest: ShardPlan.digest(everyAudit), set: everyAudit.map(\.name),
                                      unloadable: unloadable)
            } else { nil }
        } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        var singleEntry: GroupedReport.Entry?
        var findings: [Finding] = []
        var fails = false
        var writeFailed = false
        var spoolFailure: AtomicFileError?
        func take(_ outcome: AuditOutcome) {
            for warning in outcome.warnings { StandardError.print("contact-audit: warning: \(warning)") }
            // One audit's snapshot that cannot be written does not stop the others' (exit 2 at the end).
            do { try outcome.writeSnapshot() } catch {
                StandardError.print("contact-audit: \(error)")
                writeFailed = true
            }
            let entry = GroupedReport.Entry(report: outcome.report(baseline: accepted, today: day), catalog: outcome.audit.catalog)
            if entry.report.fails(at: failOn) { fails = true }
            // Only --write-baseline needs every finding at the end.
            if writeBaseline != nil { findings += outcome.findings }
            guard spoolFailure == nil else { return }
            do {
                if let report { try report.add(entry) } else { singleEntry = entry }
                try shard?.add(ShardAudit(report: entry.report, audit: outcome.audit))
            } catch {
                spoolFailure = error
            }
        }
        if let pageArchive = archiving.archive {
            // The archive's size cap is known once it is finished, and every report says it.
            var outcomes = await runner.run(files, archiving: archiving)
            do { try pageArchive.finish() } catch {
                StandardError.print("contact-audit: \(error)")
                throw ExitCode(2)
            }
            for index in outcomes.indices {
                if pageArchive.droppedRecords > 0 {
                    outcomes[index].notes.append("archive \(pageArchive.path) reached its size cap "
                                                 + "(crawl.archive_max_bytes): \(pageArchive.droppedRecords) records left out")
                }
                take(outcomes[index])
            }
        } else {
            await runner.run(files, archiving: archiving) { _, outcome in take(outcome) }
        }
        if writeFailed, single { throw ExitCode(2) }
        do {
            if let spoolFailure { throw spoolFailure }
            if let writeBaseline {
                let written = Baseline(findings: findings, carryingOver: accepted)
                try written.write(to: writeBaseline)
                // A finding seen on several pages has one entry per page: the report's count
                // is the findings', the file's the entries'.
                let entries = written.entries.count
                let accepted = findings.count.counted("finding") + " accepted"
                    + (entries == findings.count ? "" : " (\(entries.counted("entry", plural: "entries")))")
                StandardError.print("contact-audit: wrote \(writeBaseline): \(accepted); "
                                    + "pass it as --baseline \(writeBaseline) to fail only on new ones")
            }
            if let shardResult { try shard?.write(to: shardResult) }
            if let report {
                try report.write(unloadable: unloadable, to: output)
            } else if let singleEntry {
                try ReportOutput.write(format.reporter(colour: colour, catalog: singleEntry.catalog).render(singleEntry.report),
                                       to: output)
            }
        } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        if configurationFailed || writeFailed { throw ExitCode(2) }
        // Writing a baseline accepts today's findings: that run has done what was asked.
        if writeBaseline == nil, fails { throw ExitCode(1) }
    }
}
