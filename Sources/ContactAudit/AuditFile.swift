import ContactModel
import Foundation
import PhoneNumbers

/// A page the audit reads.
public struct AuditSource: Sendable, Hashable {
    /// As written in the audit file; records and findings name the source this way, so
    /// reports do not depend on the directory the audit was run from.
    public var url: String
    /// The organisation's own site: what its pages (this one and those crawled from it)
    /// state is the organisation's statement.
    public var official: Bool
    /// `official: ["/help/**", "/contacts"]`: the pages of this site expected to show the
    /// hotline, as URL path patterns. Nil for `official: true`, where only this page is.
    public var hotlinePages: [String]?
    /// `severity: warning`: findings on this page (and pages crawled from it, on its
    /// site) are reported at this severity at most.
    public var severity: Severity?
    /// What to read: the URL itself, or the path resolved against the audit file's
    /// directory.
    public var location: String

    public init(url: String, official: Bool = false, hotlinePages: [String]? = nil, location: String? = nil) {
        self.url = url
        self.official = official || hotlinePages != nil
        self.hotlinePages = hotlinePages
        self.location = location ?? url
    }
}

/// Which official pages must show the hotline (`missing-official-contact`): the pages
/// the audit file names as official sources, and crawled pages whose path matches one of
/// an official source's patterns. Other pages crawled from an official source are still
/// official for trust, but a news or tariffs page need not show the hotline.
public enum HotlinePages {
    /// `*` stands for any characters but `/`, `**` for any characters; the rest is
    /// literal. A trailing `/` on the path is ignored, so `/contacts` matches `/contacts/`.
    public static func matches(_ pattern: String, path: String) -> Bool {
        let path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let pattern = pattern.count > 1 && pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
        return match(Array(pattern.unicodeScalars)[...], Array(path.unicodeScalars)[...])
    }

    private static func match(_ pattern: ArraySlice<Unicode.Scalar>, _ path: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "*" {
            let deep = pattern.dropFirst().first == "*"
            let rest = pattern.dropFirst(deep ? 2 : 1)
            var index = path.startIndex
            while true {
                if match(rest, path[index...]) { return true }
                guard index < path.endIndex, deep || path[index] != "/" else { return false }
                index += 1
            }
        }
        guard let head = path.first, head == first else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// The official pages among `pages` expected to show the hotline. `declared` tells
    /// whether the audit file names the page itself (a local source or a crawl's start
    /// page) rather than the crawl reaching it by a link; `origin` (scheme, host, port)
    /// and `path` split a crawled page's URL, and `origin` gives a source's.
    public static func expected(_ pages: [(source: String, official: Bool, declared: Bool, origin: String?, path: String?)],
                                sources: [AuditSource], origin: (String) -> String?) -> Set<String> {
        let patterns = sources.filter(\.official).compactMap { source in
            source.hotlinePages.map { (origin: origin(source.location), patterns: $0) }
        }
        var expected: Set<String> = []
        for page in pages where page.official {
            let named = sources.first { $0.url == page.source || $0.location == page.source }
            if page.declared, named?.hotlinePages == nil || !SourceKind.isWeb(named?.location ?? page.source) {
                expected.insert(page.source)
                continue
            }
            guard let path = page.path else { continue }
            if patterns.contains(where: { $0.origin == page.origin && $0.patterns.contains { matches($0, path: path) } }) {
                expected.insert(page.source)
            }
        }
        return expected
    }
}

enum SourceKind {
    static func isWeb(_ location: String) -> Bool {
        let lower = location.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }
}

/// How far to follow links from each source. Parsed and validated now so audit files
/// can state them; the crawler that uses them comes with the snapshot work.
public struct CrawlSettings: Sendable, Hashable {
    public var depth = 1
    public var maxPages = 20
    public var maxBytes: Int?
    public var timeoutSeconds: Double?
    public var delaySeconds: Double?
    public var userAgent: String?
    /// `allow_private`: hosts that may be reached on private, loopback or link-local
    /// addresses (an intranet page, a test server). Lower-case, as written otherwise.
    public var allowPrivate: [String] = []
    /// `budget`: limits on the whole run, all sources together.
    public var budget = RunBudget()
    /// `archive`: keep every exchange as WARC in this file (as `audit --archive` does),
    /// a path relative to where the audit is run, like the snapshot directory.
    public var archive: String?
    /// `archive_max_bytes`: the archive's size cap (compressed); records past it are left out.
    public var archiveMaxBytes: Int?

    public init() {}
}

/// `crawl.budget`: `{pages: 1000, bytes: 50000000, seconds: 600}`, each optional.
public struct RunBudget: Sendable, Hashable {
    public var pages: Int?
    public var bytes: Int?
    public var seconds: Double?

    public init(pages: Int? = nil, bytes: Int? = nil, seconds: Double? = nil) {
        self.pages = pages
        self.bytes = bytes
        self.seconds = seconds
    }
}

/// `Audits/<name>/audit.yaml`, validated and with its catalog normalised.
public struct AuditFile: Sendable {
    /// The file's path as the user named it (or the directory + `audit.yaml`).
    public var path: String
    public var name: String
    public var region: String?
    public var timezone: String?
    public var catalog: Catalog
    public var sources: [AuditSource]
    public var crawl: CrawlSettings
    public var rules: [String: RuleSetting]
    /// Service short numbers the audit adds to the region's emergency numbers.
    public var shortNumbers: [String]
    /// `rules: {source-unreadable: {runs: N}}`: runs in a row after which an unreadable
    /// official source is an error.
    public var unreadableRuns = AuditFile.defaultUnreadableRuns
    public static let defaultUnreadableRuns = 2
    /// `third_party_severity`: the most a finding only on pages that are not official (and
    /// have no `severity` of their own) is reported at; nil for no cap.
    public var thirdPartySeverity: Severity?

