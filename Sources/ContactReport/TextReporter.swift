import ContactAudit
import ContactModel

/// What a person reads in a terminal or a CI log: findings grouped by severity then
/// rule, columns aligned, each with the evidence to check it.
public struct TextReporter: Reporter {
    public static let id = "text"
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func render(_ report: AuditReport) -> String {
        let s = report.summary
        var lines = ["\(Self.safe(report.name)): \(s.sources.counted("source")), \(s.records.counted("record")): "
                     + "\(s.errors.counted("error")), \(s.warnings.counted("warning")), \(s.infos) info"]
        if s.suppressed > 0 { lines.append("\(s.suppressed.counted("finding")) accepted by the baseline, not shown") }
        lines += report.notes.map(Self.safe)
        for severity in Severity.allCases {
            let bySeverity = report.findings.filter { $0.severity == severity }
            let rules = Array(Set(bySeverity.map(\.rule))).sorted()
            for rule in rules {
                let findings = bySeverity.filter { $0.rule == rule }
                lines.append("")
                lines.append(paint(severity.rawValue.uppercased(), severity) + "  \(rule) (\(findings.count))")
                lines += group(findings, in: report)
            }
        }
        if report.findings.isEmpty { lines += ["", "no findings"] }
        if !report.expiredWaivers.isEmpty {
            lines += ["", "Expired waivers (no longer suppress their findings)"]
            for waiver in report.expiredWaivers {
                lines.append(Self.safe("  \(waiver.rule)  \(waiver.value)  \(waiver.source)  expired \(waiver.expires ?? "")"
                             + (waiver.reason.map { ": \($0)" } ?? "")))
            }
        }
        lines += ["", "Sources"]
        let width = report.sources.map(\.url.count).max() ?? 0
        let statusWidth = max(5, report.sources.map(\.status.count).max() ?? 0)
        // The official column is there when any source is official, blank for the others,
        // so the details start in one column whatever the mix.
        let officialWidth = report.sources.contains(where: \.official) ? Self.officialWord.count + 2 : 0
        for source in report.sources {
            let word = Self.pad(source.status, statusWidth)
            let status = source.kind == .ok || source.kind == .skipped ? word : paint(word, source.isRead ? .warning : .error)
            let row = "  \(status)  " + Self.safe("\(Self.pad(source.url, width))  "
                                                 + Self.pad(source.official ? Self.officialWord : "", officialWidth) + source.detail)
            let detailColumn = 2 + statusWidth + 2 + width + 2 + officialWidth
            if row.count - (status.count - word.count) <= Self.lineWidth || source.detail.isEmpty {
                lines.append(row)
            } else if detailColumn <= Self.lineWidth / 2 {
                // A long detail (an error's cause) wraps under itself…
                lines += Self.wrap(row, continuation: detailColumn, invisible: status.count - word.count)
            } else {
                // … or, beside long URLs, goes on lines of its own below the row.
                let head = "  \(status)  " + Self.safe(source.url + (source.official ? "  " + Self.officialWord : ""))
                lines.append(head)
                lines += Self.wrap(Self.safe("      " + source.detail), continuation: 8)
            }
        }
        // Padding for columns and the space a wrap cut at never end a line.
        return lines.map(Self.trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }

    /// One block per finding, value and channel columns aligned within the rule when the
    /// values are short (numbers, addresses); a long value (a list of numbers, a schedule)
    /// would pad every line of the rule to its width, so then nothing is padded.
    private func group(_ findings: [Finding], in report: AuditReport) -> [String] {
        let widest = findings.map(\.value.count).max() ?? 0
        let valueWidth = widest <= Self.alignedValueWidth ? widest : 0
        let channelWidth = findings.map(\.channelLabel.count).max() ?? 0
        var lines: [String] = []
        for finding in findings {
            // A finding about a whole page has the page as its value: no second copy beside it.
            var line = "  \(Self.pad(finding.value, valueWidth))  \(Self.pad(finding.channelLabel, channelWidth))"
            if finding.sources != [finding.value] { line += "  " + finding.sources.joined(separator: ", ") }
            lines += Self.wrap(Self.safe(line), continuation: 4)
            lines += Self.wrap(Self.safe("      \(finding.message)"), continuation: 8)
            if let official = finding.official { lines += Self.wrap(Self.safe("      (\(official))"), continuation: 8) }
            if let age = report.age(of: finding) { lines.append("      \(age)") }
            for record in finding.evidence {
                // Where the quote does not fit beside its place, it starts a line of its own.
                let place = Self.safe("      \(record.source) \(record.evidence.path) [\(record.evidence.method.rawValue)]:")
                let quote = Self.safe(Self.quote(record.evidence.text, around: record.raw))
                if place.count + 1 + quote.count <= Self.lineWidth {
                    lines.append(place + " " + quote)
                } else {
                    // A long source and DOM path wrap between them, as any line does.
                    lines += Self.wrap(place, continuation: 8)
                    lines += Self.wrap("        " + quote, continuation: 8)
                }
            }
        }
        return lines
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard colour else { return text }
        let code: String
        switch severity {
        case .error: code = "1;31"
        case .warning: code = "1;33"
        case .info: code = "1;36"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// Page text never reaches the terminal as control sequences (see `UntrustedText`).
    static func safe(_ text: String) -> String { UntrustedText.terminal(text) }

    static let alignedValueWidth = 32
    /// A terminal's or a CI log's usual width: longer lines wrap at a space.
    static let lineWidth = 80

    /// `line` cut at spaces into lines of at most `lineWidth` columns, the later ones
    /// indented by `continuation`. A word longer than the room (a long URL or DOM path)
    /// stays whole. `invisible` counts colour codes that take no column.
    static func wrap(_ line: String, continuation: Int, invisible: Int = 0) -> [String] {
        guard line.count - invisible > lineWidth else { return [line] }
        let indent = String(repeating: " ", count: continuation)
        var lines: [String] = []
        var rest = Substring(line)
        var room = lineWidth + invisible
        let leading = line.prefix { $0 == " " }.count
        while rest.count > room {
            // The last space that keeps the piece within the room, past the line's own indent.
            let limit = rest.index(rest.startIndex, offsetBy: room)
            let floor = rest.index(rest.startIndex, offsetBy: min(room, lines.isEmpty ? leading + 1 : continuation + 1))
            guard let cut = rest[floor...limit].lastIndex(of: " ") ?? rest[limit...].firstIndex(of: " ") else { break }
            // Cut at the second of two spaces (between columns), the piece would end in one.
            lines.append(trimmingTrailingSpaces(String(rest[..<cut])))
            rest = Substring(indent + rest[rest.index(after: cut)...].drop { $0 == " " })
            room = lineWidth
        }
        lines.append(String(rest))
        return lines
    }
    static let officialWord = "official"

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// Evidence text on one line, cut so a finding stays a few lines long; the cut keeps
    /// the value as written (`raw`) in view, since that is what the reader checks.
    static func quote(_ text: String, around raw: String? = nil, limit: Int = 120) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > limit else { return EvidenceQuote.quoted(flat) }
        var start = flat.startIndex
        if let raw, let found = flat.range(of: raw) {
            let offset = flat.distance(from: flat.startIndex, to: found.lowerBound)
            start = flat.index(flat.startIndex, offsetBy: max(0, min(offset - 40, flat.count - limit)))
        }
        let end = flat.index(start, offsetBy: limit)
        return "\"" + (start > flat.startIndex ? "…" : "") + String(flat[start..<end]) + (end < flat.endIndex ? "…" : "") + "\""
    }
}
