/// A fixed list of word stems asked "which of you does this word start with?", answered in the
/// list's own order as a scan of the list would, but comparing a word only with the stems that
/// share its first four UTF-8 bytes. Day names are looked up for nearly every word of a text
/// that might hold hours, and scanning every language's CLDR stems for each of them was the
/// largest single cost of extraction (about a tenth of it over the corpus).
struct StemIndex<Value: Sendable>: Sendable {
    private let stems: [(stem: String, value: Value)]
    /// Positions in `stems` by the stem's first four bytes, ascending.
    private let buckets: [UInt32: [Int]]
    /// Positions of stems shorter than four bytes (none today): compared with every word.
    private let shortStems: [Int]

    init(_ stems: [(String, Value)]) {
        self.stems = stems.map { (stem: $0.0, value: $0.1) }
        var buckets: [UInt32: [Int]] = [:]
        var shortStems: [Int] = []
        for (position, entry) in stems.enumerated() {
            if let key = Self.key(Array(entry.0.utf8)) { buckets[key, default: []].append(position) } else { shortStems.append(position) }
        }
        self.buckets = buckets
        self.shortStems = shortStems
    }

    private static func key(_ bytes: some Collection<UInt8>) -> UInt32? {
        guard bytes.count >= 4 else { return nil }
        var key: UInt32 = 0
        for byte in bytes.prefix(4) { key = key << 8 | UInt32(byte) }
        return key
    }

    /// The first result `body` gives for the stems `word` starts with, taken in the list's order.
    func first<Result>(startingWith word: WordKey, _ body: (String, Value) -> Result?) -> Result? {
        let bucket = Self.key(word.raw.utf8).flatMap { buckets[$0] } ?? []
        var b = 0, s = 0
        while b < bucket.count || s < shortStems.count {
            let position: Int
            if s == shortStems.count || (b < bucket.count && bucket[b] < shortStems[s]) {
                position = bucket[b]
                b += 1
            } else {
                position = shortStems[s]
                s += 1
            }
            let entry = stems[position]
            if word.hasPrefix(entry.stem), let result = body(entry.stem, entry.value) { return result }
        }
        return nil
    }
}
