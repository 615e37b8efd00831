import ContactAudit
import Foundation

/// `findings-history.json` in the snapshot directory: since when each finding has been
/// reported, by rule, value and page (the baseline's key). It holds dates, so it is kept
/// apart from the source files and `diff` ignores it like `run.json`; unlike `run.json` it
/// is rewritten only when findings appear or go away, so a run that finds what the last
/// one found leaves it byte-identical.
public struct FindingsHistory: Sendable, Hashable, Codable {
    public static let fileName = "findings-history.json"

    public struct Entry: Sendable, Hashable, Codable, Comparable {
        public var rule: String
        public var value: String
        public var source: String
        /// `YYYY-MM-DD` (UTC), the first run that reported it.
        public var firstSeen: String

        enum CodingKeys: String, CodingKey {
            case rule, value, source
            case firstSeen = "first_seen"
        }

        var key: [String] { [rule, value, source] }

        public static func < (a: Entry, b: Entry) -> Bool { a.key.lexicographicallyPrecedes(b.key) }
    }

    public var version = 1
    /// Sorted by rule, value, source.
    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries.sorted() }

    /// The history in `directory`; empty when there is none. A file that cannot be read
    /// starts a new history, with the reason for the caller to warn about.
    public static func load(directory: String) -> (history: FindingsHistory, problem: String?) {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(fileName).path
        guard let data = FileManager.default.contents(atPath: path) else {
            // None yet is the normal start; one that is there and cannot be read is said, as
            // one that does not decode is (it was taken for none, silently).
            guard FileManager.default.fileExists(atPath: path) else { return (FindingsHistory(), nil) }
            return (FindingsHistory(), "\(path): cannot be read (not a regular file, or permission denied); "
                    + "first_seen dates start again today")
        }
        do {
            return (try JSONDecoder().decode(FindingsHistory.self, from: data), nil)
        } catch {
            return (FindingsHistory(), "\(path): not a findings history (\(error)); first_seen dates start again today")
        }
    }

    /// This run's history: each current finding's pages keep their date, new ones get
    /// `today`, resolved ones are dropped (a finding that comes back is new again).
    public func updated(with findings: [Finding], today: String) -> FindingsHistory {
        let known = Dictionary(entries.map { ($0.key, $0.firstSeen) }, uniquingKeysWith: min)
        var next: [[String]: Entry] = [:]
        for finding in findings {
            for source in finding.sources {
                let key = [finding.rule, finding.value, source]
                next[key] = Entry(rule: finding.rule, value: finding.value, source: source, firstSeen: known[key] ?? today)
            }
        }
        return FindingsHistory(entries: Array(next.values))
    }

    /// `findings` with `firstSeen` set: the earliest date of any of their pages.
    public func dating(_ findings: [Finding]) -> [Finding] {
        let dates = Dictionary(entries.map { ($0.key, $0.firstSeen) }, uniquingKeysWith: min)
        return findings.map { finding in
            var finding = finding
            finding.firstSeen = finding.sources.compactMap { dates[[finding.rule, finding.value, $0]] }.min()
            return finding
        }
    }
}
