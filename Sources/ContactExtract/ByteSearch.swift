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
