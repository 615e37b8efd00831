/// Word stems that can start a statement without any digit. Kept next to the recogniser's word
/// lists on purpose: every digit-free phrase `HoursRecognizer` accepts must contain one of these,
/// otherwise `mightContainHours` would hide it.
enum HoursTriggers {
    static let stems: [String] = [
        "круглосуточ", "цілодоб", "денонощ", "nonstop", "uhr", "clock", "noon", "midnight", "mitternacht",
        "полноч", "полуноч", "полден", "mittag", "выходн", "вихідн", "closed", "geschl", "закрыт", "зачинен",
        "почив", "ruhetag", "off", "праздн", "holiday", "feiertag", "свят", "празни", "рабоч", "работ",
        "робоч", "працю", "hours", "zeit", "час", "години", "geöffnet", "ведет", "принима", "време",
    ]

    /// Stems folded to scalars, bucketed by first scalar. Every stem starts with an ASCII or
    /// Cyrillic letter, so a flat table indexed by scalar value replaces hashing per character.
    private static let buckets: [[[UInt32]]] = {
        var list: [[[UInt32]]] = []
        var index: [UInt32: Int] = [:]
        for stem in stems {
            let scalars = stem.unicodeScalars.map { $0.value }
            guard let first = scalars.first else { continue }
            if let i = index[first] {
                list[i].append(scalars)
            } else {
                index[first] = list.count
                list.append([scalars])
            }
        }
        return list
    }()

    private static let tableSize: UInt32 = 0x500

    private static let firstTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: Int(tableSize))
        for (i, bucket) in buckets.enumerated() {
            if let first = bucket.first?.first, first < tableSize { table[Int(first)] = UInt8(i + 1) }
        }
        return table
    }()

    /// Decodes and folds the scalar at `i` of well-formed UTF-8 (Swift strings always are).
    @inline(__always)
    private static func folded(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (b0 >= 0x41 && b0 <= 0x5A ? b0 + 0x20 : b0, 1) }
        var v: UInt32
        var length: Int
        if b0 < 0xE0 {
            length = 2
            v = b0 & 0x1F
        } else if b0 < 0xF0 {
            length = 3
            v = b0 & 0x0F
        } else {
            length = 4
            v = b0 & 0x07
        }
        guard i + length <= b.count else { return (0, 1) }
        for k in 1..<length { v = v << 6 | (UInt32(b[i + k]) & 0x3F) }
        switch v {
        case 0x410...0x42F: return (v + 0x20, length)
        case 0x430...0x450, 0x452...0x45F: return (v, length)
        case 0x451, 0x401: return (0x435, length)
        default:
            guard let s = Unicode.Scalar(v) else { return (v, length) }
            return (HoursTokenizer.fold(s).value, length)
        }
    }

    /// The ASCII stems by their first two letters (`a`...`z` each), for ASCII-only text: there
    /// folding is just lower-casing A-Z, and no other stem can match.
    private static let asciiBuckets: [[[UInt8]]] = {
        var buckets = [[[UInt8]]](repeating: [], count: 26 * 26)
        for stem in stems where stem.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(stem.utf8)
            buckets[Int(bytes[0] - 0x61) * 26 + Int(bytes[1] - 0x61)].append(bytes)
        }
        return buckets
    }()

    @inline(__always)
    private static func asciiLetterIndex(_ byte: UInt8) -> Int? {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A ? Int(lower - 0x61) : nil
    }

    private static func containsASCIITrigger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let buckets = asciiBuckets
        let n = bytes.count
        var i = 0
        while i + 1 < n {
            guard let first = asciiLetterIndex(bytes[i]) else { i += 1; continue }
            guard let second = asciiLetterIndex(bytes[i + 1]) else { i += 2; continue }
            for stem in buckets[first * 26 + second] where i + stem.count <= n {
                var k = 2
                while k < stem.count, let letter = asciiLetterIndex(bytes[i + k]), letter == Int(stem[k] - 0x61) { k += 1 }
                if k == stem.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Scans the UTF-8 bytes in place: no allocation, one table lookup per scalar.
    /// `asciiOnly`: the text has no byte above 0x7F.
    static func containsTrigger(_ text: String, asciiOnly: Bool) -> Bool {
        var copy = text
        if asciiOnly { return copy.withUTF8(containsASCIITrigger) }
        return copy.withUTF8 { bytes -> Bool in
            let table = firstTable
            let buckets = buckets
            let n = bytes.count
            var i = 0
            while i < n {
                let (v, length) = folded(bytes, i)
                if v >= 0xFF10 && v <= 0xFF19 { return true } // fullwidth digits
                // Every stem is at least two scalars long: the second one, folded once, rules
                // out most stems of the bucket.
                if v < tableSize, table[Int(v)] != 0, i + length < n {
                    let (second, secondLength) = folded(bytes, i + length)
                    for stem in buckets[Int(table[Int(v)]) - 1] where stem[1] == second {
                        var j = i + length + secondLength
                        var k = 2
                        while k < stem.count && j < n {
                            let (w, l) = folded(bytes, j)
                            if w != stem[k] { break }
                            j += l
                            k += 1
                        }
                        if k == stem.count { return true }
                    }
                }
                i += length
            }
            return false
        }
    }
}
