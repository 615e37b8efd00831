import Foundation

/// Fetches seed pages and the contact-like pages they link to, politely and within limits.
///
/// Transfers run on one libcurl multi loop (`TransferEngine`); this type decides what to
/// fetch (`CrawlScheduler`), reads robots.txt (`RobotsPolicy`) and turns answers into
/// `FetchOutcome`s. Pages are handed to `onPage` as they arrive; it returns the page's links
/// (the document layer parses them, so this module stays free of HTML).
public struct Crawler: Sendable {
    public typealias PageHandler = @Sendable (CrawledPage) async -> PageLinks
    /// Called on the crawl's loop with a group's result as soon as the group has nothing
    /// left to fetch; keep it short (hand the result on).
    public typealias GroupHandler = @Sendable (_ group: Int, CrawlResult) -> Void

    public var config: CrawlConfig

    public init(config: CrawlConfig = CrawlConfig()) { self.config = config }

    /// Crawls from `seeds` (http(s) URLs). `validators` holds ETag / Last-Modified from an
    /// earlier run by URL; such pages are asked for conditionally and a 304 is reported as
    /// `.notModified`. One failing page never stops the crawl. Without `onPage` no links
    /// are followed and pages are not handed anywhere (outcomes only).
    public func crawl(seeds: [String], validators: [String: Validators] = [:],
                      onPage: PageHandler? = nil) async -> CrawlResult {
        await crawl(groups: [CrawlGroup(seeds: seeds, config: config, validators: validators)], onPage: onPage)[0]
    }

