import Foundation

/// Fetches seed pages and the contact-like pages they link to, politely and within limits.
///
/// Transfers run on one libcurl multi loop (`TransferEngine`); this type decides what to
/// fetch (`CrawlScheduler`), reads robots.txt (`RobotsPolicy`) and turns answers into
/// `FetchOutcome`s. Pages are handed to `onPage` as they arrive; it returns the page's links
/// (the document layer parses them, so this module stays free of HTML).
public struct Crawler: Sendable {
    public typealias PageHandler = @Sendable (CrawledPage) async -> PageLinks

    public var config: CrawlConfig

    public init(config: CrawlConfig = CrawlConfig()) { self.config = config }

    /// Crawls from `seeds` (http(s) URLs). `validators` holds ETag / Last-Modified from an
    /// earlier run by URL; such pages are asked for conditionally and a 304 is reported as
    /// `.notModified`. One failing page never stops the crawl. Without `onPage` no links
    /// are followed and pages are not handed anywhere (outcomes only).
    public func crawl(seeds: [String], validators: [String: Validators] = [:],
                      onPage: PageHandler? = nil) async -> CrawlResult {
        var outcomes: [FetchOutcome] = []
        var seedURLs: [CrawlURL] = []
        for seed in seeds {
            if let url = URLNormalizer.normalize(seed) {
                seedURLs.append(url)
            } else {
                outcomes.append(FetchOutcome(url: seed, result: .failed, finalURL: seed, seed: seed, depth: 0,
                                             error: "\(seed): not an http(s) URL with a host name"))
            }
        }
        let normalizedValidators = Dictionary(
            validators.compactMap { key, value in URLNormalizer.normalize(key).map { ($0.string, value) } },
            uniquingKeysWith: { first, _ in first })
        var policy = config.addressPolicy.allowing(seeds: seedURLs)
        policy.proxyAddresses.formUnion(ProxyEnvironment.addresses(environment: ProcessInfo.processInfo.environment))
        let run = CrawlRun(config: config, seeds: seedURLs, validators: normalizedValidators, policy: policy,
                           onPage: onPage)
        let result = await run.execute()
        outcomes += result.outcomes
        let order = Dictionary(seedURLs.enumerated().map { ($1.string, $0) }, uniquingKeysWith: { first, _ in first })
        // Each outcome's seed looked up once, not at every comparison of the sort.
        let seedOrder = outcomes.map { order[$0.seed] ?? Int.max }
        let sorted = outcomes.indices.sorted { lhs, rhs in
            (seedOrder[lhs], outcomes[lhs].depth, outcomes[lhs].url) < (seedOrder[rhs], outcomes[rhs].depth, outcomes[rhs].url)
        }
        return CrawlResult(outcomes: sorted.map { outcomes[$0] }, robots: result.robots, budget: result.budget)
    }
}

/// One crawl's event loop: starts the fetches the scheduler allows and feeds their results
/// back. All mutable state lives in `execute`'s task. Page transfers answer through the
/// engine's callback into `CrawlEvents`, so a page costs no task of its own; tasks are
/// kept for what waits or works apart from the loop (robots.txt with its retries, timers,
/// the caller's `onPage`).
private struct CrawlRun: Sendable {
    var config: CrawlConfig
    var seeds: [CrawlURL]
    var validators: [String: Validators]
    /// The address policy with the seeds' own literal addresses and the proxies allowed.
    var policy: AddressPolicy
    var onPage: Crawler.PageHandler?

    enum Event: Sendable {
        /// A page's transfer ended (not yet classified).
        case transfer(CrawlItem, TransferResponse)
        /// A page's outcome, with the links `onPage` found on it.
        case page(CrawlItem, FetchOutcome, [FoundLink], finalURL: CrawlURL?)
        case robots(site: String, RobotsPolicy)
        case timer
        /// The caller's task was cancelled.
        case cancelled
        /// The run's time budget ran out.
        case deadline
    }

