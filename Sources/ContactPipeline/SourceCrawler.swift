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
    }

    public var config: CrawlConfig
    public var extractor: ContactExtractor

    public init(config: CrawlConfig = CrawlConfig(), extractor: ContactExtractor = ContactExtractor()) {
        self.config = config
        self.extractor = extractor
    }

    /// Pages in the crawl's outcome order. A `not-modified` page has no records here: the
    /// caller reuses the stored ones.
    public func crawl(_ urls: [String], validators: [String: Validators] = [:]) async -> (CrawlResult, [Page]) {
        let pages = LockedPages()
        let extractor = self.extractor
        let result = await Crawler(config: config).crawl(seeds: urls, validators: validators) { crawled in
            guard let page = crawled.page, !page.body.isEmpty else {
                pages.set(crawled.outcome.url, records: [], error: nil, sha256: nil)
                return .none
            }
            let plain = page.contentType?.lowercased().hasPrefix("text/plain") == true
            let sha256 = SHA256.hex(page.body)
            do {
                let document = try SourceReader.document(bytes: page.body, source: page.finalURL,
                                                         contentType: page.contentType, plainText: plain)
                pages.set(crawled.outcome.url, records: extractor.extract(from: document), error: nil, sha256: sha256)
                return PageLinks(baseHref: document.baseHref,
                                 links: document.links.map { PageLinks.Link(href: $0.href, text: $0.text) })
            } catch {
                pages.set(crawled.outcome.url, records: [], error: "\(error)", sha256: sha256)
                return .none
            }
        }
        let found = pages.all
        return (result, result.outcomes.map { outcome in
            let entry = found[outcome.url]
            return Page(outcome: outcome, records: entry?.records ?? [], documentError: entry?.error,
                        contentSHA256: entry?.sha256)
        })
    }
}

/// Records by URL, filled from the crawler's concurrent page handlers.
private final class LockedPages: @unchecked Sendable {
    private let lock = NSLock()
    typealias Entry = (records: [ContactRecord], error: String?, sha256: String?)
    private var pages: [String: Entry] = [:]

    func set(_ url: String, records: [ContactRecord], error: String?, sha256: String?) {
        lock.withLock { pages[url] = (records, error, sha256) }
    }

    var all: [String: Entry] { lock.withLock { pages } }
}
