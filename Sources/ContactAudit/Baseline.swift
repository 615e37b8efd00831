import ContactModel
import Foundation

/// One accepted finding on one source. Matched by rule, value and source, never by the
/// message, so rewording a message does not resurrect accepted findings.
public struct BaselineEntry: Sendable, Hashable, Codable, Comparable {
    public var rule: String
    public var value: String
    public var source: String
    /// Why it is accepted; written by a person.
    public var reason: String?
    /// `YYYY-MM-DD`: from the next day on the entry no longer suppresses (a waiver).
    public var expires: String?

    public init(rule: String, value: String, source: String, reason: String? = nil, expires: String? = nil) {
        self.rule = rule
        self.value = value
        self.source = source
        self.reason = reason
        self.expires = expires
    }

    struct Key: Hashable {
        var rule: String, value: String, source: String
    }

    var key: Key { Key(rule: rule, value: value, source: source) }

    public func isExpired(today: String) -> Bool {
        guard let expires else { return false }
        return expires < today
    }

    public static func < (a: BaselineEntry, b: BaselineEntry) -> Bool {
        (a.rule, a.value, a.source) < (b.rule, b.value, b.source)
    }
}

public enum BaselineError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case badExpiry(path: String, entry: BaselineEntry)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read the baseline: \(reason)"
        case .malformed(let path, let reason):
            return "\(path): not a baseline file (expected {\"entries\": [{\"rule\", \"value\", \"source\"}]}): \(reason)"
        case .badExpiry(let path, let entry):
            return "\(path): the waiver for \(entry.rule) \(entry.value) has expires '\(entry.expires ?? "")'; write it as YYYY-MM-DD"
        }
    }
}

/// Findings already accepted, so a periodic job fails only on what is new.
public struct Baseline: Sendable, Hashable, Codable {
    public var version: Int
    public var entries: [BaselineEntry]

    public init(entries: [BaselineEntry]) {
        self.version = 1
        self.entries = Array(Set(entries)).sorted()
    }

    private enum CodingKeys: String, CodingKey { case version, entries }

    /// `version` may be left out of a hand-written baseline (the docs show `{"entries": [...]}`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        entries = try container.decode([BaselineEntry].self, forKey: .entries)
    }

    /// A baseline accepting every finding; reasons and expiry dates of `previous` carry
    /// over, so re-recording does not lose the waivers people wrote.
    public init(findings: [Finding], carryingOver previous: Baseline? = nil) {
        let old = Dictionary(previous?.entries.map { ($0.key, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let entries = findings.flatMap { finding in
            Self.sources(of: finding).map { source in
                let entry = BaselineEntry(rule: finding.rule, value: finding.value, source: source)
                return old[entry.key].map { BaselineEntry(rule: entry.rule, value: entry.value, source: source,
                                                          reason: $0.reason, expires: $0.expires) } ?? entry
            }
        }
        self.init(entries: entries)
    }

    /// A finding without sources is matched on the empty source.
    static func sources(of finding: Finding) -> [String] {
        finding.sources.isEmpty ? [""] : finding.sources
    }

    public struct Outcome: Sendable, Hashable {
        /// Findings still reported.
        public var findings: [Finding]
        public var suppressed: [Finding]
        /// Waivers that would have suppressed a finding had they not expired.
        public var expired: [BaselineEntry]
    }

    /// A finding is suppressed when every source it is on has an entry that has not expired.
    public func apply(to findings: [Finding], today: String) -> Outcome {
        let byKey = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var outcome = Outcome(findings: [], suppressed: [], expired: [])
        var expired: Set<BaselineEntry> = []
        for finding in findings {
            var covered = true
            for source in Self.sources(of: finding) {
                guard let entry = byKey[BaselineEntry.Key(rule: finding.rule, value: finding.value, source: source)] else {
                    covered = false
                    continue
                }
                if entry.isExpired(today: today) {
                    covered = false
                    expired.insert(entry)
                }
            }
            if covered { outcome.suppressed.append(finding) } else { outcome.findings.append(finding) }
        }
        outcome.expired = expired.sorted()
        return outcome
    }

    public static func load(_ path: String) throws(BaselineError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        let baseline: Baseline
        do { baseline = try JSONDecoder().decode(Baseline.self, from: data) } catch {
            throw .malformed(path: path, reason: Self.readable(error))
        }
        for entry in baseline.entries {
            if let expires = entry.expires, !Self.isDate(expires) { throw .badExpiry(path: path, entry: entry) }
        }
        return baseline
    }

    /// A decoding failure in words that name the place in the file (Foundation's own
    /// description is a dump of its coding path structs).
    static func readable(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func place(_ path: [any CodingKey]) -> String {
            let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" at \(place(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "\(place(context.codingPath)) should be \(Self.kind(type))"
        case .valueNotFound(let type, let context):
            return "\(place(context.codingPath)) is null; it should be \(Self.kind(type))"
        case .dataCorrupted(let context):
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return context.codingPath.isEmpty ? "not valid JSON" + (detail.map { " (\($0))" } ?? "")
                : "\(place(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    public func write(to path: String) throws {
        try AtomicFile.write(try JSONOutput.encode(self), to: path)
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
    }

    /// Today as `YYYY-MM-DD` in UTC, the form waivers are written in.
    public static func today(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
