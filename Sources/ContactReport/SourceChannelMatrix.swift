import ContactAudit
import ContactModel

/// Sources × channels: which page states which value for which channel, and which of
/// those values findings point at. The model behind the HTML report's matrix.
struct SourceChannelMatrix: Sendable {
    /// One value in one cell, with the worst finding citing it there.
    struct Entry: Sendable, Hashable {
        var kind: RecordKind
        var value: String
        var severity: Severity?
        var rules: [String]
    }

    struct Row: Sendable {
        var source: SourceStatus
        /// By column index; empty cells are empty arrays.
        var cells: [[Entry]]
        /// Columns whose values take part in a disagreement between or within pages.
        var conflicting: Set<Int>
    }

    /// Rules that say pages disagree with each other; their cells are marked as conflicts.
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
        let present = Set(report.records.map { Column(channel: $0.channel, kind: $0.kind) })
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
        struct Place: Hashable { var source: String; var channel: Channel; var kind: RecordKind; var value: String }
        var cited: [Place: [Finding]] = [:]
        for finding in report.findings {
            for record in Set(finding.evidence.map { Place(source: $0.source, channel: $0.channel, kind: $0.kind, value: $0.value) }) {
                cited[record, default: []].append(finding)
            }
        }
        let bySource = Dictionary(grouping: report.records, by: \.source)
        self.rows = report.sources.map { source in
            var conflicting: Set<Int> = []
            let cells = columns.enumerated().map { index, column in
                let channel = column.channel
                let records = (bySource[source.url] ?? []).filter { $0.channel == channel && $0.kind == column.kind }
                var seen: Set<Place> = []
                var entries: [Entry] = []
                for record in records.sorted() {
                    let place = Place(source: source.url, channel: channel, kind: record.kind, value: record.value)
                    guard seen.insert(place).inserted else { continue }
                    let findings = cited[place] ?? []
                    if findings.contains(where: { Self.conflictRules.contains($0.rule) }) { conflicting.insert(index) }
                    entries.append(Entry(kind: record.kind, value: record.value, severity: findings.map(\.severity).max(),
                                         rules: Array(Set(findings.map(\.rule))).sorted()))
                }
                return entries
            }
            return Row(source: source, cells: cells, conflicting: conflicting)
        }
    }
}
