import ContactAudit
import ContactDocument
import ContactExtract
import ContactFetch
import ContactModel
import ContactSnapshot
import Foundation

/// A source to read: a local path, a `file://` URL or an http(s) URL.
public struct IntakeSource: Sendable, Hashable {
    /// How records, statuses and snapshots name it: the path as the audit file writes it,
    /// so reports do not depend on the directory the run started in.
    public var name: String
    /// What is read: the URL, or the path resolved against the audit file's directory.
    public var location: String
    public var official: Bool

    public init(name: String, location: String? = nil, official: Bool = false) {
        self.name = name
        self.location = location ?? name
        self.official = official
    }

    /// http(s): read by the crawler (robots.txt, politeness, address policy, links followed).
    public var isWeb: Bool { SourceReader.isWeb(location) }

    /// A WARC file (`.warc.gz`, `.warc`): every page in it is a page of its own.
    public var isArchive: Bool {
        let lower = location.lowercased()
        return !isWeb && (lower.hasSuffix(".warc.gz") || lower.hasSuffix(".warc"))
    }
}

/// What one page gave, whatever kind of source it came from: how it was obtained (the
/// snapshot's `FetchState`), its records, the links a crawl may follow from it, and why
/// it could not be read. The single value every consumer (audit, extract) works from.
public struct IntakePage: Sendable {
    /// The name the report and the snapshot use: the source's name for a local file, the
    /// normalised URL for a crawled page.
    public var source: String
    public var official: Bool
    /// True for a crawled page (http(s)), false for a local file or `file://` URL.
    public var isWeb: Bool
    /// How the page was obtained, as the snapshot stores it; nil when a 304 answered a
    /// page the previous snapshot no longer holds (nothing to store).
    public var fetch: FetchState?
    /// Records named by the document they come from (the path read, or the page's final
    /// URL); consumers rename them to `source` when they report by source.
    public var records: [ContactRecord]
    /// A crawled page's followable links (see `SourceSnapshot.links`); nil for local files.
    public var links: [SnapshotLink]?
    /// Why the page gave no document, in the words a report shows; nil when it was read.
    public var failure: String?
    /// The server answered 304: `fetch` and `records` are the previous snapshot's.
    public var notModified: Bool
    /// Things worth a warning that did not stop the read (a charset guessed).
    public var warnings: [String]
    /// `ok`, or what the body turned out to be: `truncated` (records from the part read),
    /// `not-html` or `blocked` (no records); `error` when `failure` is set.
    public var kind: SourceStatus.Kind = .ok
    /// Why `kind` is `truncated`, `not-html` or `blocked`.
    public var reason: String?
    /// For a `blocked` page: the previous snapshot's records of it, kept in the snapshot
    /// (marked stale) so a wall does not read as the page's contacts being removed.
    public var staleRecords: [ContactRecord] = []

    /// Its records count (an ordinary page, or the part of a cut one).
    public var isRead: Bool { failure == nil && (kind == .ok || kind == .truncated) }
}

/// One audit's share of an intake: its sources and how to read them.
public struct IntakeJob: Sendable {
    /// The audit's name: an archive's records say which audit each outcome belongs to.
    public var name: String
    public var sources: [IntakeSource]
    /// Its extractor, crawl settings and previous snapshot.
    public var intake: SourceIntake
    /// Jobs with the same key extract alike (the same regions and short numbers), so a
    /// page they share is read once for all of them; nil: read for this job alone.
    public var extractionKey: String?

    public init(name: String = "", sources: [IntakeSource], intake: SourceIntake, extractionKey: String? = nil) {
        self.name = name
        self.sources = sources
        self.intake = intake
        self.extractionKey = extractionKey
    }
}

/// What a whole intake gave: the pages (local files first, in the order given, then
/// crawled pages in the crawl's order) and what cut the run short.
public struct IntakeResult: Sendable {
    public var pages: [IntakePage]
    /// A spent `crawl.budget`, in words.
    public var notes: [String]
}

