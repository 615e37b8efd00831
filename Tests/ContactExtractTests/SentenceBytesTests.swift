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

    @Test func clustersTakeTheCharacterWalk() {
        #expect(SentenceBytes.bounds("a;\u{0301} b", lower: 4, upper: 5) == nil)
        #expect(SentenceBytes.bounds("x\r\ny", lower: 2, upper: 3) == nil)
    }
}
