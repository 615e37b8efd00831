/// The runs of letters in a text, exactly as `text.split(whereSeparator: { !$0.isLetter })`
/// cuts them, without walking grapheme clusters when that cannot change the answer.
///
/// A character is a letter when its first scalar is alphabetic. When no scalar of the text
/// can join a cluster with its neighbours (no combining marks, joiners, variation
/// selectors, Hangul jamo or regional indicators; CR LF joins only two separators), every
/// character is one scalar and the scalar walk gives the same runs. Other texts take the
/// character walk.
enum LetterRuns {
    static func of(_ text: String) -> [Substring] {
        if let runs = byScalars(text) { return runs }
        return text.split(whereSeparator: { !$0.isLetter })
    }

    /// nil when the text holds a scalar that may extend a grapheme cluster.
    static func byScalars(_ text: String) -> [Substring]? {
        var runs: [Substring] = []
        let scalars = text.unicodeScalars
        var runStart: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let value = scalars[index].value
            guard isStandalone(value) else { return nil }
            if isLetter(scalars[index]) {
                if runStart == nil { runStart = index }
            } else if let start = runStart {
                runs.append(text[start..<index])
                runStart = nil
            }
            index = scalars.index(after: index)
        }
        if let start = runStart { runs.append(text[start..<scalars.endIndex]) }
        return runs
    }

    @inline(__always)
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0x410 && value <= 0x44F { return true }  // Russian letters, the common case
        return scalar.properties.isAlphabetic
    }

    /// Scalars that always form a grapheme cluster of their own (the blocks pages use most:
    /// Latin, Greek, Cyrillic, punctuation, symbols, fullwidth forms and emoji without
    /// modifiers).
    @inline(__always)
    private static func isStandalone(_ value: UInt32) -> Bool {
        switch value {
        case 0x0000...0x02FF,          // ASCII, Latin-1, Latin Extended, IPA, spacing modifiers
             0x0370...0x0482,          // Greek, Cyrillic (before its combining marks)
             0x048A...0x052F,          // Cyrillic, Cyrillic Supplement
             0x2000...0x200B,          // spaces, zero width space
             0x200E...0x20CF,          // marks, punctuation, super/subscripts, currency
             0x2100...0x27BF,          // letterlike, arrows, math, technical, shapes, dingbats
             0x3000...0x3003,          // ideographic space and punctuation
             0xFF01...0xFF60,          // fullwidth ASCII
             0xFFFD,
             0x1F000...0x1F1E5,        // game symbols, enclosed alphanumerics
             0x1F200...0x1F3FA,        // pictographs before the skin-tone modifiers
             0x1F400...0x1FAFF:        // pictographs, emoticons, transport, symbols
            return true
        default:
            return false
        }
    }
}
