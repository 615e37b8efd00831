import ContactAudit
import ContactModel

/// What changed between two snapshots, source by source; run metadata and page bytes
/// that leave the records as they were are not differences.
public struct SnapshotDiff: Sendable, Hashable, Codable {
    public var before: String
    public var after: String
    /// Only sources with a difference, sorted by source.
    public var sources: [SourceChanges]
    /// With `diff --audit`: findings only one side produces.
    public var findings: FindingChanges?

    public var isEmpty: Bool { sources.isEmpty && (findings?.isEmpty ?? true) }
}

/// One source's differences.
public struct SourceChanges: Sendable, Hashable, Codable {
    public enum Change: String, Sendable, Hashable, Codable {
        /// Only in AFTER; its records are `added`.
        case added
        /// Only in BEFORE; its records are `removed`.
        case removed
        /// Read before, not now; `error` says why. Its records are not listed: nobody
        /// knows what the page says now.
        case nowFailing = "now-failing"
        /// Not read before, read now; its records are `added`.
        case recovered
        /// Read on both sides, records differ.
        case changed
    }

    /// Why the records of a source read on both sides differ, from the hashes of the
    /// page bytes they were read from.
    public enum Cause: String, Sendable, Hashable, Codable {
        /// The page's bytes differ: the site changed.
        case pageChanged = "page-changed"
        /// The same bytes (same `sha256`) read differently: contact-audit, its libraries or
        /// the audit's settings changed, not the site.
        case extractorChanged = "extractor-changed"
    }

    public var source: String
    public var change: Change
    /// Set for `changed` when both sides know the hash of their page's bytes.
    public var cause: Cause?
    public var error: String?
    public var added: [ContactRecord]
    public var removed: [ContactRecord]
    public var changed: [RecordChange]
    /// A value still on the page, now found at another place (DOM path) or by another
    /// method: neither removed nor added.
    public var moved: [RecordChange]

    init(source: String, change: Change, cause: Cause? = nil, error: String?, added: [ContactRecord],
         removed: [ContactRecord], changed: [RecordChange], moved: [RecordChange] = []) {
        self.source = source
        self.change = change
        self.cause = cause
        self.error = error
        self.added = added
        self.removed = removed
        self.changed = changed
        self.moved = moved
    }
}

/// A record at the same place on the page (kind and DOM path) that now states something
/// else, or states it differently.
public struct RecordChange: Sendable, Hashable, Codable {
    public var before: ContactRecord
    public var after: ContactRecord
    /// What differs, by field name: `value`, `channel`, `evidence`, `repeats`, `raw`, `type`,
    /// `section`, `timezone`, `extension`.
    public var fields: [String]

    init(before: ContactRecord, after: ContactRecord) {
        self.before = before
        self.after = after
        var fields: [String] = []
        if before.value != after.value { fields.append("value") }
        if before.channel != after.channel { fields.append("channel") }
        if before.evidence != after.evidence { fields.append("evidence") }
        if before.repeats != after.repeats { fields.append("repeats") }
        if before.raw != after.raw { fields.append("raw") }
        if before.type != after.type { fields.append("type") }
        if before.section != after.section { fields.append("section") }
        if before.timezone != after.timezone { fields.append("timezone") }
        if before.extension != after.extension { fields.append("extension") }
        self.fields = fields
    }
}

/// Findings against one audit's catalog, matched by rule, channel, value and sources.
public struct FindingChanges: Sendable, Hashable, Codable {
    public var audit: String
    public var new: [Finding]
    public var resolved: [Finding]

    public var isEmpty: Bool { new.isEmpty && resolved.isEmpty }
}

extension SnapshotDiff {
    public init(before: Snapshot, after: Snapshot) {
        self.before = before.label
        self.after = after.label
        var changes: [SourceChanges] = []
        for source in Set(before.sources.keys).union(after.sources.keys).sorted() {
            if let change = Self.compare(before.sources[source], after.sources[source], source: source) {
                changes.append(change)
            }
        }
        self.sources = changes
        self.findings = nil
    }

