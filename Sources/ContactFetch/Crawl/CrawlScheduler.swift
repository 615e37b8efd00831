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
    /// Other groups' items for the same URL, fetched by this item's one request (see
    /// `CrawlScheduler` on shared pages); each keeps its own seed, depth and outcome.
    var followers: [CrawlItem] = []

    /// This item and its followers.
    var all: [CrawlItem] { followers.isEmpty ? [self] : [self] + followers }

    typealias Rank = (Int, Int, Int, Int)

    /// Seeds first, then contact-like links, then nearer pages, then discovery order.
    var rank: Rank { (depth == 0 ? 0 : 1, contactLike ? 0 : 1, depth, sequence) }
}

/// Decides what to fetch next: which URLs are in scope, in what order, and when each
/// site may be asked again. Pure state, no I/O and no clock of its own (the time is passed
/// in), so politeness and limits are unit-testable.
///
/// The frontier is kept per site, each site's URLs in a heap by rank, so choosing the next
/// fetch looks at each site's best URL once instead of walking every URL waiting (a walk
/// that made a 10,000-URL run quadratic while one busy site held them all). The next
/// fetch is the best-ranked URL among the sites that may be asked now.
///
/// Shared pages: when several groups (audits) wait for the same URL, the later items join
/// the first as its followers and one request serves them all, provided the groups fetch
/// with the same settings (`fetchProfile`: limits, user agent, address policy). Each
/// follower still counts against its own seed's `maxPages` and gets its own outcome.
///
/// Each group's items are counted while they wait or run (`open`); a group whose count
/// falls to zero has nothing left and is reported by `takeFinishedGroups`, so a caller
/// can hand its results on before the whole run ends.
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
        /// URLs that may go as soon as the site allows: retries wait in `retries` until due.
        var waiting = RankedItems()
        /// Items refused by robots.txt, to be reported by `next`.
        var refused: [(CrawlItem, RobotsPolicy)] = []
    }

    /// The run's settings: concurrency, robots.txt, the longest `Crawl-delay` obeyed.
    private let config: CrawlConfig
    /// Each group's own settings (depth, pages per seed, allowed hosts, delay): one group
    /// per audit when several share the run. A site waits the longest delay of the groups
    /// that reach it, so politeness holds across them.
    private let groups: [CrawlConfig]
    /// The group of each seed.
    private let seedGroup: [Int]
    private let seeds: [CrawlURL]
    /// Hosts each seed's links may lead to: its own, where it redirected (`example.ru` →
    /// `www.example.ru`), and `allowHosts`.
    private var seedHosts: [Set<String>]
    /// URLs seen, per group: two audits that reach the same page each get it.
    private var seen: [Set<CrawlURL>]
    private var sites: [Site] = []
    private var siteIndex: [String: Int] = [:]
    /// Retries waiting for their time (few: only failed fetches).
    private var retries: [CrawlItem] = []
    /// Sites with something in `refused`, so `next` need not look at every site for them.
    private var sitesWithRefusals: [Int] = []
    private var pagesStarted: [Int]
    private var sequence = 0
    private(set) var active = 0
    /// Set when the run's budget is spent: new pages are dropped (and counted), retries
    /// of pages already started still go.
    private var newPagesStopped = false
    /// URLs dropped because the budget was spent.
    private(set) var notFetched = 0
    /// Per group: items waiting, refused but not yet reported, waiting for a retry, or
    /// running (until the caller `settle`s their outcome).
    private var open: [Int]
    /// Groups whose `open` fell to zero, not yet taken.
    private var finishedGroups: [Int] = []
    /// Groups that may share a request: equal numbers fetch alike. Nil: no sharing.
    private let fetchProfile: [Int]?
    /// A new item waiting in a site's queue, by URL: where later groups' items for the
    /// same URL join it. Checked on use (the slot must still hold that URL).
    private var waitingByURL: [CrawlURL: (site: Int, slot: Int)] = [:]

    var queued: Int { sites.reduce(retries.count) { $0 + $1.waiting.count } }

    init(seeds: [CrawlURL], config: CrawlConfig, groups: [CrawlConfig]? = nil, seedGroup: [Int]? = nil,
         fetchProfile: [Int]? = nil) {
        self.config = config
        self.groups = groups ?? [config]
        self.seedGroup = seedGroup ?? Array(repeating: 0, count: seeds.count)
        self.seeds = seeds
        self.pagesStarted = Array(repeating: 0, count: seeds.count)
        self.seen = Array(repeating: [], count: self.groups.count)
        self.open = Array(repeating: 0, count: self.groups.count)
        self.fetchProfile = self.groups.count > 1 ? fetchProfile : nil
        let groups = self.groups, seedGroup = self.seedGroup
        self.seedHosts = seeds.indices.map { index in
            Set([seeds[index].host] + groups[seedGroup[index]].allowHosts.map { $0.lowercased() })
        }
        for (index, seed) in seeds.enumerated() where seen[seedGroup[index]].insert(seed).inserted {
            admit(CrawlItem(url: seed, seedIndex: index, depth: 0, contactLike: false, sequence: nextSequence()))
        }
        finishedGroups = open.indices.filter { open[$0] == 0 }
    }

    /// The group an item belongs to.
    func groupIndex(of item: CrawlItem) -> Int { seedGroup[item.seedIndex] }

    /// The caller recorded the item's outcome: it no longer counts as open.
    mutating func settle(_ item: CrawlItem) {
        let group = seedGroup[item.seedIndex]
        open[group] -= 1
        if open[group] == 0 { finishedGroups.append(group) }
    }

    /// Groups with nothing left waiting or running since the last call; each is
    /// reported once (a group cannot get new items once it has none: only its own
    /// pages' links bring it more).
    mutating func takeFinishedGroups() -> [Int] {
        defer { finishedGroups.removeAll() }
        for group in finishedGroups { seen[group] = [] }
        return finishedGroups
    }

    /// The settings of the group an item belongs to.
    func group(of item: CrawlItem) -> CrawlConfig { groups[seedGroup[item.seedIndex]] }

    /// Adds the in-scope links of a fetched page: same host as its seed (or an allowed
    /// host), within `depth`, not seen before.
    mutating func discovered(_ links: [FoundLink], from parent: CrawlItem) {
        let depth = parent.depth + 1
        let group = seedGroup[parent.seedIndex]
        guard depth <= groups[group].depth else { return }
        let hosts = seedHosts[parent.seedIndex]
        for link in links {
            guard hosts.contains(link.url.host), !Self.isServiceEndpoint(link.url) else { continue }
            guard seen[group].insert(link.url).inserted else { continue }
            admit(CrawlItem(url: link.url, seedIndex: parent.seedIndex, depth: depth,
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
        seen[seedGroup[item.seedIndex]].insert(url)
        if item.depth == 0 { seedHosts[item.seedIndex].insert(url.host) }
    }

    mutating func next(now: ContinuousClock.Instant) -> Action {
        if let refusal = takeRefusal() { return .skip(refusal.0, refusal.1) }
        guard active < config.concurrency else { return .wait(until: nil) }
        var earliest: ContinuousClock.Instant?
        func later(_ instant: ContinuousClock.Instant) { earliest = min(earliest ?? instant, instant) }
        releaseDueRetries(now: now, later: later)
        // The site whose best URL ranks first among those that may start now.
        var chosen: (site: Int, rank: CrawlItem.Rank)?
        for index in sites.indices {
            dropOverBudgetHeads(of: index)
            guard let head = sites[index].waiting.firstKey,
                  sites[index].active < config.perHostConcurrency else { continue }
            var needsRobots = false
            if config.respectRobots {
                switch sites[index].robots {
                case .loading: continue
                case .unknown: needsRobots = true
                case .ready: break
                }
            }
            // robots.txt goes at once; pages keep the site's delay.
            if !needsRobots, let nextStart = sites[index].nextStart, nextStart > now {
                later(nextStart)
                continue
            }
            if chosen.map({ head.rank < $0.rank }) ?? true { chosen = (index, head.rank) }
        }
        guard let index = chosen?.site else {
            if active == 0, earliest == nil { return .finished }
            return .wait(until: earliest)
        }
        if config.respectRobots, case .unknown = sites[index].robots {
            sites[index].robots = .loading
            start(site: index, now: now)
            let url = sites[index].waiting.first?.url
            return .fetchRobots(site: url?.origin ?? "", url: url?.robotsURL ?? "")
        }
        guard var item = sites[index].waiting.popFirst() else { return .wait(until: earliest) }
        if item.attempts == 0 {
            forgetWaiting(item)
            // A follower whose seed has had its pages since it joined goes no further.
            let (keep, over) = item.followers.partitioned { !isOverPageBudget($0) }
            for dropped in over { settle(dropped) }
            item.followers = keep
            for member in item.all { pagesStarted[member.seedIndex] += 1 }
        }
        start(site: index, now: now)
        return .fetch(item)
    }

    /// The run's budget is spent: no new page starts from now on. Pages waiting are
    /// dropped now and counted; retries of pages already started still go.
    mutating func stopNewPages() {
        guard !newPagesStopped else { return }
        newPagesStopped = true
        for index in sites.indices {
            for item in sites[index].waiting.removeAll(where: { $0.attempts == 0 }) {
                for member in item.all {
                    countNotFetched(member)
                    settle(member)
                }
            }
        }
        waitingByURL.removeAll()
    }

    /// Empties the frontier (the time budget ran out): what was waiting, retries included.
    /// New pages are counted as not fetched; the caller records the retries.
    mutating func drain() -> [CrawlItem] {
        stopNewPages()
        var again = retries
        retries.removeAll()
        for index in sites.indices {
            again += sites[index].waiting.removeAll { _ in true }
        }
        return again
    }

    /// A page or robots.txt fetch ended.
    mutating func finished(site key: String) {
        active -= 1
        if let index = siteIndex[key] { sites[index].active -= 1 }
    }

    /// A page's answer arrived: the site's next page waits the delay from now as well as
    /// from this request's start. Counted from the start alone, a slow connection set-up
    /// delays this request's arrival at the server but not the next one's (it reuses the
    /// connection), and the server saw two requests closer than the delay.
    mutating func answered(site key: String, now: ContinuousClock.Instant) {
        guard let index = siteIndex[key] else { return }
        sites[index].nextStart = max(sites[index].nextStart ?? now, now + sites[index].delay)
    }

    /// A fetch failed in a way worth another try; it re-enters the frontier.
    mutating func retry(_ item: CrawlItem, at instant: ContinuousClock.Instant) {
        finished(site: item.url.origin)
        var again = item
        again.attempts += 1
        again.notBefore = instant
        retries.append(again)
    }

    /// robots.txt arrived (or was judged missing or unreachable): the site's pages may go.
    /// The first page waits the site's delay from the arrival of robots.txt, not from its
    /// request: a slow first connection must not squeeze the gap the server sees.
    mutating func robotsArrived(site key: String, policy: RobotsPolicy, now: ContinuousClock.Instant) {
        finished(site: key)
        let index = site(key, delay: .zero)
        var site = sites[index]
        site.robots = .ready(policy)
        if let crawlDelay = policy.crawlDelay {
            let asked = Duration.milliseconds(Int64((crawlDelay * 1000).rounded()))
            site.delay = max(site.delay, min(asked, config.maxCrawlDelay))
        }
        site.nextStart = max(site.nextStart ?? now, now + site.delay)
        let waiting = site.waiting.removeAll { _ in true }
        sites[index] = site
        // Sorted into allowed and refused now that the rules are known.
        for item in waiting { place(item) }
    }

    private mutating func start(site index: Int, now: ContinuousClock.Instant) {
        sites[index].active += 1
        active += 1
        sites[index].nextStart = now + sites[index].delay
    }

    private mutating func nextSequence() -> Int {
        sequence += 1
        return sequence
    }

    /// The site's index, created on first sight; its delay is the longest asked for it.
    private mutating func site(_ key: String, delay: Duration) -> Int {
        if let index = siteIndex[key] {
            if delay > sites[index].delay { sites[index].delay = delay }
            return index
        }
        sites.append(Site(delay: delay))
        siteIndex[key] = sites.count - 1
        return sites.count - 1
    }

    /// A new page whose seed has had its `maxPages`: dropped without a word.
    private func isOverPageBudget(_ item: CrawlItem) -> Bool {
        item.attempts == 0 && pagesStarted[item.seedIndex] >= groups[seedGroup[item.seedIndex]].maxPages
    }

    private mutating func countNotFetched(_ item: CrawlItem) {
        // Over its seed's own page limit it would not have been fetched anyway.
        if !isOverPageBudget(item) { notFetched += 1 }
    }

    /// A new URL for a group: dropped when over a budget, joined to another group's item
    /// for the same URL when they may share a request, else put where it waits.
    private mutating func admit(_ item: CrawlItem) {
        if newPagesStopped {
            countNotFetched(item)  // over the run's budget: dropped, and counted
            return
        }
        if isOverPageBudget(item) { return }
        open[seedGroup[item.seedIndex]] += 1
        if let fetchProfile, let (index, slot) = waitingByURL[item.url],
           sites[index].waiting.update(slot, { leader in
               guard leader.url == item.url, leader.attempts == 0,
                     fetchProfile[seedGroup[leader.seedIndex]] == fetchProfile[seedGroup[item.seedIndex]] else { return false }
               leader.followers.append(item)
               return true
           }) {
            return
        }
        place(item)
    }

    /// Puts an item (already counted as open) where it waits: a site whose robots.txt
    /// refuses it reports it at once.
    private mutating func place(_ item: CrawlItem) {
        if item.attempts == 0, newPagesStopped {
            for member in item.all {
                countNotFetched(member)  // over the run's budget: dropped, and counted
                settle(member)
            }
            return
        }
        if isOverPageBudget(item) {
            discard(item)
            return
        }
        let index = site(item.url.origin, delay: group(of: item).perHostDelay)
        if config.respectRobots, case .ready(let policy) = sites[index].robots, !policy.allows(item.url) {
            if sites[index].refused.isEmpty { sitesWithRefusals.append(index) }
            sites[index].refused.append((item, policy))
            return
        }
        let slot = sites[index].waiting.insert(item)
        if fetchProfile != nil, item.attempts == 0 { waitingByURL[item.url] = (index, slot) }
    }

    /// A new item over its seed's page limit leaves; its followers, each within its own
    /// limit or not, are placed on their own (the first leading the others).
    private mutating func discard(_ item: CrawlItem) {
        settle(item)
        guard var next = item.followers.first else { return }
        next.followers = Array(item.followers.dropFirst())
        place(next)
    }

    private mutating func forgetWaiting(_ item: CrawlItem) {
        guard fetchProfile != nil, let entry = waitingByURL[item.url],
              sites[entry.site].waiting.item(at: entry.slot) == nil else { return }
        waitingByURL[item.url] = nil
    }

    private mutating func takeRefusal() -> (CrawlItem, RobotsPolicy)? {
        while let index = sitesWithRefusals.last {
            if let refusal = sites[index].refused.popLast() {
                if sites[index].refused.isEmpty { sitesWithRefusals.removeLast() }
                return refusal
            }
            sitesWithRefusals.removeLast()
        }
        return nil
    }

    /// Retries whose time has come join their site's queue; the others set the wait.
    private mutating func releaseDueRetries(now: ContinuousClock.Instant, later: (ContinuousClock.Instant) -> Void) {
        guard !retries.isEmpty else { return }
        var pending: [CrawlItem] = []
        for item in retries {
            if let notBefore = item.notBefore, notBefore > now {
                later(notBefore)
                pending.append(item)
            } else {
                _ = sites[site(item.url.origin, delay: group(of: item).perHostDelay)].waiting.insert(item)
            }
        }
        retries = pending
    }

    /// New pages of seeds that have had their `maxPages` leave from the front of the queue.
    private mutating func dropOverBudgetHeads(of index: Int) {
        while let head = sites[index].waiting.firstKey, head.isNew,
              pagesStarted[head.seedIndex] >= groups[seedGroup[head.seedIndex]].maxPages,
              let item = sites[index].waiting.popFirst() {
            forgetWaiting(item)
            discard(item)
        }
    }
}

/// Crawl items in a binary min-heap by rank: the best first, inserted and taken in
/// O(log n). Ranks are unique (the sequence number breaks ties), so the order is fixed.
/// The heap holds small keys that point into `slots`, where each item stays put until it
/// is taken: sifting moves keys only, never an item (a URL of several strings, whose
/// every copy retains each of them).
struct RankedItems {
    struct Key {
        var rank: CrawlItem.Rank
        var seedIndex: Int
        /// Not a retry: it counts against its seed's `maxPages`.
        var isNew: Bool
        /// Where the item waits in `slots`.
        fileprivate var slot: Int
    }

    private var keys: [Key] = []
    private var slots: [CrawlItem?] = []
    private var freeSlots: [Int] = []

    var count: Int { keys.count }
    var firstKey: Key? { keys.first }
    var first: CrawlItem? { keys.first.flatMap { slots[$0.slot] } }

    /// Returns the slot the item waits in (until it is taken).
    @discardableResult
    mutating func insert(_ item: CrawlItem) -> Int {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            slots[slot] = item
        } else {
            slot = slots.count
            slots.append(item)
        }
        keys.append(Key(rank: item.rank, seedIndex: item.seedIndex, isNew: item.attempts == 0, slot: slot))
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[child].rank < keys[parent].rank else { break }
            keys.swapAt(child, parent)
            child = parent
        }
        return slot
    }

    /// The item waiting in `slot`, nil once taken.
    func item(at slot: Int) -> CrawlItem? { slot < slots.count ? slots[slot] : nil }

    /// Changes the item waiting in `slot` in place (its rank must not change); false when
    /// the slot is empty or `change` declines.
    mutating func update(_ slot: Int, _ change: (inout CrawlItem) -> Bool) -> Bool {
        guard slot < slots.count, var item = slots[slot] else { return false }
        slots[slot] = nil
        defer { slots[slot] = item }
        return change(&item)
    }

    mutating func popFirst() -> CrawlItem? {
        guard let best = keys.first else { return nil }
        keys.swapAt(0, keys.count - 1)
        keys.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < keys.count, keys[left].rank < keys[smallest].rank { smallest = left }
            if right < keys.count, keys[right].rank < keys[smallest].rank { smallest = right }
            if smallest == parent { break }
            keys.swapAt(parent, smallest)
            parent = smallest
        }
        freeSlots.append(best.slot)
        return slots[best.slot].take()
    }

    /// Removes the items `shouldRemove` picks and returns them.
    mutating func removeAll(where shouldRemove: (CrawlItem) -> Bool) -> [CrawlItem] {
        var all: [CrawlItem] = []
        while let item = popFirst() { all.append(item) }
        slots.removeAll(keepingCapacity: true)
        freeSlots.removeAll(keepingCapacity: true)
        var removed: [CrawlItem] = []
        for item in all {
            if shouldRemove(item) { removed.append(item) } else { insert(item) }
        }
        return removed
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

extension Array {
    /// The elements `belongs` accepts and the others, each in order.
    func partitioned(by belongs: (Element) -> Bool) -> (accepted: [Element], rejected: [Element]) {
        var accepted: [Element] = [], rejected: [Element] = []
        for element in self {
            if belongs(element) { accepted.append(element) } else { rejected.append(element) }
        }
        return (accepted, rejected)
    }
}