    /// Several groups of seeds (one per audit) in one crawl: one loop, one frontier, one
    /// robots.txt per site and one per-site clock for all, so politeness holds across
    /// groups that share a site. Each group keeps its own depth, page limit, allowed hosts,
    /// address policy, transfer limits, user agent and validators; a site waits the longest
    /// delay any group asks for it. The run's concurrency, robots.txt handling, progress and
    /// budget are this crawler's `config`. One result per group, in the groups' order;
    /// `CrawledPage.group` says whose page `onPage` is given.
    ///
    /// A URL several groups wait for at once is fetched once for all of them when they
    /// fetch alike (same limits, user agent, retry policy and address policy; not when
    /// exchanges are captured for an archive): `CrawledPage.shared` lists the other
    /// groups, each with its own outcome. It is asked for conditionally only when every
    /// such group holds the same validators for it, so a 304 always stands for a page
    /// each of them has stored.
    ///
    /// With `finished`, each group's result is handed over as soon as the group has
    /// nothing left to fetch (so a run of thousands of groups need not hold them all),
    /// without the robots.txt verdicts (the returned results have those); such a group's
    /// returned result has no outcomes. With a budget the groups are handed over at the
    /// end, in order, each with the budget's verdict: until then any of them may be cut.
    public func crawl(groups: [CrawlGroup], onPage: PageHandler? = nil,
                      finished: GroupHandler? = nil) async -> [CrawlResult] {
        var early: [[FetchOutcome]] = groups.map { _ in [] }
        var seedURLs: [CrawlURL] = []
        var seedGroup: [Int] = []
        for (group, entry) in groups.enumerated() {
            for seed in entry.seeds {
                if let url = URLNormalizer.normalize(seed) {
                    seedURLs.append(url)
                    seedGroup.append(group)
                } else {
                    early[group].append(FetchOutcome(url: seed, result: .failed, finalURL: seed, seed: seed, depth: 0,
                                                     error: "not an http(s) URL with a host name"))
                }
            }
        }
        let proxies = ProxyEnvironment.addresses(environment: ProcessInfo.processInfo.environment)
        var seedsOfGroup = Array(repeating: [CrawlURL](), count: groups.count)
        for index in seedURLs.indices { seedsOfGroup[seedGroup[index]].append(seedURLs[index]) }
        let scopes = groups.indices.map { group in
            var policy = groups[group].config.addressPolicy.allowing(seeds: seedsOfGroup[group])
            policy.proxyAddresses.formUnion(proxies)
            let validators = Dictionary(
                groups[group].validators.compactMap { key, value in URLNormalizer.normalize(key).map { ($0.string, value) } },
                uniquingKeysWith: { first, _ in first })
            return CrawlRun.Scope(config: groups[group].config, policy: policy, validators: validators)
        }
        // Groups that may share a request: equal settings for the request itself.
        var profiles: [FetchProfile: Int] = [:]
        let fetchProfile: [Int]? = config.captureExchanges ? nil : scopes.map { scope in
            let key = FetchProfile(limits: scope.config.limits, userAgent: scope.config.userAgent,
                                   retry: scope.config.retry, policy: scope.policy)
            if let known = profiles[key] { return known }
            profiles[key] = profiles.count
            return profiles.count - 1
        }
        let order = Dictionary(seedURLs.indices.map { (SeedKey(group: seedGroup[$0], url: seedURLs[$0].string), $0) },
                               uniquingKeysWith: { first, _ in first })
        /// A group's outcomes in seed order, then depth, then URL.
        @Sendable func sorted(_ group: Int, _ outcomes: [FetchOutcome]) -> [FetchOutcome] {
            // Each outcome's seed looked up once, not at every comparison of the sort.
            let seedOrder = outcomes.map { order[SeedKey(group: group, url: $0.seed)] ?? Int.max }
            return outcomes.indices.sorted { lhs, rhs in
                let (left, right) = (outcomes[lhs], outcomes[rhs])
                return (seedOrder[lhs], left.depth, left.url) < (seedOrder[rhs], right.depth, right.url)
            }.map { outcomes[$0] }
        }
        let streaming = finished != nil && config.budget.isUnlimited
        let firstOutcomes = early
        var handOver: CrawlRun.GroupDone?
        if streaming, let finished {
            handOver = { group, outcomes in
                finished(group, CrawlResult(outcomes: sorted(group, firstOutcomes[group] + outcomes), robots: [:]))
            }
        }
        let run = CrawlRun(config: config, seeds: seedURLs, seedGroup: seedGroup, scopes: scopes, onPage: onPage,
                           fetchProfile: fetchProfile, groupDone: handOver)
        let result = await run.execute()
        var results: [CrawlResult] = []
        results.reserveCapacity(groups.count)
        for group in groups.indices {
            if result.handedOver[group] {
                results.append(CrawlResult(outcomes: [], robots: result.robots, budget: result.budget))
                continue
            }
            let group = CrawlResult(outcomes: sorted(group, early[group] + result.outcomes[group]), robots: result.robots,
                                    budget: result.budget)
            results.append(group)
        }
        if let finished, !streaming {
            for group in results.indices {
                finished(group, results[group])
                results[group].outcomes = []
            }
        }
        return results
    }

    private struct FetchProfile: Hashable {
        var limits: FetchLimits
        var userAgent: String
        var retry: RetryPolicy
        var policy: AddressPolicy
    }

    private struct SeedKey: Hashable {
        var group: Int
        var url: String
    }
}

/// One group of seeds in a shared crawl (an audit's sources) with its own settings and the
/// validators of its previous snapshot.
public struct CrawlGroup: Sendable {
    public var seeds: [String]
    /// Depth, `maxPages`, `allowHosts`, `perHostDelay`, `limits`, `userAgent` and
    /// `addressPolicy` apply to this group's pages.
    public var config: CrawlConfig
    public var validators: [String: Validators]

    public init(seeds: [String], config: CrawlConfig, validators: [String: Validators] = [:]) {
        self.seeds = seeds
        self.config = config
        self.validators = validators
    }
}

