import ContactPipeline
import Foundation
import Synchronization
import TestSupport
import Testing

/// A page that could not be read is named once wherever its error is shown: the crawler's
/// error says what happened (the page is the outcome's url), and each printer names the
/// page beside it. A missing page, a refused port and a page robots.txt disallows, through
/// the built executable against a server on 127.0.0.1.
@Suite struct FetchErrorMessageTests {
    @Test func everyOutputNamesTheFailedPageOnce() throws {
        let server = try TestHTTPServer { request, _ in
            switch request.path {
            case "/robots.txt": return .text("User-agent: *\nDisallow: /private/\n")
            case "/": return .html("<html lang=\"ru\"><body><p>Горячая линия: 8 800 100-70-10</p></body></html>")
            default: return .notFound
            }
        }
        defer { server.stop() }
        let missing = "\(server.base)/missing", disallowed = "\(server.base)/private/page", refused = "http://127.0.0.1:1/refused"
        let failed = [missing, disallowed, refused]
        let directory = try AuditFiles.temporaryDirectory("fetch-errors")
        defer { try? FileManager.default.removeItem(at: directory) }
        try AuditFiles.write(AuditFiles.yaml(name: "errors", sources: [.official("\(server.base)/")] + failed.map { .init($0) }),
                             in: directory)

        /// No line names a failed page twice, and the causes are all there.
        func namesEachOnce(_ output: String, _ label: String) {
            for line in output.split(separator: "\n") {
                for url in failed {
                    #expect(line.components(separatedBy: url).count <= 2, "\(label): \(line)")
                }
            }
            for cause in ["the server answered HTTP 404", "disallowed by robots.txt", "could not connect to 127.0.0.1:1"] {
                #expect(output.contains(cause), "\(label) lacks \(cause)")
            }
        }
        // The formats at once: the refused port's retries make each run take seconds.
        let formats = ["text", "json", "markdown", "junit", "html"]
        let runs = try Self.concurrently(formats.map { format in
            ["audit", directory.path, "--format", format, "--no-snapshot", "--fail-on", "never",
             "--archive", directory.appendingPathComponent("\(format).warc.gz").path]
        })
        var reports: [String: Data] = [:]
        for (format, run) in zip(formats, runs) {
            #expect(run.status == 0, "\(run.stderr)")
            namesEachOnce(String(decoding: run.stdout, as: UTF8.self), format)
            reports[format] = run.stdout
        }
        // The JSON report's error fields name no page: the source's url does.
        let document = try #require(try JSONSerialization.jsonObject(with: reports["json"] ?? Data()) as? [String: Any])
        let sources = try #require(document["sources"] as? [[String: Any]])
        let errors = sources.compactMap { ($0["error"] ?? $0["reason"]) as? String }
        #expect(errors.count == 3)
        #expect(errors.allSatisfy { !$0.contains("http://") }, "\(errors)")

        // extract: one stderr line per input, the page named once.
        for (url, run) in zip(failed, try Self.concurrently(failed.map { ["extract", $0] })) {
            #expect(run.status == 2)
            let lines = run.stderr.split(separator: "\n").filter { $0.contains(url) }
            #expect(lines.count == 1, "\(run.stderr)")
            #expect(lines.allSatisfy { $0.components(separatedBy: url).count == 2 }, "\(run.stderr)")
        }

        // The hidden crawl command's JSON and the archive's outcomes: the url field names the page, the error does not.
        let crawl = try Executable.run(["crawl", "--depth", "0", "--delay", "0"] + failed)
        let outcomes = try #require((try JSONSerialization.jsonObject(with: crawl.stdout) as? [String: Any])?["outcomes"] as? [[String: Any]])
        #expect(outcomes.count == 3)
        for outcome in outcomes {
            let url = try #require(outcome["url"] as? String), error = try #require(outcome["error"] as? String)
            #expect(!error.contains(url), "\(error)")
        }
        let replay = try ArchiveReplay(path: directory.appendingPathComponent("text.warc.gz").path)
        let archived = replay.entries.filter { failed.contains($0.outcome.url) }
        #expect(archived.count == 3)
        #expect(archived.allSatisfy { entry in entry.outcome.error.map { !$0.contains(entry.outcome.url) } ?? false })
    }

    /// The executable run with each argument list at once, results in the lists' order.
    static func concurrently(_ argumentLists: [[String]]) throws -> [(status: Int32, stdout: Data, stderr: String)] {
        let results = Mutex<[Int: Result<(status: Int32, stdout: Data, stderr: String), any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: argumentLists.count) { index in
            let result = Result { try Executable.run(argumentLists[index]) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { all in try argumentLists.indices.map { try all[$0]!.get() } }
    }
}
