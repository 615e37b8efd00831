#if canImport(Glibc)
import Glibc
#endif
/// libxml2 2.9 checks each attribute of a tag against all the earlier ones, so one tag
/// with a million attributes costs it 10^12 comparisons: a hostile page would hang the
/// run. This linear scan finds the first tag with more attributes than any real page
/// writes and cuts the page before it. It counts `=` between `<` and `>`, stepping over
/// comments and the bodies of `<script>` and `<style>` (where `<` and `=` are code); it
/// does not parse HTML.
enum TagFloodGuard {
    static let maximumAttributes = 10_000

    /// The length to keep, or nil when the page is fine.
    static func cutOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var index = 0
        guard let base = bytes.baseAddress, equalSigns(bytes) > maximumAttributes else { return nil }
        while index < count {
            guard let next = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { return nil }
            index = UnsafeRawPointer(next).assumingMemoryBound(to: UInt8.self) - base
            let tagStart = index
            if startsWith(bytes, at: index, "<!--") {
                index = find(bytes, "-->", from: index + 4) ?? count
                continue
            }
            let rawText: StaticString? = startsWith(bytes, at: index, "<script") ? "</script"
                : startsWith(bytes, at: index, "<style") ? "</style" : nil
            index += 1
            let close = memchr(base + index, Int32(UInt8(ascii: ">")), count - index)
            let end = close.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) - base } ?? count
            // More than `maximumAttributes` '=' need a tag at least that long: only such
            // tags are counted.
            if end - index > maximumAttributes {
                var equals = 0
                for k in index..<end where bytes[k] == UInt8(ascii: "=") {
                    equals += 1
                    if equals > maximumAttributes { return tagStart }
                }
            }
            index = end
            if let rawText { index = find(bytes, rawText, from: index) ?? count }
        }
        return nil
    }

    /// How many `=` the page holds: a tag with more than `maximumAttributes` of them needs
    /// a page with that many, which few have, and one branch-free pass over the bytes
    /// costs far less than visiting every tag.
    /// Eight bytes at a time: a byte of `word ^ 0x3D...` is zero where `=` was; adding
    /// 0x7F to each byte's low seven bits sets its high bit unless the byte is zero, so
    /// the zero bytes are the high bits left clear (exact: no carry crosses a byte).
    static func equalSigns(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, high: UInt64 = 0x8080_8080_8080_8080
        let pattern: UInt64 = 0x3D3D_3D3D_3D3D_3D3D
        var equals = 0
        var i = 0
        while i + 8 <= bytes.count {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ pattern
            let nonZero = (((x & low) &+ low) | x) & high
            // One bit per non-zero byte, summed into the top byte by the multiplication.
            equals &+= 8 - Int(truncatingIfNeeded: ((nonZero >> 7) &* 0x0101_0101_0101_0101) >> 56)
            i += 8
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "=") { equals += 1 }
            i += 1
        }
        return equals
    }

    /// ASCII case-insensitive.
    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { p in
            guard index + p.count <= bytes.count else { return false }
            for k in 0..<p.count {
                let c = bytes[index + k]
                if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != p[k] { return false }
            }
            return true
        }
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let first = needle.withUTF8Buffer { Int32($0[0]) }
        var index = start
        while index < bytes.count {
            guard let hit = memchr(base + index, first, bytes.count - index) else { return nil }
            index = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            if startsWith(bytes, at: index, needle) { return index }
            index += 1
        }
        return nil
    }
}
