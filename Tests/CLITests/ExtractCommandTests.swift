import Foundation
import Testing

@Suite struct ExtractCommandTests {
    static let seed004 = "Tests/ContactExtractTests/Fixtures/seed-004.html"
    static let seed000 = "Tests/ContactExtractTests/Fixtures/seed-000.html"

    private func records(_ json: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try #require(object?["records"] as? [[String: Any]])
    }

    @Test func jsonOnSeed004() throws {
        let result = try CommandRunner.run(["extract", "--format", "json", "--region", "RU", Self.seed004])
        #expect(result.status == 0, "\(result.stderr)")
        let phones = try records(result.stdout).filter { $0["kind"] as? String == "phone" }.compactMap { $0["value"] as? String }
        #expect(phones == ["+74957717171", "+78005553535"])
        let first = try #require(try records(result.stdout).first)
        #expect(Set(first.keys).isSuperset(of: ["kind", "value", "channel", "source", "evidence"]))
        let evidence = try #require(first["evidence"] as? [String: Any])
        #expect(Set(evidence.keys) == ["method", "path", "text"])
    }

    @Test func outputIsDeterministic() throws {
        let a = try CommandRunner.run(["extract", "--format", "json", Self.seed000, Self.seed004])
        let b = try CommandRunner.run(["extract", "--format", "json", Self.seed004, Self.seed000])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
    }

    @Test func textFormatGroupsBySource() throws {
        let result = try CommandRunner.run(["extract", Self.seed000])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\(Self.seed000)  ("))
        #expect(result.stdout.contains("hotline"))
        #expect(result.stdout.contains("+74957778899"))
    }

    /// The evidence paths start in one column: the method with a number's type
    /// (`text (toll-free)`) used to push them right of those without one (`text`).
    @Test func textFormatAlignsThePaths() throws {
        let result = try CommandRunner.run(["extract", "Audits/gosuslugi/pages/seed-004.html"])
        #expect(result.status == 0)
        // A long schedule is printed whole, not cut at the column's width.
        #expect(result.stdout.contains("  hours  Mo-Fr 08:00-20:00; Sa 09:00-18:00; Su 10:00-16:00; PH off  hotline  text  "), "\(result.stdout)")
        let recordLines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains("  /html") }
        #expect(recordLines.count > 5)
        #expect(recordLines.contains { $0.contains("(toll-free)") } && recordLines.contains { $0.contains(" hours ") || $0.hasPrefix("  hours") })
        // Lines of short values (numbers, addresses, short schedules) align; a long
        // schedule overflows its own line instead of widening every other past 80 columns.
        let short = recordLines.filter { line in line.split(separator: " ", omittingEmptySubsequences: true).count >= 2 }
            .filter { !$0.contains(";") }
        let columns = Set(short.compactMap { line in line.range(of: "/html").map { line.distance(from: line.startIndex, to: $0.lowerBound) } })
        #expect(columns.count == 1, "\(recordLines.joined(separator: "\n"))")
        let numberLines = recordLines.filter { $0.hasPrefix("  phone") }
        #expect(!numberLines.isEmpty && numberLines.allSatisfy { $0.count <= 100 }, "\(numberLines.joined(separator: "\n"))")
    }

    @Test func readsPlainTextAndFileURLs() throws {
        let seed = CommandRunner.packageRoot.appendingPathComponent("Tests/ContactExtractTests/Fixtures/seed-000.txt")
        let fromPath = try CommandRunner.run(["extract", "--region", "RU", "--format", "json", seed.path])
        let fromURL = try CommandRunner.run(["extract", "--region", "RU", "--format", "json", seed.absoluteString])
        #expect(fromPath.status == 0 && fromURL.status == 0, "\(fromPath.stderr)\(fromURL.stderr)")
        #expect(try records(fromPath.stdout).contains { $0["value"] as? String == "+74957778899" })
        #expect(try records(fromURL.stdout).contains { $0["value"] as? String == "+74957778899" })
    }

    @Test func aBadInputIsNamedAndTheOthersGoOn() throws {
        let result = try CommandRunner.run(["extract", "--format", "json", "no/such/page.html", Self.seed000])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/page.html: no such file"))
        #expect(try records(result.stdout).contains { $0["value"] as? String == "+74957778899" })
    }

    @Test func usageErrorsExitWithTwo() throws {
        let result = try CommandRunner.run(["extract", "--region", "Russia", Self.seed000])
        #expect(result.status == 2)
        #expect(result.stderr.contains("ISO 3166"))
    }

    @Test(arguments: [["--help"], ["extract", "--help"], ["--version"]])
    func helpAndVersion(_ arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
    }

    /// Every command's --help states its exit codes (extract's said only when it gives 2).
    @Test(arguments: ["extract", "check", "audit", "merge", "diff", "init"])
    func helpStatesTheExitCodes(_ command: String) throws {
        let result = try CommandRunner.run([command, "--help"])
        #expect(result.status == 0)
        let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Exit codes: 0 "), "\(command): \(text)")
        #expect(text.contains("; 2 ") || text.contains(". 2 "), "\(command): \(text)")
    }
}

/// `extract` over many pages reads them on every core; what it prints must be what one
/// page at a time gives.
@Suite struct ParallelExtractTests {
    @Test func manyPagesAtOnceGiveWhatEachPageGivesAlone() async throws {
        let corpus = CommandRunner.packageRoot.appendingPathComponent("Benchmarks/corpus")
        let pages = (FileManager.default.subpaths(atPath: corpus.path) ?? [])
            .filter { $0.hasSuffix(".html") }.sorted().prefix(12).map { corpus.appendingPathComponent($0).path }
        #expect(pages.count == 12)
        let arguments = ["extract", "--format", "json", "--default-region", "US"]
        let all = try await CommandRunner.runAsync(arguments + pages)
        #expect(all.status == 0, "\(all.stderr)")
        let again = try await CommandRunner.runAsync(arguments + pages.reversed())
        #expect(again.stdout == all.stdout)

        func records(_ json: String) throws -> [String] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            return try #require(object["records"] as? [Any]).map {
                String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
            }
        }
        var alone: [String] = []
        for page in pages {
            let run = try await CommandRunner.runAsync(arguments + [page])
            alone += try records(run.stdout)
        }
        let together = try records(all.stdout)
        #expect(!together.isEmpty)
        #expect(together.sorted() == alone.sorted())
    }
}
