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
            var order = keys.map { Int($0.position) }
            // Text and raw text come last in the order and are rarely ASCII, so slow to
            // hash: they are compared only among records equal in everything before.
            var start = 0
            while start < keys.count {
                var end = start + 1
                while end < keys.count, keys[end].isTied(with: keys[start]) { end += 1 }
                if end - start > 1 {
                    order[start..<end].sort { a, b in
                        if records[a].evidence.text != records[b].evidence.text {
                            return records[a].evidence.text < records[b].evidence.text
                        }
                        return (records[a].raw ?? "") < (records[b].raw ?? "")
                    }
                }
                start = end
            }
            return order.map { records[$0] }
        }
    }
}

/// A record's place in `ContactRecord`'s order up to the text, as integers: each string
/// field by its rank among the records' values of that field.
struct ContentKey: Comparable {
    var source: Int32
    var kind: Int32
    var value: Int32
    var channel: Int32
    var path: Int32
    var method: Int32
    var position: Int32

    /// Equal in every field but the position: the text decides.
    func isTied(with other: ContentKey) -> Bool {
        (source, kind, value, channel, path, method) == (other.source, other.kind, other.value, other.channel,
                                                         other.path, other.method)
    }

    static func < (a: ContentKey, b: ContentKey) -> Bool {
        if a.source != b.source { return a.source < b.source }
        if a.kind != b.kind { return a.kind < b.kind }
        if a.value != b.value { return a.value < b.value }
        if a.channel != b.channel { return a.channel < b.channel }
        if a.path != b.path { return a.path < b.path }
        if a.method != b.method { return a.method < b.method }
        return a.position < b.position
    }

    static func keys(of records: UnsafeBufferPointer<ContactRecord>) -> [ContentKey] {
        let sources = ranks(records.count) { records[$0].source }
        let values = ranks(records.count) { records[$0].value }
        let paths = ranks(records.count) { records[$0].evidence.path }
        // Channels and methods compare by name, not by declaration order. A dozen cases are
        // found faster by a scan than by hashing, a million times.
        let channels = Channel.allCases.sorted { $0.rawValue < $1.rawValue }
        let methods = EvidenceMethod.allCases.sorted { $0.rawValue < $1.rawValue }
        return records.indices.map { index in
            ContentKey(source: sources[index], kind: Int32(records[index].kind.rank), value: values[index],
                       channel: Int32(channels.firstIndex(of: records[index].channel)!), path: paths[index],
                       method: Int32(methods.firstIndex(of: records[index].evidence.method)!), position: Int32(index))
        }
    }

    /// For each of `count` strings, its rank among the distinct ones: equal strings (as `==`
    /// sees them, which is how dictionaries hash) share a rank, and ranks order as `<`
    /// orders the strings. Only the distinct strings are sorted.
    static func ranks(_ count: Int, _ string: (Int) -> String) -> [Int32] {
        let numbering = FirstSeenNumbering(count: count, string)
        var rankOf = [Int32](repeating: 0, count: numbering.first.count)
        let distinct = numbering.first.map(string)
        for (rank, id) in distinct.indices.sorted(by: { distinct[$0] < distinct[$1] }).enumerated() {
            rankOf[id] = Int32(rank)
        }
        return numbering.numbers.map { rankOf[Int($0)] }
    }
}

/// Numbers `count` strings by first appearance, hashing each once: equal strings (as `==`
/// sees them) share a number, and `first[n]` is the index where number `n` first stood.
public struct FirstSeenNumbering {
    public private(set) var numbers: [Int32] = []
    public private(set) var first: [Int] = []

    public init(count: Int, _ string: (Int) -> String) {
        var numberOf: [String: Int32] = [:]
        numbers.reserveCapacity(count)
        for index in 0..<count {
            let text = string(index)
            if let number = numberOf[text] {
                numbers.append(number)
            } else {
                let number = Int32(first.count)
                numberOf[text] = number
                first.append(index)
                numbers.append(number)
            }
        }
    }
}
