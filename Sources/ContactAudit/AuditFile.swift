import ContactModel
import Foundation
import PhoneNumbers

/// A page the audit reads.
public struct AuditSource: Sendable, Hashable {
    /// As written in the audit file; records and findings name the source this way, so
    /// reports do not depend on the directory the audit was run from.
    public var url: String
    public var official: Bool
    /// What to read: the URL itself, or the path resolved against the audit file's
    /// directory.
    public var location: String

    public init(url: String, official: Bool = false, location: String? = nil) {
        self.url = url
        self.official = official
        self.location = location ?? url
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
    public func context(records: [ContactRecord], sources statuses: [SourceStatus]) -> AuditContext {
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
                            serviceNumbers: service)
        context.unreadableSources = statuses.filter { !$0.isRead && ($0.kind != .error || $0.unreadableRuns != nil) }.map {
            UnreadableSource(source: $0.url, official: $0.official, status: $0.status,
                             reason: $0.error ?? $0.reason ?? "unreadable", runs: $0.unreadableRuns ?? 1)
        }
        context.unreadableRunsForError = unreadableRuns
        return context
    }
}
