import ContactFetch
import Foundation
import TestSupport
import Testing

/// The test server itself: a stopped server must never answer for the next one. Its
/// accept loop used to keep the listening socket's number after `stop()` closed it; the
/// next server's socket got the same number, and the old loop accepted (and answered with
/// the old handler) the new server's connections. That is how
/// `robotsServerErrorDisallowsEverything` once saw its page fetched: robots.txt had been
/// answered 404 ("all allowed") by the previous test's server.
@Suite struct TestHTTPServerTests {
    @Test func aStoppedServerNeverAnswersForTheNextOne() async throws {
        var stolen = 0
        for round in 0..<100 {
            // The old server is stopped while its accept loop is still handing over its
            // last connection, and the next server starts at once: the window of the race.
            let box = ServerBox()
            let old = try TestHTTPServer(handler: { _, _ in
                box.server?.stop()
                return .html("old")
            })
            box.server = old
            _ = await Self.get(old.base + "/")
            let new = try TestHTTPServer(handler: { _, _ in .html("new \(round)") })
            for _ in 0..<3 where await Self.get(new.base + "/") != "new \(round)" { stolen += 1 }
            new.stop()
        }
        #expect(stolen == 0, "\(stolen) requests to a new server were answered by a stopped one")
    }

    /// The body, or "" when the request failed.
    static func get(_ url: String) async -> String {
        guard let page = try? PageFetcher().fetch(url) else { return "" }
        return String(decoding: page.body, as: UTF8.self)
    }
}

private final class ServerBox: @unchecked Sendable {
    var server: TestHTTPServer?
}
