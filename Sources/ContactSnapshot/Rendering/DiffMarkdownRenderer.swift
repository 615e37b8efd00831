import ContactAudit
import ContactModel

/// For a CI job summary or a pull-request comment: a headline, a table per source,
/// findings new and resolved.
public struct DiffMarkdownRenderer: DiffRenderer {
    public init() {}

    public func render(_ diff: SnapshotDiff) -> String { render(diff, title: "## contact-audit diff") }

    /// `# contact-audit diff` with the summary over audits, then each audit's diff under
    /// its name (`## `acme``), its sources one level down as for one snapshot.
    public func render(_ diff: AuditSnapshotsDiff) -> String {
        var out = "# contact-audit diff\n\n\(Self.cell(diff.before)) → \(Self.cell(diff.after)): "
            + (diff.isEmpty ? "no differences (\(diff.audits.count.counted("audit")))." : DiffWording.summary(diff)) + "\n"
        for audit in diff.audits {
            let headline = DiffWording.auditHeadline(audit).map { ": \($0)" } ?? ""
            out += "\n" + render(audit.diff, title: "## \(Self.cell(audit.name))\(headline)")
        }
        return out
    }

    func render(_ diff: SnapshotDiff, title: String) -> String {
        // The paths are in the line already: "No differences between A and B" would repeat them.
        var lines = [title, "", "\(Self.cell(diff.before)) → \(Self.cell(diff.after)): "
                     + (diff.isEmpty ? "no differences." : DiffWording.summary(diff))]
        for change in diff.sources {
            lines += ["", "### \(Self.cell(change.source))", "", DiffWording.headline(change, untrusted: UntrustedText.markdownPlain)]
            let rows = change.changed.map { ("changed", DiffWording.describe($0), $0.after) }
                + change.moved.map { ("moved", DiffWording.describeMove($0), $0.after) }
                + change.added.map { ("added", DiffWording.describe($0), $0) }
                + change.removed.map { ("removed", DiffWording.describe($0), $0) }
            guard !rows.isEmpty else { continue }
            lines += ["", "| | record | path | text |", "|---|---|---|---|"]
            for (what, description, record) in rows {
                lines.append("| \(what) | \(Self.cell(description)) | \(Self.cell(record.evidence.path)) | "
                             + "\(Self.cell(DiffTextRenderer.quote(record.evidence.text))) |")
            }
        }
        if let findings = diff.findings, !findings.isEmpty {
            lines += ["", "### Findings against \(Self.cell(findings.audit))", "",
                      "| | severity | rule | value | sources |", "|---|---|---|---|---|"]
            for (what, list) in [("new", findings.new), ("resolved", findings.resolved)] {
                for f in list {
                    lines.append("| \(what) | \(f.severity.rawValue) | `\(f.rule)` | \(Self.cell(f.value)) | "
                                 + "\(f.sources.map { Self.cell($0) }.joined(separator: ", ")) |")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Page text, sources and values as code spans (`|` escaped): a page cannot add a
    /// link, an image or HTML to a pull-request comment (see `UntrustedText`).
    static func cell(_ text: String) -> String { UntrustedText.markdownCode(text) }
}
