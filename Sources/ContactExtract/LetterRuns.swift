/// The runs of letters in a text, exactly as `text.split(whereSeparator: { !$0.isLetter })`
/// cuts them, without walking grapheme clusters when that cannot change the answer.
///
/// A character is a letter when its first scalar is alphabetic. When every scalar of the
/// text is a `StandaloneScalars` one (CR LF joins only two separators), every character is
/// one scalar and the scalar walk gives the same runs. Other texts take the character walk.
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
            guard StandaloneScalars.contains(value) else { return nil }
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
}