    public init(path: String, name: String, region: String? = nil, timezone: String? = nil,
                catalog: Catalog = Catalog(), sources: [AuditSource] = [], crawl: CrawlSettings = CrawlSettings(),
                rules: [String: RuleSetting] = [:], shortNumbers: [String] = []) {
        self.path = path
        self.name = name
        self.region = region
        self.timezone = timezone
        self.catalog = catalog
        self.sources = sources
        self.crawl = crawl
        self.rules = rules
        self.shortNumbers = shortNumbers
    }

    /// The file for an `AUDIT` argument: the file itself, or `audit.yaml` in a directory.
    public static func locate(_ argument: String) throws(AuditFileError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            throw .notFound(path: argument)
        }
        guard isDirectory.boolValue else { return argument }
        let directory = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
        for name in ["audit.yaml", "audit.yml"] where FileManager.default.fileExists(atPath: "\(directory)/\(name)") {
            return "\(directory)/\(name)"
        }
        throw .notFound(path: "\(directory)/audit.yaml")
    }

    /// Parses audit-file text that did not come from a file (a fuzzer, an editor buffer):
    /// the file when it is valid, and every problem found.
    public static func parse(text: String, path: String = "audit.yaml",
                             directory: URL = URL(fileURLWithPath: ".")) -> (AuditFile?, [AuditDiagnostic]) {
        AuditFileParser.parse(yaml: text, path: path, directory: directory)
    }

    /// Reads, validates and normalises; every problem of the file at once in `.invalid`.
    public static func load(_ argument: String) throws(AuditFileError) -> AuditFile {
        let path = try locate(argument)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not UTF-8 text")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        let (file, diagnostics) = AuditFileParser.parse(yaml: text, path: path, directory: directory)
        guard let file, diagnostics.isEmpty else { throw .invalid(diagnostics) }
        return file
    }
}

/// One problem in an audit file, where an editor can jump to it.
public struct AuditDiagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The `FILE:LINE:COLUMN: error: message` form compilers use, which editors and CI
    /// annotate.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }

    public static func < (a: AuditDiagnostic, b: AuditDiagnostic) -> Bool {
        (a.line, a.column, a.message) < (b.line, b.column, b.message)
    }
}

public enum AuditFileError: Error, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case invalid([AuditDiagnostic])

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such audit file (give an audit.yaml or a directory holding one)"
        case .unreadable(let path, let reason): return "\(path): cannot read the audit file: \(reason)"
        case .invalid(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}

extension AuditFile {
    /// The context rules see for this audit: official sources, which were read, and the
    /// service numbers (the audit's `short_numbers` and the region's emergency numbers
    /// among the records) that are never "unknown".
    /// `hotlinePages`: the official pages expected to show the hotline (see
    /// `HotlinePages`); nil for every official source the audit file names.
    public func context(records: [ContactRecord], sources statuses: [SourceStatus],
                        hotlinePages: Set<String>? = nil) -> AuditContext {
        var service = Set(shortNumbers)
        // By index: binding each of a million records to a loop variable copies it.
        for index in records.indices where records[index].kind == .phone && records[index].value.allSatisfy(\.isASCIIDigit) {
            let region = self.region ?? "ZZ"
            if PhoneNumberService.isEmergencyNumber(records[index].value, region: region) { service.insert(records[index].value) }
        }
        var context = AuditContext(records: records, catalog: catalog,
                            // Pages the crawler reached from an official source are official too.
                            officialSources: Set(sources.filter(\.official).map(\.url))
                                .union(statuses.filter(\.official).map(\.url)),
                            readSources: Set(statuses.filter(\.isRead).map(\.url)),
                            serviceNumbers: service,
                            hotlineSources: hotlinePages ?? Set(sources.filter(\.official).map(\.url)),
                            severityCaps: severityCaps(statuses))
        context.unreadableSources = statuses.filter {
            !$0.isRead && $0.kind != .skipped && ($0.kind != .error || $0.unreadableRuns != nil)
        }.map {
            UnreadableSource(source: $0.url, official: $0.official, status: $0.status,
                             reason: $0.error ?? $0.reason ?? "unreadable", runs: $0.unreadableRuns ?? 1)
        }
        context.unreadableRunsForError = unreadableRuns
        return context
    }

    /// Each page's severity cap: the `severity` of the source that names it, else of the
    /// web source on the same site it was crawled from, else `third_party_severity` for a
    /// page that is not official.
    func severityCaps(_ statuses: [SourceStatus]) -> [String: Severity] {
        func origin(_ url: String) -> String? {
            guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
                  let host = components.host?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
            return "\(scheme)://\(host):\(components.port ?? (scheme == "https" ? 443 : 80))"
        }
        var bySite: [String: Severity] = [:]
        for source in sources {
            guard let cap = source.severity, let site = origin(source.location) else { continue }
            bySite[site] = max(bySite[site] ?? cap, cap)
        }
        var caps: [String: Severity] = [:]
        for status in statuses {
            if let named = sources.first(where: { $0.url == status.url || $0.location == status.url }), let cap = named.severity {
                caps[status.url] = cap
            } else if let site = origin(status.url), let cap = bySite[site] {
                caps[status.url] = cap
            } else if !status.official, let cap = thirdPartySeverity {
                caps[status.url] = cap
            }
        }
        return caps
    }
}