/// One crawl's event loop: starts the fetches the scheduler allows and feeds their results
/// back. All mutable state lives in `execute`'s task. Page transfers answer through the
/// engine's callback into `CrawlEvents`, so a page costs no task of its own; tasks are
/// kept for what waits or works apart from the loop (robots.txt with its retries, timers,
/// the caller's `onPage`).
private struct CrawlRun: Sendable {
    /// A group's settings as the run applies them.
    struct Scope: Sendable {
        var config: CrawlConfig
        /// The address policy with the group's seeds' own literal addresses and the proxies allowed.
        var policy: AddressPolicy
        /// Normalised URL → validators.
        var validators: [String: Validators]
    }

    var config: CrawlConfig
    var seeds: [CrawlURL]
    var seedGroup: [Int]
    var scopes: [Scope]
    var onPage: Crawler.PageHandler?
    /// Groups that may share a request (see `CrawlScheduler`); nil: none do.
    var fetchProfile: [Int]?
    /// Called with a group's outcomes when it has nothing left; nil: all at the end.
    var groupDone: GroupDone?

    typealias GroupDone = @Sendable (_ group: Int, [FetchOutcome]) -> Void

    enum Event: Sendable {
        /// A page's transfer ended (not yet classified).
        case transfer(CrawlItem, TransferResponse)
        /// A page's outcomes (the item's, then each follower's), with the links `onPage`
        /// found on it.
        case page(CrawlItem, [FetchOutcome], [FoundLink], finalURL: CrawlURL?)
        case robots(site: String, RobotsPolicy)
        case timer
        /// The caller's task was cancelled.
        case cancelled
        /// The run's time budget ran out.
        case deadline
    }

