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
        /// The day new findings are first seen on (`YYYY-MM-DD`, UTC).
        public var today: String

        public init(region: String? = nil,
                    snapshotDirectory: @escaping @Sendable (AuditFile) -> String? = { "Snapshots/\($0.name)" },
                    today: String = Baseline.today()) {
            self.region = region
            self.snapshotDirectory = snapshotDirectory
            self.today = today
        }
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    public func run(_ audit: AuditFile, archiving: SourceIntake.Archiving = .init()) async -> AuditOutcome {
        await run([audit], archiving: archiving)[0]
    }

    /// Several audits in one run: their web sources share one crawl (per-site politeness
    /// holds across audits that share a site), each audit keeps its settings, catalog and
    /// snapshot. One outcome per audit, in order.
    /// With `archiving.archive`, every exchange is kept there (the caller finishes it);
    /// with `archiving.replay`, the sources are read from that archive, not the network.
    public func run(_ audits: [AuditFile], archiving: SourceIntake.Archiving = .init()) async -> [AuditOutcome] {
        var outcomes: [AuditOutcome?] = audits.map { _ in nil }
        await run(audits, archiving: archiving) { index, outcome in outcomes[index] = outcome }
        return outcomes.map { $0! }
    }

    /// The same, each audit's outcome handed to `each` (with its index in `audits`) as
    /// soon as all its pages are read, in no set order, and then let go: a run of ten
    /// thousand audits holds the pages of those still running, not of all. `each` runs
    /// one outcome at a time, beside the crawl.
    public func run(_ audits: [AuditFile], archiving: SourceIntake.Archiving = .init(),
                    each: (Int, AuditOutcome) async -> Void) async {
        let started = Date()
        let clock = ContinuousClock.now
        var jobs: [IntakeJob] = []
        var directories: [String?] = []
        var warnings: [[String]] = []
        for audit in audits {
            let directory = options.snapshotDirectory(audit)
            var loadWarnings: [String] = []
            let previous = Self.loadPrevious(directory, warnings: &loadWarnings)
            let extractor = ContactExtractor(options: ExtractOptions(
                regions: RegionResolver(explicitRegion: options.region, fallbackRegion: audit.region),
                shortNumbers: audit.shortNumberTable))
            let intake = SourceIntake(extractor: extractor, crawl: audit.crawl.crawlConfig, previous: previous)
            let sources = audit.sources.map { IntakeSource(name: $0.url, location: $0.location, official: $0.official) }
            let short = extractor.options.shortNumbers
            // Built-in table plus the audit's own short numbers: equal keys extract alike.
            let key = short.numbersByRegion == ShortNumberTable.builtIn.numbersByRegion
                ? [options.region ?? "-", audit.region ?? "-", short.everywhere.sorted().joined(separator: ",")]
                    .joined(separator: "|")
                : nil
            jobs.append(IntakeJob(name: audit.name, sources: sources, intake: intake, extractionKey: key))
            directories.append(directory)
            warnings.append(loadWarnings)
        }
        let (finished, arrivals) = AsyncStream.makeStream(of: (Int, IntakeResult).self)
        let run = Self.runConfig(jobs.map(\.intake.crawl))
        let intakeJobs = jobs
        async let reading: Void = {
            await SourceIntake.read(intakeJobs, run: run, archiving: archiving) { index, result in
                arrivals.yield((index, result))
            }
            arrivals.finish()
        }()
        for await (index, result) in finished {
            let outcome = outcome(audits[index], result, previous: jobs[index].intake.previous,
                                  directory: directories[index], warnings: warnings[index], started: started,
                                  duration: ContinuousClock.now - clock, archiving: archiving)
            await each(index, outcome)
        }
        await reading
    }

    /// The settings of the whole crawl: one audit's own; for several, the defaults with
    /// their budgets added up (a limit only when every audit sets it).
    static func runConfig(_ configs: [CrawlConfig]) -> CrawlConfig {
        guard configs.count > 1 else { return configs.first ?? CrawlConfig() }
        var run = CrawlConfig()
        let budgets = configs.map(\.budget)
        func total(_ values: [Int?]) -> Int? { values.contains(nil) ? nil : values.reduce(0) { $0 + ($1 ?? 0) } }
        run.budget = CrawlBudget(pages: total(budgets.map(\.pages)), bytes: total(budgets.map(\.bytes)),
                                 duration: budgets.contains { $0.duration == nil } ? nil : budgets.compactMap(\.duration).max())
        return run
    }

    private func outcome(_ audit: AuditFile, _ result: IntakeResult, previous: [String: SourceSnapshot],
                         directory: String?, warnings: [String], started: Date, duration: Duration,
                         archiving: SourceIntake.Archiving) -> AuditOutcome {
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
            // Runs in a row the source could not be read, counted on from the last snapshot
            // (one kept before the count existed counts its failure once) up to the audit's
            // threshold, where it stays: an unchanged failing page gives the same snapshot.
            // A page robots.txt keeps us from is the site's wish, not a failure.
            let before = previous[page.source]
            let skipped = page.failure?.hasPrefix(FetchOutcome.Result.skippedByRobots.rawValue) == true
            let unreadableRuns = page.isRead || page.notModified || skipped ? nil
                : min(audit.unreadableRuns, 1 + (before.map { $0.isRead ? 0 : ($0.unreadableRuns ?? 1) } ?? 0))
            if directory != nil, let fetch = page.fetch {
                snapshots.append(SourceSnapshot(source: page.source, official: page.official, fetch: fetch,
                                                records: page.kind == .blocked ? page.staleRecords : found,
                                                links: page.links,
                                                stale: page.kind == .blocked && !page.staleRecords.isEmpty ? true : nil,
                                                unreadableRuns: unreadableRuns))
            }
            if skipped {
                statuses.append(SourceStatus(url: page.source, official: page.official, kind: .skipped,
                                             reason: page.failure))
                continue
            }
            if let failure = page.failure {
                var status = SourceStatus(url: page.source, official: page.official, error: failure)
                status.unreadableRuns = unreadableRuns
                statuses.append(status)
                continue
            }
            if page.kind != .ok {
                var status = SourceStatus(url: page.source, official: page.official, kind: page.kind, reason: page.reason,
                                          records: page.isRead ? found.count : 0)
                status.unreadableRuns = unreadableRuns
                if page.kind == .blocked, !page.staleRecords.isEmpty { status.staleRecords = page.staleRecords.count }
                statuses.append(status)
                if page.isRead { records += found }
                continue
            }
            records += found
            statuses.append(SourceStatus(url: page.source, official: page.official, records: found.count))
        }
        records.sort()
        let auditor = Auditor(settings: audit.rules)
        var findings = auditor.run(audit.context(records: records, sources: statuses,
                                                 hotlinePages: Self.hotlinePages(result.pages, audit: audit)))
        // Since when each finding has been reported, kept in the snapshot directory.
        var warnings = warnings
        var history: FindingsHistory?
        if let directory {
            let (previous, problem) = FindingsHistory.load(directory: directory)
            if let problem { warnings.append(problem) }
            let next = previous.updated(with: findings, today: options.today)
            findings = next.dating(findings)
            history = next
        }
        let metadata = directory.map { _ in
            RunMetadata(version: PageFetcher.version, audit: audit.name, started: started,
                        versions: Versions.current.run, archive: archiving.archive?.path,
                        fromArchive: archiving.replay?.path, duration: duration,
                        sources: snapshots.count, notModified: result.pages.filter(\.notModified).map(\.source))
        }
        return AuditOutcome(audit: audit, records: records, statuses: statuses, findings: findings,
                            rules: auditor.enabledRules, snapshots: snapshots, snapshotDirectory: directory,
                            run: metadata, history: history, notes: result.notes, warnings: warnings)
    }

    /// The official pages expected to show the hotline: the audit's own official sources
    /// (a local file, a crawl's start page) and crawled pages matching an `official:` URL
    /// pattern; other pages crawled from an official site are official for trust only.
    static func hotlinePages(_ pages: [IntakePage], audit: AuditFile) -> Set<String> {
        func normalized(_ location: String) -> String { URLNormalizer.normalize(location)?.string ?? location }
        let declared = Set(audit.sources.flatMap { [$0.url, normalized($0.location)] })
        let split = pages.map { page in
            let url = page.isWeb ? URLNormalizer.normalize(page.source) : nil
            return (source: page.source, official: page.official, declared: declared.contains(page.source),
                    origin: url?.origin, path: url?.path)
        }
        return HotlinePages.expected(split, sources: audit.sources) { URLNormalizer.normalize($0)?.origin }
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
    /// The findings history to write with the snapshot; nil without a snapshot.
    public var history: FindingsHistory?
    /// What cut the run short (a spent budget).
    public var notes: [String]
    /// Worth telling the user, not worth failing for (an unreadable previous snapshot).
    public var warnings: [String]

    /// Writes the snapshot directory atomically; does nothing without one.
    public func writeSnapshot() throws(SnapshotError) {
        guard let snapshotDirectory, let run else { return }
        try SnapshotWriter(directory: snapshotDirectory).write(snapshots, run: run, history: history)
    }

    /// The report, with the findings a baseline accepts left out and counted.
    public func report(baseline: Baseline?, today: String = Baseline.today()) -> AuditReport {
        let outcome = (baseline ?? Baseline(entries: [])).apply(to: findings, today: today)
        return AuditReport(name: audit.name, sources: statuses, records: records, findings: outcome.findings,
                           rules: rules, suppressed: outcome.suppressed.count, expiredWaivers: outcome.expired,
                           notes: notes, today: today)
    }
}
