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
        let reader = SourceReader()
        let extractor = ContactExtractor(options: ExtractOptions(regions: RegionResolver(explicitRegion: region, fallbackRegion: defaultRegion)))
        var records: [ContactRecord] = []
        var failures = 0
        // http(s) pages go through the crawler, one page each (no links followed): the
        // same robots.txt, retries and address policy as an audit, so `extract` on a
        // hostile URL cannot be steered at internal addresses either.
        let web = inputs.filter(SourceReader.isWeb)
        if !web.isEmpty {
            var config = CrawlConfig()
            config.depth = 0
            config.maxPages = 1
            config.showProgress = false
            let (_, pages) = await SourceCrawler(config: config, extractor: extractor).crawl(web)
            for page in pages {
                if let error = page.outcome.error ?? page.documentError, !page.outcome.succeeded || page.documentError != nil {
                    failures += 1
                    StandardError.print("contact-audit: \(page.outcome.url): \(page.outcome.result.rawValue): \(error)")
                    continue
                }
                records += page.records
            }
        }
        for input in inputs where !SourceReader.isWeb(input) {
            do {
                let document = try reader.read(input)
                for warning in document.warnings { StandardError.print("contact-audit: warning: \(warning)") }
                records += extractor.extract(from: document)
            } catch {
                failures += 1
                StandardError.print("contact-audit: \(error)")
            }
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