    func execute() async -> (outcomes: [[FetchOutcome]], handedOver: [Bool], robots: [String: String],
                             budget: BudgetExhaustion?) {
        let engine = TransferEngine(maxConnections: config.concurrency)
        defer { engine.shutdown() }
        let events = CrawlEvents()
        let clock = ContinuousClock()
        var scheduler = CrawlScheduler(seeds: seeds, config: config, groups: scopes.map(\.config), seedGroup: seedGroup,
                                       fetchProfile: fetchProfile)
        var outcomes: [[FetchOutcome]] = scopes.map { _ in [] }
        var handedOver = Array(repeating: false, count: scopes.count)
        var done = 0
        func append(_ outcome: FetchOutcome, for item: CrawlItem) {
            outcomes[seedGroup[item.seedIndex]].append(outcome)
            done += 1
            scheduler.settle(item)
        }
        /// Groups with nothing left go to the caller now, and are forgotten here.
        func handOverFinishedGroups() {
            let finished = scheduler.takeFinishedGroups()
            guard let groupDone else { return }
            for group in finished where !handedOver[group] {
                handedOver[group] = true
                groupDone(group, outcomes[group])
                outcomes[group] = []
            }
        }
        var robots: [String: String] = [:]
        var failed = 0
        let robotsBook = RobotsBook()
        // Built once: every request of a group carries the same guards. robots.txt, shared
        // by the groups, is read under the policy of them all.
        let connectionGuards = scopes.map { Self.connectionGuard($0.policy) }
        let robotsGuard = Self.connectionGuard(scopes.dropFirst().reduce(scopes.first?.policy ?? AddressPolicy()) {
            $0.union($1.policy)
        })
        let redirectGuard: (@Sendable (String) -> String?)? = config.respectRobots ? robotsBook.refusal(of:) : nil
        var meter = BudgetMeter(budget: config.budget, start: clock.now)
        var timeSpent = false
        var cancelled = false
        let progress = CrawlProgress(enabled: config.showProgress ?? CrawlProgress.stderrIsInteractive)
        defer { progress.finish() }
        await withTaskCancellationHandler {
            await withDiscardingTaskGroup { group in
                var timer: ContinuousClock.Instant?
                if let deadline = meter.deadline {
                    group.addTask {
                        try? await clock.sleep(until: deadline, tolerance: .milliseconds(5))
                        events.post(.deadline)
                    }
                }
                /// Nothing waits any more and running transfers stop (their outcomes arrive as
                /// cancelled); retries waiting their turn are recorded by `unfinished`, pages not
                /// started are left out.
                func stopEverything(recording unfinished: (CrawlItem, String) -> FetchOutcome) {
                    for item in scheduler.drain() {
                        for member in item.all {
                            append(unfinished(member, seeds[member.seedIndex].string), for: member)
                            failed += 1
                        }
                    }
                    engine.cancelAll()
                    group.cancelAll()
                }
                /// The time budget ran out: what was running is recorded as cut by the budget.
                func spendTime() {
                    guard !timeSpent, meter.checkTime(now: clock.now) else { return }
                    timeSpent = true
                    stopEverything { Self.cutByTime($0, seed: $1) }
                }
                /// One request's end: each member's outcome (the item's, then its followers').
                func record(_ item: CrawlItem, _ memberOutcomes: [FetchOutcome], links: [FoundLink], finalURL: CrawlURL?) {
                    scheduler.finished(site: item.url.origin)
                    meter.received(bytes: memberOutcomes.first?.bytes ?? 0)
                    if meter.exhausted != nil { scheduler.stopNewPages() }
                    for (member, outcome) in zip(item.all, memberOutcomes) {
                        var outcome = outcome
                        if timeSpent, outcome.error == OutcomeClassifier.cancelledText {
                            outcome.error = Self.cutByTime(member, seed: outcome.seed).error
                        }
                        // Without redirects the final URL is the item's own, already seen and in scope.
                        if let finalURL, finalURL.string != member.url.string { scheduler.redirected(member, to: finalURL) }
                        scheduler.discovered(links, from: member)
                        if !outcome.succeeded { failed += 1 }
                        append(outcome, for: member)
                    }
                }
                /// The caller cancelled the run (no new timer is set from then on).
                func stopForCancellation() {
                    guard !cancelled else { return }
                    cancelled = true
                    stopEverything { Self.cancelled($0, seed: $1) }
                }
                run: while true {
                    handOverFinishedGroups()
                    spendTime()
                    if Task.isCancelled { stopForCancellation() }
                    dispatch: while true {
                        switch scheduler.next(now: clock.now) {
                        case .fetch(let item):
                            if item.attempts == 0 {
                                meter.pageStarted()
                                if meter.exhausted != nil { scheduler.stopNewPages() }
                            }
                            progress.started(host: item.url.host)
                            let group = seedGroup[item.seedIndex]
                            var request = TransferRequest(url: item.url.string, limits: scopes[group].config.limits,
                                                          userAgent: scopes[group].config.userAgent)
                            request.target = item.url
                            request.headers = validators(for: item)?.requestHeaders ?? []
                            request.capture = config.captureExchanges
                            request.redirectGuard = redirectGuard
                            request.connectionGuard = connectionGuards[group]
                            engine.start(request) { events.post(.transfer(item, $0)) }
                        case .fetchRobots(let site, let url):
                            group.addTask {
                                events.post(await fetchRobots(site: site, url: url, engine: engine, clock: clock,
                                                              connectionGuard: robotsGuard))
                            }
                        case .skip(let item, let policy):
                            let error = policy.unreachable
                                ? "\(policy.unreachableCause ?? policy.source); robots.txt could not be read, so nothing was fetched"
                                : policy.source == "robots.txt"
                                    ? "disallowed by robots.txt"
                                    : "not fetched: \(policy.source)"
                            for member in item.all {
                                if policy.unreachable { failed += 1 }
                                append(FetchOutcome(
                                    url: member.url.string, result: policy.unreachable ? .failed : .skippedByRobots,
                                    finalURL: member.url.string, seed: seeds[member.seedIndex].string, depth: member.depth,
                                    error: error), for: member)
                            }
                        case .wait(let until):
                            if let until, !cancelled, timer.map({ until < $0 }) ?? true {
                                timer = until
                                group.addTask {
                                    try? await clock.sleep(until: until, tolerance: .milliseconds(5))
                                    events.post(.timer)
                                }
                            }
                            break dispatch
                        case .finished:
                            break run
                        }
                    }
                    handOverFinishedGroups()
                    progress.update(done: done, queued: scheduler.queued, failed: failed)
                    // Whatever arrived while the loop worked comes in one batch.
                    for event in await events.next() {
                        switch event {
                        case .timer:
                            if let deadline = timer, deadline <= clock.now { timer = nil }
                        case .deadline:
                            spendTime()
                        case .cancelled:
                            stopForCancellation()
                        case .transfer(let item, let response):
                            scheduler.answered(site: item.url.origin, now: clock.now)
                            let seed = seeds[item.seedIndex].string
                            let groupConfig = scopes[seedGroup[item.seedIndex]].config
                            switch OutcomeClassifier.classify(response, item: item, seed: seed, config: groupConfig) {
                            case .retry(let wait):
                                if timeSpent {
                                    scheduler.finished(site: item.url.origin)
                                    for member in item.all {
                                        append(Self.cutByTime(member, seed: seeds[member.seedIndex].string), for: member)
                                        failed += 1
                                    }
                                } else {
                                    scheduler.retry(item, at: clock.now + wait)
                                }
                            case .outcome(let outcome):
                                if let onPage {
                                    group.addTask {
                                        events.post(await handOver(item, outcome, response: response, to: onPage))
                                    }
                                } else {
                                    record(item, memberOutcomes(item, outcome, response: response), links: [],
                                           finalURL: finalURL(of: outcome, item: item))
                                }
                            }
                        case .robots(let site, let policy):
                            robots[site] = policy.source
                            robotsBook.record(policy, for: site)
                            scheduler.robotsArrived(site: site, policy: policy, now: clock.now)
                        case .page(let item, let memberOutcomes, let links, let finalURL):
                            record(item, memberOutcomes, links: links, finalURL: finalURL)
                        }
                    }
                }
                group.cancelAll()
            }
        } onCancel: {
            engine.cancelAll()
            // Wakes the loop even when nothing is in flight (every site waiting its delay).
            events.post(.cancelled)
        }
        handOverFinishedGroups()
        return (outcomes, handedOver, robots, meter.report(notFetched: scheduler.notFetched, now: clock.now))
    }

