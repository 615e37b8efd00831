import ContactArchive
import ContactPipeline
import Foundation
import TestSupport
import Testing

/// An archive whose metadata does not decode is an error naming the archive and the
/// record, never a replay that leaves that page out.
@Suite struct ArchiveReadLossTests {
    @Test func anOutcomeThatDoesNotDecodeStopsTheReplay() throws {
        let directory = try AuditFiles.temporaryDirectory("archive-loss")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("a.warc.gz").path
        let writer = try WARCWriter(path: path)
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let broken = WARCRecord.metadata(targetURI: "http://127.0.0.1:1/help", date: date,
                                         info: [HeaderField(ArchiveField.outcome, #"{"url": "http://127.0.0.1:1/help""#)],
                                         warcinfo: nil)
        _ = try writer.write([.warcinfo(filename: "a.warc.gz", date: date, info: []), broken])
        try writer.finish()

        #expect {
            _ = try ArchiveReplay(path: path)
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("\(path): cannot read the archive: metadata record \(broken.id) (http://127.0.0.1:1/help): "
                                     + "its outcome field does not decode")
        }

        // The command says so and exits 2.
        let audit = try AuditFiles.write(AuditFiles.yaml(name: "loss", sources: [.init("http://127.0.0.1:1/help")]), in: directory)
        let run = try Executable.run(["audit", audit.path, "--from-archive", path, "--no-snapshot"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(path): cannot read the archive: metadata record"), "\(run.stderr)")
    }

    /// A response whose body does not decode from its Content-Encoding: `--from-archive`
    /// reports the page unreadable (it was read as an empty page, 0 records) and `extract`
    /// names it on stderr with exit 2.
    @Test func aBodyThatDoesNotDecodeIsThePagesError() throws {
        let directory = try AuditFiles.temporaryDirectory("archive-body")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("a.warc.gz").path
        let url = "http://127.0.0.1:1/help"
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let http = HTTPMessage(startLine: "HTTP/1.1 200 OK",
                               headers: [HeaderField("Content-Type", "text/html"), HeaderField("Content-Encoding", "gzip")],
                               body: Array("not gzip at all".utf8))
        let response = WARCRecord.response(targetURI: url, date: date, ipAddress: nil, http: http, warcinfo: nil)
        let outcome = #"{"url":"\#(url)","result":"fetched","finalURL":"\#(url)","seed":"\#(url)","depth":0,"status":200,"#
            + #""redirects":0,"bytes":15,"contentType":"text/html","skippedByRobots":false,"notModified":false,"truncated":false,"attempts":1}"#
        let metadata = WARCRecord.metadata(targetURI: url, date: date,
                                           info: [HeaderField(ArchiveField.outcome, outcome), HeaderField(ArchiveField.audit, "loss")],
                                           concurrentTo: response.id, warcinfo: nil)
        let writer = try WARCWriter(path: path)
        _ = try writer.write([.warcinfo(filename: "a.warc.gz", date: date, info: []), response, metadata])
        try writer.finish()

        try AuditFiles.write(AuditFiles.yaml(name: "loss", sources: [.init(url)]), in: directory)
        let run = try Executable.run(["audit", directory.path, "--from-archive", path, "--no-snapshot", "--format", "json",
                                      "--fail-on", "never"])
        let report = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any], "\(run.stderr)")
        let source = try #require((report["sources"] as? [[String: Any]])?.first)
        #expect(source["status"] as? String == "error", "\(source)")
        #expect((source["error"] as? String)?.contains("the archived response \(response.id) does not decode") == true, "\(source)")

        let extract = try Executable.run(["extract", path])
        #expect(extract.status == 2)
        #expect(extract.stderr.contains("\(url): ") && extract.stderr.contains("does not decode"), "\(extract.stderr)")
    }
}
