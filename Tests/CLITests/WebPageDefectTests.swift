import Foundation
import Testing

/// Issue 12: markup common on real pages that made whole pages read as empty, run
/// through the built executable on pages written like real ones.
@Suite struct WebPageDefectTests {
    static let fixtures = "Tests/CLITests/Fixtures/web/"

    private func records(_ result: CommandResult) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["records"] as? [[String: Any]], "\(result.stderr)")
    }

    private func values(_ records: [[String: Any]], kind: String = "phone") -> Set<String> {
        Set(records.filter { $0["kind"] as? String == kind }.compactMap { $0["value"] as? String })
    }

    /// `&#150;` (a dash), `&#149;` (a bullet) and the other Windows-1252 references, in
    /// the blocks of numbers and around them; a DEL and a non-character in one block.
    /// Before: the page gave only its tel: link and mailto (the matcher refused every
    /// batch that held a C1 control).
    @Test func windowsReferencesLoseNoNumber() throws {
        let result = try CommandRunner.run(["extract", "--format", "json", "--region", "US",
                                            Self.fixtures + "windows-references.html"])
        #expect(result.status == 0, "\(result.stderr)")
        let found = try records(result)
        #expect(values(found) == Set(["0147", "0148", "0150", "0151", "0152", "0153", "0154"].map { "+1212555" + $0 }))
        #expect(values(found, kind: "email") == ["service@riverside-plumbing.example"])
        let texts = found.compactMap { ($0["evidence"] as? [String: Any])?["text"] as? String }
        #expect(texts.contains("We’re here to help. Call 212–555–0147 for service calls."))
        #expect(texts.contains("• Billing & accounts: 212.555.0151 … Mon–Fri"))
        #expect(!texts.joined().unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    }
}
