import Foundation
import Testing

@Suite struct CrawlCommandTests {
    /// No network: a URL that is not http(s) is reported as an outcome; with stderr piped no
    /// progress line is written.
    @Test func reportsOutcomesAsJSONAndKeepsStderrQuietWhenPiped() throws {
        let result = try CommandRunner.run(["crawl", "--delay", "0", "ftp://example.invalid/"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let outcomes = try #require(object?["outcomes"] as? [[String: Any]])
        #expect(outcomes.count == 1)
        #expect(outcomes.first?["result"] as? String == "failed")
        // The page is the outcome's url; its error does not name it again.
        #expect(outcomes.first?["url"] as? String == "ftp://example.invalid/")
        #expect(outcomes.first?["error"] as? String == "not an http(s) URL with a host name")
    }

    @Test func isHiddenFromHelp() throws {
        let result = try CommandRunner.run(["--help"])
        #expect(!result.stdout.contains("crawl"))
    }
}
