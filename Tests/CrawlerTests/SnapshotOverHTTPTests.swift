import Foundation
import TestSupport
import Testing

/// Snapshots of http(s) sources, with the built executable against the test server: a
/// second run sends the stored validators and reuses the records on a 304, and a run
/// killed with SIGKILL leaves the previous snapshot exactly as it was.
@Suite struct SnapshotOverHTTPTests {
    static let page = """
        <html lang="ru"><body><h1>Помощь</h1>
        <p>Горячая линия: 8 800 100-70-10, круглосуточно.</p></body></html>
        """

    /// The page with an ETag, 304 when the client already has it. While `slow` is set, the
    /// page trickles out at about 200 bytes a second for a minute: fast enough for libcurl's
    /// low-speed abort (100 bytes/s), slow enough that the run is still reading it when
    /// killed, however loaded the machine is.
    static func handler(_ slow: Flag) -> TestHTTPServer.Handler {
        { request, _ in
            guard request.path == "/" else { return .notFound }
            if slow.isSet {
                var response = TestResponse.html(page + String(repeating: " ", count: 12_000))
                response.drip = .milliseconds(5)
                return response
            }
            if request.headers["if-none-match"] == "\"v1\"" {
                return TestResponse(status: 304, headers: [("ETag", "\"v1\"")], body: [])
            }
            var response = TestResponse.html(page)
            response.headers.append(("ETag", "\"v1\""))
            return response
        }
    }

    static func writeAudit(in directory: URL, server: TestHTTPServer) throws {
        try AuditFiles.write(AuditFiles.yaml(sources: [.init("\(server.base)/")], crawl: ["depth": "0", "delay": "0", "timeout": "300"]),
                             in: directory)
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try #require(BuiltExecutable.url, "build the contact-audit executable first")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ arguments: [String]) async throws -> Int32 { try await Executable.status(arguments) }

    /// Every file of a directory, by name, with its bytes.
    static func contents(of directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test func secondRunSendsValidatorsAndReusesRecordsOnNotModified() async throws {
        let server = try TestHTTPServer(handler: Self.handler(Flag()))
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snap-304-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.writeAudit(in: directory, server: server)
        let snapshot = directory.appendingPathComponent("snapshot")

        #expect(try await Self.run(["audit", directory.path, "--snapshot", snapshot.path, "--fail-on", "never"]) == 0)
        var first = try Self.contents(of: snapshot)
        #expect(try await Self.run(["audit", directory.path, "--snapshot", snapshot.path, "--fail-on", "never"]) == 0)
        var second = try Self.contents(of: snapshot)

        let requests = server.requests(for: "/")
        #expect(requests.count == 2)
        #expect(requests.last?.headers["if-none-match"] == "\"v1\"")
        let run = try #require(try JSONSerialization.jsonObject(with: second["run.json"] ?? Data()) as? [String: Any])
        #expect(run["notModified"] as? [String] == ["\(server.base)/"])
        // The page's file is the same bytes: its records (and hash) came from the stored copy.
        first["run.json"] = nil
        second["run.json"] = nil
        #expect(first == second)
        let source = try #require(second.values.first)
        #expect(String(decoding: source, as: UTF8.self).contains("+78001007010"))
    }

    /// A snapshot written before pages kept their links cannot hand a 304'd page's links
    /// to the crawl: such a page is fetched in full once, and conditionally from then on.
    @Test func pageStoredWithoutLinksIsFetchedInFullOnce() async throws {
        let server = try TestHTTPServer(handler: Self.handler(Flag()))
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snap-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.writeAudit(in: directory, server: server)
        let snapshot = directory.appendingPathComponent("snapshot")
        let arguments = ["audit", directory.path, "--snapshot", snapshot.path, "--fail-on", "never"]

        #expect(try await Self.run(arguments) == 0)
        let name = try #require(try Self.contents(of: snapshot).keys.first { $0 != "run.json" && $0 != "findings-history.json" })
        let file = snapshot.appendingPathComponent(name)
        var stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(stored["links"] as? [Any] != nil)
        stored["links"] = nil
        try JSONSerialization.data(withJSONObject: stored, options: [.sortedKeys]).write(to: file)

        #expect(try await Self.run(arguments) == 0)
        #expect(try await Self.run(arguments) == 0)
        let requests = server.requests(for: "/")
        #expect(requests.map { $0.headers["if-none-match"] } == [nil, nil, "\"v1\""])
    }

    @Test func killedRunLeavesThePreviousSnapshotUnchanged() async throws {
        let slow = Flag()
        let server = try TestHTTPServer(handler: Self.handler(slow))
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snap-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.writeAudit(in: directory, server: server)
        let snapshot = directory.appendingPathComponent("snapshot")
        let arguments = ["audit", directory.path, "--snapshot", snapshot.path, "--fail-on", "never"]

        #expect(try await Self.run(arguments) == 0)
        let before = try Self.contents(of: snapshot)
        #expect(before.count == 2)

        // The page now takes a minute: kill the run while it reads it.
        slow.set(true)
        let process = try Self.start(arguments)
        let deadline = Date().addingTimeInterval(30)
        while server.requests(for: "/").count < 2, process.isRunning, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(server.requests(for: "/").count == 2, "the second run never asked for the page")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Self.contents(of: snapshot) == before)

        // The next run replaces it and leaves no staging directory behind.
        slow.set(false)
        #expect(try await Self.run(arguments) == 0)
        #expect(try Self.contents(of: snapshot).count == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}

/// A switch the server's handler threads read.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set(_ newValue: Bool) { lock.withLock { value = newValue } }
}
