import ContactArchive
import Foundation
import TestSupport
import Testing

/// `--archive` to a pipe or a device is written through, never renamed over: the WARC
/// writer takes the same staged-file step as every report writer (as root, a rename over
/// `/dev/null` replaces the device with a file for the whole machine).
@Suite struct ArchiveToPipeTests {
    @Test func anArchiveToAFIFOIsWrittenThroughAndTheFIFOStays() throws {
        let directory = try AuditFiles.temporaryDirectory("archive-fifo")
        defer { try? FileManager.default.removeItem(at: directory) }
        try "<html lang=\"ru\"><body><p>Горячая линия: 8 800 100-70-10</p></body></html>"
            .write(to: directory.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        try AuditFiles.write(AuditFiles.yaml(sources: [.official("page.html")], crawl: [:]), in: directory)
        let fifo = directory.appendingPathComponent("archive.warc.gz").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = directory.appendingPathComponent("received.warc.gz").path
        // The other end: what a compressor or an uploader would be.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat \"$0\" > \"$1\"", fifo, received]
        try reader.run()
        // Should the archive not reach the FIFO, the reader must not outlive the test.
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if reader.isRunning { reader.terminate() } }

        let run = try Executable.run(["audit", directory.path, "--archive", fifo, "--no-snapshot", "--fail-on", "never"])
        reader.waitUntilExit()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("warning"), "\(run.stderr)")
        var status = stat()
        #expect(stat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
        // No temporary file left beside it, and the reader got the archive whole.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }.isEmpty)
        let records = try WARCReader.read(path: received)
        #expect(records.first?.type == "warcinfo")
        #expect(records.contains { $0.type == "resource" })
    }

    /// A null device of our own (major 1, minor 3, as /dev/null), so a regression replaces
    /// this node, not the machine's /dev/null. Needs root, as CI runs; skipped otherwise.
    @Test(.enabled(if: getuid() == 0)) func anArchiveToANullDeviceLeavesTheDevice() throws {
        let directory = try AuditFiles.temporaryDirectory("archive-device")
        defer { try? FileManager.default.removeItem(at: directory) }
        try "<p>Горячая линия: 8 800 100-70-10</p>".write(to: directory.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        try AuditFiles.write(AuditFiles.yaml(sources: [.official("page.html")], crawl: [:]), in: directory)
        let device = directory.appendingPathComponent("null").path
        try #require(mknod(device, S_IFCHR | 0o666, (1 << 8) | 3 /* makedev(1, 3): a macro Swift does not see */) == 0)
        let run = try Executable.run(["audit", directory.path, "--archive", device, "--no-snapshot", "--fail-on", "never"])
        #expect(run.status == 0)
        // Before, the run warned that it could not read the device as a previous archive, then renamed a file over it.
        #expect(!run.stderr.contains("warning"), "\(run.stderr)")
        var status = stat()
        #expect(stat(device, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }
}
