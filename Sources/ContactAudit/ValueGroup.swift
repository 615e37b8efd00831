import ContactModel

/// The records that state one value, as positions in the context's records, ascending
/// (so in context order): what a per-value rule reports as one finding.
struct ValueGroup: Sendable {
    let value: String
    let positions: ArraySlice<Int32>

    /// Groups in value order. Each record's value is numbered by hashing, only the
    /// distinct values are sorted, and the positions are then placed by counting, which
    /// keeps each group in context order. The value is the first record's, as grouping
    /// with a dictionary would keep.
    static func byValue(_ positions: [Int32], in records: [ContactRecord]) -> [ValueGroup] {
        records.withUnsafeBufferPointer { records in
            let numbering = FirstSeenNumbering(count: positions.count) { records[Int(positions[$0])].value }
            let numbers = numbering.numbers
            let firstOfValue = numbering.first.map { positions[$0] }
            let valueOrder = firstOfValue.indices.sorted {
                records[Int(firstOfValue[$0])].value < records[Int(firstOfValue[$1])].value
            }
            // Where each value's group starts in `grouped`, by value number.
            var starts = [Int](repeating: 0, count: firstOfValue.count)
            var counts = [Int](repeating: 0, count: firstOfValue.count)
            for number in numbers { counts[Int(number)] += 1 }
            var offset = 0
            for number in valueOrder {
                starts[number] = offset
                offset += counts[number]
            }
            var grouped = [Int32](repeating: 0, count: positions.count)
            var next = starts
            for (position, number) in zip(positions, numbers) {
                grouped[next[Int(number)]] = position
                next[Int(number)] += 1
            }
            return valueOrder.map { number in
                ValueGroup(value: records[Int(firstOfValue[number])].value,
                           positions: grouped[starts[number]..<starts[number] + counts[number]])
            }
        }
    }

    /// The group of the positions that pass `isIncluded`, nil when none does; named by
    /// the first kept record, as grouping only the kept records would.
    func filter(in records: [ContactRecord], _ isIncluded: (Int32) -> Bool) -> ValueGroup? {
        if positions.allSatisfy(isIncluded) { return self }
        let kept = positions.filter(isIncluded)
        guard let first = kept.first else { return nil }
        return ValueGroup(value: records[Int(first)].value, positions: kept[...])
    }
}