    /// What a request for the item (and its followers) may send: the validators when
    /// every member's group holds the same ones for the URL, else none, so a 304 never
    /// answers for a group that has not stored the page it stands for.
    private func validators(for item: CrawlItem) -> Validators? {
        let first = scopes[seedGroup[item.seedIndex]].validators[item.url.string]
        for follower in item.followers where scopes[seedGroup[follower.seedIndex]].validators[item.url.string] != first {
            return nil
        }
        return first
    }

    /// The item's outcome, then each follower's: the same answer, classified with the
    /// follower's own seed, depth and settings.
    private func memberOutcomes(_ item: CrawlItem, _ outcome: FetchOutcome, response: TransferResponse) -> [FetchOutcome] {
        guard !item.followers.isEmpty else { return [outcome] }
        return [outcome] + item.followers.map { follower in
            OutcomeClassifier.outcome(response, item: follower, seed: seeds[follower.seedIndex].string,
                                      config: scopes[seedGroup[follower.seedIndex]].config, attempts: outcome.attempts)
        }
    }

    /// The outcome of a page waiting for a retry when the run was cancelled.
    static func cancelled(_ item: CrawlItem, seed: String) -> FetchOutcome {
        FetchOutcome(url: item.url.string, result: .failed, finalURL: item.url.string, seed: seed, depth: item.depth,
                     error: "not finished: the run was cancelled", attempts: item.attempts)
    }

