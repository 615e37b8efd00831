import ContactModel

/// Snapshot diff → text in one format; one renderer per file, picked by `DiffFormat`.
public protocol DiffRenderer: Sendable {
    func render(_ diff: SnapshotDiff) -> String
}

public enum DiffFormat: String, Sendable, CaseIterable {
    case text, json, markdown

    public var renderer: any DiffRenderer {
        switch self {
        case .text: return DiffTextRenderer()
        case .json: return DiffJSONRenderer()
        case .markdown: return DiffMarkdownRenderer()
        }
    }
}

/// Phrases every format shares, so they say the same thing.
enum DiffWording {
    /// `untrusted` renders what came from the fetch or the page (an error's text) for the
    /// format; the rest is our own wording.
    static func headline(_ change: SourceChanges, untrusted: (String) -> String = { $0 }) -> String {
        switch change.change {
        case .added: return "source added (\(count(change.added.count)))"
        case .removed: return "source removed (\(count(change.removed.count)))"
        case .nowFailing: return "now failing: \(untrusted(change.error ?? "unknown error"))"
        case .recovered: return "read again (was failing)"
        case .changed:
            let counts = [change.changed.isEmpty ? nil : "\(change.changed.count) changed",
                          change.moved.isEmpty ? nil : "\(change.moved.count) moved",
                          change.added.isEmpty ? nil : "\(change.added.count) added",
                          change.removed.isEmpty ? nil : "\(change.removed.count) removed"]
                .compactMap { $0 }.joined(separator: ", ")
            return change.cause.map { "\(counts) (\(cause($0)))" } ?? counts
        }
    }

    /// Whether the site or the reading of it changed.
    static func cause(_ cause: SourceChanges.Cause) -> String {
        switch cause {
        case .pageChanged: return "page changed"
        case .extractorChanged: return "extractor changed: same page bytes"
        }
    }

    static func count(_ n: Int) -> String { n == 1 ? "1 record" : "\(n) records" }

    /// `phone hotline +78001007010`
    static func describe(_ record: ContactRecord) -> String {
        "\(record.kind.rawValue) \(record.channel.rawValue) \(record.value)"
    }

    /// `phone hotline +78001007010 → +78001007011` (channel too when it moved).
    static func describe(_ change: RecordChange) -> String {
        let (a, b) = (change.before, change.after)
        var text = "\(a.kind.rawValue) "
        text += a.channel == b.channel ? a.channel.rawValue : "\(a.channel.rawValue) → \(b.channel.rawValue)"
        text += a.value == b.value ? " \(a.value)" : " \(a.value) → \(b.value)"
        let other = change.fields.filter { $0 != "value" && $0 != "channel" }
        if !other.isEmpty { text += " (\(other.joined(separator: ", ")) changed)" }
        return text
    }

    /// `phone hotline +78001007010 moved: /html/body/p[2] (text) → /html/body/footer/p/a (tel-link)`
    static func describeMove(_ change: RecordChange) -> String {
        let (a, b) = (change.before, change.after)
        return "\(a.kind.rawValue) \(a.channel.rawValue) \(a.value) moved: \(a.evidence.path) (\(a.evidence.method.rawValue))"
            + " → \(b.evidence.path) (\(b.evidence.method.rawValue))"
    }

    static func summary(_ diff: SnapshotDiff) -> String {
        if diff.isEmpty { return "No differences between \(diff.before) and \(diff.after)." }
        var parts = [diff.sources.count == 1 ? "1 source differs" : "\(diff.sources.count) sources differ"]
        let byExtractor = diff.sources.filter { $0.cause == .extractorChanged }.count
        if byExtractor > 0 {
            // An upgrade that reads many unchanged pages differently says so up front.
            parts[0] += " (\(byExtractor) with the same page bytes: extractor changed)"
        }
        if let findings = diff.findings {
            parts.append(findings.new.count.counted("new finding"))
            parts.append("\(findings.resolved.count) resolved")
        }
        return parts.joined(separator: ", ") + "."
    }
}
