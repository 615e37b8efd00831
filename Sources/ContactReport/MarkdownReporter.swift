import ContactAudit
import ContactModel

/// For a CI job summary or a pull-request comment: a headline a reviewer takes in at a
/// glance, tables per severity, evidence folded away.
public struct MarkdownReporter: Reporter {
    public static let id = "markdown"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        let s = report.summary
        var lines = ["## contact-audit: \(UntrustedText.markdownPlain(report.name))", "",
                     "**\(s.errors.counted("error"))**, **\(s.warnings.counted("warning"))**, \(s.infos) info · "
                     + "\(s.sources.counted("source")), \(s.records.counted("record"))"
                     + (s.suppressed > 0 ? " · \(s.suppressed) accepted by the baseline" : "")]
        for note in report.notes { lines += ["", "> **Note:** \(UntrustedText.markdownPlain(note))"] }
        for severity in Severity.allCases {
            let findings = report.findings.filter { $0.severity == severity }
            guard !findings.isEmpty else { continue }
            lines += ["", "### \(Self.heading(severity)) (\(findings.count))", "",
                      "| rule | value | channel | sources | message |", "|---|---|---|---|---|"]
            for f in findings {
                let message = f.message + (f.official.map { " (\($0))" } ?? "") + (report.age(of: f).map { "; \($0)" } ?? "")
                lines.append("| `\(f.rule)` | \(Self.escape(f.value)) | \(f.channelLabel) | "
                             // A finding about a whole page has the page as its value already.
                             + "\(f.sources == [f.value] ? "" : f.sources.map { Self.escape($0) }.joined(separator: ", ")) | "
                             + "\(Self.escape(message)) |")
            }
            lines += ["", "<details><summary>Evidence</summary>", ""]
            for f in findings {
                lines.append("- `\(f.rule)` \(Self.escape(f.value, inTable: false))")
                for r in f.evidence {
                    lines.append("  - \(Self.escape(r.source, inTable: false)) \(Self.escape(r.evidence.path, inTable: false)) "
                                 + "(\(r.evidence.method.rawValue)): \(Self.escape(TextReporter.quote(r.evidence.text, around: r.raw), inTable: false))")
                }
            }
            lines += ["", "</details>"]
        }
        if report.findings.isEmpty { lines += ["", "No findings."] }
        if !report.expiredWaivers.isEmpty {
            lines += ["", "### Expired waivers", ""]
            for w in report.expiredWaivers {
                lines.append("- `\(w.rule)` \(Self.escape(w.value, inTable: false)) on \(Self.escape(w.source, inTable: false)): "
                             + "expired \(Self.escape(w.expires ?? "", inTable: false))" + (w.reason.map { " (\(Self.escape($0, inTable: false)))" } ?? ""))
            }
        }
        // The status word and its detail in columns of their own, as the text report shows them.
        lines += ["", "### Sources", "", "| source | official | status | detail |", "|---|---|---|---|"]
        for source in report.sources {
            lines.append("| \(Self.escape(source.url)) | \(source.official ? "yes" : "") | \(source.status) | "
                         + (source.kind == .ok ? source.detail : Self.escape(source.detail)) + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func heading(_ severity: Severity) -> String {
        switch severity {
        case .error: return "Errors"
        case .warning: return "Warnings"
        case .info: return "Info"
        }
    }

    /// Text that a page, a URL or a person wrote, as a code span: Markdown renders it
    /// as written, never as a link, an image, HTML or emphasis (see `UntrustedText`).
    static func escape(_ text: String, inTable: Bool = true) -> String {
        UntrustedText.markdownCode(text, inTable: inTable)
    }
}
