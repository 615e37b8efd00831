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

    /// Offset of the first occurrence of the needle, nil when none.
    private static func find(_ h: UnsafePointer<UInt8>, _ hCount: Int, _ n: UnsafePointer<UInt8>, _ nCount: Int) -> Int? {
        guard nCount > 0 else { return 0 }
        var offset = 0
        let first = Int32(n.pointee)
        while hCount - offset >= nCount {
            guard let hit = memchr(h + offset, first, hCount - offset - nCount + 1) else { return nil }
            let at = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(h + at, n, nCount) == 0 { return at }
            offset = at + 1
        }
        return nil
    }

    static func containsAny(_ haystack: String, _ needles: [String]) -> Bool {
        needles.contains { contains(haystack, $0) }
    }
}
