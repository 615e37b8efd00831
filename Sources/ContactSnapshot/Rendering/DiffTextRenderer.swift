import ContactAudit
import ContactModel

/// For a terminal or a CI log: one block per source, `~` changed, `>` moved, `+` added, `-` removed,
/// each record with its DOM path and the page's text.
public struct DiffTextRenderer: DiffRenderer {
    public init() {}

    public func render(_ diff: SnapshotDiff) -> String {
        var lines: [String] = []
        if !diff.isEmpty { lines += ["--- \(diff.before)", "+++ \(diff.after)"] }
        for change in diff.sources {
            lines.append("")
            lines.append("\(change.source): \(DiffWording.headline(change))")
            for c in change.changed {
                lines.append("  ~ \(DiffWording.describe(c)) at \(c.after.evidence.path)")
                if c.before.evidence.text != c.after.evidence.text {
                    lines.append("      was: \(Self.quote(c.before.evidence.text))")
                    lines.append("      now: \(Self.quote(c.after.evidence.text))")
                } else {
                    lines.append("      \(Self.quote(c.after.evidence.text))")
                }
            }
            for m in change.moved {
                lines.append("  > \(DiffWording.describeMove(m))")
                if m.before.evidence.text != m.after.evidence.text { lines.append("      now: \(Self.quote(m.after.evidence.text))") }
            }
            for r in change.added { lines += Self.record("+", r) }
            for r in change.removed { lines += Self.record("-", r) }
        }
        if let findings = diff.findings, !findings.isEmpty {
            lines.append("")
            lines.append("Findings against \(findings.audit):")
            for f in findings.new { lines.append("  new      \(Self.finding(f))") }
            for f in findings.resolved { lines.append("  resolved \(Self.finding(f))") }
        }
        lines.append("")
        lines.append(DiffWording.summary(diff))
        // Page text never reaches the terminal as control sequences.
        return lines.drop { $0.isEmpty }.map(UntrustedText.terminal).joined(separator: "\n") + "\n"
    }

    /// `=== acme ===` then that audit's diff as `diff` prints it for one snapshot, for
    /// each audit in name order; the summary over audits last.
    public func render(_ diff: AuditSnapshotsDiff) -> String {
        var out = ""
        for audit in diff.audits {
            let headline = DiffWording.auditHeadline(audit).map { ": \($0)" } ?? ""
            out += UntrustedText.terminal("=== \(audit.name)\(headline) ===") + "\n" + render(audit.diff) + "\n"
        }
        return out + DiffWording.summary(diff) + "\n"
    }

    static func record(_ sign: String, _ record: ContactRecord) -> [String] {
        ["  \(sign) \(DiffWording.describe(record)) at \(record.evidence.path)",
         "      \(quote(record.evidence.text))"]
    }

    static func finding(_ f: Finding) -> String {
        "\(f.severity.rawValue) \(f.rule) \(f.value) (\(f.channel.rawValue)) on \(f.sources.joined(separator: ", ")): \(f.message)"
    }

    /// Evidence on one line, cut so a long paragraph does not flood the log.
    static func quote(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return EvidenceQuote.quoted(flat.count > 160 ? flat.prefix(157) + "…" : flat)
    }
}