    static func compare(_ old: SourceSnapshot?, _ new: SourceSnapshot?, source: String) -> SourceChanges? {
        switch (old, new) {
        case (nil, nil):
            return nil
        case (nil, let new?):
            return SourceChanges(source: source, change: .added, error: new.fetch.error, added: new.records, removed: [], changed: [])
        case (let old?, nil):
            return SourceChanges(source: source, change: .removed, error: nil, added: [], removed: old.records, changed: [])
        case (let old?, let new?):
            if old.isRead, !new.isRead {
                let why = new.fetch.error ?? new.fetch.pageStatus.map { "\($0): \(new.fetch.pageStatusReason ?? "")" }
                return SourceChanges(source: source, change: .nowFailing, error: why, added: [], removed: [], changed: [])
            }
            let (added, removed, changed, moved) = RecordMatcher.compare(old.records, new.records)
            if !old.isRead, new.isRead {
                return SourceChanges(source: source, change: .recovered, error: nil, added: added, removed: removed,
                                     changed: changed, moved: moved)
            }
            if added.isEmpty, removed.isEmpty, changed.isEmpty, moved.isEmpty { return nil }
            var cause: SourceChanges.Cause?
            if let before = old.fetch.sha256, let after = new.fetch.sha256 {
                cause = before == after ? .extractorChanged : .pageChanged
            }
            return SourceChanges(source: source, change: .changed, cause: cause, error: nil, added: added,
                                 removed: removed, changed: changed, moved: moved)
        }
    }
}