/// Every source → `IntakePage`s, along one path: bytes (from disk, from libcurl for
/// `file://`, from the crawler for http(s)) → document → records. A page answered 304
/// gets back what the previous snapshot stored for it.
public struct SourceIntake: Sendable {
    public var extractor: ContactExtractor
    /// How http(s) sources are crawled.
    public var crawl: CrawlConfig
    /// The previous snapshot's sources, by source name: validators for conditional
    /// requests and what a 304 reuses.
    public var previous: [String: SourceSnapshot]
    public var fetcher: PageFetcher
    /// Whether pages get the SHA-256 of their bytes: snapshots keep it (`diff` tells a
    /// changed page from a changed extractor by it); `extract` and `init` keep no
    /// snapshot, and hashing every byte cost them as much as reading the pages.
    public var hashesPages: Bool

    public init(extractor: ContactExtractor = ContactExtractor(), crawl: CrawlConfig = CrawlConfig(),
                previous: [String: SourceSnapshot] = [:], fetcher: PageFetcher = PageFetcher(),
                hashesPages: Bool = true) {
        self.extractor = extractor
        self.crawl = crawl
        self.previous = previous
        self.fetcher = fetcher
        self.hashesPages = hashesPages
    }

    /// A local file's fetch state, with its hash when pages are hashed.
    private func localFetch(_ bytes: [UInt8]) -> FetchState {
        hashesPages ? .read(bytes: bytes) : FetchState(result: "read", bytes: bytes.count)
    }

    public func read(_ sources: [IntakeSource]) async -> IntakeResult {
        await Self.read([IntakeJob(sources: sources, intake: self)], run: crawl)[0]
    }

    /// Where a run keeps what it read, or reads it from instead of the network.
    public struct Archiving: Sendable {
        /// `audit --archive`: every exchange, local file and outcome is kept here, and a
        /// 304's page is found again in the archive it replaces.
        public var archive: PageArchive?
        /// `audit --from-archive`: the crawl it recorded is repeated from its bytes, local
        /// files from its `resource` records.
        public var replay: ArchiveReplay?

        public init(archive: PageArchive? = nil, replay: ArchiveReplay? = nil) {
            self.archive = archive
            self.replay = replay
        }
    }

    /// Several jobs (one per audit) at once: their web sources share one crawl (one
    /// frontier, per-site politeness across jobs) under the run's `run` settings
    /// (concurrency, progress, budget), each job keeping its own crawl settings,
    /// extractor and previous snapshot. One result per job, in order.
    public static func read(_ jobs: [IntakeJob], run: CrawlConfig,
                            archiving: Archiving = Archiving()) async -> [IntakeResult] {
        let collected = Locked(jobs.map { _ in IntakeResult(pages: [], notes: []) })
        await read(jobs, run: run, archiving: archiving) { index, result in
            collected.withLock { $0[index] = result }
        }
        return collected.withLock { $0 }
    }

    /// The same, each job's result handed to `each` as soon as the job is done (all its
    /// local files read and every page of its crawl fetched and read), in no set order,
    /// so a run of thousands of audits need not hold them all. `each` is called on the
    /// crawl's loop: it should hand the result on, not work on it. With a budget, an
    /// archive or a replay, every job is done at the end.
    public static func read(_ jobs: [IntakeJob], run: CrawlConfig, archiving: Archiving = Archiving(),
                            each: @escaping @Sendable (Int, IntakeResult) -> Void) async {
        // Local files on every core; each job's pages stay in its sources' order.
        let local = jobs.indices.flatMap { index in jobs[index].sources.filter { !$0.isWeb }.map { (index, $0) } }
        let read = local.concurrentMap(heaviestFirst: { SourceReader.localSize($0.1.location) }) { entry in
            entry.1.isArchive ? jobs[entry.0].intake.readArchive(entry.1)
                              : [jobs[entry.0].intake.readLocal(entry.1, archiving: archiving)]
        }
        var localPages: [[IntakePage]] = jobs.map { _ in [] }
        for (entry, pages) in zip(local, read) { localPages[entry.0] += pages }
        guard jobs.contains(where: { $0.sources.contains(where: \.isWeb) }) else {
            for index in jobs.indices { each(index, IntakeResult(pages: localPages[index], notes: [])) }
            return
        }
        let waiting = Locked(localPages)
        // A job's local pages, then its crawled ones; its local pages are let go.
        let finish: @Sendable (Int, [IntakePage], BudgetExhaustion?) -> Void = { index, crawled, budget in
            let pages = waiting.withLock { pages in
                defer { pages[index] = [] }
                return pages[index]
            }
            each(index, IntakeResult(pages: pages + crawled, notes: budget.map { [$0.description] } ?? []))
        }
        if let replay = archiving.replay {
            let (crawled, budget) = await replayWeb(jobs, from: replay)
            for index in jobs.indices { finish(index, crawled[index], budget) }
            return
        }
        var run = run
        if archiving.archive != nil { run.captureExchanges = true }
        await readWeb(jobs, run: run, archive: archiving.archive, each: finish)
    }

