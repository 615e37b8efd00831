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

        public init(audits: Int = 0, sources: Int = 0, records: Int = 0, errors: Int = 0, warnings: Int = 0,
                    infos: Int = 0, unreadable: Int = 0, suppressed: Int = 0) {
            self.audits = audits
            self.sources = sources
            self.records = records
            self.errors = errors
            self.warnings = warnings
            self.infos = infos
            self.unreadable = unreadable
            self.suppressed = suppressed
        }

        mutating func add(_ other: Totals) {
            audits += other.audits
            sources += other.sources
            records += other.records
            errors += other.errors
            warnings += other.warnings
            infos += other.infos
            unreadable += other.unreadable
            suppressed += other.suppressed
        }
    }

    public var totals: Totals {
        entries.reduce(into: Totals()) { $0.add(Part.summary($1.report)) }
    }

    public func fails(at threshold: FailThreshold) -> Bool {
        entries.contains { $0.report.fails(at: threshold) }
    }

    public func render(_ format: ReportFormat, colour: Bool = false) -> String {
        var out = ""
        let parts = entries.map { Part(format: format, colour: colour, entry: $0) }
        var bodies = parts.lazy.map(\.body).makeIterator()
        Self.assemble(format: format, colour: colour, heads: parts.map(\.head), unloadable: unloadable,
                      nextBody: { bodies.next() }) { out += $0 }
        return out
    }

    /// One audit's share of the report in one format: its text and what the totals and
    /// the head of the report need from it. Rendered on its own, so a long run can write
    /// (or spool) each audit's part as soon as it is done and keep only the `Head`.
    public struct Part: Sendable {
        public var head: Head
        public var body: String

        /// What the top of the report needs of an audit: its name, its summary and, for
        /// JUnit, its cases' counts.
        public struct Head: Sendable, Hashable {
            public var name: String
            public var summary: Totals
            public var tests = 0
            public var failures = 0
            public var errors = 0
        }

        public init(format: ReportFormat, colour: Bool = false, entry: Entry) {
            var head = Head(name: entry.report.name, summary: Self.summary(entry.report))
            switch format {
            case .text:
                body = TextReporter(colour: colour).render(entry.report)
            case .markdown:
                body = MarkdownReporter().render(entry.report)
            case .json:
                body = GroupedReport.encoded(JSONReporter.document(entry.report), indent: "    ")
            case .junit:
                let suite = JUnitReporter.cases(entry.report, classPrefix: "\(entry.report.name).")
                head.tests = suite.cases.count
                head.failures = suite.failures
                head.errors = suite.errors
                body = "  <testsuite name=\"\(JUnitReporter.xml(entry.report.name))\" tests=\"\(suite.cases.count)\" "
                    + "failures=\"\(suite.failures)\" errors=\"\(suite.errors)\"\(suite.skippedAttribute)>\n"
                    + suite.cases.map { $0 + "\n" }.joined()
                    + "  </testsuite>"
            case .html:
                // The audit's report as a section of the one page: its name an h2 under the
                // page's h1, its parts h3, their ids under the audit's.
                let id = "audit-\(HTMLReporter.escape(entry.report.name))"
                body = "<section class=\"audit\" id=\"\(id)\">\n"
                    + HTMLReporter(catalog: entry.catalog).content(entry.report, level: 2, idPrefix: "\(id)-")
                    + "</section>\n"
            }
            self.head = head
        }

        static func summary(_ report: AuditReport) -> Totals {
            let summary = report.summary
            return Totals(audits: 1, sources: summary.sources, records: summary.records, errors: summary.errors,
                          warnings: summary.warnings, infos: summary.infos, unreadable: summary.unreadable,
                          suppressed: summary.suppressed)
        }
    }

    /// The whole report from its audits' parts: `heads` in the order the bodies come
    /// (sorted by name), the bodies read one at a time through `nextBody` (nil after the
    /// last; a body that cannot be read throws, and the report stops there). Written in
    /// pieces through `write`.
    public static func assemble(format: ReportFormat, colour: Bool, heads: [Part.Head], unloadable: [String],
                                nextBody: () throws -> String?, write: (String) throws -> Void) rethrows {
        let unloadable = unloadable.sorted()
        let t = heads.reduce(into: Totals()) { $0.add($1.summary) }
        let headline = "\(t.audits.counted("audit")): \(t.sources.counted("source")), \(t.records.counted("record")): "
            + "\(t.errors.counted("error")), \(t.warnings.counted("warning")), \(t.infos) info"
        switch format {
        case .text:
            // Each audit's report as `audit` prints it for one, then the totals.
            while let body = try nextBody() { try write(body + "\n") }
            if !unloadable.isEmpty {
                // Wrapped at 80 columns like the rest of the text report.
                try write(unloadable.flatMap { TextReporter.wrap("NOT RUN  " + TextReporter.safe(unloadableMessage($0)), continuation: 9) }
                    .joined(separator: "\n") + "\n\n")
            }
            try write(headline + "\n")
        case .markdown:
            try write("# contact-audit: \(headline)\n")
            for path in unloadable {
                try write("\n> **Not run:** \(MarkdownReporter.escape(unloadableMessage(path), inTable: false))\n")
            }
            while let body = try nextBody() { try write("\n" + body) }
        case .json:
            // `{"audits": [{"name", "findings", "sources", "summary", ...}], "summary": {...}}`:
            // each audit as the one-audit JSON report shows it, laid out as the encoder lays
            // out the whole (two-space indents, sorted keys).
            try write("{\n  \"audits\" : [")
            var first = true
            while let body = try nextBody() {
                try write((first ? "\n    " : ",\n    ") + body)
                first = false
            }
            var tail = first ? "\n\n  ],\n" : "\n  ],\n"
            tail += "  \"summary\" : " + encoded(t, indent: "  ")
            if !unloadable.isEmpty {
                // Only when there are some: a run whose audits all loaded prints what it always did.
                tail += ",\n  \"unloadable\" : " + encoded(unloadable, indent: "  ")
            }
            try write(tail + "\n}\n")
        case .junit:
            // One test suite per audit: its rule × source cases (class name `AUDIT.RULE`) and
            // its sources (class name `AUDIT.sources`).
            var tests = heads.reduce(0) { $0 + $1.tests }
            let failures = heads.reduce(0) { $0 + $1.failures }
            var errors = heads.reduce(0) { $0 + $1.errors }
            tests += unloadable.count
            errors += unloadable.count
            try write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"contact-audit: \(JUnitReporter.xml(headline))\" "
                      + "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n")
            var first = true
            while let body = try nextBody() {
                try write(first ? body : "\n" + body)
                first = false
            }
            if !unloadable.isEmpty {
                try write((first ? "" : "\n")
                          + "  <testsuite name=\"audit files\" tests=\"\(unloadable.count)\" failures=\"0\" errors=\"\(unloadable.count)\">\n"
                          + unloadable.map { path in
                              "    <testcase classname=\"audit files\" name=\"\(JUnitReporter.xml(path))\">\n"
                                  + "      <error message=\"\(JUnitReporter.xml(unloadableMessage(path)))\"/>\n    </testcase>\n"
                          }.joined()
                          + "  </testsuite>")
            }
            try write("\n</testsuites>\n")
        case .html:
            // One page: the totals, then each audit's report as its own section.
            try write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>contact-audit: \(HTMLReporter.escape(t.audits.counted("audit")))</title>
            <style>\(HTMLReporter.style)\(HTMLReporter.groupedStyle)</style>
            </head>
            <body>
            <header>
            <h1>contact-audit: \(t.audits.counted("audit"))</h1>
            <p class="summary"><span class="count error">\(t.errors.counted("error"))</span> <span class="count warning">\(t.warnings.counted("warning"))</span> \
            <span class="count info">\(t.infos) info</span> · \(t.sources.counted("source")), \(t.records.counted("record"))\
            \(t.unreadable > 0 ? ", \(t.unreadable) unreadable" : "")\(t.suppressed > 0 ? " · \(t.suppressed) accepted by the baseline" : "")</p>
            <ul>

            """)
            var first = true
            for head in heads {
                try write((first ? "" : "\n")
                          + "<li><a href=\"#audit-\(HTMLReporter.escape(head.name))\">\(HTMLReporter.escape(head.name))</a></li>")
                first = false
            }
            try write("\n</ul>\(unloadable.map { "\n<p class=\"failed\">Not run: \(HTMLReporter.escape(unloadableMessage($0)))</p>" }.joined())\n</header>\n")
            while let body = try nextBody() { try write(body) }
            try write("</body>\n</html>\n")
        }
    }

    /// A value as the JSON encoder lays it out, its lines after the first indented.
    static func encoded<T: Encodable>(_ value: T, indent: String) -> String {
        guard let data = try? JSONOutput.encode(value) else { return "{}" }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        // The encoder leaves the blank line inside an empty array unindented.
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            index == 0 || line.isEmpty ? String(line) : indent + line
        }.joined(separator: "\n")
    }
}

/// The grouped report built audit by audit: each audit's part is rendered when it is
/// added and spooled to a temporary file, and `write` puts out the head (which needs the
/// totals) and the parts in name order: the same bytes as `GroupedReport.render`, with
/// only the parts' heads in memory, however many audits the run has.
public final class GroupedReportWriter {
    public let format: ReportFormat
    public let colour: Bool
    private let spool: Spool
    private var heads: [GroupedReport.Part.Head] = []

    public init(format: ReportFormat, colour: Bool = false, spoolDirectory: String? = nil) throws(AtomicFileError) {
        self.format = format
        self.colour = colour
        spool = try Spool(directory: spoolDirectory)
    }

    public var count: Int { heads.count }

    public func add(_ entry: GroupedReport.Entry) throws(AtomicFileError) {
        let part = GroupedReport.Part(format: format, colour: colour, entry: entry)
        try spool.append(part.body, key: part.head.name)
        heads.append(part.head)
    }

    /// The report to `path` (atomically) or, without one, to standard output.
    public func write(unloadable: [String], to path: String?) throws(AtomicFileError) {
        let ordered = heads.indices.sorted { (heads[$0].name, $0) < (heads[$1].name, $1) }.map { heads[$0] }
        // The spool is checked whole before anything is written: a part that cannot be
        // read stops the report with an error naming the spool file, never a report
        // without that audit (with --output the file is then left as it was).
        var parts = try spool.sorted()
        let body: ((String) throws -> Void) throws -> Void = { write in
            try GroupedReport.assemble(format: self.format, colour: self.colour, heads: ordered, unloadable: unloadable,
                                       nextBody: { try parts.next() }, write: write)
        }
        guard let path else {
            do { try ChunkedWriter.write(to: FileHandle.standardOutput, body) } catch let error as AtomicFileError {
                throw error
            } catch {
                throw .cannotWrite(path: "standard output", reason: "\(error)")
            }
            return
        }
        try AtomicFile.stream(to: path, body)
    }
}
