/// Ranges whose ends are marked by case endings on the numbers and closed by a postposition:
/// Kazakh "9-дан 18-ге дейін", "8:30 дан 16:30 ға дейін", "9:00–ден 18:00–ге дейін", Turkish
/// "08.00'den 17.00'ye kadar". The endings and postpositions are the language files' data
/// (`startSuffixes`, `endSuffixes`, `untilWords`), so another language that writes ranges so
/// is a data change.
extension HoursRecognizer {
    private static let startSuffixes = LanguageData.shared.startSuffixes
    private static let endSuffixes = LanguageData.shared.endSuffixes
    private static let untilWords = LanguageData.shared.untilWords

    mutating func matchSuffixRange(_ i: Int) -> Int? {
        guard let r = parseSuffixRange(i) else { return nil }
        emit(.ranges([r.span], needsContext: false), i, r.end - 1)
        return r.end
    }

    /// `endpoint ending endpoint ending postposition`, the ending glued or after a dash, an
    /// apostrophe or a space; nil for anything else, for am/pm ends and for counts ("5-тен
    /// 10-ға дейін жас", ages).
    func parseSuffixRange(_ i: Int) -> (span: RawSpan, end: Int)? {
        guard !Self.untilWords.isEmpty, let (first, k1) = endpoint(i, after: nil) else { return nil }
        func ending(_ k: Int, in set: Set<WordKey>) -> Int? {
            var k = k
            if let s = sym(k), s == "-" || s == "'" { k += 1 }
            guard let w = word(k), set.contains(w) else { return nil }
            return k + 1
        }
        guard let k2 = ending(k1, in: Self.startSuffixes), let (second, k3) = endpoint(k2, after: nil),
              let k4 = ending(k3, in: Self.endSuffixes), let until = word(k4), Self.untilWords.contains(until) else { return nil }
        if let after = word(k4 + 1), HoursLexicon.currencyWords.contains(after) { return nil }
        guard first.meridiem == 0, second.meridiem == 0, !first.unit, !second.unit,
              var s = HoursRecognizer.minutes(first, isEnd: false), var e = HoursRecognizer.minutes(second, isEnd: true) else { return nil }
        if s == 1440 { s = 0 }
        if e == 0 { e = 1440 }
        guard s != e else { return nil }
        return (RawSpan(start: s, end: e), k4 + 1)
    }
}
