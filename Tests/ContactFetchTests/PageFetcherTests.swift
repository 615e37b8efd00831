import Foundation
import Testing
@testable import ContactFetch

@Suite struct PageFetcherTests {
    private func temporaryFile(_ contents: [UInt8], name: String = "page.html") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contact-audit-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url
    }

    @Test func readsFileURLsThroughLibcurl() throws {
        let body = Array("<p>8 800 100-70-10</p>".utf8)
        let url = try temporaryFile(body)
        let page = try PageFetcher().fetch(url.absoluteString)
        #expect(page.body == body)
        #expect(page.status == 0)
        #expect(page.finalURL == url.absoluteString)
        #expect(!page.truncated)
    }

    @Test func cutsTheBodyAtTheLimit() throws {
        let url = try temporaryFile(Array(repeating: UInt8(ascii: "a"), count: 200_000))
        var limits = FetchLimits()
        limits.maxBodyBytes = 50_000
        let page = try PageFetcher(limits: limits).fetch(url.absoluteString)
        #expect(page.body.count == 50_000)
        #expect(page.truncated)
    }

    @Test func aMissingFileNamesTheURL() {
        let url = "file:///nonexistent/contact-audit/missing.html"
        do {
            _ = try PageFetcher().fetch(url)
            Issue.record("expected an error")
        } catch {
            guard case .transfer(let failed, let code, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(failed == url)
            #expect(code == 37)  // CURLE_FILE_COULDNT_READ_FILE
            #expect(error.description.hasPrefix(url))
            #expect(!message.isEmpty)
        }
    }

    @Test func refusesOtherSchemes() {
        #expect(throws: FetchError.unsupportedScheme(url: "ftp://example.com/")) {
            try PageFetcher().fetch("ftp://example.com/")
        }
    }

    @Test func parsesHeaderValues() {
        let lines = ["HTTP/1.1 200 OK", "ETag: \"abc\"", "last-modified:  Sat, 21 Nov 2026 10:00:00 GMT", ""]
        #expect(EasyHandle.header("etag", in: lines) == "\"abc\"")
        #expect(EasyHandle.header("last-modified", in: lines) == "Sat, 21 Nov 2026 10:00:00 GMT")
        #expect(EasyHandle.header("content-type", in: lines) == nil)
    }
}
