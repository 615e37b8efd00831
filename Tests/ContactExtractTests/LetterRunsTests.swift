import Testing
@testable import ContactExtract

@Suite struct LetterRunsTests {
    /// The scalar walk must cut every text exactly as the character walk does; texts it
    /// cannot vouch for go to the character walk.
    @Test(arguments: [
        "", "   ", "sydney nsw 2000, australia", "москва, россия — офис №5", "tel:+7 (495) 123-45-67",
        "méxico · españa • österreich", "belgië\r\ndanmark\tnorge", "☎ 8 800 555 35 35 ✆ call us",
        "日本 japan", "a\u{00AD}b", "x\u{2011}y\u{202F}z", "ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ", "📞 +44 20 7946 0018",
        "ǅemal ǈubo", "ΑΘΗΝΑ αθηνα", "ѐ ѝ ґ ї є", "\u{200B}zero\u{200E}width", "¡hola! ¿qué?",
    ])
    func scalarWalkMatchesCharacterWalk(text: String) {
        let expected = text.split(whereSeparator: { !$0.isLetter })
        if let runs = LetterRuns.byScalars(text) {
            #expect(runs.map(String.init) == expected.map(String.init))
            #expect(runs.map { $0.startIndex } == expected.map { $0.startIndex })
        }
        #expect(LetterRuns.of(text).map(String.init) == expected.map(String.init))
    }

    @Test(arguments: ["me\u{0301}xico", "👍🏽 ok", "🇦🇺 australia", "a\u{200D}b", "क्षत्रिय", "한국어"])
    func clustersTakeTheCharacterWalk(text: String) {
        #expect(LetterRuns.byScalars(text) == nil)
        #expect(LetterRuns.of(text).map(String.init) == text.split(whereSeparator: { !$0.isLetter }).map(String.init))
    }
}
