import ContactFetch
import Foundation
import TestSupport
import Testing

@Suite struct CrawlerRobotsTests {
    @Test func robotsAllowAndDisallowWithWildcards() async throws {
        let robots = """
        User-agent: *
        Disallow: /

        User-agent: Contact-Audit/1.0
        Disallow: /private
        Disallow: /*.pdf$
        Allow: /private/contacts
        """
        let server = try TestHTTPServer(handler: site([
            "/robots.txt": .text(robots),
            "/": .html(links("/private/a", "/private/contacts", "/doc.pdf", "/doc.pdf?x=1", "/public")),
            "/private/a": .html("a"), "/private/contacts": .html("c"), "/doc.pdf": .html("p"),
            "/doc.pdf?x=1": .html("q"), "/public": .html("p"),
        ]))
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/"])
        #expect(result.paths(.fetched, on: server) == ["/", "/doc.pdf?x=1", "/private/contacts", "/public"])
        #expect(result.paths(.skippedByRobots, on: server) == ["/doc.pdf", "/private/a"])
        let skipped = try #require(result.outcome("/private/a", on: server))
        #expect(skipped.skippedByRobots && skipped.attempts == 0)
        #expect(skipped.error == "disallowed by robots.txt")
        // Never fetched; robots.txt read once for the run.
        #expect(server.requests(for: "/private/a").isEmpty && server.requests(for: "/doc.pdf").isEmpty)
        #expect(server.requests(for: "/robots.txt").count == 1)
    }

    @Test func aRedirectIntoADisallowedPathIsNotFollowed() async throws {
        let server = try TestHTTPServer(handler: site([
            "/robots.txt": .text("User-agent: *\nDisallow: /private\n"),
            "/go": .redirect("/private/contacts"), "/private/contacts": .html("secret"),
        ]))
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/go"])
        let outcome = try #require(result.outcome("/go", on: server))
        #expect(outcome.result == .skippedByRobots)
        #expect(outcome.error?.contains("redirects to \(server.base)/private/contacts") == true)
        #expect(server.requests(for: "/private/contacts").isEmpty)
    }

    @Test func robotsServerErrorDisallowsEverything() async throws {
        let server = try TestHTTPServer(handler: site([
            "/robots.txt": .text("oops", status: 503),
            "/": .html("home"),
        ]))
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/"])
        #expect(result.paths(.skippedByRobots, on: server) == ["/"])
        #expect(server.requests(for: "/").isEmpty)
        #expect(result.robots[server.base]?.contains("503") == true)
        #expect(result.outcome("/", on: server)?.error == "not fetched: robots.txt answered 503: all disallowed")
    }

    @Test func robotsMissingAllowsEverything() async throws {
        let server = try TestHTTPServer(handler: site(["/": .html(links("/a")), "/a": .html("a")]))
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/"])
        #expect(result.paths(.fetched, on: server) == ["/", "/a"])
        #expect(result.robots[server.base]?.contains("404") == true)
    }

    @Test func crawlDelaySpacesRequests() async throws {
        let server = try TestHTTPServer(handler: site([
            "/robots.txt": .text("User-agent: *\nCrawl-delay: 0.3\n"),
            "/": .html(links("/a", "/b")), "/a": .html("a"), "/b": .html("b"),
        ]))
        defer { server.stop() }
        let (result, _) = await crawl(server, ["/"])
        #expect(result.fetched == 3)
        let requests = server.requests.sorted { $0.time < $1.time }
        let times = requests.map(\.time)
        #expect(times.count == 4)
        let trace = requests.map { "\($0.path) +\($0.time - times[0])" }.joined(separator: ", ")
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later - earlier >= .milliseconds(250), "requests closer than the Crawl-delay (0.3 s, less scheduling jitter): \(trace)")
        }
    }

    @Test func userAgentNamesTheProject() async throws {
        let server = try TestHTTPServer(handler: site(["/": .html("home")]))
        defer { server.stop() }
        _ = await crawl(server, ["/"])
        let agent = try #require(server.requests(for: "/").first?.headers["user-agent"])
        #expect(agent.hasPrefix("contact-audit/") && agent.contains("(+http"))
    }
}
