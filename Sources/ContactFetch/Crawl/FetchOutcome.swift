/// What happened to one URL in a crawl: fetched, not modified, refused by robots.txt or
/// failed, with everything a snapshot and a report need. No times or durations, so the
/// same site gives the same outcome; JSON keys come out in declaration order (and in
/// the same order again when a snapshot encoder sorts them).
public struct FetchOutcome: Sendable, Hashable, Codable {
    public enum Result: String, Sendable, Hashable, Codable {
        /// A 2xx answer with a body.
        case fetched
        /// 304: the caller's stored copy is still current.
        case notModified = "not-modified"
        /// robots.txt does not let us fetch it; no request was sent.
        case skippedByRobots = "skipped-by-robots"
        /// An HTTP error status (4xx, 5xx after retries).
        case httpError = "http-error"
        /// No usable answer: connection, timeout, redirect, size or protocol trouble.
        case failed
        /// The address policy refused the address it (or a redirect hop) connected to:
        /// private, loopback, link-local and other non-public addresses. No request was sent.
        case refused
    }

    /// The URL asked for, normalised.
    public var url: String
    public var result: Result
    /// Where redirects ended; equal to `url` without redirects.
    public var finalURL: String
    /// The seed this page was reached from, and how many link hops away.
    public var seed: String
    public var depth: Int
    /// HTTP status of the last response, nil when none arrived.
    public var status: Int?
    public var redirects: Int
    /// Every URL answered on the way, `url` first, when there were redirects.
    public var redirectChain: [String]?
    /// Decoded body bytes received (after truncation).
    public var bytes: Int
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// Why it failed or was skipped, without the URL: that is `url`, and whatever prints
    /// the error names the page beside it, once (`URL: error`, a report's source row).
    public var error: String?
    public var skippedByRobots: Bool
    public var notModified: Bool
    /// True when the body was cut at the size limit; what arrived is still used.
    public var truncated: Bool
    /// Requests sent for this URL (1 without retries, 0 when skipped).
    public var attempts: Int
    /// The address the policy refused (`127.0.0.2`), when `result` is `refused`.
    public var refusedAddress: String?

    public init(url: String, result: Result, finalURL: String, seed: String, depth: Int, status: Int? = nil,
                redirects: Int = 0, redirectChain: [String]? = nil, bytes: Int = 0, contentType: String? = nil,
                etag: String? = nil, lastModified: String? = nil, error: String? = nil, truncated: Bool = false,
                attempts: Int = 0) {
        self.url = url
        self.result = result
        self.finalURL = finalURL
        self.seed = seed
        self.depth = depth
        self.status = status
        self.redirects = redirects
        self.redirectChain = redirectChain
        self.bytes = bytes
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.error = error
        self.skippedByRobots = result == .skippedByRobots
        self.notModified = result == .notModified
        self.truncated = truncated
        self.attempts = attempts
    }

    /// Counts as a page for a report's "fetched" figure.
    public var succeeded: Bool { result == .fetched || result == .notModified }
}

/// ETag and Last-Modified stored from an earlier run, sent back as `If-None-Match` and
/// `If-Modified-Since` so an unchanged page costs a 304.
public struct Validators: Sendable, Hashable, Codable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    var requestHeaders: [String] {
        var headers: [String] = []
        if let etag, !etag.isEmpty { headers.append("If-None-Match: \(etag)") }
        if let lastModified, !lastModified.isEmpty { headers.append("If-Modified-Since: \(lastModified)") }
        return headers
    }
}

/// A page handed to the caller as it arrives: the outcome, and the body when there is one
/// (nil for a 304, whose content the caller has stored).
public struct CrawledPage: Sendable {
    public var outcome: FetchOutcome
    public var page: FetchedPage?
    /// False when the page is as deep as the crawl goes: its links would be dropped, so
    /// a handler that only looks for links need not parse it.
    public var linksWanted = true
    /// The index of the `CrawlGroup` whose page it is (0 in a crawl of one group).
    public var group = 0
    /// Other groups the same request served (a URL several audits wait for at once), each
    /// with its own outcome: one page, read once, for all of them.
    public var shared: [Share] = []

    public struct Share: Sendable {
        public var group: Int
        public var outcome: FetchOutcome
        public var linksWanted: Bool
    }
    /// The exchange as it went over the wire, for any outcome that had an answer (a 304,
    /// an HTTP error), when the crawl captures them.
    public var exchange: CapturedExchange?
}

/// Links of a page, as the document layer found them; the crawler resolves and filters them.
public struct PageLinks: Sendable {
    public struct Link: Sendable, Hashable {
        public var href: String
        public var text: String
        public init(href: String, text: String) {
            self.href = href
            self.text = text
        }
    }

    /// `<base href>`, resolved against the page's final URL.
    public var baseHref: String?
    public var links: [Link]

    public init(baseHref: String? = nil, links: [Link]) {
        self.baseHref = baseHref
        self.links = links
    }

    public static let none = PageLinks(links: [])
}

/// Everything a crawl did, outcomes sorted by seed order, then depth, then URL.
public struct CrawlResult: Sendable, Hashable, Codable {
    public var outcomes: [FetchOutcome]
    /// robots.txt verdict per site (`https://example.ru` → "robots.txt answered 503: all disallowed").
    public var robots: [String: String]
    /// Set when a whole-run budget (`CrawlConfig.budget`) stopped the crawl early.
    public var budget: BudgetExhaustion?

    public init(outcomes: [FetchOutcome], robots: [String: String], budget: BudgetExhaustion? = nil) {
        self.outcomes = outcomes
        self.robots = robots
        self.budget = budget
    }

    public var fetched: Int { outcomes.reduce(0) { $0 + ($1.succeeded ? 1 : 0) } }
    public var failed: Int { outcomes.reduce(0) { $0 + ($1.result == .failed || $1.result == .httpError ? 1 : 0) } }
    public var refused: Int { outcomes.reduce(0) { $0 + ($1.result == .refused ? 1 : 0) } }
}
