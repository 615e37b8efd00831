import ContactAudit
import ContactHours
import ContactModel

/// Sources × channels: which page states which value for which channel, which of those
/// values agree with the catalog, and which ones a disagreement points at. The model
/// behind the HTML report's matrix.
struct SourceChannelMatrix: Sendable {
    /// How a value stands in its column.
    enum Verdict: Sendable, Hashable {
        /// Nothing to say beyond its findings.
        case plain
        /// The catalog's own value (schedules compared as schedules), shown as agreeing
        /// even where pages disagree about the column.
        case agrees
        /// A value pages disagree about and that is not the catalog's: the catalog's other
        /// values, or without a catalog value the one fewer pages state.
        case outlier
    }

    /// One value in one cell, with the worst finding citing it there.
    struct Entry: Sendable, Hashable {
        var kind: RecordKind
        var value: String
        var severity: Severity?
        var rules: [String]
        var verdict: Verdict = .plain
    }

    struct Row: Sendable {
        var source: SourceStatus
        /// By column index; empty cells are empty arrays.
        var cells: [[Entry]]
        /// Columns holding an outlier value on this row.
        var conflicting: Set<Int>
    }

    /// Rules that say pages disagree with each other; the values they cite that are not
    /// the catalog's are the outliers.
    static let conflictRules: Set<String> = ["conflicting-hours", "multiple-hotline-numbers", "tel-link-mismatch"]

    /// A channel and one kind of value in it (hotline numbers, hotline hours), so numbers
    /// and schedules of one channel are compared in columns of their own.
    struct Column: Sendable, Hashable {
        var channel: Channel
        var kind: RecordKind
    }

    var columns: [Column]
    var rows: [Row]
    /// What the catalog expects per column (numbers, addresses, schedules), when known.
    var expected: [[String]]?

    /// Columns in channel order, each channel's kinds together (phone, email, hours).
    var channelSpans: [(channel: Channel, count: Int)] {
        var spans: [(channel: Channel, count: Int)] = []
        for column in columns {
            if spans.last?.channel == column.channel { spans[spans.count - 1].count += 1 } else { spans.append((column.channel, 1)) }
        }
        return spans
    }

    init(_ report: AuditReport, catalog: Catalog? = nil) {
        // A column for every channel and kind pages state, and every one the catalog has
        // (a `press` or `business` line no page shows is worth seeing as an empty column).
        var present = Set(report.records.map { Column(channel: $0.channel, kind: $0.kind) })
        if let catalog {
            present.formUnion(catalog.phones.map { Column(channel: $0.channel, kind: .phone) })
            present.formUnion(catalog.emails.map { Column(channel: $0.channel, kind: .email) })
            present.formUnion(catalog.hours.keys.map { Column(channel: $0, kind: .hours) })
            present.formUnion(catalog.phones.filter { $0.hours != nil }.map { Column(channel: $0.channel, kind: .hours) })
        }
        let columns = Channel.allCases.flatMap { channel in
            RecordKind.allCases.map { Column(channel: channel, kind: $0) }.filter(present.contains)
        }
        self.columns = columns
        expected = catalog.map { catalog in
            columns.map { column in
                switch column.kind {
                case .phone: return catalog.phones.filter { $0.channel == column.channel }.map(\.number)
                case .email: return catalog.emails.filter { $0.channel == column.channel }.map(\.address)
                case .hours: return catalog.expectedHours(for: column.channel).map(\.openingHours).sorted()
                }
            }
        }
        func agrees(_ value: String, _ column: Column) -> Bool {
            guard let catalog else { return false }
            switch column.kind {
            case .phone: return catalog.phones.contains { $0.channel == column.channel && $0.number == value }
            case .email: return catalog.emails.contains { $0.channel == column.channel && $0.address == value }
            case .hours:
                guard let schedule = try? WeeklySchedule(openingHours: value) else { return false }
                return catalog.expectedHours(for: column.channel).contains(schedule)
            }
        }
        struct Place: Hashable { var source: String; var channel: Channel; var kind: RecordKind; var value: String }
        var cited: [Place: [Finding]] = [:]
        for finding in report.findings {
            for record in Set(finding.evidence.map { Place(source: $0.source, channel: $0.channel, kind: $0.kind, value: $0.value) }) {
                cited[record, default: []].append(finding)
            }
        }
        let bySource = Dictionary(grouping: report.records, by: \.source)
        var rows = report.sources.map { source in
            let cells = columns.map { column in
                let records = (bySource[source.url] ?? []).filter { $0.channel == column.channel && $0.kind == column.kind }
                var seen: Set<Place> = []
                var entries: [Entry] = []
                for record in records.sorted() {
                    let place = Place(source: source.url, channel: column.channel, kind: record.kind, value: record.value)
                    guard seen.insert(place).inserted else { continue }
                    let findings = cited[place] ?? []
                    var entry = Entry(kind: record.kind, value: record.value, severity: findings.map(\.severity).max(),
                                      rules: Array(Set(findings.map(\.rule))).sorted())
                    if agrees(record.value, column) {
                        entry.verdict = .agrees
                        entry.severity = nil
                    } else if findings.contains(where: { Self.conflictRules.contains($0.rule) }) {
                        entry.verdict = .outlier
                    }
                    entries.append(entry)
                }
                return entries
            }
            return Row(source: source, cells: cells, conflicting: [])
        }
        // Without a catalog value for a column, the disputed value fewer pages state is the
        // outlier; when they are as many, nothing says which is right, so all stay marked.
        for (index, column) in columns.enumerated() where (expected?[index].isEmpty ?? true) {
            var pagesByValue: [String: Int] = [:]
            for row in rows {
                for entry in row.cells[index] where entry.verdict == .outlier {
                    pagesByValue[Self.key(entry.value, column.kind), default: 0] += 1
                }
            }
            guard let most = pagesByValue.values.max(), pagesByValue.values.contains(where: { $0 < most }) else { continue }
            for rowIndex in rows.indices {
                for entryIndex in rows[rowIndex].cells[index].indices
                where rows[rowIndex].cells[index][entryIndex].verdict == .outlier
                    && pagesByValue[Self.key(rows[rowIndex].cells[index][entryIndex].value, column.kind)] == most {
                    rows[rowIndex].cells[index][entryIndex].verdict = .plain
                }
            }
        }
        for rowIndex in rows.indices {
            rows[rowIndex].conflicting = Set(rows[rowIndex].cells.indices.filter { column in
                rows[rowIndex].cells[column].contains { $0.verdict == .outlier }
            })
        }
        self.rows = rows
    }

    /// Values that are one schedule (`24/7`, `Mo-Su 00:00-24:00`) count as one.
    static func key(_ value: String, _ kind: RecordKind) -> String {
        guard kind == .hours, let schedule = try? WeeklySchedule(openingHours: value) else { return value }
        return schedule.openingHours
    }
}
