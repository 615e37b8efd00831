import ContactFetch
import ContactPipeline
import Foundation
import TestSupport
import Testing

/// A run whose task is cancelled (Ctrl-C in the CLI, a job's timeout) ends promptly with
/// what it has, rather than waiting out the per-host delays or hanging on them.
@Suite(.serialized) struct CrawlerCancellationTests {
    @Test func cancellingDuringPerHostDelaysEndsTheRun() async throws {
        let server = try TestHTTPServer(handler: site(Dictionary(uniqueKeysWithValues:
            (1...6).map { ("/p\($0)", TestResponse.html("page \($0)")) })))
        defer { server.stop() }
        var config = testConfig()
        config.perHostDelay = .seconds(20)
        config.perHostConcurrency = 1
        let seeds = (1...6).map { server.base + "/p\($0)" }
        let started = ContinuousClock.now
        let run = Task { await Crawler(config: config).crawl(seeds: seeds, validators: [:]) { _ in PageLinks(links: []) } }
        // robots.txt arrives, then every page waits the site's delay: cancel then.
        try await Task.sleep(for: .milliseconds(600))
        run.cancel()
        let result = await run.value
        let elapsed = ContinuousClock.now - started
        // Without handling cancellation the run would take 5 × 20 s, or never end.
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        #expect(server.requests.contains { $0.path == "/robots.txt" })
        #expect(result.outcomes.filter { $0.result == .fetched }.count <= 1)
        #expect(server.requests.filter { $0.path.hasPrefix("/p") }.count <= 1)
    }
}
