/// The words that label a value: the part of its sentence before it (back to the
/// previous value or the sentence start) and after it (up to the next value or the
/// sentence end), lower-cased. "Телефон: 111, факс: 222" labels 111 with "телефон:"
/// and 222 with ", факс:".
struct ClauseWindow {
    var before: String
    var after: String

    /// `range` and `neighbours` are UTF-8 offsets into `text`.
    init(text: String, range: Range<Int>, neighbours: [Range<Int>] = []) {
        let utf8 = text.utf8
        let count = utf8.count
        let lower = min(max(range.lowerBound, 0), count)
        let upper = min(max(range.upperBound, lower), count)
        var start: String.Index
        var end: String.Index
        if let bounds = SentenceBytes.bounds(text, lower: lower, upper: upper) {
            start = utf8.index(utf8.startIndex, offsetBy: bounds.start)
            end = utf8.index(utf8.startIndex, offsetBy: bounds.end)
        } else {
            start = Self.sentenceStart(text, before: utf8.index(utf8.startIndex, offsetBy: lower))
            end = Self.sentenceEnd(text, after: utf8.index(utf8.startIndex, offsetBy: upper))
        }
        for other in neighbours where other != range {
            if other.upperBound <= lower {
                let index = utf8.index(utf8.startIndex, offsetBy: min(other.upperBound, count))
                if index > start { start = index }
            } else if other.lowerBound >= upper {
                let index = utf8.index(utf8.startIndex, offsetBy: min(other.lowerBound, count))
                if index < end { end = index }
            }
        }
        let valueStart = utf8.index(utf8.startIndex, offsetBy: lower)
        let valueEnd = utf8.index(utf8.startIndex, offsetBy: upper)
        before = start < valueStart ? text[start..<valueStart].lowercased() : ""
        after = valueEnd < end ? text[valueEnd..<end].lowercased() : ""
    }

    var both: String { before + " " + after }

    /// The sentence bounds around `lower..<upper` (UTF-8 offsets) by the character walk,
    /// the reference `SentenceBytes` must agree with.
    static func characterBounds(_ text: String, lower: Int, upper: Int) -> (start: Int, end: Int) {
        let utf8 = text.utf8
        let start = sentenceStart(text, before: utf8.index(utf8.startIndex, offsetBy: lower))
        let end = sentenceEnd(text, after: utf8.index(utf8.startIndex, offsetBy: upper))
        return (utf8.distance(from: utf8.startIndex, to: start), utf8.distance(from: utf8.startIndex, to: end))
    }

    /// A sentence ends at ";" or a line break, or at ".", "!", "?" followed by a space
    /// and a capital letter ("тел. +7" does not end one; "сервисов. Номер" does).
    static func isBoundary(_ text: String, at index: String.Index) -> Bool {
        let c = text[index]
        if c == ";" || c == "\n" || c == "•" { return true }
        guard c == "." || c == "!" || c == "?" else { return false }
        var next = text.index(after: index)
        guard next < text.endIndex, text[next] == " " else { return next == text.endIndex }
        next = text.index(after: next)
        return next < text.endIndex && text[next].isUppercase
    }

    private static func sentenceStart(_ text: String, before index: String.Index) -> String.Index {
        var i = index
        while i > text.startIndex {
            let previous = text.index(before: i)
            if isBoundary(text, at: previous) { return i }
            i = previous
        }
        return text.startIndex
    }

    private static func sentenceEnd(_ text: String, after index: String.Index) -> String.Index {
        var i = index
        while i < text.endIndex {
            if isBoundary(text, at: i) { return i }
            i = text.index(after: i)
        }
        return text.endIndex
    }
}