    /// A local path or `file://` URL, read whole. A failure names the source as the audit
    /// file spells it, so snapshots are the same on every machine.
    func readLocal(_ source: IntakeSource, archiving: Archiving = Archiving()) -> IntakePage {
        let bytes: [UInt8]
        let contentType: String?
        if let archived = archiving.replay?.files[source.name] {
            (bytes, contentType) = (archived, nil)
        } else {
            do {
                (bytes, contentType) = try localBytes(source.location)
            } catch {
                return failedLocal(source, error)
            }
            archiving.archive?.recordFile(source: source.name, location: source.location, bytes: bytes)
        }
        // The same path as a crawled page's, as a page answered 200 with no headers.
        let page = FetchedPage(requestedURL: source.location, finalURL: source.location, status: 200,
                               contentType: contentType, body: bytes)
        let read = Self.read(page, outcome: nil, extractor: extractor, config: crawl, hashes: false).entry
        if let error = read.error { return failedLocal(source, message: error) }
        switch read.kind {
        case .notHTML:
            var fetch = localFetch(bytes)
            fetch.pageStatus = SourceStatus.Kind.notHTML.rawValue
            fetch.pageStatusReason = read.reason
            return IntakePage(source: source.name, official: source.official, isWeb: false, fetch: fetch, records: [],
                              links: nil, failure: nil, notModified: false, warnings: [], kind: .notHTML,
                              reason: read.reason)
        case .blocked:
            return blockedPage(source.name, official: source.official, fetch: localFetch(bytes),
                               reason: read.reason ?? "", isWeb: false)
        default:
            return IntakePage(source: source.name, official: source.official, isWeb: false, fetch: localFetch(bytes),
                              records: read.records, links: nil, failure: nil, notModified: false,
                              warnings: read.warnings)
        }
    }

    /// Every page a WARC file holds: each 2xx response (decoded as it was received) and
    /// each local file, named by its URL; an unreadable archive is one failed source.
    func readArchive(_ source: IntakeSource) -> [IntakePage] {
        let archive: ArchiveReplay
        do { archive = try ArchiveReplay(path: source.location) } catch {
            let message = error.description.replacingOccurrences(of: source.location, with: source.name)
            return [IntakePage(source: source.name, official: source.official, isWeb: false,
                               fetch: FetchState(result: "failed", error: message), records: [], links: nil,
                               failure: message, notModified: false, warnings: [])]
        }
        var pages: [IntakePage] = []
        for response in archive.responses {
            guard let status = response.http?.status, (200..<300).contains(status) else { continue }
            let page: FetchedPage
            do {
                guard let found = try ArchiveReplay.decodedPage(response, outcome: archive.outcome(ofResponse: response.id)) else {
                    continue
                }
                page = found
            } catch {
                // Named and reported, as an input that cannot be read; the other pages go on.
                let url = response.targetURI ?? source.name
                pages.append(IntakePage(source: url, official: source.official, isWeb: true, fetch: nil, records: [],
                                        links: nil, failure: "\(error)", notModified: false, warnings: []))
                continue
            }
            let outcome = FetchOutcome(url: page.requestedURL, result: .fetched, finalURL: page.finalURL,
                                       seed: page.requestedURL, depth: 0, status: status, bytes: page.body.count,
                                       contentType: page.contentType)
            let read = Self.read(page, outcome: outcome, extractor: extractor, config: crawl, hashes: hashesPages).entry
            pages.append(IntakePage(source: page.requestedURL, official: source.official, isWeb: true,
                                    fetch: nil, records: read.records, links: read.links, failure: read.error,
                                    notModified: false, warnings: []))
        }
        for resource in archive.resources {
            // A local file under the name its audit gave it (as `extract FILE` names a file:
            // as given), not the absolute file:// URL the record needs as its target.
            let name = resource.field(ArchiveField.source) ?? resource.targetURI ?? source.name
            do {
                let document = try SourceReader.document(bytes: resource.block, name: name)
                pages.append(IntakePage(source: name, official: source.official, isWeb: false,
                                        fetch: .read(bytes: resource.block), records: extractor.extract(from: document),
                                        links: nil, failure: nil, notModified: false, warnings: document.warnings))
            } catch {
                pages.append(IntakePage(source: name, official: source.official, isWeb: false, fetch: nil, records: [],
                                        links: nil, failure: error.description, notModified: false, warnings: []))
            }
        }
        return pages
    }

