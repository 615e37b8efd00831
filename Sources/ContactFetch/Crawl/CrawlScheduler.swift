/// A URL waiting in (or taken from) the crawl frontier.
struct CrawlItem: Sendable {
    var url: CrawlURL
    var seedIndex: Int
    var depth: Int
    var contactLike: Bool
    /// Discovery order, the last tie-breaker, so runs are repeatable.
    var sequence: Int
    /// Requests already sent for it (retries re-enter the frontier).
    var attempts = 0
    /// A retry waits until then.
    var notBefore: ContinuousClock.Instant?

    /// Seeds first, then contact-like links, then nearer pages, then discovery order.
    var rank: (Int, Int, Int, Int) { (depth == 0 ? 0 : 1, contactLike ? 0 : 1, depth, sequence) }
}

/// Decides what to fetch next: which URLs are in scope, in what order, and when each
/// site may be asked again. Pure state, no I/O and no clock of its own (the time is passed
/// in), so politeness and limits are unit-testable.
struct CrawlScheduler {
    enum Action {
        case fetch(CrawlItem)
        /// The site's robots.txt must be read before any of its pages.
        case fetchRobots(site: String, url: String)
        /// robots.txt refuses it; it is dropped.
        case skip(CrawlItem, RobotsPolicy)
        /// Nothing can start now; ask again at that time, or when a running fetch ends (nil).
        case wait(until: ContinuousClock.Instant?)
        case finished
    }

    private enum RobotsState {
        case unknown, loading
        case ready(RobotsPolicy)
    }

    private struct Site {
        var active = 0
        var nextStart: ContinuousClock.Instant?
        var robots = RobotsState.unknown
        var delay: Duration
    }

    private let config: CrawlConfig
    private let seeds: [CrawlURL]
    /// Hosts each seed's links may lead to: its own, where it redirected (`example.ru` →
    /// `www.example.ru`), and `allowHosts`.
    private var seedHosts: [Set<String>]
    private var frontier: [CrawlItem] = []
    private var seen: Set<CrawlURL> = []
    private var sites: [String: Site] = [:]
    private var pagesStarted: [Int]
    private var sequence = 0
    private(set) var active = 0
    /// Set when the run's budget is spent: new pages are dropped (and counted), retries
    /// of pages already started still go.
    private var newPagesStopped = false
    /// URLs dropped because the budget was spent.
    private(set) var notFetched = 0

    var queued: Int { frontier.count }

    init(seeds: [CrawlURL], config: CrawlConfig) {
        self.config = config
        self.seeds = seeds
        self.pagesStarted = Array(repeating: 0, count: seeds.count)
        self.seedHosts = seeds.map { Set([$0.host] + config.allowHosts.map { $0.lowercased() }) }
        for (index, seed) in seeds.enumerated() where seen.insert(seed).inserted {
            insert(CrawlItem(url: seed, seedIndex: index, depth: 0, contactLike: false, sequence: nextSequence()))
        }
    }

    /// Adds the in-scope links of a fetched page: same host as its seed (or an allowed
    /// host), within `depth`, not seen before.
    mutating func discovered(_ links: [FoundLink], from parent: CrawlItem) {
        let depth = parent.depth + 1
        guard depth <= config.depth else { return }
        let hosts = seedHosts[parent.seedIndex]
        for link in links {
            guard hosts.contains(link.url.host), !Self.isServiceEndpoint(link.url) else { continue }
            guard seen.insert(link.url).inserted else { continue }
            insert(CrawlItem(url: link.url, seedIndex: parent.seedIndex, depth: depth,
                             contactLike: ContactLinkRanking.isContactLike(url: link.url, text: link.text),
                             sequence: nextSequence()))
        }
    }

    /// Paths that are machinery, never pages: Cloudflare's `/cdn-cgi/` (its e-mail
    /// protection links look like contact links but only decode an address).
    static func isServiceEndpoint(_ url: CrawlURL) -> Bool {
        url.path.hasPrefix("/cdn-cgi/")
    }

    /// A URL reached by redirect counts as fetched, so a link to it is not followed again.
    /// A seed that redirects to another host brings that host into its scope.
    mutating func redirected(_ item: CrawlItem, to url: CrawlURL) {
        seen.insert(url)
        if item.depth == 0 { seedHosts[item.seedIndex].insert(url.host) }
    }

