import ContactFetch
import Foundation
import TestSupport
import Testing

/// The address policy end to end, on loopback only: a source named by its literal address
/// works; its redirects and links to another loopback address (127.0.0.2, which the audit
/// did not name) are refused before any request reaches that listener.
@Suite struct CrawlerAddressPolicyTests {
    /// A listener on 127.0.0.2 that records whatever reaches it.
    private func internalService() throws -> TestHTTPServer {
        try TestHTTPServer(address: "127.0.0.2") { _, _ in .html("<p>internal admin: 8 800 000-00-00</p>") }
    }

    @Test func aRedirectToAnotherLoopbackAddressIsRefused() async throws {
        let service = try internalService()
        defer { service.stop() }
        let server = try TestHTTPServer(handler: site([
            "/": .html(links("/away")),
            "/away": .redirect(service.base + "/admin"),
        ]))
        defer { server.stop() }
        let (result, pages) = await crawl(server, ["/"])

        #expect(result.outcome("/", on: server)?.result == .fetched)
        let away = try #require(result.outcome("/away", on: server))
        #expect(away.result == .refused)
        #expect(away.refusedAddress == "127.0.0.2")
        #expect(away.attempts == 1)  // refused, not retried
        let error = try #require(away.error)
        #expect(error.contains("redirected to \(service.base)/admin"))
        #expect(error.contains("127.0.0.2 is a loopback address (127.0.0.0/8); add 127.0.0.2 to crawl.allow_private"))
        #expect(service.requests.isEmpty)
        #expect(pages.allSatisfy { $0.page?.finalURL.hasPrefix(service.base) != true })
    }

    @Test func aLinkToAnotherLoopbackAddressIsRefused() async throws {
        let service = try internalService()
        defer { service.stop() }
        let server = try TestHTTPServer(handler: site(["/": .html(links(service.base + "/contacts", "/help"))]))
        defer { server.stop() }
        var config = testConfig()
        config.allowHosts = ["127.0.0.2"]  // in scope, so only the address policy stands in the way
        let (result, _) = await crawl(server, ["/"], config: config)

        let refused = try #require(result.outcomes.first { $0.url == service.base + "/contacts" })
        #expect(refused.result == .refused)
        #expect(refused.error?.hasPrefix("127.0.0.2 is a loopback address") == true)
        #expect(result.refused == 1)
        #expect(service.requests.isEmpty)  // not even /robots.txt
        // The named source and its own links were fetched normally.
        #expect(result.outcome("/help", on: server)?.result == .httpError)
    }

    @Test func aNameResolvingToLoopbackNeedsAllowPrivate() async throws {
        let server = try TestHTTPServer(handler: site(["/": .html("<p>local page</p>")]))
        defer { server.stop() }
        let url = "http://localhost:\(server.port)/"

        let refused = await Crawler(config: testConfig()).crawl(seeds: [url])
        #expect(refused.outcomes.first?.result == .refused)
        #expect(refused.outcomes.first?.error?.contains("add localhost to crawl.allow_private") == true)
        #expect(server.requests.isEmpty)

        var config = testConfig()
        config.addressPolicy = AddressPolicy(allowPrivateHosts: ["localhost"])
        let allowed = await Crawler(config: config).crawl(seeds: [url])
        #expect(allowed.outcomes.first { $0.url == url }?.result == .fetched)
    }
}