    /// A bot wall in place of the page: no records, and the previous run's records of the
    /// source kept for the snapshot (stale); validators are dropped, so the next run asks
    /// for the page in full.
    private func blockedPage(_ source: String, official: Bool, fetch: FetchState, reason: String, isWeb: Bool) -> IntakePage {
        var fetch = fetch
        fetch.pageStatus = SourceStatus.Kind.blocked.rawValue
        fetch.pageStatusReason = reason
        fetch.etag = nil
        fetch.lastModified = nil
        return IntakePage(source: source, official: official, isWeb: isWeb, fetch: fetch, records: [],
                          links: isWeb ? [] : nil, failure: nil, notModified: false, warnings: [], kind: .blocked,
                          reason: reason, staleRecords: previous[source]?.records ?? [])
    }

    private func failedLocal(_ source: IntakeSource, _ error: SourceError) -> IntakePage {
        failedLocal(source, message: error.description)
    }

    private func failedLocal(_ source: IntakeSource, message: String) -> IntakePage {
        let message = message.replacingOccurrences(of: source.location, with: source.name)
        return IntakePage(source: source.name, official: source.official, isWeb: false,
                          fetch: FetchState(result: "failed", error: message), records: [], links: nil, failure: message,
                          notModified: false, warnings: [])
    }

