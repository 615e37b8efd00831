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
            let valueWidth = group.map(\.value.count).max() ?? 0
            let channelWidth = group.map(\.channel.rawValue.count).max() ?? 0
            for record in group {
                let kind = record.kind.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
                let value = record.value.padding(toLength: valueWidth, withPad: " ", startingAt: 0)
                let channel = record.channel.rawValue.padding(toLength: channelWidth, withPad: " ", startingAt: 0)
                var line = "  \(kind)  \(value)  \(channel)  \(record.evidence.method.rawValue)"
                if let type = record.type { line += " (\(type))" }
                out += line + "  " + record.evidence.path + "\n"
                out += "         “\(record.evidence.text)”\n"
            }
        }
        if records.isEmpty { out += "no records\n" }
        return out
    }
}
