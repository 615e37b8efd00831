import Foundation
import Gzip
import TestSupport
import Testing

/// `audit --archive` and `--from-archive` as a user runs them, against a real server on
/// 127.0.0.1: several pages, a redirect, a gzip-encoded page, a windows-1251 page, a
/// robots.txt refusal, a 304 on the second run, a local file. The archive is read back by
/// Python's warcio; the replay runs with the server stopped.
@Suite(.serialized) struct ArchiveOverHTTPTests {
    static func handler() throws -> TestHTTPServer.Handler {
        let gzipped = try Gzip.compress(Array("""
            <html lang="ru"><body><h2>Пресс-служба</h2><p>Почта: <a href="mailto:press@example.ru">press@example.ru</a></p></body></html>
            """.utf8))
        let pages: [String: TestResponse] = [
            "/robots.txt": TestResponse(headers: [("Content-Type", "text/plain")],
                                        body: Array("User-agent: *\nDisallow: /private\n".utf8)),
            "/contacts": TestResponse(headers: [("Content-Type", "text/html; charset=windows-1251")],
                                      body: windows1251("<html lang=\"ru\"><body><h2>Телефон горячей линии</h2><p>Звоните: +7 495 777-88-99</p></body></html>")),
            "/old-contacts": .redirect("/contacts-moved", status: 301),
            "/contacts-moved": .html("<html lang=\"ru\"><body><p>Справочная: <a href=\"tel:+74957274747\">+7 495 727-47-47</a></p></body></html>"),
            "/press-contacts": TestResponse(headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
                                            body: gzipped),
            "/private/contacts": .html("<p>Горячая линия: 8 800 000-00-00</p>"),
            // A bot wall answering 403: its verdict (blocked) must come back from the archive too.
            "/cf": TestResponse(status: 403, headers: [("Content-Type", "text/html; charset=UTF-8"),
                                                       ("cf-mitigated", "challenge"), ("Server", "cloudflare")],
                                body: Array(WebPagesOverHTTPTests.cloudflare.utf8)),
        ]
        let home = """
            <html lang="ru"><body><h1>Помощь</h1><p>Горячая линия: 8 800 100-70-10, круглосуточно.</p>
            <p><a href="/contacts">Контакты</a> <a href="/old-contacts">Старые контакты</a>
            <a href="/press-contacts">Контакты для прессы</a> <a href="/private/contacts">Служебные контакты</a></p>
            </body></html>
            """
        return { request, _ in
            guard request.path == "/" else { return pages[request.path] ?? .notFound }
            // The home page is the one that answers 304 to a second run.
            if request.headers["if-none-match"] == "\"home-1\"" {
                return TestResponse(status: 304, headers: [("ETag", "\"home-1\"")], body: [])
            }
            return TestResponse(headers: [("Content-Type", "text/html; charset=utf-8"), ("ETag", "\"home-1\"")],
                                body: Array(home.utf8))
        }
    }

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let run = try Executable.run(arguments)
        return Run(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    static func warcio(_ arguments: [String]) throws -> (Int32, String) {
        let result = try Warcio.run(arguments)
        return (result.status, result.output)
    }

    /// Source files of a snapshot directory (run.json aside: it holds the run's times).
    /// The per-source files: not run.json (times) nor findings-history.json (dates of
    /// findings, which also name the sources they are on).
    static func sourceFiles(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
        where name != "run.json" && name != "findings-history.json" {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test func archiveReadsBackWithWarcioAndReplaysOffline() throws {
        let server = try TestHTTPServer(handler: try Self.handler())
        var serverStopped = false
        defer { if !serverStopped { server.stop() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("pages"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "<html lang=\"ru\"><body><p>Факс: +7 495 111-22-33</p></body></html>"
            .write(to: directory.appendingPathComponent("pages/local.html"), atomically: true, encoding: .utf8)
        try AuditFiles.write(AuditFiles.yaml(sources: [.official("\(server.base)/"), .init("pages/local.html"), .init("\(server.base)/cf")],
                                             crawl: ["depth": "1", "delay": "0"]), in: directory)
        let archive = directory.appendingPathComponent("web.warc.gz").path
        let snapshot = directory.appendingPathComponent("snapshot")
        func audit(_ extra: [String]) throws -> Run {
            try Self.run(["audit", directory.path, "--format", "json", "--snapshot", snapshot.path] + extra)
        }

        // First run: everything fetched in full.
        let first = try audit(["--archive", archive])
        #expect(first.status == 0 || first.status == 1, "\(first.stderr)")
        #expect(server.requests(for: "/private/contacts").isEmpty)

        // The snapshot as the second run finds it: the replay starts from the same one, so
        // what depends on history (source-unreadable counts runs) is the same too.
        let startOfSecond = directory.appendingPathComponent("start-of-second")
        try FileManager.default.copyItem(at: snapshot, to: startOfSecond)

        // Second run: the home page answers 304; its page comes from the first archive,
        // so its links are followed again and its records are read again.
        let second = try audit(["--archive", archive])
        #expect(second.status == first.status, "\(second.stderr)")
        #expect(server.requests(for: "/").count == 2)
        #expect(server.requests(for: "/contacts").count == 2)
        #expect(server.requests(for: "/press-contacts").count == 2)
        let report = try #require(try JSONSerialization.jsonObject(with: second.stdout) as? [String: Any])
        let urls = Set((report["sources"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String })
        #expect(urls.isSuperset(of: ["\(server.base)/", "\(server.base)/contacts", "\(server.base)/old-contacts",
                                     "\(server.base)/press-contacts", "pages/local.html"]))
        let run = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: snapshot.appendingPathComponent("run.json"))) as? [String: Any])
        let versions = try #require(run["versions"] as? [String: String])
        #expect(Set(versions.keys) == ["contact-audit", "libcurl", "libxml2", "libphonenumber", "libphonenumber-metadata"])
        #expect(run["notModified"] as? [String] == ["\(server.base)/"])
        let afterSecond = try Self.sourceFiles(snapshot)
        let wall = try #require((report["sources"] as? [[String: Any]])?.first { $0["url"] as? String == "\(server.base)/cf" })
        #expect(wall["status"] as? String == "blocked", "\(wall)")

        // warcio reads the second archive with no error and checks every digest.
        let (checkStatus, checkOutput) = try Self.warcio(["check", "-v", archive])
        #expect(checkStatus == 0, "\(checkOutput)")
        #expect(!checkOutput.contains("failed"))
        let (indexStatus, indexOutput) = try Self.warcio(["index", "-f",
            "warc-type,warc-target-uri,http:status,http:content-encoding,warc-refers-to,warc-record-id", archive])
        #expect(indexStatus == 0)
        let index = indexOutput.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: String]
        }
        func records(_ type: String, _ path: String) -> [[String: String]] {
            index.filter { $0["warc-type"] == type && $0["warc-target-uri"] == server.base + path }
        }
        #expect(index.first?["warc-type"] == "warcinfo")
        // The 304 is a revisit of the first run's response, copied into this archive.
        let revisit = try #require(records("revisit", "/").first)
        #expect(revisit["http:status"] == "304")
        let revisited = try #require(records("response", "/").first)
        #expect(revisit["warc-refers-to"] == revisited["warc-record-id"])
        #expect(revisited["http:status"] == "200")
        #expect(records("response", "/old-contacts").first?["http:status"] == "301")
        #expect(records("response", "/contacts-moved").first?["http:status"] == "200")
        #expect(records("response", "/press-contacts").first?["http:content-encoding"] == "gzip")
        #expect(records("response", "/contacts").count == 1)
        #expect(records("request", "/contacts").count == 1)
        #expect(records("response", "/private/contacts").isEmpty)
        #expect(records("metadata", "/private/contacts").count == 1)
        #expect(records("metadata", "/robots.txt").count == 1)
        #expect(index.contains { $0["warc-type"] == "resource" && $0["warc-target-uri"]?.hasSuffix("/pages/local.html") == true })

