import ContactAudit
import ContactModel
import Foundation

/// Several audits' reports as one, grouped by audit in name order, with the totals: what
/// `contact-audit audit AUDIT...` and `merge` print. The same reports give the same bytes
/// whatever order they came in (a merge of shards equals the one-process run).
public struct GroupedReport: Sendable {
    public struct Entry: Sendable {
        public var report: AuditReport
        /// The audit's catalog, shown by the HTML matrix.
        public var catalog: Catalog?

        public init(report: AuditReport, catalog: Catalog? = nil) {
            self.report = report
            self.catalog = catalog
        }
    }

    /// Sorted by audit name.
    public var entries: [Entry]
    /// Audit files of the run that did not load (sorted paths): every format names them,
    /// so a CI job that keeps only the report still sees that an audit did not run.
    public var unloadable: [String]

    public init(_ entries: [Entry], unloadable: [String] = []) {
        self.entries = entries.sorted { $0.report.name < $1.report.name }
        self.unloadable = unloadable.sorted()
    }

    /// What each format says of an audit file that did not load.
    static func unloadableMessage(_ path: String) -> String {
        "\(path): the audit file did not load, so its audit did not run ('contact-audit check \(path)' shows why)"
    }

    /// The sums over every audit.
    public struct Totals: Sendable, Hashable, Codable {
        public var audits: Int
        public var sources: Int
        public var records: Int
        public var errors: Int
        public var warnings: Int
        public var infos: Int
        public var unreadable: Int
        public var suppressed: Int
    }

    public var totals: Totals {
        let summaries = entries.map(\.report.summary)
        return Totals(audits: entries.count, sources: summaries.reduce(0) { $0 + $1.sources },
                      records: summaries.reduce(0) { $0 + $1.records }, errors: summaries.reduce(0) { $0 + $1.errors },
                      warnings: summaries.reduce(0) { $0 + $1.warnings }, infos: summaries.reduce(0) { $0 + $1.infos },
                      unreadable: summaries.reduce(0) { $0 + $1.unreadable },
                      suppressed: summaries.reduce(0) { $0 + $1.suppressed })
    }

    public func fails(at threshold: FailThreshold) -> Bool {
        entries.contains { $0.report.fails(at: threshold) }
    }

    public func render(_ format: ReportFormat, colour: Bool = false) -> String {
        switch format {
        case .text: return text(colour: colour)
        case .json: return json()
        case .markdown: return markdown()
        case .junit: return junit()
        case .html: return html()
        }
    }

    private var headline: String {
        let t = totals
        return "\(t.audits.counted("audit")): \(t.sources.counted("source")), \(t.records.counted("record")): "
            + "\(t.errors.counted("error")), \(t.warnings.counted("warning")), \(t.infos) info"
    }

    /// Each audit's report as `audit` prints it for one, then the totals.
    private func text(colour: Bool) -> String {
        let reporter = TextReporter(colour: colour)
        var parts = entries.map { reporter.render($0.report) }
        if !unloadable.isEmpty {
            parts.append(unloadable.map { "NOT RUN  " + TextReporter.safe(Self.unloadableMessage($0)) }.joined(separator: "\n") + "\n")
        }
        parts.append(headline + "\n")
        return parts.joined(separator: "\n")
    }

    private func markdown() -> String {
        let reporter = MarkdownReporter()
        var out = "# contact-audit: \(headline)\n"
        for path in unloadable { out += "\n> **Not run:** \(MarkdownReporter.escape(Self.unloadableMessage(path), inTable: false))\n" }
        for entry in entries { out += "\n" + reporter.render(entry.report) }
        return out
    }

