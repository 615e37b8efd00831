import Foundation
import Testing
@testable import ContactFetch

@Suite struct FetchOutcomeTests {
    /// Snapshots store outcomes with sorted keys; the same outcome must give the same bytes.
    @Test func encodesWithStableKeys() throws {
        let outcome = FetchOutcome(url: "https://example.ru/help", result: .fetched, finalURL: "https://example.ru/help/",
                                   seed: "https://example.ru/", depth: 1, status: 200, redirects: 1,
                                   redirectChain: ["https://example.ru/help", "https://example.ru/help/"], bytes: 10,
                                   contentType: "text/html", etag: "\"v1\"", attempts: 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(outcome), as: UTF8.self)
        #expect(json == """
        {"attempts":1,"bytes":10,"contentType":"text/html","depth":1,"etag":"\\"v1\\"","finalURL":"https://example.ru/help/",\
        "notModified":false,"redirectChain":["https://example.ru/help","https://example.ru/help/"],"redirects":1,\
        "result":"fetched","seed":"https://example.ru/","skippedByRobots":false,"status":200,"truncated":false,\
        "url":"https://example.ru/help"}
        """)
        #expect(try JSONDecoder().decode(FetchOutcome.self, from: Data(json.utf8)) == outcome)
    }

    @Test func validatorsBecomeConditionalHeaders() {
        let validators = Validators(etag: "\"v1\"", lastModified: "Sat, 21 Nov 2026 10:00:00 GMT")
        #expect(validators.requestHeaders == ["If-None-Match: \"v1\"", "If-Modified-Since: Sat, 21 Nov 2026 10:00:00 GMT"])
        #expect(Validators().requestHeaders.isEmpty)
    }
}
