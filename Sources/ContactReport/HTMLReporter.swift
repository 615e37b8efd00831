import ContactAudit
import ContactModel

/// One self-contained page for a person: summary, the sources × channels matrix (who says
/// what, disagreements marked), findings with their evidence, sources. Inline CSS only, no
/// scripts or external assets, so it can be mailed, archived or opened from a CI artifact.
public struct HTMLReporter: Reporter {
    public static let id = "html"

    /// Shown as the matrix's first row, so each page's values sit under the expected ones.
    public var catalog: Catalog?

    public init(catalog: Catalog? = nil) { self.catalog = catalog }

    public func render(_ report: AuditReport) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>contact-audit: \(Self.escape(report.name))</title>
        <style>\(Self.style)</style>
        </head>
        <body>

        """ + content(report, level: 1) + "</body>\n</html>\n"
    }

    /// The report without its document shell: a header with the audit's name as a
    /// heading of `level` (the page's `h1` alone; `h2` as one audit of a grouped report,
    /// whose page has the title), then the matrix, findings and sources under headings one
    /// level below. `idPrefix` keeps the sections' ids apart when a page holds several audits.
    public func content(_ report: AuditReport, level: Int, idPrefix: String = "") -> String {
        let s = report.summary
        let title = level == 1 ? "contact-audit: \(Self.escape(report.name))" : Self.escape(report.name)
        var html = """
        <header>
        <h\(level)>\(title)</h\(level)>
        <p class="summary"><span class="count error">\(s.errors.counted("error"))</span> <span class="count warning">\(s.warnings.counted("warning"))</span> \
        <span class="count info">\(s.infos) info</span> · \(s.sources.counted("source")), \(s.records.counted("record"))\
        \(s.unreadable > 0 ? ", \(s.unreadable) unreadable" : "")\(s.suppressed > 0 ? " · \(s.suppressed) accepted by the baseline" : "")</p>
        </header>

