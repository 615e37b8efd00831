import ArgumentParser
import ContactExtract
import ContactFetch
import ContactModel
import ContactPipeline
import Foundation

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        // Named here rather than derived from the type: ArgumentParser derives a name with
        // String(describing:) every time it is asked, and the root asks every subcommand's
        // name for every positional argument (7 x 404 for `extract` over the corpus, ~10 ms).
        commandName: "extract",
        abstract: "Extract phones, e-mails and hours from pages and print them.",
        discussion: """
        INPUT is a local HTML or plain-text file, a WARC archive (FILE.warc.gz or .warc: every \
        2xx response and resource in it, as received, with no network), or a file://, \
        http:// or https:// URL. An input that cannot be read is reported on standard error and the others go on. \
        Exit codes: 0 every input was read (a page cut at the size limit is a warning, its \
        records from the part read); 2 an input could not be read, was a bot wall (blocked) \
        or was not a page (not-html), or the options are invalid.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "ISO 3166 region for numbers written without a country code (default: the page's <html lang>).")
    var region: String?

    @Option(help: "Region for numbers without a country code when neither --region nor the page's lang gives one.")
    var defaultRegion: String?

    @Option(name: .customLong("allow-private"),
            help: ArgumentHelp("Let this host use private, loopback or link-local addresses (as crawl.allow_private does for an audit); repeatable.",
                               valueName: "HOST"))
    var allowPrivate: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Argument(help: "Files, WARC archives or URLs to read.")
    var inputs: [String]

    func validate() throws {
        for host in allowPrivate where host.contains("/") || host.isEmpty {
            throw ValidationError("--allow-private takes a host name such as intranet.example, not '\(host)'")
        }
        for (flag, value) in [("--region", region), ("--default-region", defaultRegion)] {
            if let value, let problem = ISORegion.problem(flag, value) { throw ValidationError(problem) }
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
        config.addressPolicy = AddressPolicy(allowPrivateHosts: allowPrivate)
        let result = await SourceIntake(extractor: extractor, crawl: config, hashesPages: false).read(inputs.map { IntakeSource(name: $0) })
        var records: [ContactRecord] = []
        var failures = 0
        for page in result.pages {
            if let failure = page.failure {
                failures += 1
                StandardError.print("contact-audit: \(page.isWeb ? "\(page.source): " : "")\(failure)")
                continue
            }
            for warning in page.warnings { StandardError.print("contact-audit: warning: \(warning)") }
            switch page.kind {
            case .blocked, .notHTML:
                // Nothing of the page was read: as unreadable as a failed fetch.
                failures += 1
                StandardError.print("contact-audit: \(page.source): \(page.kind.rawValue): \(page.reason ?? "")")
                continue
            case .truncated:
                StandardError.print("contact-audit: warning: \(page.source): truncated: \(page.reason ?? ""); "
                                    + "records from the part read")
            case .ok, .error, .skipped:
                break
            }
            records += page.records
        }
        records.sort()
        switch format {
        case .json:
            let data = try JSONOutput.encode(records: records)
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