    /// The outcome of a page the time budget stopped, in flight or waiting for a retry.
    static func cutByTime(_ item: CrawlItem, seed: String) -> FetchOutcome {
        FetchOutcome(url: item.url.string, result: .failed, finalURL: item.url.string, seed: seed, depth: item.depth,
                     error: "not finished: the run's time budget (crawl.budget.seconds) was spent",
                     attempts: item.attempts)
    }

    /// Gives a page to the caller's `onPage` (on a task of its own: parsing a page takes
    /// longer than fetching one) and resolves the links it returns.
    private func handOver(_ item: CrawlItem, _ outcome: FetchOutcome, response: TransferResponse,
                          to onPage: Crawler.PageHandler) async -> Event {
        // An error answer's body is handed over too: a bot wall often answers 403 or 503,
        // and telling it from an ordinary error takes its page. Its links are not followed.
        var page = outcome.result == .fetched || (outcome.result == .httpError && !response.body.isEmpty)
            ? FetchedPage(requestedURL: outcome.url, finalURL: outcome.finalURL, status: response.status,
                          contentType: response.contentType, body: response.body, redirects: response.redirects,
                          truncated: response.truncated, etag: outcome.etag, lastModified: outcome.lastModified,
                          exchange: response.exchange)
            : nil
        page?.protectionHeaders = FetchedPage.protectionHeaderNames.compactMap { name in
            response.header(name).map { "\(name): \($0)" }
        }
        let group = seedGroup[item.seedIndex]
        func wantsLinks(_ member: CrawlItem) -> Bool { member.depth < scopes[seedGroup[member.seedIndex]].config.depth }
        let outcomes = memberOutcomes(item, outcome, response: response)
        let shared = zip(item.followers, outcomes.dropFirst()).map { follower, outcome in
            CrawledPage.Share(group: seedGroup[follower.seedIndex], outcome: outcome, linksWanted: wantsLinks(follower))
        }
        let linksWanted = item.all.contains(where: wantsLinks)
        var crawled = CrawledPage(outcome: outcome, page: page, linksWanted: linksWanted, group: group,
                                  exchange: response.exchange)
        crawled.shared = shared
        let pageLinks = await onPage(crawled)
        let finalURL = finalURL(of: outcome, item: item)
        var found: [FoundLink] = []
        if outcome.succeeded, linksWanted, let base = finalURL ?? URLNormalizer.normalize(outcome.url) {
            let documentBase = pageLinks.baseHref.flatMap { URLNormalizer.resolve($0, against: base) } ?? base
            for link in pageLinks.links.prefix(config.maxLinksPerPage) {
                if let url = URLNormalizer.resolve(link.href, against: documentBase) {
                    found.append(FoundLink(url: url, text: link.text))
                }
            }
        }
        return .page(item, outcomes, found, finalURL: finalURL)
    }

    /// Where the page's redirects ended, normalised; without redirects that is the item's
    /// own URL, already normalised.
    private func finalURL(of outcome: FetchOutcome, item: CrawlItem) -> CrawlURL? {
        outcome.finalURL == item.url.string ? item.url : URLNormalizer.normalize(outcome.finalURL)
    }

    /// The address policy, asked by libcurl before each connection is made and used.
    private static func connectionGuard(_ policy: AddressPolicy) -> @Sendable (ConnectionAttempt) -> String? {
        { attempt in
            policy.refusal(target: attempt.target, url: attempt.url, address: attempt.address, port: attempt.port)?.reason
        }
    }

