import Foundation
import Testing

/// The text report fits an 80-column terminal or CI log: long messages, schedules, quotes
/// and error details wrap at spaces (a word longer than the line, a long URL or DOM
/// path, stays whole); what a line says is unchanged when its pieces are joined.
@Suite struct TextReportWidthTests {
    @Test func theExampleReportFitsEightyColumns() throws {
        let run = try CommandRunner.run(["audit", "Audits/gosuslugi", "--no-snapshot"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let long = lines.filter { line in
            line.count > 80 && line.drop { $0 == " " }.contains(" ")
        }
        #expect(long.isEmpty, "\(long)")
        // The wrapped schedule message reads whole when joined.
        let joined = run.stdout.replacingOccurrences(of: "\n        ", with: " ")
        #expect(joined.contains("4 different schedules for hotline: 24/7 (pages/seed-000.html, pages/seed-004.html); "
                                + "Mo-Fr 08:00-20:00 (pages/seed-004.html);"), "\(run.stdout)")
        // Machine formats are not wrapped.
        let json = try CommandRunner.run(["audit", "Audits/gosuslugi", "--no-snapshot", "--format", "json"])
        #expect(json.stdout.split(separator: "\n").contains { $0.count > 80 })
    }
}