    func execute() async -> (outcomes: [FetchOutcome], robots: [String: String], budget: BudgetExhaustion?) {
        let engine = TransferEngine(maxConnections: config.concurrency)
        defer { engine.shutdown() }
        let events = CrawlEvents()
        let clock = ContinuousClock()
        var scheduler = CrawlScheduler(seeds: seeds, config: config)
        var outcomes: [FetchOutcome] = []
        var robots: [String: String] = [:]
        var failed = 0
        let robotsBook = RobotsBook()
        // Built once: every request of the run carries the same guards.
        let connectionGuard = self.connectionGuard
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
                        outcomes.append(unfinished(item, seeds[item.seedIndex].string))
                        failed += 1
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
                func record(_ item: CrawlItem, _ outcome: FetchOutcome, links: [FoundLink], finalURL: CrawlURL?) {
                    var outcome = outcome
                    scheduler.finished(site: item.url.origin)
                    meter.received(bytes: outcome.bytes)
                    if meter.exhausted != nil { scheduler.stopNewPages() }
                    if timeSpent, outcome.error == OutcomeClassifier.cancelledError(outcome.url) {
                        outcome.error = Self.cutByTime(item, seed: outcome.seed).error
                    }
                    // Without redirects the final URL is the item's own, already seen and in scope.
                    if let finalURL, finalURL.string != item.url.string { scheduler.redirected(item, to: finalURL) }
                    scheduler.discovered(links, from: item)
                    if !outcome.succeeded { failed += 1 }
                    outcomes.append(outcome)
                }
                /// The caller cancelled the run (no new timer is set from then on).
                func stopForCancellation() {
                    guard !cancelled else { return }
                    cancelled = true
                    stopEverything { Self.cancelled($0, seed: $1) }
                }
                run: while true {
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
                            var request = TransferRequest(url: item.url.string, limits: config.limits,
                                                          userAgent: config.userAgent)
                            request.target = item.url
                            request.headers = validators[item.url.string]?.requestHeaders ?? []
                            request.capture = config.captureExchanges
                            request.redirectGuard = redirectGuard
                            request.connectionGuard = connectionGuard
                            engine.start(request) { events.post(.transfer(item, $0)) }
                        case .fetchRobots(let site, let url):
                            group.addTask {
                                events.post(await fetchRobots(site: site, url: url, engine: engine, clock: clock,
                                                              connectionGuard: connectionGuard))
                            }
                        case .skip(let item, let policy):
                            let error = policy.unreachable
                                ? "\(item.url): not fetched, the site did not answer for \(item.url.robotsURL) (\(policy.source))"
                                : "\(item.url): disallowed by \(item.url.robotsURL) (\(policy.source))"
                            if policy.unreachable { failed += 1 }
                            outcomes.append(FetchOutcome(
                                url: item.url.string, result: policy.unreachable ? .failed : .skippedByRobots,
                                finalURL: item.url.string, seed: seeds[item.seedIndex].string, depth: item.depth,
                                error: error))
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
                    progress.update(done: outcomes.count, queued: scheduler.queued, failed: failed)
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
                            let seed = seeds[item.seedIndex].string
                            switch OutcomeClassifier.classify(response, item: item, seed: seed, config: config) {
                            case .retry(let wait):
                                if timeSpent {
                                    scheduler.finished(site: item.url.origin)
                                    outcomes.append(Self.cutByTime(item, seed: seed))
                                    failed += 1
                                } else {
                                    scheduler.retry(item, at: clock.now + wait)
                                }
                            case .outcome(let outcome):
                                if let onPage {
                                    group.addTask {
                                        events.post(await handOver(item, outcome, response: response, to: onPage))
                                    }
                                } else {
                                    record(item, outcome, links: [], finalURL: finalURL(of: outcome, item: item))
                                }
                            }
                        case .robots(let site, let policy):
                            robots[site] = policy.source
                            robotsBook.record(policy, for: site)
                            scheduler.robotsArrived(site: site, policy: policy, now: clock.now)
                        case .page(let item, let outcome, let links, let finalURL):
                            record(item, outcome, links: links, finalURL: finalURL)
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
        return (outcomes, robots, meter.report(notFetched: scheduler.notFetched, now: clock.now))
    }

    /// The outcome of a page waiting for a retry when the run was cancelled.
    static func cancelled(_ item: CrawlItem, seed: String) -> FetchOutcome {
        FetchOutcome(url: item.url.string, result: .failed, finalURL: item.url.string, seed: seed, depth: item.depth,
                     error: "\(item.url): not finished: the run was cancelled", attempts: item.attempts)
    }

    /// The outcome of a page the time budget stopped, in flight or waiting for a retry.
    static func cutByTime(_ item: CrawlItem, seed: String) -> FetchOutcome {
        FetchOutcome(url: item.url.string, result: .failed, finalURL: item.url.string, seed: seed, depth: item.depth,
                     error: "\(item.url): not finished: the run's time budget (crawl.budget.seconds) was spent",
                     attempts: item.attempts)
    }

    /// Gives a page to the caller's `onPage` (on a task of its own: parsing a page takes
    /// longer than fetching one) and resolves the links it returns.
    private func handOver(_ item: CrawlItem, _ outcome: FetchOutcome, response: TransferResponse,
                          to onPage: Crawler.PageHandler) async -> Event {
        let page = outcome.result == .fetched
            ? FetchedPage(requestedURL: outcome.url, finalURL: outcome.finalURL, status: response.status,
                          contentType: response.contentType, body: response.body, redirects: response.redirects,
                          truncated: response.truncated, etag: outcome.etag, lastModified: outcome.lastModified,
                          exchange: response.exchange)
            : nil
        let pageLinks = await onPage(CrawledPage(outcome: outcome, page: page, linksWanted: item.depth < config.depth,
                                                 exchange: response.exchange))
        let finalURL = finalURL(of: outcome, item: item)
        var found: [FoundLink] = []
        if outcome.succeeded, item.depth < config.depth, let base = finalURL ?? URLNormalizer.normalize(outcome.url) {
            let documentBase = pageLinks.baseHref.flatMap { URLNormalizer.resolve($0, against: base) } ?? base
            for link in pageLinks.links.prefix(config.maxLinksPerPage) {
                if let url = URLNormalizer.resolve(link.href, against: documentBase) {
                    found.append(FoundLink(url: url, text: link.text))
                }
            }
        }
        return .page(item, outcome, found, finalURL: finalURL)
    }

    /// Where the page's redirects ended, normalised; without redirects that is the item's
    /// own URL, already normalised.
    private func finalURL(of outcome: FetchOutcome, item: CrawlItem) -> CrawlURL? {
        outcome.finalURL == item.url.string ? item.url : URLNormalizer.normalize(outcome.finalURL)
    }

    /// The address policy, asked by libcurl before each connection is made and used.
    private var connectionGuard: @Sendable (ConnectionAttempt) -> String? {
        let policy = self.policy
        return { attempt in
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
            var policy = RobotsPolicy.disallowAll(because: "robots.txt unreachable (\(failure.message)): all disallowed")
            policy.unreachable = true
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
