/// Evidence text is the block a value stands in, cut to a window around the value when
/// the block is long, so a reader sees the words that give it meaning.
enum EvidenceText {
    static let maximumLength = 240

    static func window(_ text: String, around utf8Range: Range<Int>? = nil) -> String {
        // A character is at least one UTF-8 byte: most blocks are settled without counting
        // their characters.
        // Counting stops after `maximumLength` characters: a block of thousands of values asks
        // for each one's window, and counting the whole block each time was quadratic.
        guard text.utf8.count > maximumLength,
              let past = text.index(text.startIndex, offsetBy: maximumLength, limitedBy: text.endIndex),
              past != text.endIndex else { return text }
        let utf8 = text.utf8
        let center: String.Index
        if let utf8Range, let index = utf8.index(utf8.startIndex, offsetBy: utf8Range.lowerBound, limitedBy: utf8.endIndex) {
            center = index
        } else {
            center = text.startIndex
        }
        let half = maximumLength / 2
        let start = text.index(center, offsetBy: -half, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(start, offsetBy: maximumLength, limitedBy: text.endIndex) ?? text.endIndex
        var result = String(text[start..<end])
        if start != text.startIndex { result = "…" + result }
        if end != text.endIndex { result += "…" }
        return result
    }
}
