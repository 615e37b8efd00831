import ContactFetch
import Foundation
import TestSupport
import Testing

/// Whole-run budgets on generated sites: the crawl stops at the limit, reports every page
/// it did fetch, and says which budget ran out and how much was left undone.
@Suite struct CrawlerBudgetTests {
    /// /p/N links to /p/N+1, forever.
    private func chain() throws -> TestHTTPServer {
        try TestHTTPServer { request, _ in
            guard request.path.hasPrefix("/p/"), let n = Int(request.path.dropFirst(3)) else { return .notFound }
            return .html(links("/p/\(n + 1)"))
        }
    }

    /// /p/N links to /p/10N+1 … /p/10N+10: 10,000 pages below /p/0 within four hops.
    private func fanOut(pages: Int) throws -> TestHTTPServer {
        try TestHTTPServer { request, _ in
            guard request.path.hasPrefix("/p/"), let n = Int(request.path.dropFirst(3)), n < pages else { return .notFound }
            let children = (1...10).map { 10 * n + $0 }.filter { $0 < pages }
            return .html("<html><body>page \(n) " + children.map { "<a href=\"/p/\($0)\">\($0)</a>" }.joined() + "</body></html>")
        }
    }

    private func unbounded() -> CrawlConfig {
        var config = testConfig()
        config.depth = 100_000
        config.maxPages = 1_000_000
        return config
    }

    @Test func thePagesBudgetStopsAnEndlessChain() async throws {
        let server = try chain()
        defer { server.stop() }
        var config = unbounded()
        config.budget = CrawlBudget(pages: 50)
        let (result, pages) = await crawl(server, ["/p/1"], config: config)

        #expect(result.fetched == 50)
        #expect(result.paths(.fetched, on: server) == (1...50).map { "/p/\($0)" }.sorted())
        #expect(pages.count == 50)
        let budget = try #require(result.budget)
        #expect(budget.limit == .pages && budget.used == 50 && budget.allowed == 50)
        #expect(budget.notFetched == 1)  // /p/51, found on the last page
        #expect(budget.description == "budget spent: pages 50/50; 1 URL not fetched")
        #expect(server.requests(for: "/p/51").isEmpty)
    }

    @Test func theBytesBudgetStopsTheRun() async throws {
        let server = try chain()
        defer { server.stop() }
        var config = unbounded()
        config.budget = CrawlBudget(bytes: 1_000)
        let (result, _) = await crawl(server, ["/p/1"], config: config)
        let budget = try #require(result.budget)
        #expect(budget.limit == .bytes)
        #expect(budget.used >= 1_000)
        // One page at a time on a chain: the run stops on the page that crossed the limit.
        let bytes = result.outcomes.map(\.bytes).reduce(0, +)
        #expect(bytes == budget.used && bytes - (result.outcomes.last?.bytes ?? 0) < 1_000)
    }

    @Test func theTimeBudgetStopsASlowSite() async throws {
        let server = try TestHTTPServer { request, _ in
            if request.path == "/" { return .html(links("/slow1", "/slow2", "/slow3")) }
            if request.path == "/robots.txt" { return .notFound }
            return TestResponse(body: Array(repeating: UInt8(ascii: "x"), count: 100), drip: .milliseconds(100))
        }
        defer { server.stop() }
        var config = unbounded()
        config.budget = CrawlBudget(duration: .milliseconds(1_500))
        let started = ContinuousClock.now
        let (result, _) = await crawl(server, ["/"], config: config)
        #expect(ContinuousClock.now - started < .seconds(6))  // each drip alone takes 10 s
        let budget = try #require(result.budget)
        #expect(budget.limit == .seconds)
        #expect(result.outcome("/", on: server)?.result == .fetched)
        // Two drips were running (two per site at once) and are reported as cut; the third waited.
        let cut = result.outcomes.filter { $0.error?.contains("time budget (crawl.budget.seconds) was spent") == true }
        #expect(cut.count == 2)
        #expect(budget.notFetched == 1)
    }

    @Test func aTenThousandPageSiteStopsAtTheLimitWithEveryFetchedPageReported() async throws {
        let server = try fanOut(pages: 10_000)
        defer { server.stop() }
        var config = unbounded()
        config.perHostConcurrency = 16
        config.budget = CrawlBudget(pages: 1_000)
        let (result, pages) = await crawl(server, ["/p/0"], config: config)

        #expect(result.fetched == 1_000)
        #expect(pages.count == 1_000)
        #expect(Set(result.outcomes.map(\.url)).count == 1_000)
        #expect(server.requests.filter { $0.path.hasPrefix("/p/") }.count == 1_000)
        let budget = try #require(result.budget)
        #expect(budget.description.hasPrefix("budget spent: pages 1000/1000; "))
        #expect(budget.notFetched > 0)
    }
}
