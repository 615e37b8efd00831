import ContactFetch
import Foundation
import TestSupport
import Testing

@Suite struct CrawlerScopeTests {
    private func chain() throws -> TestHTTPServer {
        try TestHTTPServer(handler: site([
            "/": .html(links("/a")), "/a": .html(links("/b")), "/b": .html(links("/c")), "/c": .html("end"),
        ]))
    }

    @Test func depthOneFollowsOneHop() async throws {
        let server = try chain()
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/"])
        #expect(result.paths(.fetched, on: server) == ["/", "/a"])
        #expect(result.outcome("/a", on: server)?.depth == 1)
    }

    @Test func depthTwoFollowsTwoHops() async throws {
        let server = try chain()
        defer { server.stop() }
        var config = testConfig()
        config.depth = 2
        let (result, _) = await crawl(server, ["/"], config: config)
        #expect(result.paths(.fetched, on: server) == ["/", "/a", "/b"])
    }

    @Test func pageLimitStopsTheCrawl() async throws {
        let paths = (1...10).map { "/p\($0)" }
        var pages = Dictionary(uniqueKeysWithValues: paths.map { ($0, TestResponse.html("x")) })
        pages["/"] = .html(links(paths))
        let server = try TestHTTPServer(handler: site(pages))
        defer { server.stop() }
        var config = testConfig()
        config.maxPages = 4
        let (result, _) = await crawl(server, ["/"], config: config)
        #expect(result.fetched == 4)
        #expect(server.requests.filter { $0.path != "/robots.txt" }.count == 4)
    }

    @Test func contactLikeLinksComeFirst() async throws {
        let plain = (1...12).map { "/news/\($0)" }
        let home = links(plain) + """
        <a href="/%D0%BA%D0%BE%D0%BD%D1%82%D0%B0%D0%BA%D1%82%D1%8B">Адреса</a>
        <a href="/page-x">Служба поддержки</a>
        <a href="/help/">?</a>
        """
        var pages = Dictionary(uniqueKeysWithValues: plain.map { ($0, TestResponse.html("news")) })
        pages["/"] = .html(home)
        for path in ["/%D0%BA%D0%BE%D0%BD%D1%82%D0%B0%D0%BA%D1%82%D1%8B", "/page-x", "/help/"] { pages[path] = .html("c") }
        let server = try TestHTTPServer(handler: site(pages))
        defer { server.stop() }
        var config = testConfig()
        config.maxPages = 4
        let (result, _) = await crawl(server, ["/"], config: config)
        #expect(result.paths(.fetched, on: server)
            == ["/", "/%D0%BA%D0%BE%D0%BD%D1%82%D0%B0%D0%BA%D1%82%D1%8B", "/help/", "/page-x"])
    }

    @Test func offSiteLinksAreNotFollowed() async throws {
        let server = try TestHTTPServer(handler: { request, _ in
            request.path == "/" ? .html(links("http://localhost:1/contacts", "https://example.invalid/help", "/local"))
                : .html("x")
        })
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/"])
        #expect(result.outcomes.map(\.url).sorted() == [server.base + "/", server.base + "/local"])
        #expect(!server.requests.contains { $0.path == "/contacts" || $0.path == "/help" })
    }

    @Test func spellingsOfOneURLAreFetchedOnce() async throws {
        let server = try TestHTTPServer(handler: { request, _ in
            request.path == "/" ? .html(links("/a", "/a#top", "./a", "/b/../a", "/%61") + "<a href='/a?'>q</a>")
                : .html("x")
        })
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/"])
        #expect(server.requests(for: "/a").count == 1)
        #expect(result.paths(.fetched, on: server) == ["/", "/a", "/a?"])
    }

    @Test func linksResolveAgainstBaseHref() async throws {
        let server = try TestHTTPServer(handler: site([
            "/": .html("<html><head><base href=\"/docs/\"></head><body><a href=\"contacts\">Контакты</a></body></html>"),
            "/docs/contacts": .html("c"),
        ]))
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/"])
        #expect(result.paths(.fetched, on: server) == ["/", "/docs/contacts"])
    }

    @Test func perHostConcurrencyIsHeld() async throws {
        let gauge = Gauge()
        let paths = (1...6).map { "/p\($0)" }
        let server = try TestHTTPServer(handler: { request, _ in
            if request.path == "/" { return .html(links(paths)) }
            if request.path == "/robots.txt" { return .notFound }
            gauge.enter()
            Thread.sleep(forTimeInterval: 0.1)
            gauge.leave()
            return .html("x")
        })
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/"])
        #expect(result.fetched == 7)
        #expect(gauge.peak == 2)
    }

    @Test func oneFailingSeedDoesNotStopTheOthers() async throws {
        let server = try TestHTTPServer(handler: site(["/": .html("home")]))
        defer { server.stop() }
        let result = await Crawler(config: testConfig()).crawl(seeds: ["http://127.0.0.1:1/", "ftp://x/", server.base + "/"])
        #expect(result.outcomes.count == 3)
        #expect(result.fetched == 1)
        let refused = try #require(result.outcomes.first { $0.url == "ftp://x/" })
        #expect(refused.error?.contains("not an http(s) URL") == true)
        // A server that does not answer is a failure, not a robots.txt refusal.
        let down = try #require(result.outcomes.first { $0.url == "http://127.0.0.1:1/" })
        #expect(down.result == .failed && !down.skippedByRobots)
        // The error says what happened; the page is the outcome's url, named once by whatever prints it.
        #expect(down.error == "could not connect to 127.0.0.1:1 (connection refused); "
            + "robots.txt could not be read, so nothing was fetched")
    }
}

/// Counts concurrent callers and remembers the peak.
final class Gauge: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var peakValue = 0

    func enter() { lock.withLock { current += 1; peakValue = max(peakValue, current) } }
    func leave() { lock.withLock { current -= 1 } }
    var peak: Int { lock.withLock { peakValue } }
}

func links(_ hrefs: [String]) -> String {
    "<html><body>" + hrefs.map { "<a href=\"\($0)\">\($0)</a>" }.joined(separator: "\n") + "</body></html>"
}
