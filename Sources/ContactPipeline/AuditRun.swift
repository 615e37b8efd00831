import ContactAudit
import ContactExtract
import ContactFetch
import ContactModel
import ContactSnapshot
import Foundation

/// One audit's run as a library call: its sources through the intake, the catalog's rules
/// over the records, and the snapshot of what each source said. The command line only
/// parses options, calls this, writes what it returns and prints the report.
public struct AuditRun: Sendable {
    public struct Options: Sendable {
        /// `--region`: the ISO 3166 region for numbers without a country code, over the
        /// page's lang and the audit's `region`.
        public var region: String?
        /// Where the audit's snapshot lives (the previous one is read from there for
        /// conditional requests and 304s); nil for no snapshot at all.
        public var snapshotDirectory: @Sendable (AuditFile) -> String?

        public init(region: String? = nil,
                    snapshotDirectory: @escaping @Sendable (AuditFile) -> String? = { "Snapshots/\($0.name)" }) {
            self.region = region
            self.snapshotDirectory = snapshotDirectory
        }
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    public func run(_ audit: AuditFile) async -> AuditOutcome {
        let started = Date()
        let clock = ContinuousClock.now
        let directory = options.snapshotDirectory(audit)
        var warnings: [String] = []
        let previous = Self.loadPrevious(directory, warnings: &warnings)
        let extractor = ContactExtractor(options: ExtractOptions(
            regions: RegionResolver(explicitRegion: options.region, fallbackRegion: audit.region),
            shortNumbers: audit.shortNumberTable))
        let intake = SourceIntake(extractor: extractor, crawl: audit.crawl.crawlConfig, previous: previous)
        let sources = audit.sources.map { IntakeSource(name: $0.url, location: $0.location, official: $0.official) }
        let result = await intake.read(sources)

        var records: [ContactRecord] = []
        var statuses: [SourceStatus] = []
        var snapshots: [SourceSnapshot] = []
        for page in result.pages {
            // Records are named by the source as the report and the snapshot name it.
            let found = page.notModified ? page.records : page.records.map { record in
                var record = record
                record.source = page.source
                return record
            }
            if let fetch = page.fetch {
                snapshots.append(SourceSnapshot(source: page.source, official: page.official, fetch: fetch,
                                                records: found, links: page.links))
            }
            if let failure = page.failure {
                statuses.append(SourceStatus(url: page.source, official: page.official, error: failure))
                continue
            }
            records += found
            statuses.append(SourceStatus(url: page.source, official: page.official, records: found.count))
        }
        records.sort()
        let auditor = Auditor(settings: audit.rules)
        let findings = auditor.run(audit.context(records: records, sources: statuses))
        let metadata = directory.map { _ in
            RunMetadata(version: PageFetcher.version, audit: audit.name, started: started,
                        duration: ContinuousClock.now - clock, sources: snapshots.count,
                        notModified: result.pages.filter(\.notModified).map(\.source))
        }
        return AuditOutcome(audit: audit, records: records, statuses: statuses, findings: findings,
                            rules: auditor.enabledRules, snapshots: snapshots, snapshotDirectory: directory,
                            run: metadata, notes: result.notes, warnings: warnings)
    }

    /// A previous snapshot that cannot be read costs the conditional requests only, so it
    /// is a warning, not a failure: this run replaces it.
    static func loadPrevious(_ directory: String?, warnings: inout [String]) -> [String: SourceSnapshot] {
        guard let directory, FileManager.default.fileExists(atPath: directory) else { return [:] }
        do {
            return try Snapshot.load(directory).sources
        } catch {
            warnings.append("\(error); fetching every page in full")
            return [:]
        }
    }
}

/// What one audit's run gave.
public struct AuditOutcome: Sendable {
    public var audit: AuditFile
    /// Sorted.
    public var records: [ContactRecord]
    /// Local sources first in the audit file's order, then crawled pages in crawl order.
    public var statuses: [SourceStatus]
    /// Every finding of the audit's rules, before any baseline.
    public var findings: [Finding]
    /// Ids of the rules that ran.
    public var rules: [String]
    public var snapshots: [SourceSnapshot]
    /// Where `writeSnapshot` writes; nil for no snapshot.
    public var snapshotDirectory: String?
    public var run: RunMetadata?
    /// What cut the run short (a spent budget).
    public var notes: [String]
    /// Worth telling the user, not worth failing for (an unreadable previous snapshot).
    public var warnings: [String]

    /// Writes the snapshot directory atomically; does nothing without one.
    public func writeSnapshot() throws(SnapshotError) {
        guard let snapshotDirectory, let run else { return }
        try SnapshotWriter(directory: snapshotDirectory).write(snapshots, run: run)
    }

    /// The report, with the findings a baseline accepts left out and counted.
    public func report(baseline: Baseline?, today: String = Baseline.today()) -> AuditReport {
        let outcome = (baseline ?? Baseline(entries: [])).apply(to: findings, today: today)
        return AuditReport(name: audit.name, sources: statuses, records: records, findings: outcome.findings,
                           rules: rules, suppressed: outcome.suppressed.count, expiredWaivers: outcome.expired,
                           notes: notes)
    }
}
