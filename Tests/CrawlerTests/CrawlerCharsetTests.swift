import ContactDocument
import ContactFetch
import Foundation
import TestSupport
import Testing

@Suite struct CrawlerCharsetTests {
    @Test func charsetFromTheHTTPHeaderReachesTheDocument() async throws {
        let body = windows1251("<html><body><h1>Контакты</h1><p>Горячая линия: 8 800 100-70-10</p></body></html>")
        let server = try TestHTTPServer(handler: site([
            "/": TestResponse(headers: [("Content-Type", "text/html; charset=windows-1251")], body: body),
        ]))
        defer { server.stop() }
        let (result, pages) = await crawl(server, ["/"])
        #expect(result.outcome("/", on: server)?.contentType == "text/html; charset=windows-1251")
        let page = try #require(pages.first?.page)
        #expect(page.contentType == "text/html; charset=windows-1251")
        #expect(page.body == body)
        let document = try HTMLDocument(bytes: page.body, source: page.finalURL, contentType: page.contentType)
        #expect(document.charset.name == "windows-1251")
        #expect(document.blocks.map(\.text).contains("Горячая линия: 8 800 100-70-10"))
    }
}
