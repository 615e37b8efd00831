import Foundation
import ContactModel

/// How reading one source went.
public struct SourceStatus: Sendable, Hashable, Codable, Comparable {
    /// What a source's page turned out to be, when not an ordinary page (`ok`) or a
    /// failure (`error`).
    public enum Kind: String, Sendable, Hashable, Codable {
        case ok, error
        /// Cut at the body limit: the records are those of the part read.
        case truncated
        /// A binary or non-HTML body (an image, a PDF, an archive): nothing to read.
        case notHTML = "not-html"
        /// A bot wall or challenge page (Cloudflare, DDoS-Guard, Qrator, a captcha) in
        /// place of the page: no records taken from it.
        case blocked
        /// robots.txt disallows the page: the site's wish, so never fetched and not a
        /// failure (not counted as unreadable, not a `source-unreadable` finding).
        case skipped
    }

    public var url: String
    public var official: Bool
    /// `ok`, `error`, `truncated`, `not-html`, `blocked` or `skipped`.
    public var status: String
    public var error: String?
    public var records: Int
    /// Why the status is `truncated`, `not-html` or `blocked`.
    public var reason: String?
    /// For a `blocked` source: records of the previous run kept in the snapshot (marked
    /// stale) instead of being reported as removed; not audited.
    public var staleRecords: Int?
    /// How many runs in a row the source could not be read, this one included (from the
    /// previous snapshot); nil when it was read.
    public var unreadableRuns: Int?

    public init(url: String, official: Bool, error: String? = nil, records: Int = 0) {
        self.url = url
        self.official = official
        self.status = error == nil ? Kind.ok.rawValue : Kind.error.rawValue
        self.error = error
        self.records = records
    }

    public init(url: String, official: Bool, kind: Kind, reason: String?, records: Int = 0) {
        self.init(url: url, official: official, records: records)
        self.status = kind.rawValue
        self.reason = reason
    }

    public var kind: Kind { Kind(rawValue: status) ?? .error }

    /// Its records count: an ordinary page, or the part of a cut one.
    public var isRead: Bool { error == nil && (kind == .ok || kind == .truncated) }

    /// What reports show after the status word: the error, or the reason with the records.
    public var detail: String {
        let count = records.counted("record")
        switch kind {
        case .ok: return count
        case .error: return error ?? "unreadable"
        case .truncated: return "\(reason ?? "cut short"); \(count) from the part read"
        case .notHTML: return reason ?? "not an HTML page"
        case .skipped: return reason ?? "robots.txt disallows it"
        case .blocked:
            let stale = staleRecords.map { "; \($0.counted("record")) of the last run kept as stale" } ?? ""
            return (reason ?? "a bot wall") + stale
        }
    }

    public static func < (a: SourceStatus, b: SourceStatus) -> Bool { a.url < b.url }
}

/// The counts every format shows; `sources`, `records`, `errors` and `warnings` are the
/// contract, the rest extra.
public struct ReportSummary: Sendable, Hashable, Codable {
    public var sources: Int
    public var records: Int
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    /// Sources that could not be read.
    public var unreadable: Int
    /// Findings a baseline accepted.
    public var suppressed: Int
}

/// Everything a reporter renders: one audit run after baseline filtering.
public struct AuditReport: Sendable, Hashable {
    public var name: String
    public var sources: [SourceStatus]
    public var records: [ContactRecord]
    public var findings: [Finding]
    /// Ids of the rules that ran, in `AllRules` order (JUnit lists a test case per rule).
    public var rules: [String]
    public var suppressed: Int
    /// Waivers that no longer suppress their finding.
    public var expiredWaivers: [BaselineEntry]
    /// What cut the run short, for the reader: "budget spent: pages 1000/1000; 37 URLs not fetched".
    public var notes: [String]
    /// The run's date (`YYYY-MM-DD`), against which findings' `first_seen` is told as an
    /// age ("first seen 2026-10-27, 37 days ago"); nil: dates only.
    public var today: String?

    public init(name: String, sources: [SourceStatus], records: [ContactRecord], findings: [Finding],
                rules: [String], suppressed: Int = 0, expiredWaivers: [BaselineEntry] = [], notes: [String] = [],
                today: String? = nil) {
        self.notes = notes
        self.today = today
        self.name = name
        self.sources = sources.sorted()
        self.records = records.sortedByContent()
        self.findings = findings.sorted()
        self.rules = rules
        self.suppressed = suppressed
        self.expiredWaivers = expiredWaivers.sorted()
    }

    public var summary: ReportSummary {
        ReportSummary(sources: sources.count, records: records.count,
                      errors: findings.count { $0.severity == .error },
                      warnings: findings.count { $0.severity == .warning },
                      infos: findings.count { $0.severity == .info },
                      unreadable: sources.count { !$0.isRead && $0.kind != .skipped },
                      suppressed: suppressed)
    }

    public func fails(at threshold: FailThreshold) -> Bool {
        findings.contains { threshold.isFailing($0.severity) }
    }
}

extension AuditReport {
    /// "first seen 2026-10-27, 37 days ago", "first seen today"; nil without a date.
    public func age(of finding: Finding) -> String? {
        guard let first = finding.firstSeen else { return nil }
        guard let today, let days = Self.days(from: first, to: today) else { return "first seen \(first)" }
        switch days {
        case ...0: return "first seen today"
        case 1: return "first seen \(first), 1 day ago"
        default: return "first seen \(first), \(days) days ago"
        }
    }

    static func days(from start: String, to end: String) -> Int? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        func date(_ text: String) -> Date? {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        }
        guard let a = date(start), let b = date(end) else { return nil }
        return calendar.dateComponents([.day], from: a, to: b).day
    }
}
