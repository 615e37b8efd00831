import Foundation
import TestSupport
import Testing

/// A static site served by `Fixtures/servers/conditional_server.py` (ETag, Last-Modified,
/// 304 on `If-None-Match` / `If-Modified-Since`, one JSON line per request in a log), on
/// 127.0.0.1 and a free port. Stopped by closing its standard input.
final class ConditionalServer: @unchecked Sendable {
    let root: URL
    let log: URL
    let port: Int
    private let process: Process
    private let input: Pipe

    var base: String { "http://127.0.0.1:\(port)" }

    init(root: URL, log: URL) throws {
        self.root = root
        self.log = log
        let script = CommandRunner.packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/servers/conditional_server.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, root.path, log.path]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // The first line is the port, written once the socket listens.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 0x0A {
            line.append(first)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "conditional_server.py did not start"])
        }
        self.port = port
    }

    struct Request: Decodable {
        var method: String
        var path: String
        var status: Int
        var ifNoneMatch: String?
        var ifModifiedSince: String?

        enum CodingKeys: String, CodingKey {
            case method, path, status
            case ifNoneMatch = "if-none-match"
            case ifModifiedSince = "if-modified-since"
        }
    }

    /// Every request so far, in arrival order.
    func requests() throws -> [Request] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// The audit as cron or a scheduled CI job runs it: the built executable, the same
/// command again and again against a real server that answers conditional requests.
/// A page answered 304 must contribute what it contributed when last fetched, records
/// and links alike (issue 12, item 1: the crawl used to stop at a 304'd start page, and
/// the pages it links to vanished from the report and the snapshot).
@Suite struct CronLoopTests {
    static let start = """
        <!DOCTYPE html><html lang="ru"><head><title>Помощь</title></head><body>
        <nav><a href="/kontakty.html">Контакты</a> <a href="/help/faq.html">Вопросы и ответы</a>
        <a href="/private/notes.html">Служебное</a> <a href="https://elsewhere.example/">Партнёры</a></nav>
        <p>Горячая линия: <a href="tel:+78001007010">8 800 100-70-10</a>, круглосуточно.</p></body></html>
        """
    static func contacts(_ number: String) -> String {
        """
        <!DOCTYPE html><html lang="ru"><body><h1>Контакты</h1>
        <p>Для звонков из-за рубежа: \(number)</p>
        <p>Пишите нам: <a href="mailto:support@example.ru">support@example.ru</a></p></body></html>
        """
    }
    static let faq = """
        <!DOCTYPE html><html lang="ru"><body><h1>Вопросы и ответы</h1>
        <p>Чат поддержки работает в будние дни с 09:00 до 21:00.</p>
        <p>Короткий номер: 115</p></body></html>
        """

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Every snapshot file but run.json, by name.
    static func snapshotFiles(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name != "run.json" {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test func repeatedRunsKeepEveryPageAndAChangeShowsAsExactlyThatChange() async throws {
        let directory = try AuditCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let site = directory.appendingPathComponent("site")
        try Self.write(Self.start, to: site.appendingPathComponent("index.html"))
        try Self.write(Self.contacts("+7 495 727-47-47"), to: site.appendingPathComponent("kontakty.html"))
        try Self.write(Self.faq, to: site.appendingPathComponent("help/faq.html"))
        try Self.write("<p>Телефон: 8 495 000-00-01</p>", to: site.appendingPathComponent("private/notes.html"))
        try Self.write("User-agent: *\nDisallow: /private/\n", to: site.appendingPathComponent("robots.txt"))
        let server = try ConditionalServer(root: site, log: directory.appendingPathComponent("requests.jsonl"))
        defer { server.stop() }
        try AuditFiles.write(AuditFiles.yaml(name: "cron", sources: [.official("\(server.base)/")], crawl: ["depth": "1", "delay": "0"]),
                             in: directory.appendingPathComponent("audit"))

        let arguments = ["audit", "audit", "--snapshot", "snapshot", "--format", "json", "--fail-on", "never"]
        var reports: [String] = []
        var snapshots: [[String: Data]] = []
        for _ in 0..<3 {
            let run = try await CommandRunner.runAsync(arguments, in: directory)
            #expect(run.status == 0, "\(run.stderr)")
            reports.append(run.stdout)
            snapshots.append(try Self.snapshotFiles(directory.appendingPathComponent("snapshot")))
        }
        // Three pages each time: the start page, and the two it links to (the private one
        // is refused by robots.txt and reported as such, the other host is out of scope).
        let first = try #require(try JSONSerialization.jsonObject(with: Data(reports[0].utf8)) as? [String: Any])
        let sources = try #require(first["sources"] as? [[String: Any]]).compactMap { $0["url"] as? String }
        #expect(Set(sources).isSuperset(of: ["\(server.base)/", "\(server.base)/kontakty.html",
                                             "\(server.base)/help/faq.html"]))
        #expect(reports[1] == reports[0])
        #expect(reports[2] == reports[0])
        // One file per source, and the findings history (byte-identical too: same findings).
        #expect(snapshots[0].keys.filter { $0 != "findings-history.json" }.count == sources.count)
        #expect(snapshots[1] == snapshots[0])
        #expect(snapshots[2] == snapshots[0])
        for page in ["kontakty.html", "help/faq.html"] {
            #expect(reports[2].contains("\(server.base)/\(page)"), "the 304'd start page no longer led to \(page)")
        }

        // Runs two and three asked conditionally for every page and got 304s.
        let pages = ["/", "/kontakty.html", "/help/faq.html"]
        let requests = try server.requests()
        for path in pages {
            let asked = requests.filter { $0.path == path }
            #expect(asked.map(\.status) == [200, 304, 304], "\(path): \(asked.map(\.status))")
            #expect(asked.dropFirst().allSatisfy { $0.ifNoneMatch != nil && $0.ifModifiedSince != nil })
        }
        #expect(!requests.contains { $0.path.hasPrefix("/private/") })
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("snapshot/run.json")))
        #expect((run as? [String: Any])?["notModified"] as? [String] == pages.map { "\(server.base)\($0)" }.sorted())

        // One linked page changes: the next run's diff shows that change and nothing else.
        try FileManager.default.copyItem(at: directory.appendingPathComponent("snapshot"),
                                         to: directory.appendingPathComponent("before"))
        try Self.write(Self.contacts("+7 495 727-47-48"), to: site.appendingPathComponent("kontakty.html"))
        let fourth = try await CommandRunner.runAsync(arguments, in: directory)
        #expect(fourth.status == 0, "\(fourth.stderr)")
        let diff = try await CommandRunner.runAsync(["diff", "before", "snapshot", "--format", "json"], in: directory)
        #expect(diff.status == 1, "\(diff.stdout)\(diff.stderr)")
        let changes = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let changed = try #require(changes["sources"] as? [[String: Any]])
        #expect(changed.count == 1)
        #expect(changed.first?["source"] as? String == "\(server.base)/kontakty.html")
        #expect(changed.first?["change"] as? String == "changed")
        #expect((changed.first?["removed"] as? [Any])?.isEmpty ?? true)
        #expect((changed.first?["added"] as? [Any])?.isEmpty ?? true)
        let recordChanges = try #require(changed.first?["changed"] as? [[String: Any]])
        #expect(recordChanges.count == 1)
        #expect((recordChanges.first?["after"] as? [String: Any])?["value"] as? String == "+74957274748")
        let text = try await CommandRunner.runAsync(["diff", "before", "snapshot"], in: directory)
        #expect(!text.stdout.contains("removed"), "\(text.stdout)")
    }
}
