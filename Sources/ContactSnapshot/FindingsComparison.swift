import ContactAudit
import ContactModel

/// `diff --audit`: runs the audit's rules on each side's records and keeps the findings
/// only one side has.
public enum FindingsComparison {
    public static func compare(before: Snapshot, after: Snapshot, audit: AuditFile) -> FindingChanges {
        let old = findings(of: before, audit: audit)
        let new = findings(of: after, audit: audit)
        let oldKeys = Set(old.map(Key.init)), newKeys = Set(new.map(Key.init))
        return FindingChanges(audit: audit.path,
                              new: new.filter { !oldKeys.contains(Key($0)) },
                              resolved: old.filter { !newKeys.contains(Key($0)) })
    }

    public static func findings(of snapshot: Snapshot, audit: AuditFile) -> [Finding] {
        let sources = snapshot.sources.values
        let statuses = sources.map { source in
            guard source.fetch.error == nil, let kind = source.fetch.pageStatus.flatMap(SourceStatus.Kind.init(rawValue:)) else {
                return SourceStatus(url: source.source, official: source.official, error: source.fetch.error,
                                    records: source.records.count)
            }
            return SourceStatus(url: source.source, official: source.official, kind: kind,
                                reason: source.fetch.pageStatusReason, records: source.stale == true ? 0 : source.records.count)
        }
        // A blocked page's stale records are kept for the diff, not audited.
        let records = sources.filter { $0.stale != true }.flatMap(\.records).sortedByContent()
        return Auditor(settings: audit.rules).run(audit.context(records: records, sources: statuses))
    }

    /// Messages may be reworded and evidence may move; rule, channel, value and sources
    /// are what the finding is about.
    private struct Key: Hashable {
        var rule: String
        var channel: Channel
        var value: String
        var sources: [String]

        init(_ finding: Finding) {
            (rule, channel, value, sources) = (finding.rule, finding.channel, finding.value, finding.sources)
        }
    }
}