    /// The bytes of a local file; a `file://` URL goes through libcurl as before.
    private func localBytes(_ location: String) throws(SourceError) -> ([UInt8], String?) {
        if SourceReader.isURL(location) {
            do {
                let page = try fetcher.fetch(location)
                return (page.body, page.contentType)
            } catch {
                throw .fetch(error)
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory) else {
            throw .unreadableFile(path: location, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadableFile(path: location, reason: "is a directory, not a page") }
        guard let bytes = SourceReader.contents(ofFile: location) else {
            throw .unreadableFile(path: location, reason: "cannot be read (permissions?)")
        }
        return (bytes, nil)
    }

    /// http(s) sources, crawled together. Each page is parsed once, on arrival: its
    /// records are kept and its links handed back to the crawler. Pages found by following
    /// links are official when their seed is.
    /// A page several audits wait for is fetched once (see `Crawler.crawl(groups:)`) and
    /// read once for all of them that extract alike (`IntakeJob.extractionKey`); each gets
    /// its own entry (its followable links, its outcome).
    static func readWeb(_ jobs: [IntakeJob], run: CrawlConfig, archive: PageArchive?,
                        each: @escaping @Sendable (Int, [IntakePage], BudgetExhaustion?) -> Void) async {
        let arrived = ArrivedPages()
        let intakes = jobs.map(\.intake)
        let keys = jobs.map(\.extractionKey)
        let groups = jobs.map { job in
            CrawlGroup(seeds: job.sources.filter(\.isWeb).map(\.location), config: job.intake.crawl,
                       validators: job.intake.validators)
        }
        let onPage: Crawler.PageHandler = { crawled in
            let members = [(group: crawled.group, outcome: crawled.outcome)]
                + crawled.shared.map { (group: $0.group, outcome: $0.outcome) }
            if !crawled.shared.isEmpty, crawled.outcome.result == .notModified {
                // Unchanged since the last run, for each of them: the links they had then are
                // their links now (each group follows those in its own scope).
                var seen: Set<String> = []
                var links: [PageLinks.Link] = []
                for member in members {
                    arrived.set(member.group, member.outcome.url, ArrivedPages.Entry(records: [], error: nil, sha256: nil,
                                                                                     links: crawled.page == nil ? nil : []))
                    for link in intakes[member.group].previous[member.outcome.url]?.links ?? []
                    where seen.insert(link.url).inserted {
                        links.append(PageLinks.Link(href: link.url, text: link.text))
                    }
                }
                return PageLinks(links: links)
            }
            var links = PageLinks.none
            // One read per way of extracting; each member's entry from it.
            var reads: [String: (entry: ArrivedPages.Entry, links: PageLinks)] = [:]
            for member in members {
                let intake = intakes[member.group]
                var memberPage = crawled
                memberPage.outcome = member.outcome
                memberPage.group = member.group
                let read: (entry: ArrivedPages.Entry, links: PageLinks)
                if let key = keys[member.group], let earlier = reads[key] {
                    var entry = earlier.entry
                    if let page = crawled.page, member.outcome.succeeded, entry.links != nil {
                        entry.links = followable(earlier.links, page: page, outcome: member.outcome, config: intake.crawl)
                    }
                    read = (entry, earlier.links)
                } else {
                    read = readCrawled(memberPage, intake: intake, archive: archive, name: jobs[member.group].name)
                    if let key = keys[member.group] { reads[key] = read }
                }
                arrived.set(member.group, member.outcome.url, read.entry)
                if member.group == crawled.group { links = read.links }
            }
            return links
        }
        let crawler = Crawler(config: run)
        guard let archive else {
            _ = await crawler.crawl(groups: groups, onPage: onPage) { group, result in
                each(group, pages(jobs[group], result.outcomes, arrived: arrived.take(group: group)), result.budget)
            }
            return
        }
        // The archive records the whole crawl's outcomes and robots.txt verdicts at its end.
        let results = await crawler.crawl(groups: groups, onPage: onPage)
        archive.record(results, audits: jobs.map(\.name))
        for group in results.indices {
            each(group, pages(jobs[group], results[group].outcomes, arrived: arrived.take(group: group)), results[group].budget)
        }
    }

    /// One crawled page for one job: its entry and the links the crawler follows.
    private static func readCrawled(_ crawled: CrawledPage, intake: SourceIntake, archive: PageArchive?,
                                    name: String) -> (entry: ArrivedPages.Entry, links: PageLinks) {
        let outcome = crawled.outcome
        archive?.record(crawled, audit: name)
        if outcome.result == .notModified, let stored = archive?.previousPage(for: outcome.url) {
            // Unchanged since the archived run: its page is read again, records and links.
            let read = Self.read(stored, outcome: outcome, extractor: intake.extractor, config: intake.crawl,
                                 hashes: intake.hashesPages)
            var entry = read.entry
            entry.fromArchive = true
            return (entry, read.links)
        }
        guard let page = crawled.page, !page.body.isEmpty else {
            if outcome.result == .notModified, let links = intake.previous[outcome.url]?.links {
                // Unchanged since the last run: the links it had then are its links now.
                return (ArrivedPages.Entry(records: [], error: nil, sha256: nil, links: []),
                        PageLinks(links: links.map { PageLinks.Link(href: $0.url, text: $0.text) }))
            }
            return (ArrivedPages.Entry(records: [], error: nil, sha256: nil, links: crawled.page == nil ? nil : []), .none)
        }
        return Self.read(page, outcome: outcome, extractor: intake.extractor, config: intake.crawl,
                         hashes: intake.hashesPages)
    }

    /// The crawl an archive recorded, repeated with no network: each job's outcomes in the
    /// recorded order (by audit name; all of them for an archive of one unnamed job), each
    /// page read again from its archived bytes by that job's extractor, on every core.
    static func replayWeb(_ jobs: [IntakeJob], from replay: ArchiveReplay) async -> ([[IntakePage]], BudgetExhaustion?) {
        let names = Set(replay.entries.map(\.audit))
        let entries: [[ArchiveReplay.Entry]] = jobs.map { job in
            names.contains(job.name) || jobs.count > 1 ? replay.entries.filter { $0.audit == job.name } : replay.entries
        }
        let tasks = entries.indices.flatMap { group in entries[group].map { (group, $0) } }
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let found = await withTaskGroup(of: (ArrivedPages.Key, ArrivedPages.Entry)?.self) { taskGroup in
            var found: [ArrivedPages.Key: ArrivedPages.Entry] = [:]
            var next = 0
            func start() {
                let (group, entry) = tasks[next]
                let intake = jobs[group].intake
                next += 1
                taskGroup.addTask {
                    let page: FetchedPage
                    do {
                        guard let found = try replay.page(for: entry) else { return nil }
                        page = found
                    } catch {
                        // A body the archive cannot give back is the page's error, not an empty page.
                        return (ArrivedPages.Key(group: group, url: entry.outcome.url),
                                ArrivedPages.Entry(records: [], error: "\(error)", sha256: nil, links: nil))
                    }
                    var read = Self.read(page, outcome: entry.outcome, extractor: intake.extractor,
                                         config: intake.crawl, hashes: intake.hashesPages).entry
                    read.revisited = replay.revisitedOutcome(for: entry)
                    read.fromArchive = entry.outcome.result == .notModified
                    return (ArrivedPages.Key(group: group, url: entry.outcome.url), read)
                }
            }
            while next < min(width, tasks.count) { start() }
            for await result in taskGroup {
                if let (key, read) = result { found[key] = read }
                if next < tasks.count { start() }
            }
            return found
        }
        let byGroup = Dictionary(grouping: found, by: \.key.group)
        let pages = jobs.indices.map { index in
            Self.pages(jobs[index], entries[index].map(\.outcome),
                       arrived: Dictionary(uniqueKeysWithValues: (byGroup[index] ?? []).map { ($0.key.url, $0.value) }))
        }
        return (pages, replay.budget)
    }

    /// The one path from a page's bytes to what it says, for every kind of source: its
    /// records, followable links and hash, or why it is not read (not HTML, a bot wall,
    /// an unparseable document). `outcome` is the crawl's (or an archive's) for a fetched
    /// page; nil for a local file, which has no links to follow and whose type, when
    /// nothing declares it, is guessed from its bytes and name. A fetched page with an
    /// empty body has none of them.
    static func read(_ page: FetchedPage, outcome: FetchOutcome?, extractor: ContactExtractor,
                     config: CrawlConfig, hashes: Bool = true) -> (entry: ArrivedPages.Entry, links: PageLinks) {
        guard !page.body.isEmpty || outcome == nil else {
            return (ArrivedPages.Entry(records: [], error: nil, sha256: nil, links: []), .none)
        }
        let succeeded = outcome?.succeeded ?? true
        let sha256 = hashes ? SHA256.hex(page.body) : nil
        if let reason = PageVerdict.notHTML(page.body, contentType: page.contentType) {
            // An error's body is an error's body, whatever it is.
            return (succeeded
                ? ArrivedPages.Entry(records: [], error: nil, sha256: sha256, links: [], kind: .notHTML, reason: reason)
                : ArrivedPages.Entry(records: [], error: nil, sha256: nil, links: nil), .none)
        }
        let plain = page.contentType?.lowercased().hasPrefix("text/plain") == true
            || (outcome == nil && page.contentType == nil && SourceReader.looksLikePlainText(page.body, name: page.finalURL))
        do {
            let document = try SourceReader.document(bytes: page.body, source: page.finalURL,
                                                     contentType: page.contentType, plainText: plain)
            if !plain, let reason = PageVerdict.wall(document, status: page.status, headers: page.protectionHeaders) {
                return (ArrivedPages.Entry(records: [], error: nil, sha256: sha256, links: [], kind: .blocked,
                                           reason: reason), .none)
            }
            guard succeeded else {
                // An ordinary error page: no records, as before its body was handed over.
                return (ArrivedPages.Entry(records: [], error: nil, sha256: nil, links: nil), .none)
            }
            guard let outcome else {
                return (ArrivedPages.Entry(records: extractor.extract(from: document), error: nil, sha256: sha256,
                                           links: nil, warnings: document.warnings), .none)
            }
            let links = PageLinks(baseHref: document.baseHref,
                                  links: document.links.map { PageLinks.Link(href: $0.href, text: $0.text) })
            return (ArrivedPages.Entry(records: extractor.extract(from: document), error: nil, sha256: sha256,
                                       links: followable(links, page: page, outcome: outcome, config: config),
                                       warnings: document.warnings),
                    links)
        } catch {
            return (succeeded
                ? ArrivedPages.Entry(records: [], error: "\(error)", sha256: sha256, links: nil)
                : ArrivedPages.Entry(records: [], error: nil, sha256: nil, links: nil), .none)
        }
    }

    /// One job's crawled pages, in its outcomes' order, official per its own sources.
    private static func pages(_ job: IntakeJob, _ outcomes: [FetchOutcome],
                              arrived found: [String: ArrivedPages.Entry]) -> [IntakePage] {
        let web = job.sources.filter(\.isWeb)
        let official = Dictionary(web.map { ($0.location, $0.official) }, uniquingKeysWith: { $0 || $1 })
        return outcomes.map { outcome in
            job.intake.webPage(outcome, arrived: found[outcome.url],
                               official: official[outcome.seed] ?? official[outcome.url] ?? false)
        }
    }

    /// A crawled URL as an intake page; a 304 keeps the stored page (records, hash,
    /// bytes), taking any new validators the server sent with it.
    private func webPage(_ outcome: FetchOutcome, arrived: ArrivedPages.Entry?, official: Bool) -> IntakePage {
        if outcome.result == .notModified, let arrived, arrived.fromArchive {
            // The archive holds the page the 304 stands for: what it says now is read from
            // it; how it was fetched is what the snapshot stored, or (replayed into an empty
            // snapshot) what the archived fetch recorded.
            var fetch = previous[outcome.url]?.fetch
            if fetch == nil, let revisited = arrived.revisited {
                fetch = webPage(revisited, arrived: ArrivedPages.Entry(records: [], error: arrived.error,
                                                                       sha256: arrived.sha256, links: nil,
                                                                       kind: arrived.kind, reason: arrived.reason),
                                official: official).fetch
            }
            if let etag = outcome.etag { fetch?.etag = etag }
            if let lastModified = outcome.lastModified { fetch?.lastModified = lastModified }
            let records = arrived.records.map { record in
                var record = record
                record.source = outcome.url
                return record
            }
            return IntakePage(source: outcome.url, official: official, isWeb: true, fetch: fetch, records: records,
                              links: arrived.links, failure: nil, notModified: true, warnings: [])
        }
        if outcome.result == .notModified, var stored = previous[outcome.url] {
            if let etag = outcome.etag { stored.fetch.etag = etag }
            if let lastModified = outcome.lastModified { stored.fetch.lastModified = lastModified }
            return IntakePage(source: outcome.url, official: official, isWeb: true, fetch: stored.fetch,
                              records: stored.records, links: stored.links, failure: nil, notModified: true,
                              warnings: [])
        }
        if arrived?.kind == .blocked, let reason = arrived?.reason {
            // A wall answering 403 or 503 is the wall, not the page's error.
            let fetch = FetchState(result: outcome.result.rawValue, finalURL: outcome.finalURL, status: outcome.status,
                                   redirects: outcome.redirects, redirectChain: outcome.redirectChain,
                                   bytes: outcome.bytes, contentType: outcome.contentType, sha256: arrived?.sha256)
            return blockedPage(outcome.url, official: official, fetch: fetch, reason: reason, isWeb: true)
        }
        let documentError = arrived?.error
        // The crawler's error does not name the page: every printer names it beside the error.
        let fetchError = outcome.error
        let snapshotError = documentError
            ?? (outcome.succeeded ? nil : "\(outcome.result.rawValue): \(fetchError ?? "no answer")")
        let fetch = FetchState(result: outcome.result.rawValue, finalURL: outcome.finalURL, status: outcome.status,
                               error: snapshotError, redirects: outcome.redirects,
                               redirectChain: outcome.redirectChain, bytes: outcome.bytes,
                               contentType: outcome.contentType, truncated: outcome.truncated, etag: outcome.etag,
                               lastModified: outcome.lastModified, sha256: arrived?.sha256)
        var failure: String?
        if let error = fetchError ?? documentError, !outcome.succeeded || documentError != nil {
            failure = "\(outcome.result.rawValue): \(error)"
        }
        var kind = arrived?.kind ?? .ok
        var reason = arrived?.reason
        if failure == nil, kind == .ok, outcome.truncated {
            kind = .truncated
            reason = "cut at \(outcome.bytes) bytes (crawl.max_bytes)"
        }
        var state = fetch
        if failure == nil, kind != .ok {
            state.pageStatus = kind.rawValue
            state.pageStatusReason = reason
        }
        return IntakePage(source: outcome.url, official: official, isWeb: true,
                          // A 304 for a page the snapshot no longer holds has nothing to store.
                          fetch: outcome.result == .notModified ? nil : state,
                          records: arrived?.records ?? [], links: arrived?.links, failure: failure,
                          notModified: false, warnings: arrived?.warnings ?? [], kind: failure == nil ? kind : .error,
                          reason: failure == nil ? reason : nil)
    }

    /// The links of a fetched page that a crawl may follow, as the crawler resolves them
    /// (against `<base href>` or the final URL, the first `maxLinksPerPage` only): on the
    /// page's host, its seed's host or an allowed host, each URL once, in the page's order.
    /// The order is kept because the crawl ranks links by it when `max_pages` cuts.
    static func followable(_ links: PageLinks, page: FetchedPage, outcome: FetchOutcome,
                           config: CrawlConfig) -> [SnapshotLink] {
        guard let base = URLNormalizer.normalize(page.finalURL) ?? URLNormalizer.normalize(outcome.url) else { return [] }
        let documentBase = links.baseHref.flatMap { URLNormalizer.resolve($0, against: base) } ?? base
        var hosts = Set([base.host] + config.allowHosts.map { $0.lowercased() })
        for url in [outcome.url, outcome.seed] {
            if let host = URLNormalizer.normalize(url)?.host { hosts.insert(host) }
        }
        var seen: Set<String> = []
        var result: [SnapshotLink] = []
        for link in links.links.prefix(config.maxLinksPerPage) {
            guard let url = URLNormalizer.resolve(link.href, against: documentBase), hosts.contains(url.host),
                  seen.insert(url.string).inserted else { continue }
            result.append(SnapshotLink(url: url.string, text: link.text))
        }
        return result
    }

    /// `If-None-Match` / `If-Modified-Since` for every http(s) page the last run read and
    /// whose links it kept (one kept by an older version is fetched in full once, so a 304
    /// can hand its links on from then on).
    var validators: [String: Validators] {
        var result: [String: Validators] = [:]
        for (source, snapshot) in previous where snapshot.isRead && snapshot.links != nil {
            guard snapshot.fetch.etag != nil || snapshot.fetch.lastModified != nil else { continue }
            result[source] = Validators(etag: snapshot.fetch.etag, lastModified: snapshot.fetch.lastModified)
        }
        return result
    }
}

/// What the crawler's concurrent page handlers found, by URL.
final class ArrivedPages: @unchecked Sendable {
    struct Entry: Sendable {
        var records: [ContactRecord]
        /// Why the body could not be read as a document (unparseable).
        var error: String?
        /// SHA-256 of the body the records come from, nil without a body.
        var sha256: String?
        var links: [SnapshotLink]?
        var kind: SourceStatus.Kind = .ok
        var reason: String?
        var warnings: [String] = []
        /// For a 304: the page was read from an archive, and `revisited` is the outcome of
        /// the fetch that archived it (when replaying).
        var fromArchive = false
        var revisited: FetchOutcome?
    }

    struct Key: Hashable {
        var group: Int
        var url: String
    }

    private let lock = NSLock()
    private var pages: [Int: [String: Entry]] = [:]

    func set(_ group: Int, _ url: String, _ entry: Entry) { lock.withLock { pages[group, default: [:]][url] = entry } }

    /// A group's pages, forgotten here.
    func take(group: Int) -> [String: Entry] { lock.withLock { pages.removeValue(forKey: group) ?? [:] } }
}

/// A value behind a lock, for state the crawl's concurrent callbacks share.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result { lock.withLock { body(&value) } }
}
