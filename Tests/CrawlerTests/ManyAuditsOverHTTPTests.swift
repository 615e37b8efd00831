import Foundation
import TestSupport
import Testing

/// Several audits whose pages sit on one site, in one `audit` run: one crawl serves them
/// all, so the site reads robots.txt once and sees requests no closer together than the
/// longest delay any of the audits asks for.
@Suite struct ManyAuditsOverHTTPTests {
    @Test func auditsSharingASiteSharePolitenessAndRobots() async throws {
        var pages: [String: TestResponse] = ["/robots.txt": .text("User-agent: *\nAllow: /\n")]
        for audit in ["a", "b"] {
            for page in 1...2 {
                pages["/\(audit)/\(page)"] = .html("<html lang=\"ru\"><body><p>Горячая линия: 8 800 100-70-1\(page)</p></body></html>")
            }
        }
        let server = try TestHTTPServer(handler: site(pages))
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("many-http-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Audit a asks for 0.3 s between requests, audit b for none: the site gets 0.3 s.
        for (audit, delay) in [("a", "0.3"), ("b", "0")] {
            try AuditFiles.write(AuditFiles.yaml(name: audit, hotline: "8 800 100-70-11",
                                                 sources: [.init("\(server.base)/\(audit)/1"), .init("\(server.base)/\(audit)/2")],
                                                 crawl: ["depth": "0", "delay": delay]),
                                 in: directory.appendingPathComponent(audit))
        }
        let process = Process()
        process.executableURL = try #require(BuiltExecutable.url, "build the contact-audit executable first")
        process.arguments = ["audit", directory.path, "--no-snapshot", "--format", "json", "--fail-on", "never"]
        let output = directory.appendingPathComponent("report.json")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        #expect(status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let audits = try #require(report["audits"] as? [[String: Any]])
        #expect(audits.map { ($0["summary"] as? [String: Any])?["sources"] as? Int } == [2, 2])

        #expect(server.requests(for: "/robots.txt").count == 1)
        let starts = server.requests.filter { $0.path != "/robots.txt" }.map(\.time).sorted()
        #expect(starts.count == 4)
        for (earlier, later) in zip(starts, starts.dropFirst()) {
            // The server stamps arrival; scheduling on a loaded machine moves it either way.
            #expect(later - earlier >= .milliseconds(250), "\(later - earlier)")
        }
    }
}
