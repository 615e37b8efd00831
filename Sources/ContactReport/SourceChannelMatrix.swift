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

    var channels: [Channel]
    var rows: [Row]

    init(_ report: AuditReport) {
        let channels = Channel.allCases.filter { channel in report.records.contains { $0.channel == channel } }
        self.channels = channels
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
            let cells = channels.enumerated().map { column, channel in
                let records = (bySource[source.url] ?? []).filter { $0.channel == channel }
                var seen: Set<Place> = []
                var entries: [Entry] = []
                for record in records.sorted() {
                    let place = Place(source: source.url, channel: channel, kind: record.kind, value: record.value)
                    guard seen.insert(place).inserted else { continue }
                    let findings = cited[place] ?? []
                    if findings.contains(where: { Self.conflictRules.contains($0.rule) }) { conflicting.insert(column) }
                    entries.append(Entry(kind: record.kind, value: record.value, severity: findings.map(\.severity).max(),
                                         rules: Array(Set(findings.map(\.rule))).sorted()))
                }
                return entries
            }
            return Row(source: source, cells: cells, conflicting: conflicting)
        }
    }
}
