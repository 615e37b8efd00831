import ContactFetch
import ContactModel
import ContactPipeline
import TestSupport
import Testing

@Suite struct SourceIntakeTests {
    @Test func crawledPagesGiveRecords() async throws {
        let server = try TestHTTPServer(handler: site([
            "/": .html("<html lang=\"ru\"><body><a href=\"/kontakty\">Контакты</a></body></html>"),
            "/kontakty": TestResponse(headers: [("Content-Type", "text/html; charset=windows-1251")],
                                      body: windows1251("<html lang=\"ru\"><body><p>Горячая линия: <a href=\"tel:+78001007010\">8 800 100-70-10</a></p></body></html>")),
        ]))
        defer { server.stop() }
        let result = await SourceIntake(crawl: testConfig()).read([IntakeSource(name: server.base + "/")])
        #expect(result.pages.count == 2)
        #expect(result.pages.allSatisfy { $0.isRead && $0.fetch?.result == "fetched" })
        let contacts = try #require(result.pages.first { $0.source == server.base + "/kontakty" })
        #expect(contacts.records.contains { $0.kind == .phone && $0.value == "+78001007010" })
        #expect(contacts.records.allSatisfy { $0.source == server.base + "/kontakty" })
    }
}
