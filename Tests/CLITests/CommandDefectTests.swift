import Foundation
import Testing

/// Issue 12, item 8: the smaller defects found by running the tool as a new user would.
@Suite struct CommandDefectTests {
    static let seed = "Tests/ContactExtractTests/Fixtures/seed-000.html"

    /// ISO 3166 everywhere (Foundation's region list): ZZ and made-up codes exit 2.
    @Test(arguments: ["ZZ", "XX", "QQ", "Russia", "R1"])
    func regionsMustBeISO3166(_ region: String) throws {
        for arguments in [["extract", "--region", region, Self.seed], ["extract", "--default-region", region, Self.seed],
                          ["audit", "Audits/gosuslugi", "--no-snapshot", "--region", region]] {
            let run = try CommandRunner.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("ISO 3166"), "\(run.stderr)")
        }
    }

    @Test func realRegionsAreAccepted() throws {
        #expect(try CommandRunner.run(["extract", "--region", "gb", Self.seed]).status == 0)
        #expect(try CommandRunner.run(["extract", "--region", "KZ", Self.seed]).status == 0)
    }

    @Test func theAuditFilesRegionIsISO3166Too() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "name: x\nregion: ZZ\nsources: [page.html]\n".write(to: directory.appendingPathComponent("audit.yaml"),
                                                                  atomically: true, encoding: .utf8)
        try "<p>x</p>".write(to: directory.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["check", directory.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown region 'ZZ'") || run.stdout.contains("unknown region 'ZZ'"), "\(run.stderr)")
    }

    /// A baseline that does not decode says where, in words.
    @Test(arguments: [
        ("{\"entries\": [{\"rule\": \"x\", \"value\": 3, \"source\": \"s\"}]}", "entries[0].value should be a string"),
        ("{\"entries\": [{\"rule\": \"x\", \"value\": \"v\"}]}", "missing \"source\" at entries[0]"),
        ("{\"entries\": [", "not valid JSON"),
        ("[]", "the top level should be an object"),
    ])
    func baselineErrorsAreReadable(_ text: String, _ expected: String) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("baseline.json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["audit", "Audits/gosuslugi", "--no-snapshot", "--baseline", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(!run.stderr.contains("DecodingError") && !run.stderr.contains("CodingKeys"), "\(run.stderr)")
    }

    @Test func failOnInfoIsAccepted() throws {
        let run = try CommandRunner.run(["audit", "Audits/gosuslugi", "--no-snapshot", "--fail-on", "info"])
        #expect(run.status == 1, "\(run.stderr)")
        let help = try CommandRunner.run(["audit", "--help"])
        #expect(help.stdout.contains("info"))
    }

    /// Writing a baseline accepts today's findings: it says what it wrote and exits 0,
    /// and the baseline then passes the same run.
    @Test func writeBaselineSaysWhatItWroteAndExitsZero() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("baseline.json").path
        let write = try CommandRunner.run(["audit", "Audits/gosuslugi", "--no-snapshot", "--format", "json",
                                           "--write-baseline", path])
        #expect(write.status == 0, "\(write.stderr)")
        // The count said is the report's findings (a finding on two pages is two entries).
        let report = try JSONSerialization.jsonObject(with: Data(write.stdout.utf8)) as? [String: Any]
        let findings = (report?["findings"] as? [Any])?.count ?? -1
        #expect(write.stderr.contains("wrote \(path): \(findings) findings accepted"), "\(write.stderr)")
        let again = try CommandRunner.run(["audit", "Audits/gosuslugi", "--no-snapshot", "--baseline", path])
        #expect(again.status == 0, "\(again.stderr)")
    }

    /// "1 record", "1 phone": counts take their noun's number.
    @Test func countsAreSingularForOne() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        name: one
        region: GB
        catalog:
          phones:
            - number: "020 7946 0018"
              channel: hotline
        sources: [page.html]
        """.write(to: directory.appendingPathComponent("audit.yaml"), atomically: true, encoding: .utf8)
        try "<html><body><p>Helpline: 020 7946 0018</p></body></html>"
            .write(to: directory.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        let check = try CommandRunner.run(["check", directory.path])
        #expect(check.stdout.contains("1 phone, 0 e-mails, 1 source"), "\(check.stdout)")
        for format in ["text", "markdown", "html"] {
            let run = try CommandRunner.run(["audit", directory.path, "--no-snapshot", "--format", format])
            #expect(run.stdout.contains("1 source, 1 record"), "\(format): \(run.stdout.prefix(400))")
            #expect(!run.stdout.contains("1 records") && !run.stdout.contains("1 sources"), "\(format)")
        }
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
