import ContactModel

/// One source's file in a snapshot: what was fetched and what it says. No times, so the
/// same page gives the same bytes and `git diff` shows only real changes.
public struct SourceSnapshot: Sendable, Hashable, Codable {
    /// Bumped when the shape changes incompatibly, so an old reader can say so.
    public static let currentVersion = 1

    public var version: Int
    /// The source as the audit names it: the path as the audit file writes it, or the
    /// crawled URL (normalised).
    public var source: String
    public var official: Bool
    public var fetch: FetchState
    /// Sorted (`ContactRecord`'s content order).
    public var records: [ContactRecord]
    /// A crawled page's links that a crawl may follow (same host as the page or its seed),
    /// resolved, in the page's order: a page answered 304 hands them to the crawler again,
    /// so it contributes its links as well as its records. Nil for local files, and in
    /// snapshots written before links were kept (such a page is then fetched in full once).
    public var links: [SnapshotLink]?
    /// True when `records` are an earlier run's, kept because this run met a bot wall
    /// (`fetch.pageStatus` `blocked`) instead of the page; absent otherwise.
    public var stale: Bool?
    /// Runs in a row, this one included, in which the source could not be read (an
    /// error, a wall, a body that is not a page): the count `source-unreadable` needs,
    /// kept as a count rather than as times. Absent when it was read.
    public var unreadableRuns: Int?

    public init(source: String, official: Bool, fetch: FetchState, records: [ContactRecord],
                links: [SnapshotLink]? = nil, stale: Bool? = nil, unreadableRuns: Int? = nil) {
        self.version = Self.currentVersion
        self.source = source
        self.official = official
        self.fetch = fetch
        self.records = records.sortedByContent()
        self.links = links
        self.stale = stale
        self.unreadableRuns = unreadableRuns
    }

    /// Read as a page: no error, and not a wall or a body that is not a page.
    public var isRead: Bool { fetch.error == nil && fetch.pageStatus != "blocked" && fetch.pageStatus != "not-html" }
}

/// How the page was obtained, and the validators the next run sends back.
public struct FetchState: Sendable, Hashable, Codable {
    /// `read` (a local file), or the crawler's result: `fetched`, `skipped-by-robots`,
    /// `http-error`, `failed`. A 304 keeps the stored state: the snapshot describes the
    /// page, `run.json` how this run got it.
    public var result: String
    public var finalURL: String?
    public var status: Int?
    public var error: String?
    public var redirects: Int
    public var redirectChain: [String]?
    /// Body bytes (decoded, after truncation) the records come from.
    public var bytes: Int
    public var contentType: String?
    public var truncated: Bool
    public var etag: String?
    public var lastModified: String?
    /// SHA-256 of those bytes, lower-case hex.
    public var sha256: String?
    /// What the body turned out to be when not an ordinary page: `truncated`, `not-html`
    /// or `blocked` (the source statuses of the report); absent for an ordinary page.
    public var pageStatus: String?
    /// Why, in words (`Cloudflare challenge (page title 'Just a moment...')`).
    public var pageStatusReason: String?

    public init(result: String, finalURL: String? = nil, status: Int? = nil, error: String? = nil,
                redirects: Int = 0, redirectChain: [String]? = nil, bytes: Int = 0, contentType: String? = nil,
                truncated: Bool = false, etag: String? = nil, lastModified: String? = nil, sha256: String? = nil) {
        self.result = result
        self.finalURL = finalURL
        self.status = status
        self.error = error
        self.redirects = redirects
        self.redirectChain = redirectChain
        self.bytes = bytes
        self.contentType = contentType
        self.truncated = truncated
        self.etag = etag
        self.lastModified = lastModified
        self.sha256 = sha256
    }

    /// A local file read whole.
    public static func read(bytes: [UInt8]) -> FetchState {
        FetchState(result: "read", bytes: bytes.count, sha256: SHA256.hex(bytes))
    }
}

/// A link on a crawled page, resolved and normalised, with its text (which tells contact
/// links from others when the crawl ranks what to fetch first).
public struct SnapshotLink: Sendable, Hashable, Codable {
    public var url: String
    public var text: String

    public init(url: String, text: String) {
        self.url = url
        self.text = text
    }
}
