import ContactFetch
import Foundation
import TestSupport
import Testing

@Suite struct CrawlerRetryTests {
    @Test func tooManyRequestsWaitsForRetryAfter() async throws {
        let server = try TestHTTPServer(handler: { request, hit in
            guard request.path == "/busy" else { return .notFound }
            if hit == 1 { return TestResponse(status: 429, headers: [("Retry-After", "1")], body: []) }
            return .html("ok")
        })
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/busy"])
        let outcome = try #require(result.outcome("/busy", on: server))
        #expect(outcome.result == .fetched)
        #expect(outcome.attempts == 2)
        let times = server.requests(for: "/busy").map(\.time)
        #expect(times.count == 2)
        #expect(times[1] - times[0] >= .milliseconds(950))
    }

    @Test func retryAfterIsCapped() async throws {
        let server = try TestHTTPServer(handler: { request, hit in
            guard request.path == "/busy" else { return .notFound }
            if hit == 1 { return TestResponse(status: 503, headers: [("Retry-After", "3600")], body: []) }
            return .html("ok")
        })
        defer { server.stop() }
        var config = testConfig()
        config.retry.maxRetryAfter = .milliseconds(200)
        let (result, _) = await crawl(server, ["/busy"], config: config)
        #expect(result.outcome("/busy", on: server)?.result == .fetched)
        // Uncapped, the retry would come an hour later; the margin absorbs a loaded CI machine.
        let times = server.requests(for: "/busy").map(\.time)
        try #require(times.count == 2)
        #expect(times[1] - times[0] < .seconds(10))
    }

    @Test func serviceUnavailableThenSuccess() async throws {
        let server = try TestHTTPServer(handler: { request, hit in
            guard request.path == "/flaky" else { return .notFound }
            return hit == 1 ? .html("down", status: 503) : .html("up")
        })
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/flaky"])
        let outcome = try #require(result.outcome("/flaky", on: server))
        #expect(outcome.result == .fetched && outcome.status == 200 && outcome.attempts == 2)
    }

    @Test func persistentServerErrorGivesUpAfterThreeRetries() async throws {
        let server = try TestHTTPServer(handler: { request, _ in
            request.path == "/down" ? .html("down", status: 500) : .notFound
        })
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/down"])
        let outcome = try #require(result.outcome("/down", on: server))
        #expect(outcome.result == .httpError && outcome.status == 500 && outcome.attempts == 4)
        #expect(outcome.error?.contains("HTTP 500 after 4 attempts") == true)
        #expect(server.requests(for: "/down").count == 4)
    }

    @Test func notFoundIsNotRetried() async throws {
        let server = try TestHTTPServer(handler: site([:]))
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/missing"])
        #expect(result.outcome("/missing", on: server)?.attempts == 1)
        #expect(server.requests(for: "/missing").count == 1)
    }

    @Test func secondRunWithValidatorsGetsNotModified() async throws {
        let lastModified = "Sat, 21 Nov 2026 10:00:00 GMT"
        let server = try TestHTTPServer(handler: { request, _ in
            guard request.path == "/help" else { return .notFound }
            if request.headers["if-none-match"] == "\"v1\"" { return TestResponse(status: 304, headers: [], body: []) }
            return TestResponse(headers: [("Content-Type", "text/html"), ("ETag", "\"v1\""), ("Last-Modified", lastModified)],
                                body: Array("<p>8 800 100-70-10</p>".utf8))
        })
        defer { server.stop() }
        let (first, _) = await crawl(server, ["/help"])
        let stored = try #require(first.outcome("/help", on: server))
        #expect(stored.result == .fetched && stored.etag == "\"v1\"" && stored.lastModified == lastModified)

        let validators = [stored.url: Validators(etag: stored.etag, lastModified: stored.lastModified)]
        let (second, pages) = await crawl(server, ["/help"], validators: validators)
        let outcome = try #require(second.outcome("/help", on: server))
        #expect(outcome.result == .notModified && outcome.notModified && outcome.status == 304)
        #expect(pages.first?.page == nil)
        let request = try #require(server.requests(for: "/help").last)
        #expect(request.headers["if-modified-since"] == lastModified)
    }
}
