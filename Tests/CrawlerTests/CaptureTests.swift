import ContactFetch
import Foundation
import Gzip
import TestSupport
import Testing

/// What the crawler keeps for an archive: the exchange as it went over the wire.
@Suite struct CaptureTests {
    private let page = "<html><body><p>Горячая линия: <a href=\"tel:+78001007010\">8 800 100-70-10</a></p></body></html>"

    @Test func gzipBodyIsKeptAsSentAndDecodedForThePage() async throws {
        let compressed = try Gzip.compress(Array(page.utf8))
        let server = try TestHTTPServer(handler: site([
            "/": .redirect("/help", status: 301),
            "/help": TestResponse(headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                                            ("ETag", "\"v1\"")],
                                  body: compressed),
        ]))
        defer { server.stop() }
        var config = testConfig()
        config.captureExchanges = true
        let (result, pages) = await crawl(server, ["/"], config: config)
        #expect(result.fetched == 1)
        let crawled = try #require(pages.first)
        // The page is decoded (what extraction reads) …
        #expect(crawled.page?.body == Array(page.utf8))
        // … the exchange keeps the gzip bytes as they came.
        let exchange = try #require(crawled.exchange)
        #expect(exchange.body == compressed)
        #expect(exchange.remoteAddress == "127.0.0.1")
        #expect(exchange.hops.count == 2)
        #expect(exchange.hops[0].statusLine.hasPrefix("HTTP/1.1 301"))
        #expect(exchange.hops[0].responseHeaders.contains("Location: /help"))
        #expect(exchange.hops[1].statusLine.hasPrefix("HTTP/1.1 200"))
        #expect(exchange.hops[1].responseHeaders.contains("Content-Encoding: gzip"))
        #expect(exchange.hops[1].requestLines.first == "GET /help HTTP/1.1")
        #expect(exchange.hops[1].requestLines.contains("Accept-Encoding: gzip, deflate"))
        #expect(exchange.hops[0].url == server.base + "/")
        #expect(exchange.hops[1].url == server.base + "/help")
        // What the server saw matches what the exchange says was sent.
        #expect(server.requests(for: "/help").first?.headers["accept-encoding"] == "gzip, deflate")
    }

    /// A body cut at the size limit still decodes as far as it arrived.
    @Test func truncatedGzipBodyDecodesWhatArrived() async throws {
        var text = "<html><body>"
        for index in 0..<4000 { text += "<p>строка \(index) \(index * 7919 % 10007)</p>" }
        let compressed = try Gzip.compress(Array(text.utf8))
        let server = try TestHTTPServer(handler: site([
            "/big": TestResponse(headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
                                 body: compressed),
        ]))
        defer { server.stop() }
        var config = testConfig()
        config.captureExchanges = true
        config.limits.maxBodyBytes = 20_000
        let (_, pages) = await crawl(server, ["/big"], config: config)
        let crawled = try #require(pages.first)
        #expect(crawled.outcome.truncated)
        let body = try #require(crawled.page?.body)
        #expect(body.count == 20_000)
        #expect(body == Array(Array(text.utf8).prefix(20_000)))
    }

    /// Without capture nothing changes: libcurl decodes and no exchange is kept.
    @Test func noCaptureNoExchange() async throws {
        let server = try TestHTTPServer(handler: site([
            "/": TestResponse(headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                              body: try Gzip.compress(Array(page.utf8))),
        ]))
        defer { server.stop() }
        let (_, pages) = await crawl(server, ["/"])
        #expect(pages.first?.exchange == nil)
        #expect(pages.first?.page?.body == Array(page.utf8))
    }
}
