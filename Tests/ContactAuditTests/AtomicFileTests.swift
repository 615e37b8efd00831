@testable import ContactAudit
import Foundation
import Testing

/// `--output /dev/null` (and any device or pipe) is written to, never renamed over: as root a rename
/// replaced the machine's /dev/null with a regular file.
@Suite struct AtomicFileTests {
    @Test func aDeviceStaysADevice() throws {
        try AtomicFile.write(Data("report\n".utf8), to: "/dev/null")
        try AtomicFile.stream(to: "/dev/null") { write in try write("report\n") }
        var status = stat()
        #expect(stat("/dev/null", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aRegularFileIsReplacedWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try AtomicFile.write(Data("old".utf8), to: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }
}