    mutating func next(now: ContinuousClock.Instant) -> Action {
        guard active < config.concurrency else { return .wait(until: nil) }
        var earliest: ContinuousClock.Instant?
        func later(_ instant: ContinuousClock.Instant) { earliest = min(earliest ?? instant, instant) }
        var index = 0
        while index < frontier.count {
            let item = frontier[index]
            if item.attempts == 0, pagesStarted[item.seedIndex] >= config.maxPages {
                frontier.remove(at: index)  // over the seed's page budget: dropped
                continue
            }
            if item.attempts == 0, newPagesStopped {
                frontier.remove(at: index)  // over the run's budget: dropped, and counted
                notFetched += 1
                continue
            }
            index += 1
            if let notBefore = item.notBefore, notBefore > now { later(notBefore); continue }
            let key = item.url.origin
            var site = sites[key] ?? Site(delay: config.perHostDelay)
            defer { sites[key] = site }
            if config.respectRobots {
                switch site.robots {
                case .unknown:
                    guard site.active < config.perHostConcurrency else { continue }
                    site.robots = .loading
                    start(&site, now: now)
                    return .fetchRobots(site: key, url: item.url.robotsURL)
                case .loading:
                    continue
                case .ready(let policy):
                    if !policy.allows(item.url) {
                        frontier.remove(at: index - 1)
                        return .skip(item, policy)
                    }
                }
            }
            guard site.active < config.perHostConcurrency else { continue }
            if let nextStart = site.nextStart, nextStart > now { later(nextStart); continue }
            frontier.remove(at: index - 1)
            start(&site, now: now)
            if item.attempts == 0 { pagesStarted[item.seedIndex] += 1 }
            return .fetch(item)
        }
        if active == 0, earliest == nil { return .finished }
        return .wait(until: earliest)
    }

    /// The run's budget is spent: no new page starts from now on.
    mutating func stopNewPages() { newPagesStopped = true }

    /// Empties the frontier (the time budget ran out): what was waiting, retries included.
    /// New pages are counted as not fetched; the caller records the retries.
    mutating func drain() -> [CrawlItem] {
        newPagesStopped = true
        let waiting = frontier
        frontier.removeAll()
        let retries = waiting.filter { $0.attempts > 0 }
        notFetched += waiting.count - retries.count
        return retries
    }

    /// A page or robots.txt fetch ended.
    mutating func finished(site key: String) {
        active -= 1
        sites[key]?.active -= 1
    }

    /// A fetch failed in a way worth another try; it re-enters the frontier.
    mutating func retry(_ item: CrawlItem, at instant: ContinuousClock.Instant) {
        finished(site: item.url.origin)
        var again = item
        again.attempts += 1
        again.notBefore = instant
        insert(again)
    }

    /// robots.txt arrived (or was judged missing or unreachable): the site's pages may go.
    /// The first page waits the site's delay from the arrival of robots.txt, not from its
    /// request: a slow first connection must not squeeze the gap the server sees.
    mutating func robotsArrived(site key: String, policy: RobotsPolicy, now: ContinuousClock.Instant) {
        finished(site: key)
        var site = sites[key] ?? Site(delay: config.perHostDelay)
        site.robots = .ready(policy)
        if let crawlDelay = policy.crawlDelay {
            let asked = Duration.milliseconds(Int64((crawlDelay * 1000).rounded()))
            site.delay = max(config.perHostDelay, min(asked, config.maxCrawlDelay))
        }
        site.nextStart = max(site.nextStart ?? now, now + site.delay)
        sites[key] = site
    }

    private mutating func start(_ site: inout Site, now: ContinuousClock.Instant) {
        site.active += 1
        active += 1
        site.nextStart = now + site.delay
    }

    private mutating func nextSequence() -> Int {
        sequence += 1
        return sequence
    }

    /// Keeps the frontier sorted by rank (binary search; equal ranks cannot occur).
    private mutating func insert(_ item: CrawlItem) {
        var low = 0
        var high = frontier.count
        while low < high {
            let middle = (low + high) / 2
            if frontier[middle].rank < item.rank { low = middle + 1 } else { high = middle }
        }
        frontier.insert(item, at: low)
    }
}

/// A link found on a page, resolved and normalised.
struct FoundLink: Sendable {
    var url: CrawlURL
    var text: String
}

/// Which links lead to contact information: their URL or text names contacts, support,
/// help or FAQ (in Russian stems and in English).
enum ContactLinkRanking {
    static let keywords = ["контакт", "поддержк", "помощ", "связ", "горяч", "contact", "support", "help", "faq"]

    static func isContactLike(url: CrawlURL, text: String) -> Bool {
        let haystack = (URLNormalizer.percentDecoded(url.pathAndQuery) + " " + text).lowercased()
        return keywords.contains { haystack.contains($0) }
    }
}
