import ContactModel

/// The diff as data, for scripts: `{"before", "after", "sources": [...], "findings"?,
/// "differs"}`, keys sorted.
public struct DiffJSONRenderer: DiffRenderer {
    public init() {}

    struct Document: Encodable {
        var diff: SnapshotDiff
        func encode(to encoder: Encoder) throws {
            try diff.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(!diff.isEmpty, forKey: .differs)
        }
        enum Key: String, CodingKey { case differs }
    }

    public func render(_ diff: SnapshotDiff) -> String {
        // Strings, numbers and enums cannot fail to encode; keep the output parseable anyway.
        guard let data = try? JSONOutput.encode(Document(diff: diff)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self)
    }
}