    /// `{"audits": [{"name", "findings", "sources", "summary", ...}], "summary": {...}}`:
    /// each audit as the one-audit JSON report shows it. Encoded audit by audit and laid
    /// out as the encoder lays out the whole (two-space indents, sorted keys), so a report
    /// of ten thousand audits never holds the encoder's tree of all of them at once.
    private func json() -> String {
        func encoded<T: Encodable>(_ value: T, indent: String) -> String {
            guard let data = try? JSONOutput.encode(value) else { return "{}" }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasSuffix("\n") { text.removeLast() }
            // The encoder leaves the blank line inside an empty array unindented.
            return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                index == 0 || line.isEmpty ? String(line) : indent + line
            }.joined(separator: "\n")
        }
        var out = "{\n  \"audits\" : ["
        for (index, entry) in entries.enumerated() {
            out += (index == 0 ? "\n    " : ",\n    ") + encoded(JSONReporter.document(entry.report), indent: "    ")
        }
        out += entries.isEmpty ? "\n\n  ],\n" : "\n  ],\n"
        out += "  \"summary\" : " + encoded(totals, indent: "  ")
        if !unloadable.isEmpty {
            // Only when there are some: a run whose audits all loaded prints what it always did.
            out += ",\n  \"unloadable\" : " + encoded(unloadable, indent: "  ")
        }
        return out + "\n}\n"
    }

    /// One test suite per audit: its rule × source cases (class name `AUDIT.RULE`) and its
    /// sources (class name `AUDIT.sources`).
    private func junit() -> String {
        var suites: [String] = []
        var tests = 0, failures = 0, errors = 0
        for entry in entries {
            let suite = JUnitReporter.cases(entry.report, classPrefix: "\(entry.report.name).")
            tests += suite.cases.count
            failures += suite.failures
            errors += suite.errors
            suites.append("  <testsuite name=\"\(JUnitReporter.xml(entry.report.name))\" tests=\"\(suite.cases.count)\" "
                          + "failures=\"\(suite.failures)\" errors=\"\(suite.errors)\"\(suite.skippedAttribute)>\n"
                          + suite.cases.map { $0 + "\n" }.joined()
                          + "  </testsuite>")
        }
        if !unloadable.isEmpty {
            tests += unloadable.count
            errors += unloadable.count
            suites.append("  <testsuite name=\"audit files\" tests=\"\(unloadable.count)\" failures=\"0\" errors=\"\(unloadable.count)\">\n"
                          + unloadable.map { path in
                              "    <testcase classname=\"audit files\" name=\"\(JUnitReporter.xml(path))\">\n"
                                  + "      <error message=\"\(JUnitReporter.xml(Self.unloadableMessage(path)))\"/>\n    </testcase>\n"
                          }.joined()
                          + "  </testsuite>")
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="contact-audit: \(JUnitReporter.xml(headline))" tests="\(tests)" failures="\(failures)" errors="\(errors)">
        \(suites.joined(separator: "\n"))
        </testsuites>

        """
    }

    /// One page: the totals, then each audit's report as its own section.
    private func html() -> String {
        let t = totals
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>contact-audit: \(HTMLReporter.escape(t.audits.counted("audit")))</title>
        <style>\(HTMLReporter.style)</style>
        </head>
        <body>
        <header>
        <h1>contact-audit: \(t.audits.counted("audit"))</h1>
        <p class="summary"><span class="count error">\(t.errors.counted("error"))</span> <span class="count warning">\(t.warnings.counted("warning"))</span> \
        <span class="count info">\(t.infos) info</span> · \(t.sources.counted("source")), \(t.records.counted("record"))\
        \(t.unreadable > 0 ? ", \(t.unreadable) unreadable" : "")\(t.suppressed > 0 ? " · \(t.suppressed) accepted by the baseline" : "")</p>
        <ul>
        \(entries.map { "<li><a href=\"#audit-\(HTMLReporter.escape($0.report.name))\">\(HTMLReporter.escape($0.report.name))</a></li>" }.joined(separator: "\n"))
        </ul>\(unloadable.map { "\n<p class=\"failed\">Not run: \(HTMLReporter.escape(Self.unloadableMessage($0)))</p>" }.joined())
        </header>

        """
        for entry in entries {
            let page = HTMLReporter(catalog: entry.catalog).render(entry.report)
            // The audit's own page without its document shell: the body, as a section.
            let body = page.range(of: "<body>\n").flatMap { start in
                page.range(of: "</body>", options: .backwards).map { String(page[start.upperBound..<$0.lowerBound]) }
            } ?? page
            html += "<section class=\"audit\" id=\"audit-\(HTMLReporter.escape(entry.report.name))\">\n\(body)</section>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }
}
