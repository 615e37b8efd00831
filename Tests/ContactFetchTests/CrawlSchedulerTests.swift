import Testing
@testable import ContactFetch

@Suite struct CrawlSchedulerTests {
    private func url(_ text: String) -> CrawlURL {
        URLNormalizer.normalize(text) ?? CrawlURL(scheme: "http", host: "invalid", port: nil, path: "/", query: nil)
    }

    private func config(_ change: (inout CrawlConfig) -> Void = { _ in }) -> CrawlConfig {
        var config = CrawlConfig()
        config.perHostDelay = .seconds(1)
        config.respectRobots = false
        change(&config)
        return config
    }

    @Test func perHostDelaySpacesStartsAndOtherHostsGoMeanwhile() throws {
        var scheduler = CrawlScheduler(seeds: [url("http://a.ru/"), url("http://a.ru/2"), url("http://b.ru/")],
                                       config: config())
        let now = ContinuousClock.now
        guard case .fetch(let first) = scheduler.next(now: now) else { Issue.record("expected a fetch"); return }
        #expect(first.url.string == "http://a.ru/")
        guard case .fetch(let second) = scheduler.next(now: now) else { Issue.record("expected a fetch"); return }
        #expect(second.url.string == "http://b.ru/")
        guard case .wait(let until) = scheduler.next(now: now) else { Issue.record("expected a wait"); return }
        #expect(until == now + .seconds(1))
        guard case .fetch(let third) = scheduler.next(now: now + .seconds(1)) else { Issue.record("expected a fetch"); return }
        #expect(third.url.string == "http://a.ru/2")
    }

    /// A slow answer moves the site's next start: the server never sees two requests
    /// closer than the delay, even when the first one's connection was slow.
    @Test func theDelayAlsoCountsFromTheAnswer() throws {
        var scheduler = CrawlScheduler(seeds: [url("http://a.ru/"), url("http://a.ru/2")], config: config())
        let now = ContinuousClock.now
        guard case .fetch(let first) = scheduler.next(now: now) else { Issue.record("expected a fetch"); return }
        scheduler.answered(site: first.url.origin, now: now + .milliseconds(400))
        guard case .wait(let until) = scheduler.next(now: now + .seconds(1)) else { Issue.record("expected a wait"); return }
        #expect(until == now + .milliseconds(1400))
        guard case .fetch(let second) = scheduler.next(now: now + .milliseconds(1400)) else { Issue.record("expected a fetch"); return }
        #expect(second.url.string == "http://a.ru/2")
    }

    @Test func robotsComeFirstAndCrawlDelayRaisesTheDelay() {
        var scheduler = CrawlScheduler(seeds: [url("http://a.ru/")], config: config { $0.respectRobots = true; $0.perHostDelay = .zero })
        let now = ContinuousClock.now
        guard case .fetchRobots(let site, let robotsURL) = scheduler.next(now: now) else { Issue.record("expected robots"); return }
        #expect(site == "http://a.ru" && robotsURL == "http://a.ru/robots.txt")
        guard case .wait(nil) = scheduler.next(now: now) else { Issue.record("pages wait for robots.txt"); return }
        scheduler.robotsArrived(site: site, policy: RobotsPolicy(rules: [], crawlDelay: 2, source: "test"), now: now)
        guard case .wait(let until) = scheduler.next(now: now) else { Issue.record("expected a wait"); return }
        #expect(until == now + .seconds(2))
    }

    @Test func linksOutsideTheSeedsHostNeedAllowHosts() {
        var scheduler = CrawlScheduler(seeds: [url("http://a.ru/")], config: config { $0.allowHosts = ["help.a.ru"]; $0.perHostDelay = .zero })
        guard case .fetch(let seed) = scheduler.next(now: .now) else { Issue.record("expected a fetch"); return }
        scheduler.discovered([FoundLink(url: url("http://b.ru/contacts"), text: ""),
                              FoundLink(url: url("https://help.a.ru/"), text: ""),
                              FoundLink(url: url("https://a.ru/other-scheme"), text: "")], from: seed)
        #expect(scheduler.queued == 2)
    }

    @Test func backoffGrowsAndIsCapped() {
        var policy = RetryPolicy()
        policy.baseDelay = .seconds(1)
        policy.maxDelay = .seconds(10)
        #expect(policy.backoff(retry: 1, random: 1) == .seconds(1))
        #expect(policy.backoff(retry: 1, random: 0) == .milliseconds(500))
        #expect(policy.backoff(retry: 3, random: 1) == .seconds(4))
        #expect(policy.backoff(retry: 40, random: 1) == .seconds(10))
    }

    @Test func retryAfterReadsSecondsAndDates() throws {
        let now = try #require(RetryAfter.httpDate("Sun, 22 Nov 2026 10:00:00 GMT"))
        #expect(RetryAfter.delay("120", now: now) == .seconds(120))
        #expect(RetryAfter.delay("Sun, 22 Nov 2026 10:00:30 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.delay("Sun, 22 Nov 2026 09:00:00 GMT", now: now) == .zero)
        #expect(RetryAfter.delay("soon", now: now) == nil)
    }
}

@Suite struct CrawlSchedulerScopeTests {
    @Test func aSeedRedirectingToAnotherHostBringsItIntoScope() throws {
        var config = CrawlConfig()
        config.perHostDelay = .zero
        config.respectRobots = false
        let seed = try #require(URLNormalizer.normalize("https://example.ru/help"))
        let moved = try #require(URLNormalizer.normalize("https://www.example.ru/help"))
        var scheduler = CrawlScheduler(seeds: [seed], config: config)
        guard case .fetch(let item) = scheduler.next(now: .now) else { Issue.record("expected a fetch"); return }
        scheduler.redirected(item, to: moved)
        scheduler.discovered([FoundLink(url: try #require(URLNormalizer.normalize("https://www.example.ru/contacts")), text: ""),
                              FoundLink(url: moved, text: "")], from: item)
        #expect(scheduler.queued == 1)
    }
}
