import ContactAudit
import ContactModel
import ContactReport
import Foundation
import Testing

/// A spooled report part that cannot be read back stops the report with an error naming
/// the spool file, never a report without that audit; the output file stays as it was.
@Suite struct SpoolFailureTests {
    static func report(_ name: String) -> AuditReport {
        AuditReport(name: name, sources: [SourceStatus(url: "https://\(name).example/help", official: true, records: 0)],
                    records: [], findings: [], rules: [])
    }

    /// The only file a writer's spool left in `directory`.
    static func spoolFile(in directory: URL) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("spool") }
        try #require(names.count == 1)
        return directory.appendingPathComponent(names[0]).path
    }

    @Test(arguments: [ReportFormat.text, .json, .markdown, .junit, .html])
    func aPartCutShortFailsTheWholeReportAndLeavesTheOutput(format: ReportFormat) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        let spoolDirectory = directory.appendingPathComponent("spool")
        try FileManager.default.createDirectory(at: spoolDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("report").path
        try Data("the previous report\n".utf8).write(to: URL(fileURLWithPath: output))

        let writer = try GroupedReportWriter(format: format, spoolDirectory: spoolDirectory.path)
        for name in ["beta", "alpha", "gamma"] { try writer.add(GroupedReport.Entry(report: Self.report(name))) }
        // The whole report is written when nothing is wrong …
        let whole = directory.appendingPathComponent("whole").path
        try writer.write(unloadable: [], to: whole)
        let text = try String(contentsOfFile: whole, encoding: .utf8)
        #expect(["alpha", "beta", "gamma"].allSatisfy(text.contains))

        // … and not at all once the spool file has lost its last part.
        let spool = try Self.spoolFile(in: spoolDirectory)
        let size = try #require(FileManager.default.attributesOfItem(atPath: spool)[.size] as? Int)
        #expect(truncate(spool, off_t(size - 3)) == 0)
        #expect {
            try writer.write(unloadable: [], to: output)
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("\(spool): cannot read: ") && message.contains("holds \(size - 3) bytes")
        }
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "the previous report\n")
        // No temporary file left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["report", "spool", "whole"])
    }

    @Test func aPartThatReadsShortNamesItsAudit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spool = try Spool(directory: directory.path)
        try spool.append("second", key: "b")
        try spool.append("first", key: "a")
        var reader = try spool.sorted()
        #expect(try reader.next() == "first")
        // Cut after the order was taken: the next read comes up short.
        #expect(truncate(try Self.spoolFile(in: directory), 3) == 0)
        #expect {
            _ = try reader.next()
        } throws: { error in
            "\(error)".contains("cannot read: the part of 'b' (6 bytes at 0) is cut short: 3 bytes read")
        }
    }
}