        """
        let sub = Section(level: level + 1, idPrefix: idPrefix)
        html += matrix(SourceChannelMatrix(report, catalog: catalog), sub)
        html += findings(report.findings, in: report, sub)
        html += sources(report, sub)
        return html
    }

    /// A section's heading level and id prefix.
    private struct Section {
        var level: Int
        var idPrefix: String

        func open(_ id: String, _ heading: String) -> String {
            "<section id=\"\(idPrefix)\(id)\">\n<h\(level)>\(heading)</h\(level)>\n"
        }
    }

    private func matrix(_ matrix: SourceChannelMatrix, _ section: Section) -> String {
        var html = section.open("matrix", "Who says what") + """
        <p class="legend"><span class="value expected">catalog</span> <span class="value agree">as the catalog</span> \
        <span class="value error">error</span> <span class="value warning">warning</span> <span class="value">no finding</span> \
        <span class="value warning outlier" title="pages disagree on this value, and it is not the catalog&#39;s">outlier</span></p>
        <div class="scroll"><table class="matrix">
        <thead><tr><th class="source" rowspan="2">source</th>
        """
        html += matrix.channelSpans.map { "<th colspan=\"\($0.count)\" class=\"channel-head\">\($0.channel.rawValue)</th>" }.joined()
        html += "</tr>\n<tr>" + matrix.columns.map { "<th class=\"kind-head\">\(Self.kindLabel($0.kind))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        if let expected = matrix.expected {
            html += "<tr class=\"catalog\"><th class=\"source\" scope=\"row\">catalog (expected)</th>"
            html += expected.map { values in
                "<td>" + values.map { "<span class=\"value expected\">\(Self.escape($0))</span>" }.joined(separator: " ") + "</td>"
            }.joined()
            html += "</tr>\n"
        }
        for row in matrix.rows {
            html += "<tr><th class=\"source\" scope=\"row\">\(Self.sourceLabel(row.source))</th>"
            for entries in row.cells {
                html += "<td>"
                html += entries.map { entry in
                    var title = entry.rules.isEmpty ? entry.kind.rawValue : entry.rules.joined(separator: ", ")
                    var classes = "value" + (entry.severity.map { " \($0.rawValue)" } ?? "")
                    switch entry.verdict {
                    case .plain: break
                    case .agrees:
                        classes += " agree"
                        title = "as the catalog"
                    case .outlier:
                        classes += " outlier"
                        title += ": pages disagree, and this is not the catalog's"
                    }
                    return "<span class=\"\(classes)\" title=\"\(Self.escape(title))\">\(Self.escape(entry.value))</span>"
                }.joined(separator: " ")
                html += "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>\n</section>\n"
    }

    private func findings(_ findings: [Finding], in report: AuditReport, _ section: Section) -> String {
        var html = section.open("findings", "Findings (\(findings.count))")
        if findings.isEmpty { html += "<p>No findings.</p>\n" }
        for f in findings {
            // Errors open, so their evidence shows without a click; the rest folded.
            html += "<details class=\"finding \(f.severity.rawValue)\"\(f.severity == .error ? " open" : "")><summary><span class=\"badge \(f.severity.rawValue)\">"
                + "\(f.severity.rawValue)</span> <code>\(Self.escape(f.rule))</code> <b>\(Self.escape(f.value))</b> "
                // A finding about a whole source has no channel to show (no "— ·" before its message).
                + (f.channelLabel == Finding.noChannel ? "· " : "<span class=\"channel\">\(Self.escape(f.channelLabel))</span> · ")
                + Self.escape(f.message)
                + (f.official.map { " <i>(\(Self.escape($0)))</i>" } ?? "")
                + (report.age(of: f).map { " <span class=\"age\">\(Self.escape($0))</span>" } ?? "") + "</summary>\n"
                + "<table class=\"evidence\"><thead><tr><th>source</th><th>path</th><th>method</th><th>text</th></tr></thead><tbody>\n"
            for r in f.evidence {
                html += "<tr><td>\(Self.escape(r.source))</td><td><code>\(Self.escape(r.evidence.path))</code></td>"
                    + "<td>\(r.evidence.method.rawValue)</td><td>\(Self.escape(r.evidence.text))</td></tr>\n"
            }
            html += "</tbody></table></details>\n"
        }
        return html + "</section>\n"
    }

    private func sources(_ report: AuditReport, _ section: Section) -> String {
        var html = section.open("sources", "Sources") + "<table class=\"sources\"><thead><tr><th>source</th>"
            + "<th>official</th><th>status</th><th>detail</th></tr></thead><tbody>\n"
        for source in report.sources {
            // The status word and its detail in columns of their own, as the text report shows them.
            let failed = source.kind == .ok || source.kind == .skipped ? "" : " class=\"failed\""
            html += "<tr><td>\(Self.escape(source.url))</td><td>\(source.official ? "yes" : "")</td>"
                + "<td\(failed)>\(Self.escape(source.status))</td><td\(failed)>\(Self.escape(source.detail))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    static func kindLabel(_ kind: RecordKind) -> String {
        switch kind {
        case .phone: return "numbers"
        case .email: return "addresses"
        case .hours: return "hours"
        }
    }

    static func sourceLabel(_ source: SourceStatus) -> String {
        var label = Self.escape(source.url)
        if source.official { label += " <span class=\"official\">official</span>" }
        if !source.isRead {
            label += " <span class=\"failed\" title=\"\(Self.escape(source.detail))\">\(Self.escape(source.status))</span>"
        } else if source.kind == .truncated {
            label += " <span class=\"failed\" title=\"\(Self.escape(source.detail))\">truncated</span>"
        }
        return label
    }

    /// Text and attribute values: page text may hold anything, markup included.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static let style = """
    body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;padding:16px 24px;color:#1d2330;background:#fff}
    h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}
    .summary{margin:0;color:#444}.count{font-weight:600}.count.error{color:#b3261e}.count.warning{color:#8a5a00}.count.info{color:#3a5a8c}
    .legend{font-size:12px;color:#555}.legend .value{margin-right:6px;max-width:none}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse}
    table.matrix{font-size:13px;min-width:60%}
    .matrix th,.matrix td{border:1px solid #d5d9e0;padding:4px 6px;vertical-align:top}
    .matrix thead th{background:#eef1f6;text-align:left}
    .matrix th.channel-head{text-align:center;border-bottom:none}
    .matrix th.kind-head{font-weight:normal;font-size:11px;color:#555}
    .matrix th.source{text-align:left;font-weight:normal;min-width:11em;max-width:24em;overflow-wrap:anywhere;background:#f7f8fa}
    .matrix tbody tr:nth-child(even) td{background-color:#fbfcfd}
    .matrix tbody tr:hover th,.matrix tbody tr:hover td{outline:1px solid #8aa4d6}
    .value{display:inline-block;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;padding:0 4px;margin:1px 0;border-radius:3px;background:#eef6ee;border:1px solid #b9d8b9;max-width:20em;overflow-wrap:break-word}
    .value.error{background:#fde7e5;border-color:#e8a19b;color:#8c1d18}
    .value.warning{background:#fff3d6;border-color:#e6c56d;color:#6b4700}
    .value.info{background:#e8eefa;border-color:#a9bde3}
    .value.expected{background:#fff;border-color:#3a5a8c;color:#1d2f52}
    .value.agree{background:#e6f4ea;border-color:#34a853;color:#0d652d}.value.agree::before{content:"\\2713\\00a0"}
    .value.outlier{outline:2px solid #d93025;outline-offset:1px;font-weight:700;background-image:repeating-linear-gradient(135deg,transparent,transparent 4px,rgba(217,48,37,.12) 4px,rgba(217,48,37,.12) 8px)}
    .value.outlier::before{content:"\\26A0\\00a0"}
    .matrix tr.catalog th,.matrix tr.catalog td{background:#e9eef7;border-bottom:2px solid #3a5a8c;font-weight:600}
    .official{font-size:11px;background:#3a5a8c;color:#fff;border-radius:3px;padding:0 4px}
    .failed{color:#b3261e}
    details.finding{border-left:4px solid #ccc;margin:4px 0;padding:2px 8px;background:#fafbfc}
    details.finding.error{border-color:#d93025}details.finding.warning{border-color:#e0a800}details.finding.info{border-color:#6b8cc7}
    details summary{cursor:pointer}
    .badge{font-size:11px;text-transform:uppercase;font-weight:700;padding:0 4px;border-radius:3px;color:#fff;background:#888}
    .badge.error{background:#d93025}.badge.warning{background:#c78c00}.badge.info{background:#6b8cc7}
    .channel{color:#555;font-size:12px}.age{color:#555;font-size:12px;margin-left:6px}
    table.evidence,table.sources{font-size:12px;margin:6px 0}
    .evidence th,.evidence td,.sources th,.sources td{border:1px solid #e1e4ea;padding:3px 6px;text-align:left;vertical-align:top}
    .evidence td:last-child{max-width:640px}
    section.audit{border-top:3px solid #3a5a8c;margin-top:32px;padding-top:4px}
    """

    /// What a page of several audits adds: each audit's name (h2) above its parts (h3).
    static let groupedStyle = """

    section.audit>header h2{font-size:20px;margin:8px 0 4px}h3{font-size:16px;margin:20px 0 8px}
    """
}
