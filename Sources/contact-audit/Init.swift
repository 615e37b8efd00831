import ArgumentParser
import ContactAudit
import ContactExtract
import ContactFetch
import ContactModel
import ContactPipeline
import Foundation

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start an audit from the organisation's own pages: write Audits/NAME/audit.yaml for review.",
        discussion: """
        Reads each INPUT (a local HTML or text file, a file://, http:// or https:// URL; one \
        page each, no links followed) and writes the numbers, e-mail addresses and hours \
        found there as the catalog, each under a comment giving its evidence (page, DOM path, \
        text), with the inputs as official sources. Local paths are written relative to the \
        new file's directory when they lie at most two levels above it (../../pages/x.html), \
        else absolute (/srv/pages/x.html). Nothing is overwritten: an existing audit.yaml is an error. \
        Exit codes: 0 written; 2 the file exists, bad options, or no input could be read.
        """
    )

    @Argument(help: "The audit's name: the directory under --directory and the snapshot name.")
    var name: String

    @Argument(help: "The organisation's own pages: files or URLs.")
    var inputs: [String]

    @Option(help: "Where audits live.")
    var directory = "Audits"

    @Option(help: "ISO 3166 region for numbers without a country code, and the audit's region (default: the page's lang; the region written is that of most numbers found).")
    var region: String?

    func validate() throws {
        guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
            throw ValidationError("NAME is a directory name such as 'gosuslugi', not '\(name)'")
        }
        guard !inputs.isEmpty else { throw ValidationError("give at least one page (a file or a URL)") }
        if let region, region.count != 2 || !region.allSatisfy(\.isLetter) {
            throw ValidationError("--region takes a two-letter ISO 3166 code such as RU or GB, not '\(region)'")
        }
    }

    func run() async throws {
        let auditDirectory = URL(fileURLWithPath: directory).appendingPathComponent(name)
        let file = auditDirectory.appendingPathComponent("audit.yaml")
        // Named as the user named the directory (Audits/acme), not as an absolute path.
        let shown = (directory as NSString).appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: file.path) {
            StandardError.print("contact-audit: \(shown)/audit.yaml already exists; init never overwrites an audit (remove it or pick another NAME)")
            throw ExitCode(2)
        }
        let extractor = ContactExtractor(options: ExtractOptions(regions: RegionResolver(explicitRegion: region)))
        var config = CrawlConfig()
        config.depth = 0
        config.maxPages = 1
        config.showProgress = false
        let sources = inputs.map { input in
            SourceReader.isURL(input) ? IntakeSource(name: input)
                : IntakeSource(name: Self.relativePath(of: input, from: auditDirectory), location: input)
        }
        let result = await SourceIntake(extractor: extractor, crawl: config, hashesPages: false).read(sources)
        var drafts: [AuditFileDraft.Source] = []
        for page in result.pages {
            // A local file's failure names the file already (as extract prints it).
            if let failure = page.failure { StandardError.print("contact-audit: \(page.isWeb ? "\(page.source): " : "")\(failure)") }
            drafts.append(AuditFileDraft.Source(url: page.source, records: page.records.sorted(), failure: page.failure))
        }
        guard drafts.contains(where: { $0.failure == nil }) else {
            StandardError.print("contact-audit: no page could be read; nothing written")
            throw ExitCode(2)
        }
        let yaml = AuditFileDraft(name: name, sources: drafts, region: region?.uppercased()).yaml()
        do {
            try FileManager.default.createDirectory(at: auditDirectory, withIntermediateDirectories: true)
            try AtomicFile.write(Data(yaml.utf8), to: file.path)
        } catch {
            StandardError.print("contact-audit: \(error)")
            throw ExitCode(2)
        }
        print("wrote \(shown)/audit.yaml: review it, then run contact-audit check \(shown)")
    }

    /// `input` (relative to the current directory, or absolute) as the audit file names it:
    /// relative to the audit's directory when the page lies at most `maximumClimb` levels
    /// above it (inside the project that holds `Audits/NAME/`: `../../pages/x.html`), else
    /// absolute, since `../../../../../tmp/x.html` says less than `/tmp/x.html` and breaks
    /// as soon as the project moves. Both forms load (`check`, `audit`).
    static func relativePath(of input: String, from directory: URL) -> String {
        let target = URL(fileURLWithPath: input).standardizedFileURL.pathComponents
        let base = directory.standardizedFileURL.pathComponents
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let climb = base.count - common
        guard climb <= maximumClimb, common > 1 else {
            return "/" + target.dropFirst().joined(separator: "/")
        }
        return (Array(repeating: "..", count: climb) + target[common...]).joined(separator: "/")
    }

    /// `Audits/NAME/` is two levels below the project: its pages are `../../…` at most.
    static let maximumClimb = 2
}