/// Pairs the records of two versions of a page by content, never by position in the file.
enum RecordMatcher {
    static func compare(_ old: [ContactRecord], _ new: [ContactRecord])
        -> (added: [ContactRecord], removed: [ContactRecord], changed: [RecordChange], moved: [RecordChange]) {
        // Most pages say the same as last time, and both sides are stored sorted: one
        // pass of comparisons settles them, without hashing every record.
        if old == new { return ([], [], [], []) }
        // Identical records are no change, wherever they sit.
        var remainingNew = Dictionary(grouping: new) { $0 }.mapValues(\.count)
        var removed: [ContactRecord] = []
        for record in totallyOrdered(old) {
            if let count = remainingNew[record], count > 0 { remainingNew[record] = count - 1 } else { removed.append(record) }
        }
        var added: [ContactRecord] = []
        for record in totallyOrdered(new) where (remainingNew[record] ?? 0) > 0 {
            remainingNew[record]! -= 1
            added.append(record)
        }
        // The same value (kind, value, channel) still stated, at another place or by another
        // method: moved. Paired before places, so a value that moved does not pass for a
        // change of whatever now sits where it was.
        struct Statement: Hashable { var kind: RecordKind; var value: String; var channel: Channel }
        var addedByStatement = Dictionary(grouping: added.indices) {
            Statement(kind: added[$0].kind, value: added[$0].value, channel: added[$0].channel)
        }
        var moved: [RecordChange] = []
        var movedAway = Set<Int>()
        var notMoved: [ContactRecord] = []
        for record in removed {
            let statement = Statement(kind: record.kind, value: record.value, channel: record.channel)
            // At the same path by the same method it has not moved: its text or another
            // field changed, which the pass by place below reports as a change.
            if var candidates = addedByStatement[statement],
               let position = candidates.firstIndex(where: {
                   added[$0].evidence.path != record.evidence.path || added[$0].evidence.method != record.evidence.method
               }) {
                let match = candidates.remove(at: position)
                movedAway.insert(match)
                moved.append(RecordChange(before: record, after: added[match]))
                addedByStatement[statement] = candidates
            } else {
                notMoved.append(record)
            }
        }
        removed = notMoved
        added = added.indices.filter { !movedAway.contains($0) }.map { added[$0] }
        // What is left at the same place (kind and DOM path) changed; the rest came or went.
        struct Place: Hashable { var kind: RecordKind; var path: String }
        var addedAt = Dictionary(grouping: added.indices) { Place(kind: added[$0].kind, path: added[$0].evidence.path) }
        var isMatched = [Bool](repeating: false, count: added.count)
        var changed: [RecordChange] = []
        var stillRemoved: [ContactRecord] = []
        // At one place the same value (kind, value, channel) is paired first: in a paragraph
        // naming two addresses where one changed, the other is that other, not the first
        // one's new value ("help@ → support@" when help@ became zed@ beside support@).
        func pairsFirst(_ record: ContactRecord) -> (Int) -> Bool {
            { added[$0].value == record.value && added[$0].channel == record.channel }
        }
        var unpaired: [ContactRecord] = []
        for pass in 0..<2 {
            for record in pass == 0 ? removed : unpaired {
                let place = Place(kind: record.kind, path: record.evidence.path)
                guard var candidates = addedAt[place], !candidates.isEmpty else {
                    if pass == 0 { unpaired.append(record) } else { stillRemoved.append(record) }
                    continue
                }
                guard let position = pass == 0 ? candidates.firstIndex(where: pairsFirst(record)) : 0 else {
                    unpaired.append(record)
                    continue
                }
                let match = candidates.remove(at: position)
                isMatched[match] = true
                changed.append(RecordChange(before: record, after: added[match]))
                addedAt[place] = candidates
            }
        }
        let stillAdded = added.indices.filter { !isMatched[$0] }.map { added[$0] }
        // A record whose only difference is its quote (the block's text, same path, same
        // method), where another record of that block changed, came or went, is unchanged:
        // the other change shows the text before and after. Listed, it named an unchanged
        // address "evidence changed". A quote that changed on its own is still listed.
        func quoteOnly(_ change: RecordChange) -> Bool {
            change.fields == ["evidence"] && change.before.evidence.method == change.after.evidence.method
                && change.before.evidence.path == change.after.evidence.path
        }
        var explained = Set(changed.filter { !quoteOnly($0) }.map(\.after.evidence.path))
        explained.formUnion((stillAdded + stillRemoved).map(\.evidence.path))
        explained.formUnion(moved.flatMap { [$0.before.evidence.path, $0.after.evidence.path] })
        changed.removeAll { quoteOnly($0) && explained.contains($0.after.evidence.path) }
        return (stillAdded, stillRemoved, changed.sorted { $0.before < $1.before }, moved.sorted { $0.before < $1.before })
    }

    /// `sortedByContent()`, with records that order ties (they differ only in type,
    /// extension, time zone, section or repeats) ordered by those fields too: which of
    /// them is added, removed or matched must not depend on the order a page listed them.
    static func totallyOrdered(_ records: [ContactRecord]) -> [ContactRecord] {
        var sorted = records.sortedByContent()
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, !(sorted[end - 1] < sorted[end]) { end += 1 }
            if end - start > 1 { sorted[start..<end].sort(by: precedesAmongTies) }
            start = end
        }
        return sorted
    }

    private static func precedesAmongTies(_ a: ContactRecord, _ b: ContactRecord) -> Bool {
        func compare(_ x: String?, _ y: String?) -> Bool? {
            x == y ? nil : (x ?? "") < (y ?? "") || (x == nil && y == "")
        }
        for (x, y) in [(a.type, b.type), (a.extension, b.extension), (a.timezone, b.timezone), (a.section, b.section)] {
            if let precedes = compare(x, y) { return precedes }
        }
        let places = { (record: ContactRecord) in (record.repeats ?? []).map { [$0.path, $0.method.rawValue, $0.text] } }
        if (a.repeats == nil) != (b.repeats == nil) { return a.repeats == nil }
        return places(a).lexicographicallyPrecedes(places(b)) { $0.lexicographicallyPrecedes($1) }
    }
}
