import ContactModel

/// The records that state one value, in context order: what a per-value rule reports as
/// one finding. Findings take `records` as their evidence and share its storage.
struct ValueGroup: Sendable {
    let value: String
    let records: [ContactRecord]

    /// Groups in value order, built by sorting positions once; the value is the first
    /// record's, as grouping with a dictionary would keep.
    static func byValue(_ records: [ContactRecord]) -> [ValueGroup] {
        records.withUnsafeBufferPointer { records in
            // Stable, so each group keeps the records' context order.
            let order = records.indices.sorted { records[$0].value < records[$1].value }
            var groups: [ValueGroup] = []
            var start = 0
            while start < order.count {
                let value = records[order[start]].value
                var end = start + 1
                while end < order.count, records[order[end]].value == value { end += 1 }
                groups.append(ValueGroup(value: value, records: order[start..<end].map { records[$0] }))
                start = end
            }
            return groups
        }
    }

    /// The group of the records that pass `isIncluded`, nil when none does; named by the
    /// first kept record, as grouping only the kept records would.
    func filter(_ isIncluded: (ContactRecord) -> Bool) -> ValueGroup? {
        if records.allSatisfy(isIncluded) { return self }
        let kept = records.filter(isIncluded)
        guard let first = kept.first else { return nil }
        return ValueGroup(value: first.value, records: kept)
    }
}
