import ArgumentParser
import ContactFetch
import ContactModel
import ContactPipeline
import Foundation

/// A developer's view of the crawler: crawl URLs and print every fetch outcome as JSON, or
/// with `--bench` fetch a URL list without following links and print throughput and peak
/// memory (scripts/bench-crawl). Hidden: users meet the crawler through `audit`.
struct Crawl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crawl",
        abstract: "Crawl URLs and print fetch outcomes (developer tool).",
        shouldDisplay: false
    )

    @Option(help: "Link hops followed from each URL.") var depth = 1
    @Option(help: "Pages fetched at most per URL given.") var maxPages = 20
    @Option(help: "Transfers at once, all hosts together.") var concurrency = 16
    @Option(help: "Transfers at once per host.") var perHost = 2
    @Option(help: "Seconds between two requests to one host.") var delay = 1.0
    @Option(help: "Read URLs from this file, one a line.") var urls: String?
    @Flag(help: "Fetch the URLs only (no links followed, nothing parsed) and print pages/s and peak RSS.")
    var bench = false

    @Argument(help: "http(s) URLs to start from.") var seeds: [String] = []

    func validate() throws {
        if seeds.isEmpty, urls == nil { throw ValidationError("give URLs or --urls FILE") }
        if concurrency < 1 || perHost < 1 { throw ValidationError("--concurrency and --per-host must be at least 1") }
        if delay < 0 { throw ValidationError("--delay cannot be negative") }
    }

    func run() async throws {
        var all = seeds
        if let urls {
            guard let text = try? String(contentsOfFile: urls, encoding: .utf8) else {
                throw ValidationError("\(urls): cannot be read")
            }
            all += text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        }
        var config = CrawlConfig()
        config.depth = bench ? 0 : depth
        config.maxPages = maxPages
        config.concurrency = concurrency
        config.perHostConcurrency = perHost
        config.perHostDelay = .milliseconds(Int64(delay * 1000))
        let crawler = Crawler(config: config)
        let started = ContinuousClock.now
        let result = bench
            ? await crawler.crawl(seeds: all)
            : await crawler.crawl(seeds: all) { CrawlLinkExtractor.links(in: $0) }
        let elapsed = ContinuousClock.now - started
        if bench {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let bytes = result.outcomes.reduce(0) { $0 + $1.bytes }
            print(String(format: "pages %d  failed %d  bytes %d  seconds %.3f  pages/s %.1f  peak_rss_kb %d",
                         result.fetched, result.failed, bytes, seconds, Double(result.fetched) / max(seconds, 1e-9),
                         Self.peakResidentKilobytes() ?? -1))
            return
        }
        FileHandle.standardOutput.write(try JSONOutput.encode(result))
    }

    /// VmHWM from /proc/self/status (Linux); nil elsewhere.
    static func peakResidentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.filter(\.isNumber)) }
    }
}
