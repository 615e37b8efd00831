/// Limits on a whole run, all sources together (`crawl.budget` in an audit file): pages
/// fetched, body bytes received, wall time. Unlike `maxPages` (per source), a budget is
/// what an unattended CI job can afford; when one is spent the crawl starts nothing new,
/// and what it has is audited and reported as cut short.
public struct CrawlBudget: Sendable, Hashable, Codable {
    /// Pages requested at most (robots.txt and retries not counted).
    public var pages: Int?
    /// Decoded body bytes at most, all pages together. Pages already in flight when the
    /// total is reached still finish, so the run may end a few pages over.
    public var bytes: Int?
    /// Wall time of the crawl; transfers still running at the end are stopped.
    public var duration: Duration?

    public init(pages: Int? = nil, bytes: Int? = nil, duration: Duration? = nil) {
        self.pages = pages
        self.bytes = bytes
        self.duration = duration
    }

    public var isUnlimited: Bool { pages == nil && bytes == nil && duration == nil }
}

/// Which budget ran out, how far the run got, and what it left undone. Part of the crawl
/// result (and of the audit report) only when a budget was spent.
public struct BudgetExhaustion: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Limit: String, Sendable, Hashable, Codable {
        case pages, bytes, seconds
    }

    public var limit: Limit
    /// The configured limit, in its own unit (pages, bytes, whole seconds).
    public var allowed: Int
    /// Use of that limit when the run stopped.
    public var used: Int
    /// Pages requested before the stop.
    public var pagesFetched: Int
    /// URLs found in scope but never requested because of the stop.
    public var notFetched: Int

    /// "budget spent: pages 50/50; 37 URLs not fetched"
    public var description: String {
        "budget spent: \(limit.rawValue) \(used)/\(allowed); \(notFetched) URL\(notFetched == 1 ? "" : "s") not fetched"
    }
}

/// Keeps count against a `CrawlBudget` during one run. Pure state; the time is passed in.
struct BudgetMeter {
    let budget: CrawlBudget
    let start: ContinuousClock.Instant
    private(set) var pagesStarted = 0
    private(set) var bytesReceived = 0
    private(set) var exhausted: BudgetExhaustion.Limit?

    init(budget: CrawlBudget, start: ContinuousClock.Instant) {
        self.budget = budget
        self.start = start
    }

    var deadline: ContinuousClock.Instant? { budget.duration.map { start + $0 } }

    mutating func pageStarted() {
        pagesStarted += 1
        if let pages = budget.pages, pagesStarted >= pages { spend(.pages) }
    }

    mutating func received(bytes: Int) {
        bytesReceived += bytes
        if let limit = budget.bytes, bytesReceived >= limit { spend(.bytes) }
    }

    /// True when the wall-time budget has just run out.
    mutating func checkTime(now: ContinuousClock.Instant) -> Bool {
        guard exhausted == nil, let deadline, now >= deadline else { return false }
        spend(.seconds)
        return true
    }

    private mutating func spend(_ limit: BudgetExhaustion.Limit) {
        if exhausted == nil { exhausted = limit }
    }

    func report(notFetched: Int, now: ContinuousClock.Instant) -> BudgetExhaustion? {
        guard let exhausted else { return nil }
        let (allowed, used): (Int, Int) = switch exhausted {
        case .pages: (budget.pages ?? 0, pagesStarted)
        case .bytes: (budget.bytes ?? 0, bytesReceived)
        case .seconds: (Int(budget.duration?.components.seconds ?? 0), Int((now - start).components.seconds))
        }
        return BudgetExhaustion(limit: exhausted, allowed: allowed, used: used, pagesFetched: pagesStarted,
                                notFetched: notFetched)
    }
}
