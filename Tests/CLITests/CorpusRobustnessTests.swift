import Foundation
import Testing

/// Every page of the shared real-world corpus (many encodings, fuzzer-made markup) goes
/// through `extract` without a crash; a page it cannot read is named on stderr.
@Suite struct CorpusRobustnessTests {
    static let corpus = CommandRunner.packageRoot.appendingPathComponent("../shared/corpus").standardized

    static func pages() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: corpus.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }
            .map { corpus.appendingPathComponent($0).path }
            .sorted()
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path), "../shared/corpus is not beside the project"))
    func extractReadsTheWholeCorpus() throws {
        let pages = Self.pages()
        #expect(pages.count >= 300)
        let result = try CommandRunner.run(["extract", "--format", "json"] + pages)
        #expect(result.status == 0, "\(result.stderr.prefix(2000))")
        // Warnings (a charset declaration that lies, a page cut at a limit) are news; errors are not expected.
        let errors = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("contact-audit: warning: ") }
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let records = try #require(object?["records"] as? [[String: Any]])
        #expect(records.count > 300)
    }
}
