/// The words that label a value: the part of its sentence before it (back to the
/// previous value or the sentence start) and after it (up to the next value or the
/// sentence end), lower-cased. "Телефон: 111, факс: 222" labels 111 with "телефон:"
/// and 222 with ", факс:".
///
/// Between two values, words label the value they precede (a label comes before its
/// value: "ph: 111 fax: 222" makes only 222 a fax), except a bracketed note right after
/// the first ("111 (факс), 222"). A value with only punctuation before it continues the
/// list of the value before ("Phone: 111 – 222"), and shares that value's label.
struct ClauseWindow {
    var before: String
    var after: String

    /// `range` and `neighbours` are UTF-8 offsets into `text`.
    /// `sentences`, when given, is `text`'s index (built once for a block of many values).
    init(text: String, range: Range<Int>, neighbours: [Range<Int>] = [], sentences: SentenceIndex? = nil) {
        let utf8 = text.utf8
        let count = utf8.count
        let lower = min(max(range.lowerBound, 0), count)
        let upper = min(max(range.upperBound, lower), count)
        let (start, end) = Self.sentenceBounds(text, lower: lower, upper: upper, index: sentences)
        // The values of the sentence before this one, nearest first, and the next one.
        var previous: [Range<Int>] = []
        var next: Range<Int>?
        for other in neighbours where other != range {
            let other = min(max(other.lowerBound, 0), count)..<min(max(other.upperBound, 0), count)
            if other.upperBound <= lower, other.upperBound > start {
                // Nearest first, ties in the neighbours' order; only the `listReach + 1`
                // nearest are ever read, so a block of thousands of values keeps a few each.
                var at = previous.count
                while at > 0, previous[at - 1].upperBound < other.upperBound { at -= 1 }
                if at <= Self.listReach {
                    previous.insert(other, at: at)
                    if previous.count > Self.listReach + 1 { previous.removeLast() }
                }
            } else if other.lowerBound >= upper, other.lowerBound < end {
                if next.map({ other.lowerBound < $0.lowerBound }) ?? true { next = other }
            }
        }
        func slice(_ from: Int, _ to: Int) -> String {
            from < to ? String(text[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])
                : ""
        }

        // The label runs from the value before (less a note on that one) to this value.
        var labelEnd = lower
        var labelStart = start
        var k = 0
        while true {
            if k < previous.count {
                let valueEnd = min(previous[k].upperBound, labelEnd)
                labelStart = valueEnd + Self.leadingNote(slice(valueEnd, labelEnd)).utf8.count
            } else {
                labelStart = start
            }
            // A list goes on: "Phone: 111 – 222" gives 222 the label of 111. The walk back
            // stops after `listReach` values, so a block of thousands of numbers in a row
            // costs each one a bounded look back.
            guard k < previous.count, k < Self.listReach, Self.joinsList(slice(labelStart, labelEnd)) else { break }
            labelEnd = min(previous[k].lowerBound, labelEnd)
            k += 1
        }
        before = slice(labelStart, labelEnd).lowercased()
        if let next {
            after = Self.leadingNote(slice(upper, next.lowerBound)).lowercased()
        } else {
            after = slice(upper, end).lowercased()
        }
    }

    static let listReach = 16

    /// Words that join the values of one list ("111 или 222", "111 or 222").
    static let conjunctions: Set<String> = ["or", "and", "или", "и", "либо", "oder", "und", "bzw", "ou", "et"]

    /// Whether the text between two values only joins them: punctuation and conjunctions.
    static func joinsList(_ gap: String) -> Bool {
        LetterRuns.of(gap.lowercased()).allSatisfy { conjunctions.contains(String($0)) }
    }

    /// A bracketed note opening a gap between two values ("(fax)", " [Mobil]"), with the
    /// spaces before it: what the gap says about the value before it.
    static func leadingNote(_ gap: String) -> String {
        let trimmed = gap.drop(while: { $0 == " " || $0 == "\u{A0}" })
        guard let open = trimmed.first, open == "(" || open == "[" else { return "" }
        guard let close = trimmed.firstIndex(of: open == "(" ? ")" : "]") else { return "" }
        return String(gap[..<trimmed.index(after: close)])
    }

    var both: String { before + " " + after }

    /// The sentence around `lower..<upper` (UTF-8 offsets): by the byte walk where it
    /// agrees with the character walk, else by the character walk.
    static func sentenceBounds(_ text: String, lower: Int, upper: Int, index: SentenceIndex? = nil) -> (start: Int, end: Int) {
        // With an index, its nil is the byte walk's nil (the same stops): walking again would
        // only repeat the give-up, so the character walk decides straight away.
        let byBytes = index.map { SentenceBytes.bounds(text, lower: lower, upper: upper, index: $0) }
            ?? SentenceBytes.bounds(text, lower: lower, upper: upper)
        return byBytes ?? characterBounds(text, lower: lower, upper: upper)
    }

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
