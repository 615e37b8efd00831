import ContactModel

/// Records for a person: grouped by source, one aligned line each, the evidence text
/// quoted under it.
public enum RecordTextFormatter {
    public static func format(_ records: [ContactRecord]) -> String {
        var out = ""
        var bySource: [String: [ContactRecord]] = [:]
        for record in records { bySource[record.source, default: []].append(record) }
        for source in bySource.keys.sorted() {
            let group = bySource[source]!
            out += "\(source)  (\(group.count.counted("record")))\n"
            // Values are padded to the widest short one: a long schedule overflows its own
            // line rather than pushing every number's line past a terminal's width.
            let valueWidth = group.map(\.value.count).filter { $0 <= alignedValueWidth }.max() ?? 0
            let channelWidth = group.map(\.channel.rawValue.count).max() ?? 0
            // The method with the number's type is a column too, so the paths line up.
            let methodWidth = group.map { method($0).count }.max() ?? 0
            for record in group {
                let kind = record.kind.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
                let value = pad(record.value, valueWidth)
                let channel = record.channel.rawValue.padding(toLength: channelWidth, withPad: " ", startingAt: 0)
                let method = method(record).padding(toLength: methodWidth, withPad: " ", startingAt: 0)
                out += "  \(kind)  \(value)  \(channel)  \(method)  " + record.evidence.path + "\n"
                out += "         “\(record.evidence.text)”\n"
            }
        }
        if records.isEmpty { out += "no records\n" }
        return out
    }

    static let alignedValueWidth = 32

    /// Spaces up to `width`; a longer text is kept whole (`padding(toLength:)` would cut it).
    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// `text (toll-free)`: how it was found, and for a number its type.
    static func method(_ record: ContactRecord) -> String {
        record.evidence.method.rawValue + (record.type.map { " (\($0))" } ?? "")
    }
}
