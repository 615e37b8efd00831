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

    /// `{"before", "after", "audits": [{"name", "change", ...one snapshot's diff}], "differs"}`.
    struct AuditsDocument: Encodable {
        var diff: AuditSnapshotsDiff
        struct AuditEntry: Encodable {
            var audit: AuditSnapshotsDiff.Audit
            func encode(to encoder: Encoder) throws {
                try audit.diff.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(audit.name, forKey: .name)
                try container.encode(audit.change, forKey: .change)
                try container.encode(audit.differs, forKey: .differs)
            }
            enum Key: String, CodingKey { case name, change, differs }
        }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(diff.before, forKey: .before)
            try container.encode(diff.after, forKey: .after)
            try container.encode(diff.audits.map(AuditEntry.init), forKey: .audits)
            try container.encode(!diff.isEmpty, forKey: .differs)
        }
        enum Key: String, CodingKey { case before, after, audits, differs }
    }

    public func render(_ diff: AuditSnapshotsDiff) -> String {
        guard let data = try? JSONOutput.encode(AuditsDocument(diff: diff)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self)
    }

    public func render(_ diff: SnapshotDiff) -> String {
        // Strings, numbers and enums cannot fail to encode; keep the output parseable anyway.
        guard let data = try? JSONOutput.encode(Document(diff: diff)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self)
    }
}
