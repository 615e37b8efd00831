import Testing
@testable import ContactExtract

@Suite struct SentenceBytesTests {
    /// Wherever the byte walk answers, it gives the character walk's bounds, for every value
    /// position a text allows.
    @Test(arguments: [
        "Телефон: 111, факс: 222", "тел. +7 495 1234567. Звоните; fax 222\nemail a@b.ru",
        "Call us! Mon-Fri. ok? yes. Fax • 555 • tel", "line one\r\nline two. Next", "end.",
        "a. ", "a. b", "x • y", "сервисов. Номер 8 800", "📞 8 800 555. Ⅻ upper? É accent",
        "e\u{0301}. X; y", "a ;\u{0301} b", "a.\u{0301} B", "a. \u{0301}B", "😀\u{200D}😀; x", "\r\n;\r\n",
    ])
    func byteWalkMatchesCharacterWalk(text: String) {
        let offsets = Array(text.unicodeScalars.indices.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) })
            + [text.utf8.count]
        for lower in offsets {
            for upper in offsets where upper >= lower {
                guard let bytes = SentenceBytes.bounds(text, lower: lower, upper: upper) else { continue }
                let characters = ClauseWindow.characterBounds(text, lower: lower, upper: upper)
                #expect(bytes.start == characters.start && bytes.end == characters.end, "\(lower)..<\(upper) in \(text)")
            }
        }
    }

    /// The index built once per block answers as the walk does, nil included.
    @Test(arguments: [
        "Телефон: 111, факс: 222", "тел. +7 495 1234567. Звоните; fax 222\nemail a@b.ru",
        "Call us! Mon-Fri. ok? yes. Fax • 555 • tel", "line one\r\nline two. Next", "end.",
        "a. ", "a. b", "x • y", "сервисов. Номер 8 800", "📞 8 800 555. Ⅻ upper? É accent",
        "e\u{0301}. X; y", "a ;\u{0301} b", "a.\u{0301} B", "a. \u{0301}B", "😀\u{200D}😀; x", "\r\n;\r\n", "",
    ])
    func indexMatchesTheWalk(text: String) {
        let index = SentenceIndex(text)
        let offsets = Array(text.unicodeScalars.indices.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) })
            + [text.utf8.count]
        for lower in offsets {
            for upper in offsets where upper >= lower {
                let walked = SentenceBytes.bounds(text, lower: lower, upper: upper)
                let indexed = SentenceBytes.bounds(text, lower: lower, upper: upper, index: index)
                #expect(walked?.start == indexed?.start && walked?.end == indexed?.end, "\(lower)..<\(upper) in \(text)")
            }
        }
    }

    /// A block of thousands of values and no sentence end (a flattened timetable, a hostile
    /// page): each value's sentence is the whole block. Walking to its ends for each value was
    /// quadratic (minutes here: 10,000 values × 140,000 bytes); the index answers each by a
    /// binary search. Not timed: a quadratic walk would stall the suite.
    @Test func sentencesOfManyValuesAreLookedUp() {
        let unit = "пн-пт 9-18, "
        let count = 10_000
        let text = String(repeating: unit, count: count)
        let index = SentenceIndex(text)
        let step = unit.utf8.count
        var checked = 0
        for n in 0..<count {
            let bounds = ClauseWindow.sentenceBounds(text, lower: n * step, upper: n * step + 10, index: index)
            if bounds.start == 0 && bounds.end == text.utf8.count { checked += 1 }
        }
        #expect(checked == count)
        // The evidence window of each value counts at most its own length of characters.
        let window = EvidenceText.window(text, around: (step * 5_000)..<(step * 5_000 + 10))
        #expect(window.count <= EvidenceText.maximumLength + 2)
        var windows = 0
        for n in stride(from: 0, to: count, by: 1) where !EvidenceText.window(text, around: (n * step)..<(n * step + 10)).isEmpty {
            windows += 1
        }
        #expect(windows == count)
    }

    @Test func clustersTakeTheCharacterWalk() {
        #expect(SentenceBytes.bounds("a;\u{0301} b", lower: 4, upper: 5) == nil)
        #expect(SentenceBytes.bounds("x\r\ny", lower: 2, upper: 3) == nil)
    }
}

@Suite struct ClauseNeighboursTests {
    /// The few ranges a statement's clause window is given read as the whole list did: labels,
    /// lists joined by "or" and bracketed notes over a block of forty values.
    @Test func fewNeighboursReadAsAll() {
        var text = ""
        var ranges: [Range<Int>] = []
        for n in 0..<40 {
            text += ["Phone: ", " or ", " (fax), ", "; support ", ", "][n % 5]
            let start = text.utf8.count
            text += "Mo-Fr \(n % 12 + 1)-18"
            ranges.append(start..<text.utf8.count)
            if n % 7 == 6 { text += ". Next" }
        }
        #expect(HoursExtractor.inTextOrder(ranges))
        let index = SentenceIndex(text)
        for n in ranges.indices {
            let all = ClauseWindow(text: text, range: ranges[n], neighbours: ranges)
            let few = ClauseWindow(text: text, range: ranges[n], neighbours: HoursExtractor.clauseNeighbours(ranges, of: n),
                                   sentences: index)
            #expect(all.before == few.before && all.after == few.after, "value \(n)")
        }
        #expect(!HoursExtractor.inTextOrder([5..<9, 0..<4]))
    }
}
