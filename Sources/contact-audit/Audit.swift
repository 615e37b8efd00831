import ArgumentParser
import ContactArchive
import ContactAudit
import ContactDocument
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
            throw ValidationError("--archive and --from-archive exclude each other: the replayed run fetches nothing to keep")
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
        let started = Date()
        let clock = ContinuousClock.now
        let snapshotDirectory = noSnapshot ? nil : snapshot ?? "Snapshots/\(file.name)"
        let store = AuditSnapshot.loadPrevious(snapshotDirectory)
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

        var (records, statuses, snapshots, notModified, notes) = await read(file, store: store, archive: pageArchive,
                                                                           replay: replay)
        if let pageArchive {
            do { try pageArchive.finish() } catch {
                StandardError.print("contact-audit: \(error)")
                throw ExitCode(2)
            }
            if pageArchive.droppedRecords > 0 {
                notes.append("archive \(pageArchive.path) reached its size cap (crawl.archive_max_bytes): "
                             + "\(pageArchive.droppedRecords) records left out")
            }
        }
        let auditor = Auditor(settings: file.rules)
        let findings = auditor.run(file.context(records: records, sources: statuses))
        let outcome = (accepted ?? Baseline(entries: [])).apply(to: findings, today: Baseline.today())
        let report = AuditReport(name: file.name, sources: statuses, records: records, findings: outcome.findings,
                                 rules: auditor.enabledRules, suppressed: outcome.suppressed.count,
                                 expiredWaivers: outcome.expired, notes: notes)

        do {
            if let snapshotDirectory {
                let run = RunMetadata(version: PageFetcher.version, audit: file.name, started: started,
                                      versions: Versions.current.run, archive: archive ?? file.crawl.archive,
                                      fromArchive: fromArchive,
                                      duration: ContinuousClock.now - clock, sources: snapshots.count,
                                      notModified: notModified)
                try SnapshotWriter(directory: snapshotDirectory).write(snapshots, run: run)
            }
            if let writeBaseline {
                try Baseline(findings: findings, carryingOver: accepted).write(to: writeBaseline)
            }
            let colour = output == nil && TerminalColour.wanted()
            try ReportOutput.write(format.reporter(colour: colour, catalog: file.catalog).render(report), to: output)
        } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        if report.fails(at: failOn) { throw ExitCode(1) }
    }

    /// Every source; one that cannot be read becomes a status with its reason, and the
    /// others go on. Local files are read directly; http(s) sources are crawled (robots.txt,
    /// politeness, `crawl:` limits), and pages found by following their contact links are
    /// sources of their own, official when their seed is.
    /// The notes say what cut the run short (a spent budget).
    private func read(_ file: AuditFile, store: AuditSnapshot, archive: PageArchive?, replay: ArchiveReplay?) async
        -> (records: [ContactRecord], statuses: [SourceStatus], snapshots: [SourceSnapshot], notModified: [String],
            notes: [String]) {
        let extractor = ContactExtractor(options: ExtractOptions(
            regions: RegionResolver(explicitRegion: region, fallbackRegion: file.region),
            shortNumbers: file.shortNumberTable))
        var records: [ContactRecord] = []
        var statuses: [SourceStatus] = []
        var snapshots: [SourceSnapshot] = []
        var notModified: [String] = []
        var web: [AuditSource] = []
        var notes: [String] = []
        let reader = SourceReader()
        for source in file.sources {
            if SourceReader.isWeb(source.location) {
                web.append(source)
                continue
            }
            do {
                let bytes = replay?.files[source.url]
                    ?? archive.flatMap { _ in FileManager.default.contents(atPath: Self.path(of: source.location)).map { [UInt8]($0) } }
                if let bytes { archive?.recordFile(source: source.url, location: source.location, bytes: bytes) }
                let document: HTMLDocument
                if let bytes {
                    document = try SourceReader.document(bytes: bytes, name: source.location)
                } else {
                    document = try reader.read(source.location)
                }
                // Name records by the source as the audit file writes it, so reports and
                // baselines do not depend on where the audit was run from.
                let found = extractor.extract(from: document).map { record in
                    var record = record
                    record.source = source.url
                    return record
                }
                records += found
                statuses.append(SourceStatus(url: source.url, official: source.official, records: found.count))
                snapshots.append(AuditSnapshot.localFile(source, records: found, error: nil, bytes: bytes))
            } catch {
                // The audit file's spelling of the path, not where this run resolved it, so
                // snapshots are the same on every machine.
                let message = error.description.replacingOccurrences(of: source.location, with: source.url)
                statuses.append(SourceStatus(url: source.url, official: source.official, error: message))
                snapshots.append(AuditSnapshot.localFile(source, records: [], error: message))
            }
        }
        if !web.isEmpty {
            let crawler = SourceCrawler(config: file.crawl.crawlConfig, extractor: extractor, archive: archive)
            let (result, pages) = if let replay {
                crawler.replay(replay)
            } else {
                await crawler.crawl(web.map(\.location), validators: store.validators)
            }
            if let budget = result.budget { notes.append(budget.description) }
            let official = Dictionary(web.map { ($0.location, $0.official) }, uniquingKeysWith: { $0 || $1 })
            for page in pages {
                let outcome = page.outcome
                let isOfficial = official[outcome.seed] ?? official[outcome.url] ?? false
                let snapshot = store.page(page, official: isOfficial)
                if let snapshot { snapshots.append(snapshot) }
                if outcome.result == .notModified, var snapshot {
                    // 304: the page is as stored, and so are its records; read again from
                    // the archived page when an archive holds it (a newer extractor reads more).
                    notModified.append(outcome.url)
                    if page.readFromArchive {
                        snapshot.records = page.records.map { record in
                            var record = record
                            record.source = outcome.url
                            return record
                        }
                        snapshots[snapshots.count - 1] = snapshot
                    }
                    records += snapshot.records
                    statuses.append(SourceStatus(url: outcome.url, official: isOfficial, records: snapshot.records.count))
                    continue
                }
                if let error = outcome.error ?? page.documentError, !outcome.succeeded || page.documentError != nil {
                    statuses.append(SourceStatus(url: outcome.url, official: isOfficial,
                                                 error: "\(outcome.result.rawValue): \(error)"))
                    continue
                }
                records += page.records.map { record in
                    var record = record
                    record.source = outcome.url
                    return record
                }
                statuses.append(SourceStatus(url: outcome.url, official: isOfficial, records: page.records.count))
            }
        }
        return (records.sorted(), statuses, snapshots, notModified, notes)
    }

    /// A local source's path (`file://` URLs to their path).
    private static func path(of location: String) -> String {
        location.lowercased().hasPrefix("file://") ? URL(string: location)?.path ?? location : location
    }
}
