import ContactDocument
import ContactExtract
import ContactFetch
import ContactModel
import Foundation

/// http(s) sources → crawled pages → records. Each page is parsed once, on arrival: its
/// records are kept and its links handed back to the crawler. This is what `audit` uses
/// for web sources; local files still go through `SourceReader`.
public struct SourceCrawler: Sendable {
    /// One crawled URL: its outcome, and the records of its page when it had a body.
    public struct Page: Sendable {
        public var outcome: FetchOutcome
        public var records: [ContactRecord]
        /// Why the body could not be read as a document (empty page, unparseable).
        public var documentError: String?
        /// SHA-256 of the body the records come from (lower-case hex), nil without a body.
        public var contentSHA256: String?
        /// For a 304 answered from an archive: the outcome of the fetch that archived the
        /// page (its status, size, type), and `records` are read from that page again.
        public var revisited: FetchOutcome?
        /// True when `records` of a 304 were read from the archived page.
        public var readFromArchive = false

        public init(outcome: FetchOutcome, records: [ContactRecord], documentError: String?, contentSHA256: String?,
                    revisited: FetchOutcome? = nil, readFromArchive: Bool = false) {
            self.outcome = outcome
            self.records = records
            self.documentError = documentError
            self.contentSHA256 = contentSHA256
            self.revisited = revisited
            self.readFromArchive = readFromArchive
        }
    }

    public var config: CrawlConfig
    public var extractor: ContactExtractor
    /// Where the run's exchanges are kept (`audit --archive`), and where a 304's page is
    /// found again.
    public var archive: PageArchive?

    public init(config: CrawlConfig = CrawlConfig(), extractor: ContactExtractor = ContactExtractor(),
                archive: PageArchive? = nil) {
        self.config = config
        self.extractor = extractor
        self.archive = archive
        if archive != nil { self.config.captureExchanges = true }
    }

    /// Pages in the crawl's outcome order. A `not-modified` page has no records here
    /// unless the archive holds its page: the caller reuses the stored ones.
    public func crawl(_ urls: [String], validators: [String: Validators] = [:]) async -> (CrawlResult, [Page]) {
        let pages = LockedPages()
        let extractor = self.extractor
        let archive = self.archive
        let result = await Crawler(config: config).crawl(seeds: urls, validators: validators) { crawled in
            archive?.record(crawled)
            if crawled.outcome.result == .notModified, let stored = archive?.previousPage(for: crawled.outcome.url) {
                // 304: the page is the archived one, so its links are followed as before.
                let read = Self.read(stored, extractor: extractor)
                pages.set(crawled.outcome.url, Entry(records: read.records, error: read.error, sha256: read.sha256,
                                                     readFromArchive: true))
                return read.links
            }
            guard let page = crawled.page else {
                pages.set(crawled.outcome.url, Entry(records: [], error: nil, sha256: nil))
                return .none
            }
            let read = Self.read(page, extractor: extractor)
            pages.set(crawled.outcome.url, Entry(records: read.records, error: read.error, sha256: read.sha256))
            return read.links
        }
        archive?.record(result)
        let found = pages.all
        return (result, result.outcomes.map { outcome in
            let entry = found[outcome.url]
            return Page(outcome: outcome, records: entry?.records ?? [], documentError: entry?.error,
                        contentSHA256: entry?.sha256, readFromArchive: entry?.readFromArchive ?? false)
        })
    }

    /// The crawl an archive recorded, replayed with no network: the same outcomes in the
    /// same order, each page read again from its archived bytes by this extractor.
    public func replay(_ archive: ArchiveReplay) -> (CrawlResult, [Page]) {
        var pages: [Page] = []
        for entry in archive.entries {
            var page = Page(outcome: entry.outcome, records: [], documentError: nil, contentSHA256: nil)
            if let stored = archive.page(for: entry) {
                let read = Self.read(stored, extractor: extractor)
                page.records = read.records
                page.documentError = read.error
                page.contentSHA256 = read.sha256
                if entry.outcome.result == .notModified {
                    page.revisited = archive.revisitedOutcome(for: entry)
                    page.readFromArchive = true
                }
            }
            pages.append(page)
        }
        return (CrawlResult(outcomes: pages.map(\.outcome), robots: archive.robots), pages)
    }

    /// A page's records, links and hash; an empty body has none of them.
    static func read(_ page: FetchedPage, extractor: ContactExtractor)
        -> (records: [ContactRecord], error: String?, sha256: String?, links: PageLinks) {
        guard !page.body.isEmpty else { return ([], nil, nil, .none) }
        let plain = page.contentType?.lowercased().hasPrefix("text/plain") == true
        let sha256 = SHA256.hex(page.body)
        do {
            let document = try SourceReader.document(bytes: page.body, source: page.finalURL,
                                                     contentType: page.contentType, plainText: plain)
            let links = PageLinks(baseHref: document.baseHref,
                                  links: document.links.map { PageLinks.Link(href: $0.href, text: $0.text) })
            return (extractor.extract(from: document), nil, sha256, links)
        } catch {
            return ([], "\(error)", sha256, .none)
        }
    }
}

private struct Entry {
    var records: [ContactRecord]
    var error: String?
    var sha256: String?
    var readFromArchive = false
}

/// Records by URL, filled from the crawler's concurrent page handlers.
private final class LockedPages: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: Entry] = [:]

    func set(_ url: String, _ entry: Entry) {
        lock.withLock { pages[url] = entry }
    }

    var all: [String: Entry] { lock.withLock { pages } }
}
