import Foundation
import TestSupport
import Testing

/// A page several audits list, in one run: fetched (and read) once, its records given to
/// each audit's snapshot with that audit's own attribution; the next run asks for it once,
/// conditionally, and a 304 keeps every audit's records. When the audits' snapshots hold
/// different validators for it, it is fetched once in full.
@Suite struct SharedPageOverHTTPTests {
    static let page = """
        <html lang="ru"><body><h1>Помощь</h1>
        <p>Горячая линия: 8 800 100-70-10, круглосуточно.</p></body></html>
        """

    static func handler(_ request: TestRequest, _ hit: Int) -> TestResponse {
        switch request.path {
        case "/shared":
            if request.headers["if-none-match"] == "\"v1\"" {
                return TestResponse(status: 304, headers: [("ETag", "\"v1\"")], body: [])
            }
            var response = TestResponse.html(page)
            response.headers.append(("ETag", "\"v1\""))
            return response
        case "/b-own":
            return .html("<html lang=\"ru\"><body><p>Телефон: +7 495 727-47-47</p></body></html>")
        default:
            return .notFound
        }
    }

    /// Audit a lists the page as official, audit b as a third party's (and a page of its own).
    static func writeAudits(in directory: URL, server: TestHTTPServer) throws {
        let sources: [(String, [AuditFiles.Source])] = [
            ("a", [.official("\(server.base)/shared")]),
            ("b", [.init("\(server.base)/shared"), .init("\(server.base)/b-own")]),
        ]
        for (name, sources) in sources {
            try AuditFiles.write(AuditFiles.yaml(name: name, sources: sources), in: directory.appendingPathComponent("audits/\(name)"))
        }
    }

    /// The snapshot's file for the shared page (by its `source`: run.json names the page
    /// too, in `notModified`).
    static func sharedPageFile(in snapshot: URL) throws -> URL {
        for name in try FileManager.default.contentsOfDirectory(atPath: snapshot.path).sorted() where name.hasSuffix(".json") {
            let file = snapshot.appendingPathComponent(name)
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
            if let source = object as? [String: Any], (source["source"] as? String)?.hasSuffix("/shared") == true {
                return file
            }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// The snapshot's file for the shared page, decoded.
    static func sharedPage(in snapshot: URL) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: try sharedPageFile(in: snapshot)))
        return try #require(object as? [String: Any])
    }

    static func phones(_ source: [String: Any]) -> [String] {
        ((source["records"] as? [[String: Any]]) ?? []).compactMap { $0["value"] as? String }
    }

    @Test func aPageTwoAuditsListIsFetchedOncePerRun() async throws {
        let server = try TestHTTPServer(handler: Self.handler)
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.writeAudits(in: directory, server: server)
        let snapshots = directory.appendingPathComponent("snaps")
        let arguments = ["audit", directory.appendingPathComponent("audits").path, "--snapshot", snapshots.path,
                         "--fail-on", "never"]

        #expect(try await SnapshotOverHTTPTests.run(arguments) == 0)
        #expect(server.requests(for: "/shared").count == 1)
        #expect(server.requests(for: "/b-own").count == 1)
        let a = try Self.sharedPage(in: snapshots.appendingPathComponent("a"))
        let b = try Self.sharedPage(in: snapshots.appendingPathComponent("b"))
        #expect(Self.phones(a).contains("+78001007010") && Self.phones(a) == Self.phones(b))
        // Each audit's own attribution of the one page.
        #expect(a["official"] as? Bool == true)
        #expect(b["official"] as? Bool != true)

        // Second run: both snapshots hold the same validators, so one conditional request;
        // the 304 keeps both audits' records.
        let before = try ["a", "b"].map { try SnapshotOverHTTPTests.contents(of: snapshots.appendingPathComponent($0)) }
        #expect(try await SnapshotOverHTTPTests.run(arguments) == 0)
        let shared = server.requests(for: "/shared")
        #expect(shared.count == 2)
        #expect(shared.last?.headers["if-none-match"] == "\"v1\"")
        for (index, name) in ["a", "b"].enumerated() {
            var after = try SnapshotOverHTTPTests.contents(of: snapshots.appendingPathComponent(name))
            var earlier = before[index]
            after["run.json"] = nil
            earlier["run.json"] = nil
            #expect(after == earlier, "\(name)'s snapshot changed on a 304")
        }

        // b's snapshot forgets its validators: the page is fetched once, in full, for both.
        let file = try Self.sharedPageFile(in: snapshots.appendingPathComponent("b"))
        var stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var fetch = try #require(stored["fetch"] as? [String: Any])
        fetch["etag"] = nil
        stored["fetch"] = fetch
        try JSONSerialization.data(withJSONObject: stored, options: [.sortedKeys]).write(to: file)
        #expect(try await SnapshotOverHTTPTests.run(arguments) == 0)
        #expect(server.requests(for: "/shared").count == 3)
        #expect(server.requests(for: "/shared").last?.headers["if-none-match"] == nil)
        #expect(Self.phones(try Self.sharedPage(in: snapshots.appendingPathComponent("a"))).contains("+78001007010"))
        #expect(Self.phones(try Self.sharedPage(in: snapshots.appendingPathComponent("b"))).contains("+78001007010"))
    }
}
