import Testing

/// Text with markers (`⟦1⟧`, `⟦2⟧` …) where diagnostics are expected, so tests name the
/// place instead of counting lines and columns by hand.
struct MarkedText {
    var text = ""
    /// Marker → (line, column), both from 1, columns in Unicode scalars like Yams.
    var markers: [String: (line: Int, column: Int)] = [:]

    init(_ marked: String) {
        var line = 1, column = 1
        var rest = Substring(marked)
        while let open = rest.firstIndex(of: "⟦") {
            let before = rest[..<open]
            text += before
            for scalar in before.unicodeScalars {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            guard let close = rest[open...].firstIndex(of: "⟧") else { break }
            markers[String(rest[rest.index(after: open)..<close])] = (line, column)
            rest = rest[rest.index(after: close)...]
        }
        text += rest
    }
}
