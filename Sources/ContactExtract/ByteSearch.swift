#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring tests on UTF-8 bytes with libc's `memchr` and `memcmp` (Swift's Glibc
/// module does not export the GNU `memmem`). Foundation's `contains` and
/// `range(of:)` compare Unicode-aware through CFString, which cost a third of the run time
/// on the corpus; the needles here are exact lower-case stems, so bytes are enough.
enum ByteSearch {
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return n.isEmpty }
                return find(hb, h.count, nb, n.count) != nil
            }
        }
    }

    /// Whether the text's UTF-8 holds the byte (`memchr`).
    static func contains(byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    static func count(_ haystack: String, _ needle: String) -> Int {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty, n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return 0 }
                var found = 0
                var offset = 0
                while offset + n.count <= h.count,
                      let hit = find(hb + offset, h.count - offset, nb, n.count) {
                    found += 1
                    offset += hit + n.count
                }
                return found
            }
        }
    }

    /// The UTF-8 offsets of the first occurrence of `needle` in `haystack` where both are
    /// ASCII without a carriage return, which is where Foundation's `range(of:)` (canonical
    /// equivalence, whole grapheme clusters) finds exactly what the bytes do: every ASCII
    /// character but CR LF is one scalar, one byte and one cluster of its own, and no other
    /// spelling is canonically equivalent to it. `.notApplicable` for any other pair.
    enum PlainRange: Equatable { case found(Range<Int>), absent, notApplicable }

    static func plainASCIIRange(of needle: String, in haystack: String) -> PlainRange {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard isPlainASCII(h), isPlainASCII(n) else { return .notApplicable }
                guard !n.isEmpty, let hb = h.baseAddress, let nb = n.baseAddress else { return .notApplicable }
                return find(hb, h.count, nb, n.count).map { .found($0..<($0 + n.count)) } ?? .absent
            }
        }
    }

    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        var carriageReturn = false
        for byte in bytes {
            any |= byte
            carriageReturn = carriageReturn || byte == 0x0D
        }
        return any < 0x80 && !carriageReturn
    }

    /// Offset of the first occurrence of the needle, nil when none. `memchr` looks for the
    /// needle's last byte rather than its first: Cyrillic stems all start with 0xD0 or
    /// 0xD1, which stand at every other byte of Russian text, while a last byte picks out
    /// one letter.
    private static func find(_ h: UnsafePointer<UInt8>, _ hCount: Int, _ n: UnsafePointer<UInt8>, _ nCount: Int) -> Int? {
        guard nCount > 0 else { return 0 }
        guard hCount >= nCount else { return nil }
        let lastIndex = nCount - 1
        let last = Int32(n[lastIndex])
        var offset = lastIndex
        while offset < hCount {
            guard let hit = memchr(h + offset, last, hCount - offset) else { return nil }
            let end = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let at = end - lastIndex
            if memcmp(h + at, n, lastIndex) == 0 { return at }
            offset = end + 1
        }
        return nil
    }

    static func containsAny(_ haystack: String, _ needles: [String]) -> Bool {
        var haystack = haystack
        return haystack.withUTF8 { h in
            for needle in needles {
                var needle = needle
                let found = needle.withUTF8 { n -> Bool in
                    guard n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return n.isEmpty }
                    return find(hb, h.count, nb, n.count) != nil
                }
                if found { return true }
            }
            return false
        }
    }
}

/// Many needles looked for in one pass over a text, each tagged with bits; `bits(in:)`
/// answers the union of the bits of every needle that occurs (as bytes) in the text, which
/// is what `ByteSearch.containsAny` per group of needles answers, group by group.
///
/// `ChannelClassifier.signals(in:)` asked `containsAny` for twelve groups of stems (about
/// 150 needles) over every block, heading and clause it classifies: one `memchr` scan of
/// the text per needle. Here the needles are bucketed by their first two bytes and the
/// text is read once, each position looking only at the needles that start with its two
/// bytes.
struct NeedleSet {
    /// The distinct first-two-byte pairs of the needles of two bytes or more, sorted, and
    /// for each the needles that start with it.
    private let pairKeys: [UInt16]
    private let buckets: [[(needle: [UInt8], bits: UInt32)]]
    /// The first-two-byte pairs of any needle, as a bitmap (65,536 bits): most positions of
    /// a text are ruled out with one load.
    private let pairs: [UInt64]
    /// One-byte needles, by their byte.
    private let singles: [UInt8: UInt32]
    /// Bits of empty needles, which every text contains.
    private let always: UInt32
    /// Every bit some needle carries: once all are found, the rest of the text cannot add one.
    private let all: UInt32

    init(_ groups: [(needles: [String], bits: UInt32)]) {
        var buckets: [UInt16: [(needle: [UInt8], bits: UInt32)]] = [:]
        var pairs = [UInt64](repeating: 0, count: 1024)
        var singles: [UInt8: UInt32] = [:]
        var always: UInt32 = 0, all: UInt32 = 0
        for (needles, bits) in groups {
            all |= bits
            for needle in needles {
                let bytes = Array(needle.utf8)
                switch bytes.count {
                case 0: always |= bits
                case 1: singles[bytes[0], default: 0] |= bits
                default:
                    let pair = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
                    buckets[pair, default: []].append((bytes, bits))
                    pairs[Int(pair) >> 6] |= 1 << (UInt64(pair) & 63)
                }
            }
        }
        self.pairKeys = buckets.keys.sorted()
        self.buckets = pairKeys.map { buckets[$0] ?? [] }
        self.pairs = pairs
        self.singles = singles
        self.always = always
        self.all = all
    }

    func bits(in text: String) -> UInt32 {
        var text = text
        return text.withUTF8 { bits(in: $0) }
    }

    func bits(in h: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var found = always
        guard found != all else { return found }
        if !singles.isEmpty {
            for byte in h { if let bits = singles[byte] { found |= bits } }
        }
        guard h.count >= 2 else { return found }
        pairs.withUnsafeBufferPointer { pairs in
            var index = 0
            let last = h.count - 1
            while index < last {
                let pair = UInt16(h[index]) << 8 | UInt16(h[index + 1])
                if pairs[Int(pair) >> 6] & (1 << (UInt64(pair) & 63)) != 0 {
                    for (needle, bits) in buckets[bucket(of: pair)] where found & bits != bits && needle.count <= h.count - index {
                        var equal = true
                        for k in 2..<needle.count where h[index + k] != needle[k] { equal = false; break }
                        if equal {
                            found |= bits
                            if found == all { return }
                        }
                    }
                }
                index += 1
            }
        }
        return found
    }

    /// The index of `pair` in `pairKeys`, which holds it (the bitmap said so).
    @inline(__always)
    private func bucket(of pair: UInt16) -> Int {
        var low = 0, high = pairKeys.count - 1
        while low < high {
            let middle = (low + high) / 2
            if pairKeys[middle] < pair { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
