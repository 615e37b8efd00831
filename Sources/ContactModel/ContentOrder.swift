extension Array where Element == ContactRecord {
    /// `sorted()`, for many records. Comparing records field by field in a sort closure
    /// copies both records (retaining and releasing every string) at each of n log n
    /// comparisons; here each string field is replaced by its rank once, by hashing, and
    /// the sort compares integers. Records already in order are returned as they are.
    public func sortedByContent() -> [ContactRecord] {
        withUnsafeBufferPointer { records in
            guard !Self.isSorted(records, by: <) else { return self }
            var keys = ContentKey.keys(of: records)
            // The position is the last component, so equal records keep their order, as
            // in the standard library's stable sort.
            keys.sort()
            return keys.map { records[Int($0.position)] }
        }
    }
}

/// A record's place in `ContactRecord`'s order, as integers: each string field by its
/// rank among the records' values of that field.
struct ContentKey: Comparable {
    var source: Int32
    var kind: Int32
    var value: Int32
    var channel: Int32
    var path: Int32
    var method: Int32
    var text: Int32
    var raw: Int32
    var position: Int32

    static func < (a: ContentKey, b: ContentKey) -> Bool {
        if a.source != b.source { return a.source < b.source }
        if a.kind != b.kind { return a.kind < b.kind }
        if a.value != b.value { return a.value < b.value }
        if a.channel != b.channel { return a.channel < b.channel }
        if a.path != b.path { return a.path < b.path }
        if a.method != b.method { return a.method < b.method }
        if a.text != b.text { return a.text < b.text }
        if a.raw != b.raw { return a.raw < b.raw }
        return a.position < b.position
    }

    static func keys(of records: UnsafeBufferPointer<ContactRecord>) -> [ContentKey] {
        let sources = ranks(records.count) { records[$0].source }
        let values = ranks(records.count) { records[$0].value }
        let paths = ranks(records.count) { records[$0].evidence.path }
        let texts = ranks(records.count) { records[$0].evidence.text }
        // The order compares a missing raw text as empty.
        let raws = ranks(records.count) { records[$0].raw ?? "" }
        // Channels and methods compare by name, not by declaration order.
        let channels = Dictionary(uniqueKeysWithValues: Channel.allCases.sorted { $0.rawValue < $1.rawValue }
            .enumerated().map { ($1, Int32($0)) })
        let methods = Dictionary(uniqueKeysWithValues: EvidenceMethod.allCases.sorted { $0.rawValue < $1.rawValue }
            .enumerated().map { ($1, Int32($0)) })
        return records.indices.map { index in
            ContentKey(source: sources[index], kind: Int32(records[index].kind.rank), value: values[index],
                       channel: channels[records[index].channel]!, path: paths[index],
                       method: methods[records[index].evidence.method]!, text: texts[index], raw: raws[index],
                       position: Int32(index))
        }
    }

    /// For each of `count` strings, its rank among the distinct ones: equal strings (as `==`
    /// sees them, which is how dictionaries hash) share a rank, and ranks order as `<`
    /// orders the strings. Only the distinct strings are sorted.
    static func ranks(_ count: Int, _ string: (Int) -> String) -> [Int32] {
        var idOf: [String: Int32] = [:]
        var distinct: [String] = []
        var ids: [Int32] = []
        ids.reserveCapacity(count)
        for index in 0..<count {
            let text = string(index)
            if let id = idOf[text] {
                ids.append(id)
            } else {
                let id = Int32(distinct.count)
                idOf[text] = id
                distinct.append(text)
                ids.append(id)
            }
        }
        var rankOf = [Int32](repeating: 0, count: distinct.count)
        for (rank, id) in distinct.indices.sorted(by: { distinct[$0] < distinct[$1] }).enumerated() {
            rankOf[id] = Int32(rank)
        }
        return ids.map { rankOf[Int($0)] }
    }
}
