import ContactArchive
import Foundation
import Gzip
import TestSupport
import Testing

@Suite struct WARCFileTests {
    private let date = Date(timeIntervalSince1970: 1_790_000_000)
    private let page = Array("<html><body><a href=\"tel:+78001007010\">8 800 100-70-10</a> Привет</body></html>".utf8)

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("warc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// One record of every type the audit writes, as the audit writes them.
    private func sample() throws -> [WARCRecord] {
        let info = WARCRecord.warcinfo(filename: "run.warc.gz", date: date, info: [
            HeaderField("software", "contact-audit/0.1.0"), HeaderField("format", "WARC File Format 1.1"),
            HeaderField("audit", "example"),
        ])
        let body = try Gzip.compress(page)
        let response = WARCRecord.response(
            targetURI: "http://127.0.0.1:8080/help", date: date, ipAddress: "127.0.0.1",
            http: HTTPMessage(startLine: "HTTP/1.1 200 OK",
                              headerLines: ["Content-Type: text/html; charset=utf-8", "Content-Encoding: gzip",
                                            "ETag: \"v1\"", "Content-Length: \(body.count)"],
                              body: body),
            warcinfo: info.id)
        let request = WARCRecord.request(
            targetURI: "http://127.0.0.1:8080/help", date: date,
            http: HTTPMessage(startLine: "GET /help HTTP/1.1",
                              headerLines: ["Host: 127.0.0.1:8080", "User-Agent: contact-audit/0.1.0", "Accept: */*"]),
            concurrentTo: response.id, warcinfo: info.id)
        let revisit = WARCRecord.revisit(
            targetURI: "http://127.0.0.1:8080/help", date: date.addingTimeInterval(86400), ipAddress: "127.0.0.1",
            http: HTTPMessage(startLine: "HTTP/1.1 304 Not Modified", headerLines: ["ETag: \"v1\""]),
            refersTo: response, warcinfo: info.id)
        let robots = WARCRecord.metadata(
            targetURI: "http://127.0.0.1:8080/private/contacts", date: date,
            info: [HeaderField("robots", "disallowed by http://127.0.0.1:8080/robots.txt (Disallow: /private)")],
            warcinfo: info.id)
        let resource = WARCRecord.resource(targetURI: "file:///tmp/pages/seed.html", date: date,
                                           contentType: "text/html", bytes: page, warcinfo: info.id)
        return [info, request, response, revisit, robots, resource]
    }

    @Test func recordsReadBackAsWritten() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.warc.gz").path
        let records = try sample()
        let writer = try WARCWriter(path: path)
        #expect(try writer.write(Array(records[0...2])))
        #expect(try writer.write(Array(records[3...])))
        #expect(!FileManager.default.fileExists(atPath: path))  // not before finish: written aside, then renamed
        try writer.finish()
        let back = try WARCReader.read(path: path)
        #expect(back == records)
        #expect(back.map(\.type) == ["warcinfo", "request", "response", "revisit", "metadata", "resource"])
        let response = try #require(back[2].http)
        #expect(response.status == 200)
        #expect(response.header("content-encoding") == "gzip")
        #expect(try Gzip.inflate(response.body).bytes == page)
        #expect(back[1].field("WARC-Concurrent-To") == back[2].id)
        #expect(back[3].field("WARC-Refers-To") == back[2].id)
        #expect(back[3].http?.status == 304)
        #expect(back[4].warcFields.first?.name == "robots")
        #expect(back[2].id.hasPrefix("<urn:uuid:") && back[2].id.hasSuffix(">"))
        // Seekable: the file is one gzip member per record.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var offset = 0
        var members = 0
        while offset < bytes.count {
            offset += try Gzip.inflate(bytes, from: offset).consumed
            members += 1
        }
        #expect(members == records.count)
    }

    @Test func warcioChecksDigestsAndIndexes() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.warc.gz").path
        let writer = try WARCWriter(path: path)
        try writer.write(try sample())
        try writer.finish()

        let check = try Warcio.run(["check", "-v", path])
        #expect(check.status == 0, "\(check.output)")
        #expect(!check.output.contains("failed"))
        #expect(check.output.components(separatedBy: "digest pass").count - 1 == 5)  // all but the revisit

