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

    public var isRead: Bool { failure == nil }
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

    public init(extractor: ContactExtractor = ContactExtractor(), crawl: CrawlConfig = CrawlConfig(),
                previous: [String: SourceSnapshot] = [:], fetcher: PageFetcher = PageFetcher()) {
        self.extractor = extractor
        self.crawl = crawl
        self.previous = previous
        self.fetcher = fetcher
    }

    public func read(_ sources: [IntakeSource]) async -> IntakeResult {
        var pages = sources.filter { !$0.isWeb }.map(readLocal)
        var notes: [String] = []
        let web = sources.filter(\.isWeb)
        if !web.isEmpty {
            let (crawled, budget) = await readWeb(web)
            pages += crawled
            if let budget { notes.append(budget.description) }
        }
        return IntakeResult(pages: pages, notes: notes)
    }

    /// A local path or `file://` URL, read whole. A failure names the source as the audit
    /// file spells it, so snapshots are the same on every machine.
    func readLocal(_ source: IntakeSource) -> IntakePage {
        let bytes: [UInt8]
        let contentType: String?
        do {
            (bytes, contentType) = try localBytes(source.location)
        } catch {
            return failedLocal(source, error)
        }
        let plain = contentType?.lowercased().hasPrefix("text/plain") == true
            || (contentType == nil && SourceReader.looksLikePlainText(bytes, name: source.location))
        do {
            let document = try SourceReader.document(bytes: bytes, source: source.location, contentType: contentType,
                                                     plainText: plain)
            return IntakePage(source: source.name, official: source.official, isWeb: false, fetch: .read(bytes: bytes),
                              records: extractor.extract(from: document), links: nil, failure: nil, notModified: false,
                              warnings: document.warnings)
        } catch {
            return failedLocal(source, error)
        }
    }

    private func failedLocal(_ source: IntakeSource, _ error: SourceError) -> IntakePage {
        let message = error.description.replacingOccurrences(of: source.location, with: source.name)
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
        guard let data = FileManager.default.contents(atPath: location) else {
            throw .unreadableFile(path: location, reason: "cannot be read (permissions?)")
        }
        return ([UInt8](data), nil)
    }

    /// http(s) sources, crawled together. Each page is parsed once, on arrival: its
    /// records are kept and its links handed back to the crawler. Pages found by following
    /// links are official when their seed is.
    func readWeb(_ sources: [IntakeSource]) async -> ([IntakePage], BudgetExhaustion?) {
        let arrived = ArrivedPages()
        let extractor = self.extractor
        let previous = self.previous
        let crawl = self.crawl
        let result = await Crawler(config: crawl).crawl(seeds: sources.map(\.location), validators: validators) { crawled in
            let outcome = crawled.outcome
            guard let page = crawled.page, !page.body.isEmpty else {
                if outcome.result == .notModified, let links = previous[outcome.url]?.links {
                    // Unchanged since the last run: the links it had then are its links now.
                    return PageLinks(links: links.map { PageLinks.Link(href: $0.url, text: $0.text) })
                }
                arrived.set(outcome.url, ArrivedPages.Entry(records: [], error: nil, sha256: nil,
                                                            links: crawled.page == nil ? nil : []))
                return .none
            }
            let plain = page.contentType?.lowercased().hasPrefix("text/plain") == true
            let sha256 = SHA256.hex(page.body)
            do {
                let document = try SourceReader.document(bytes: page.body, source: page.finalURL,
                                                         contentType: page.contentType, plainText: plain)
                let links = PageLinks(baseHref: document.baseHref,
                                      links: document.links.map { PageLinks.Link(href: $0.href, text: $0.text) })
                arrived.set(outcome.url, ArrivedPages.Entry(
                    records: extractor.extract(from: document), error: nil, sha256: sha256,
                    links: Self.followable(links, page: page, outcome: outcome, config: crawl)))
                return links
            } catch {
                arrived.set(outcome.url, ArrivedPages.Entry(records: [], error: "\(error)", sha256: sha256, links: nil))
                return .none
            }
        }
        let official = Dictionary(sources.map { ($0.location, $0.official) }, uniquingKeysWith: { $0 || $1 })
        let found = arrived.all
        let pages = result.outcomes.map { outcome in
            webPage(outcome, arrived: found[outcome.url],
                    official: official[outcome.seed] ?? official[outcome.url] ?? false)
        }
        return (pages, result.budget)
    }

    /// A crawled URL as an intake page; a 304 keeps the stored page (records, hash,
    /// bytes), taking any new validators the server sent with it.
    private func webPage(_ outcome: FetchOutcome, arrived: ArrivedPages.Entry?, official: Bool) -> IntakePage {
        if outcome.result == .notModified, var stored = previous[outcome.url] {
            if let etag = outcome.etag { stored.fetch.etag = etag }
            if let lastModified = outcome.lastModified { stored.fetch.lastModified = lastModified }
            return IntakePage(source: outcome.url, official: official, isWeb: true, fetch: stored.fetch,
                              records: stored.records, links: stored.links, failure: nil, notModified: true,
                              warnings: [])
        }
        let documentError = arrived?.error
        let snapshotError = documentError
            ?? (outcome.succeeded ? nil : "\(outcome.result.rawValue): \(outcome.error ?? "no answer")")
        let fetch = FetchState(result: outcome.result.rawValue, finalURL: outcome.finalURL, status: outcome.status,
                               error: snapshotError, redirects: outcome.redirects,
                               redirectChain: outcome.redirectChain, bytes: outcome.bytes,
                               contentType: outcome.contentType, truncated: outcome.truncated, etag: outcome.etag,
                               lastModified: outcome.lastModified, sha256: arrived?.sha256)
        var failure: String?
        if let error = outcome.error ?? documentError, !outcome.succeeded || documentError != nil {
            failure = "\(outcome.result.rawValue): \(error)"
        }
        return IntakePage(source: outcome.url, official: official, isWeb: true,
                          // A 304 for a page the snapshot no longer holds has nothing to store.
                          fetch: outcome.result == .notModified ? nil : fetch,
                          records: arrived?.records ?? [], links: arrived?.links, failure: failure,
                          notModified: false, warnings: [])
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
private final class ArrivedPages: @unchecked Sendable {
    struct Entry: Sendable {
        var records: [ContactRecord]
        /// Why the body could not be read as a document (unparseable).
        var error: String?
        /// SHA-256 of the body the records come from, nil without a body.
        var sha256: String?
        var links: [SnapshotLink]?
    }

    private let lock = NSLock()
    private var pages: [String: Entry] = [:]

    func set(_ url: String, _ entry: Entry) { lock.withLock { pages[url] = entry } }

    var all: [String: Entry] { lock.withLock { pages } }
}
