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
        // No line ends in a space: not a column's padding, not where a line wrapped.
        let trailing = lines.filter { $0.hasSuffix(" ") }
        #expect(trailing.isEmpty, "\(trailing)")
    }

    /// A run of several audits where one audit file does not load, and evidence quoted
    /// from JSON-LD: the NOT RUN line wraps at 80 like the rest, nothing ends in a space,
    /// and a quote already in double quotes is not quoted twice.
    @Test func notRunLinesWrapAndJSONLDQuotesAreNotDoubled() throws {
        let directory = try AuditCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CronLoopTests.write(ScheduleMeaningTests.page, to: directory.appendingPathComponent("pages/help.html"))
        let initialised = try CommandRunner.run(["init", "demo", "pages/help.html"], in: directory)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        // The catalog's weekdays against the page's 24/7: a finding quoting the JSON-LD.
        let file = directory.appendingPathComponent("Audits/demo/audit.yaml")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "hours: \"24/7\"", with: "hours: \"Mo-Fr 09:00-18:00\"")
            .write(to: file, atomically: true, encoding: .utf8)
        try CronLoopTests.write("name: broken-audit-with-a-long-name\ncatalog: [\n",
                                to: directory.appendingPathComponent("Audits/a-rather-long-directory-name/broken/audit.yaml"))
        let run = try CommandRunner.run(["audit", "Audits", "--no-snapshot", "--fail-on", "never"], in: directory)
        #expect(run.status == 2, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("NOT RUN  Audits/a-rather-long-directory-name/broken/audit.yaml:") }, "\(run.stdout)")
        let long = lines.filter { $0.count > 80 && $0.drop { $0 == " " }.contains(" ") }
        #expect(long.isEmpty, "\(long)")
        #expect(!lines.contains { $0.hasSuffix(" ") }, "\(run.stdout)")
        #expect(run.stdout.replacingOccurrences(of: "\n         ", with: " ")
                .contains("the audit file did not load, so its audit did not run ('contact-audit check "), "\(run.stdout)")
        #expect(run.stdout.contains("[json-ld]: \"hoursAvailable\": \"00:00-23:59\"\n")
                || run.stdout.contains("[json-ld]:\n        \"hoursAvailable\": \"00:00-23:59\"\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("\"\"hoursAvailable"), "\(run.stdout)")
    }
}
