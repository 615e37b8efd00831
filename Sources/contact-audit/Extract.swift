import ArgumentParser
import ContactExtract
import ContactFetch
import ContactModel
import ContactPipeline
import Foundation

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract phones, e-mails and hours from pages and print them.",
        discussion: """
        INPUT is a local HTML or plain-text file, or a file://, http:// or https:// URL. \
        An input that cannot be read is reported on standard error and the others go on; \
        the exit code is then 2.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "ISO 3166 region for numbers written without a country code (default: the page's <html lang>).")
    var region: String?

    @Option(help: "Region for numbers without a country code when neither --region nor the page's lang gives one.")
    var defaultRegion: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Argument(help: "Files or URLs to read.")
    var inputs: [String]

    func validate() throws {
        for (flag, value) in [("--region", region), ("--default-region", defaultRegion)] {
            if let value, value.count != 2 || !value.allSatisfy(\.isLetter) {
                throw ValidationError("\(flag) takes a two-letter ISO 3166 code such as RU or GB, not '\(value)'")
            }
        }
    }

    func run() async throws {
        let extractor = ContactExtractor(options: ExtractOptions(regions: RegionResolver(explicitRegion: region, fallbackRegion: defaultRegion)))
        // http(s) pages go through the crawler, one page each (no links followed): the
        // same robots.txt, retries and address policy as an audit, so `extract` on a
        // hostile URL cannot be steered at internal addresses either.
        var config = CrawlConfig()
        config.depth = 0
        config.maxPages = 1
        config.showProgress = false
        let result = await SourceIntake(extractor: extractor, crawl: config).read(inputs.map { IntakeSource(name: $0) })
        var records: [ContactRecord] = []
        var failures = 0
        for page in result.pages {
            if let failure = page.failure {
                failures += 1
                StandardError.print("contact-audit: \(page.isWeb ? "\(page.source): " : "")\(failure)")
                continue
            }
            if !page.isWeb {
                for warning in page.warnings { StandardError.print("contact-audit: warning: \(warning)") }
            }
            records += page.records
        }
        records.sort()
        switch format {
        case .json:
            let data = try JSONOutput.encode(RecordList(records: records))
            FileHandle.standardOutput.write(data)
        case .text:
            print(RecordTextFormatter.format(records), terminator: "")
        }
        if failures > 0 { throw ExitCode(2) }
    }
}

enum StandardError {
    static func print(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