        let index = try Warcio.index(path, fields: "warc-type,warc-target-uri,http:status,warc-refers-to")
        #expect(index.map { $0["warc-type"] ?? "" } == ["warcinfo", "request", "response", "revisit", "metadata", "resource"])
        #expect(index[2]["warc-target-uri"] == "http://127.0.0.1:8080/help")
        #expect(index[2]["http:status"] == "200")
        #expect(index[3]["http:status"] == "304")
        #expect(index[5]["warc-target-uri"] == "file:///tmp/pages/seed.html")
    }

    /// A digest that does not match the bytes is what warcio must catch: the check above
    /// would pass vacuously if warcio ignored our digests.
    @Test func warcioNoticesAWrongDigest() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.warc.gz").path
        var response = try sample()[2]
        response.block[response.block.count - 1] ^= 1
        let writer = try WARCWriter(path: path)
        try writer.write([response])
        try writer.finish()
        let check = try Warcio.run(["check", "-v", path])
        #expect(check.status != 0)
        #expect(check.output.contains("digest failed"))
    }

    /// Other writers' layouts read the same: plain `.warc`, the whole file one gzip member,
    /// a record cut across two members.
    @Test func otherLayoutsReadTheSame() throws {
        let records = try sample()
        let plain = records.flatMap(\.serialized)
        #expect(try WARCReader.records(in: plain) == records)
        #expect(try WARCReader.records(in: Gzip.compress(plain)) == records)
        let cut = plain.count / 2 + 7
        let split = try Gzip.compress(Array(plain[..<cut])) + Gzip.compress(Array(plain[cut...]))
        #expect(try WARCReader.records(in: split) == records)
        #expect(throws: ArchiveError.self) { try WARCReader.records(in: try Gzip.compress(Array(plain[..<cut]))) }
    }

    @Test func sizeCapLeavesRecordsOutWhole() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("capped.warc.gz").path
        let records = try sample()
        let writer = try WARCWriter(path: path, maxBytes: 1200)
        var kept = 0
        for record in records where try writer.write([record]) { kept += 1 }
        try writer.finish()
        #expect(kept > 0 && kept < records.count)
        #expect(writer.droppedRecords == records.count - kept)
        #expect(writer.size <= 1200)
        #expect(try WARCReader.read(path: path).count == kept)
    }

    @Test func abandonedArchiveLeavesNothing() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.warc.gz").path
        let writer = try WARCWriter(path: path)
        try writer.write(try sample())
        writer.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func malformedFilesNameTheFileAndOffset() {
        #expect(throws: ArchiveError.cannotRead(path: "/nonexistent.warc.gz", reason: "no such file")) {
            try WARCReader.read(path: "/nonexistent.warc.gz")
        }
        do {
            _ = try WARCReader.records(in: Array("HTTP/1.1 200 OK\r\n\r\n".utf8), path: "x.warc")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("x.warc: not a readable WARC file at byte 0"))
        }
    }
}

/// The other direction: what warcio writes, we read.
@Suite struct WarcioWrittenTests {
    @Test func readsWhatWarcioWrites() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("warcio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("theirs.warc.gz").path
        let script = """
            import io, sys
            from warcio.warcwriter import WARCWriter
            from warcio.statusandheaders import StatusAndHeaders
            with open(sys.argv[1], 'wb') as output:
                writer = WARCWriter(output, gzip=True)
                body = 'Горячая линия: 8 800 100-70-10'.encode('utf-8')
                headers = StatusAndHeaders('200 OK', [('Content-Type', 'text/html; charset=utf-8')], protocol='HTTP/1.0')
                writer.write_record(writer.create_warc_record('http://example.ru/help', 'response',
                                    payload=io.BytesIO(body), http_headers=headers))
                writer.write_record(writer.create_warc_record('urn:x', 'resource', payload=io.BytesIO(b'plain'),
                                    warc_content_type='text/plain'))
            """
        let python = BuiltExecutable.packageRoot.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else { throw Warcio.WarcioMissing(path: python) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let records = try WARCReader.read(path: path)
        #expect(records.map(\.type) == ["response", "resource"])
        let http = try #require(records[0].http)
        #expect(http.status == 200)
        #expect(http.header("Content-Type") == "text/html; charset=utf-8")
        #expect(String(decoding: http.body, as: UTF8.self) == "Горячая линия: 8 800 100-70-10")
        // warcio's own digests (sha1, base32) are what its records carry.
        #expect(records[0].field("WARC-Payload-Digest")?.hasPrefix("sha1:") == true)
        #expect(records[1].block == Array("plain".utf8))
    }
}