        // The replay: no server, the snapshot directory as the second run found it, the
        // same report and snapshot.
        server.stop()
        serverStopped = true
        let replayed = directory.appendingPathComponent("replayed")
        try FileManager.default.copyItem(at: startOfSecond, to: replayed)
        let offline = try Self.run(["audit", directory.path, "--format", "json", "--snapshot", replayed.path,
                                    "--from-archive", archive])
        #expect(offline.status == second.status, "\(offline.stderr)")
        #expect(offline.stdout == second.stdout)
        #expect(try Self.sourceFiles(replayed) == afterSecond)
        let replayRun = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: replayed.appendingPathComponent("run.json"))) as? [String: Any])
        #expect(replayRun["fromArchive"] as? String == archive)

        // Into an empty directory: the 304's page comes from the archived fetch it revisits;
        // only the wall's count of unreadable runs (history the directory no longer has) differs.
        let fresh = directory.appendingPathComponent("fresh")
        let freshRun = try Self.run(["audit", directory.path, "--format", "json", "--snapshot", fresh.path,
                                     "--from-archive", archive])
        #expect(freshRun.status == second.status, "\(freshRun.stderr)")
        let wallFile = try #require(afterSecond.keys.first { name in
            String(decoding: afterSecond[name] ?? Data(), as: UTF8.self).contains("\"source\" : \"\(server.base)/cf\"")
        })
        var freshFiles = try Self.sourceFiles(fresh)
        var expected = afterSecond
        #expect(freshFiles.removeValue(forKey: wallFile) != nil)
        expected.removeValue(forKey: wallFile)
        #expect(freshFiles == expected)

        // `extract FILE.warc.gz`: every page in the archive, decoded as it was received
        // (the gzip body, the windows-1251 page), with no network.
        let extracted = try Self.run(["extract", "--format", "json", archive])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: extracted.stdout) as? [String: Any])
        let values = Set((list["records"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String })
        #expect(values.isSuperset(of: ["+78001007010", "+74957778899", "+74957274747", "press@example.ru", "+74951112233"]))
        #expect(!values.contains("+78000000000"))
        // The local page under the name its audit gave it, as `extract FILE` names a file,
        // not the absolute file:// URL the WARC record targets.
        let localSources = Set((list["records"] as? [[String: Any]] ?? []).filter { $0["value"] as? String == "+74951112233" }
            .compactMap { $0["source"] as? String })
        #expect(localSources == ["pages/local.html"], "\(localSources)")

        // An older extractor, simulated: the first run's snapshot with one record read
        // otherwise (its channel). The page bytes are the same, so `diff` blames the extractor.
        let older = directory.appendingPathComponent("older")
        try FileManager.default.copyItem(at: snapshot, to: older)
        let name = try #require(afterSecond.keys.sorted().first { key in
            String(decoding: afterSecond[key] ?? Data(), as: UTF8.self).contains("\"channel\" : \"hotline\"")
        })
        let edited = String(decoding: afterSecond[name] ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "\"channel\" : \"hotline\"", with: "\"channel\" : \"unknown\"")
        try edited.write(to: older.appendingPathComponent(name), atomically: true, encoding: .utf8)
        for format in ["text", "markdown", "json"] {
            let diff = try Self.run(["diff", older.path, replayed.path, "--format", format])
            let output = String(decoding: diff.stdout, as: UTF8.self)
            #expect(diff.status == 1, "\(diff.stderr)")
            #expect(output.contains(format == "json" ? "extractor-changed" : "extractor changed: same page bytes"), "\(output)")
            #expect(!output.contains("page changed") && !output.contains("page-changed"))
        }
    }

    /// A file at the archive's path that is no archive is a warning, and is replaced by
    /// a good one; an archive that cannot be read for --from-archive is exit 2, named.
    @Test func unreadableArchivesAreNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("archive-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "<html><body><p>Телефон: +7 495 111-22-33</p></body></html>"
            .write(to: directory.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        try "name: local\nregion: RU\nsources:\n  - url: page.html\n"
            .write(to: directory.appendingPathComponent("audit.yaml"), atomically: true, encoding: .utf8)
        let archive = directory.appendingPathComponent("local.warc.gz").path
        try "not an archive".write(toFile: archive, atomically: true, encoding: .utf8)
        let run = try Self.run(["audit", directory.path, "--no-snapshot", "--archive", archive, "--fail-on", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: \(archive): not a readable WARC file"))
        let (status, output) = try Self.warcio(["index", "-f", "warc-type,warc-target-uri", archive])
        #expect(status == 0)
        #expect(output.contains("\"resource\"") && output.contains("page.html"))

        let missing = try Self.run(["audit", directory.path, "--no-snapshot", "--from-archive", directory.path + "/none.warc.gz"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.warc.gz: cannot read the archive: no such file"))
    }

    /// Several audits share one crawl and so one archive; each is replayed from its own
    /// outcomes.
    @Test func severalAuditsShareOneArchive() throws {
        let server = try TestHTTPServer(handler: try Self.handler())
        var serverStopped = false
        defer { if !serverStopped { server.stop() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("archive-many-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, path) in [("home", "/"), ("press", "/press-contacts")] {
            let audit = directory.appendingPathComponent("audits/\(name)")
            try FileManager.default.createDirectory(at: audit, withIntermediateDirectories: true)
            try "name: \(name)\nregion: RU\nsources:\n  - url: \(server.base)\(path)\n    official: true\ncrawl:\n  delay: 0\n"
                .write(to: audit.appendingPathComponent("audit.yaml"), atomically: true, encoding: .utf8)
        }
        let audits = directory.appendingPathComponent("audits").path
        let archive = directory.appendingPathComponent("all.warc.gz").path
        let live = try Self.run(["audit", audits, "--format", "json", "--snapshot", directory.appendingPathComponent("live").path,
                                 "--archive", archive, "--fail-on", "never"])
        #expect(live.status == 0, "\(live.stderr)")
        server.stop()
        serverStopped = true
        let replayed = try Self.run(["audit", audits, "--format", "json", "--snapshot", directory.appendingPathComponent("replayed").path,
                                     "--from-archive", archive, "--fail-on", "never"])
        #expect(replayed.status == 0, "\(replayed.stderr)")
        #expect(replayed.stdout == live.stdout)
        for name in ["home", "press"] {
            let before = try Self.sourceFiles(directory.appendingPathComponent("live/\(name)"))
            #expect(!before.isEmpty)
            #expect(try Self.sourceFiles(directory.appendingPathComponent("replayed/\(name)")) == before)
        }
        let (_, index) = try Self.warcio(["index", "-f", "warc-type", archive])
        #expect(index.components(separatedBy: "warcinfo").count - 1 == 1)
    }
}
