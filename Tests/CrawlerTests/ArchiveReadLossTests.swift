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
}
