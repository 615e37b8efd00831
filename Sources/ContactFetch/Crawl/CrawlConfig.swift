/// How a crawl behaves; the audit file's `crawl:` section maps onto it key by key
/// (`max_pages` → `maxPages`, …). The defaults are polite enough for a public site.
public struct CrawlConfig: Sendable, Hashable {
    /// Link hops followed from each seed (0: the seeds only).
    public var depth = 1
    /// Pages fetched at most per seed, the seed included.
    public var maxPages = 20
    /// Hosts besides the seed's own that links may lead to (exact host names).
    public var allowHosts: [String] = []
    /// Transfers running at once, all hosts together.
    public var concurrency = 16
    /// Transfers running at once against one site (scheme, host and port).
    public var perHostConcurrency = 2
    /// Time between the starts of two requests to one site; robots.txt's `Crawl-delay`
    /// raises it, up to `maxCrawlDelay`.
    public var perHostDelay: Duration = .seconds(1)
    /// A larger `Crawl-delay` is capped here, so a hostile robots.txt cannot stall the run.
    public var maxCrawlDelay: Duration = .seconds(30)
    /// Links read from one page at most; a page listing a million links cannot flood the frontier.
    public var maxLinksPerPage = 2_000
    public var limits = FetchLimits()
    public var retry = RetryPolicy()
    public var respectRobots = true
    public var userAgent = PageFetcher.defaultUserAgent
    /// The token looked up in robots.txt `User-agent` lines.
    public var robotsProductToken = "contact-audit"
    /// Which addresses may be connected to; sources named by a literal non-public address
    /// are added for their address and port by the crawler itself.
    public var addressPolicy = AddressPolicy()
    /// Whole-run limits, all sources together; unlimited by default.
    public var budget = CrawlBudget()
    /// Keep each page's exchange as it went over the wire (`CrawledPage.exchange`), for
    /// `audit --archive`.
    public var captureExchanges = false
    /// A progress line on stderr: nil decides by itself (a terminal, and CI unset).
    public var showProgress: Bool?

    public init() {}
}

/// When and how often a failed fetch is tried again: connection errors, 5xx and 429,
/// with exponential backoff and jitter, or after the server's `Retry-After`.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts after the first.
    public var maxRetries = 3
    /// Wait before the first retry; doubled for each further one.
    public var baseDelay: Duration = .milliseconds(500)
    public var maxDelay: Duration = .seconds(30)
    /// `Retry-After` is obeyed up to this; a longer wait is cut to it.
    public var maxRetryAfter: Duration = .seconds(60)

    public init() {}

    /// The wait before retry number `retry` (1-based): `baseDelay · 2^(retry-1)`, capped, with
    /// "equal jitter" (half fixed, half random) so that many clients do not retry in step.
    public func backoff(retry: Int, random: Double) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let full = min(baseDelay * (1 << exponent), maxDelay)
        return full / 2 + full / 2 * min(max(random, 0), 1)
    }
}