    /// RFC 9309 §2.3.1: a 2xx body is parsed; 4xx (and too many redirects) mean no
    /// restrictions; 5xx or an unreachable server mean nothing may be fetched. Server and
    /// connection errors are retried like pages, holding the site meanwhile.
    private func fetchRobots(site: String, url: String, engine: TransferEngine, clock: ContinuousClock,
                             connectionGuard: @escaping @Sendable (ConnectionAttempt) -> String?) async -> Event {
        var limits = config.limits
        limits.maxBodyBytes = RobotsPolicy.maxParsedBytes
        var request = TransferRequest(url: url, limits: limits, userAgent: config.userAgent)
        request.connectionGuard = connectionGuard
        var attempt = 0
        while true {
            let response = await engine.perform(request)
            attempt += 1
            if attempt <= config.retry.maxRetries, !Task.isCancelled,
               let wait = OutcomeClassifier.retryDelay(response, retry: attempt, config: config,
                                                       random: Double.random(in: 0...1), now: Date()) {
                try? await clock.sleep(for: wait)
                continue
            }
            return .robots(site: site, Self.policy(from: response, productToken: config.robotsProductToken))
        }
    }

    static func policy(from response: TransferResponse, productToken: String) -> RobotsPolicy {
        if response.failure != nil, response.connectionRefusal != nil {
            // The site's address is refused: its pages will be refused too, each with its
            // own outcome naming the address, so robots.txt has nothing to add.
            return RobotsPolicy(rules: [], crawlDelay: nil, source: "robots.txt not read: the address is refused")
        }
        if let failure = response.failure, !(response.truncated && failure.code == Curl.writeError) {
            if failure.code == Curl.tooManyRedirects {
                return RobotsPolicy(rules: [], crawlDelay: nil, source: "robots.txt redirected too often: all allowed")
            }
            let cause = OutcomeClassifier.unreachableCause(failure, url: response.requestedURL)
            var policy = RobotsPolicy.disallowAll(because: "robots.txt unreachable (\(cause)): all disallowed")
            policy.unreachable = true
            policy.unreachableCause = cause
            return policy
        }
        switch response.status {
        case 200...299:
            return RobotsPolicy(parsing: response.body, productToken: productToken)
        case 400...499:
            return RobotsPolicy(rules: [], crawlDelay: nil,
                                source: "robots.txt answered \(response.status): all allowed")
        default:
            return .disallowAll(because: "robots.txt answered \(response.status): all disallowed")
        }
    }
}

/// robots.txt policies read so far, for redirect targets checked on the transfer thread
/// while the scheduler (which owns the authoritative copy) runs elsewhere. A target on a
/// site whose robots.txt has not been read is let through.
private final class RobotsBook: @unchecked Sendable {
    private let lock = NSLock()
    private var policies: [String: RobotsPolicy] = [:]

    func record(_ policy: RobotsPolicy, for site: String) {
        lock.withLock { policies[site] = policy }
    }

    /// Why `target` must not be fetched, or nil.
    @Sendable func refusal(of target: String) -> String? {
        guard let url = URLNormalizer.normalize(target),
              let policy = lock.withLock({ policies[url.origin] }), !policy.allows(url) else { return nil }
        return "\(url.robotsURL) disallows (\(policy.source))"
    }
}

/// The loop's inbox: events posted from the engine's thread and from child tasks, taken
/// by the loop in batches. One waiting continuation at most, so a burst of finished
/// transfers wakes the loop once.
private final class CrawlEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [CrawlRun.Event] = []
    private var waiter: CheckedContinuation<[CrawlRun.Event], Never>?

    func post(_ event: CrawlRun.Event) {
        let waiting: CheckedContinuation<[CrawlRun.Event], Never>? = lock.withLock {
            if let waiter {
                self.waiter = nil
                return waiter
            }
            pending.append(event)
            return nil
        }
        waiting?.resume(returning: [event])
    }

    /// Everything posted since the last call; waits when nothing has been.
    func next() async -> [CrawlRun.Event] {
        if let ready = takePending() { return ready }
        return await withCheckedContinuation { continuation in
            let ready: [CrawlRun.Event]? = lock.withLock {
                if pending.isEmpty {
                    waiter = continuation
                    return nil
                }
                defer { pending.removeAll(keepingCapacity: true) }
                return pending
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func takePending() -> [CrawlRun.Event]? {
        lock.withLock {
            guard !pending.isEmpty else { return nil }
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
    }
}
