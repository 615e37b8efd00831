/// Footnote and citation marks written against a number ("8 800 100-70-10[1]", Wikipedia's
/// `<sup>[12]</sup>`, which a page's text joins to the number) make libphonenumber's matcher
/// take the bracket and its digits into the candidate, refuse the whole of it, and lose the
/// number. A mark is "[" and one to three ASCII digits and "]"; no number is written that way,
/// so the marks are replaced by as many spaces, keeping every byte offset where it was.
enum CitationMarks {
    /// The UTF-8 with its citation marks spaced out; nil when it has none (no copy).
    static func spacedOut(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var copy: [UInt8]?
        var index = 0
        while index < utf8.count {
            guard utf8[index] == UInt8(ascii: "[") else { index += 1; continue }
            var end = index + 1
            while end < utf8.count, end - index <= 3, utf8[end] >= UInt8(ascii: "0"), utf8[end] <= UInt8(ascii: "9") { end += 1 }
            if end > index + 1, end - index <= 4, end < utf8.count, utf8[end] == UInt8(ascii: "]") {
                if copy == nil { copy = Array(utf8) }
                for k in index...end { copy?[k] = 0x20 }
                index = end + 1
            } else {
                index += 1
            }
        }
        return copy
    }
}
