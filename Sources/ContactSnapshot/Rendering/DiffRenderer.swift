import ContactModel

/// Snapshot diff → text in one format; one renderer per file, picked by `DiffFormat`.
public protocol DiffRenderer: Sendable {
    func render(_ diff: SnapshotDiff) -> String
    /// Two directories of audit snapshots: grouped by audit in name order, as the report
    /// of a run of several audits is.
    func render(_ diff: AuditSnapshotsDiff) -> String
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

    /// `audit added (2 sources)`, `audit removed (1 source)`, or nothing for one on both sides.
    static func auditHeadline(_ audit: AuditSnapshotsDiff.Audit) -> String? {
        switch audit.change {
        case .added: return "audit added (\(audit.diff.sources.count.counted("source")))"
        case .removed: return "audit removed (\(audit.diff.sources.count.counted("source")))"
        case .compared: return nil
        }
    }

    /// `3 audits: 2 differ (1 added), 1 the same.`
    static func summary(_ diff: AuditSnapshotsDiff) -> String {
        let total = diff.audits.count.counted("audit")
        if diff.isEmpty { return "No differences between \(diff.before) and \(diff.after) (\(total))." }
        let differing = diff.audits.filter(\.differs)
        var text = "\(total): \(differing.count) \(differing.count == 1 ? "differs" : "differ")"
        let added = diff.audits.filter { $0.change == .added }.count, removed = diff.audits.filter { $0.change == .removed }.count
        let notes = [added > 0 ? "\(added) added" : nil, removed > 0 ? "\(removed) removed" : nil].compactMap { $0 }
        if !notes.isEmpty { text += " (\(notes.joined(separator: ", ")))" }
        let same = diff.audits.count - differing.count
        if same > 0 { text += ", \(same) the same" }
        return text + "."
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
