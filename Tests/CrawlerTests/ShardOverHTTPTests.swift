import Foundation
import TestSupport
import Testing

/// `audit --shard I/N` in three processes at once over 36 generated audits on six
/// loopback hosts (127.0.0.2–7), several audits per host and two hosts joined by audits
/// that use both, then `merge`: the merged report is the one-process report, every page
/// was fetched once over all shards, and each host saw its requests no closer than the
/// delay, whichever shard sent them.
@Suite struct ShardOverHTTPTests {
    static let delay = Duration.milliseconds(150)

    static func runExecutable(_ arguments: [String]) async throws -> Int32 { try await Executable.status(arguments) }

    @Test func threeShardsMergeIntoTheOneProcessReport() async throws {
        let servers = try (2...7).map { host in
            try TestHTTPServer(address: "127.0.0.\(host)") { request, _ in
                if request.path == "/robots.txt" { return .text("User-agent: *\nAllow: /\n") }
                let audit = request.path.split(separator: "/").first.map(String.init) ?? "x"
                if request.path.hasSuffix("/contacts") {
                    return .html("<html lang=\"ru\"><body><p>Горячая линия \(audit): +7 495 100-\(audit.suffix(2))-01</p></body></html>")
                }
                return .html("""
                    <html lang="ru"><body><p>Телефон: 8 800 100-70-10</p>
                    <a href="/\(audit)/contacts">Контакты</a></body></html>
                    """)
            }
        }
        defer { servers.forEach { $0.stop() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let audits = directory.appendingPathComponent("audits")
        // Audit i lives on host i % 6; every other one on host 0 also reads a page on host 1,
        // which joins hosts 0 and 1 into one politeness group: five groups in all.
        let count = 36
        for index in 0..<count {
            let name = String(format: "a%02d", index)
            var sources: [AuditFiles.Source] = [.init("\(servers[index % 6].base)/\(name)/")]
            if index % 12 == 0 { sources.append(.init("\(servers[1].base)/\(name)x/")) }
            try AuditFiles.write(AuditFiles.yaml(name: name, sources: sources, crawl: ["depth": "1", "delay": "0.15"]),
                                 in: audits.appendingPathComponent(name))
        }

        let path = directory.path
        async let shard0 = Self.runExecutable(["audit", "\(path)/audits", "--shard", "0/3", "--snapshot", "\(path)/snaps",
                                               "--shard-result", "\(path)/r0.json", "--fail-on", "never"])
        async let shard1 = Self.runExecutable(["audit", "\(path)/audits", "--shard", "1/3", "--snapshot", "\(path)/snaps",
                                               "--shard-result", "\(path)/r1.json", "--fail-on", "never"])
        async let shard2 = Self.runExecutable(["audit", "\(path)/audits", "--shard", "2/3", "--snapshot", "\(path)/snaps",
                                               "--shard-result", "\(path)/r2.json", "--fail-on", "never"])
        #expect(try await [shard0, shard1, shard2] == [0, 0, 0])

        // Every page once over all shards; robots.txt once per host; per host, request
        // starts at least the delay apart.
        for server in servers {
            let pages = server.requests.filter { $0.path != "/robots.txt" }
            #expect(!pages.isEmpty)
            #expect(Set(pages.map(\.path)).count == pages.count, "\(server.address): \(pages.map(\.path))")
            #expect(server.requests(for: "/robots.txt").count == 1, "\(server.address)")
            let starts = pages.map(\.time).sorted()
            for (earlier, later) in zip(starts, starts.dropFirst()) {
                // The server stamps arrival: connection set-up on a loaded machine moves it a
                // little either way.
                #expect(later - earlier >= Self.delay - .milliseconds(50), "\(server.address): \(later - earlier)")
            }
        }
        let fetched = servers.reduce(0) { $0 + $1.requests.filter { $0.path != "/robots.txt" }.count }
        #expect(fetched == (count + count / 12) * 2)
        // The shards shared the work.
        var holding = 0
        for index in 0..<3 {
            let result = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("r\(index).json")))
            if ((result as? [String: Any])?["audits"] as? [Any])?.isEmpty == false { holding += 1 }
        }
        #expect(holding >= 2)
        #expect(FileManager.default.fileExists(atPath: "\(path)/snaps/a35/run.json"))

        let results = ["\(path)/r0.json", "\(path)/r1.json", "\(path)/r2.json"]
        for format in ["json", "text"] {
            #expect(try await Self.runExecutable(["merge"] + results + ["--format", format, "--output", "\(path)/merged.\(format)"]) == 1)
        }
        // With a snapshot like the shards', so findings carry the same first_seen (today).
        #expect(try await Self.runExecutable(["audit", "\(path)/audits", "--snapshot", "\(path)/one-snaps", "--format", "json",
                                              "--output", "\(path)/one.json"]) == 1)
        #expect(try await Self.runExecutable(["audit", "\(path)/audits", "--snapshot", "\(path)/one-snaps", "--format", "text",
                                              "--output", "\(path)/one.text"]) == 1)
        for format in ["json", "text"] {
            let merged = try Data(contentsOf: directory.appendingPathComponent("merged.\(format)"))
            #expect(merged == (try Data(contentsOf: directory.appendingPathComponent("one.\(format)"))), "\(format)")
        }
        // A shard missing, or one given twice: exit 2.
        #expect(try await Self.runExecutable(["merge", results[0], results[1]]) == 2)
        #expect(try await Self.runExecutable(["merge"] + results + [results[2]]) == 2)
    }
}
