/// Word lists: the hand-written core for Russian, Ukrainian, Bulgarian, English and German, joined
/// with `LanguageData` (CLDR day and month names, one data file per language). All entries are in
/// the tokenizer's folded form (lower case, ё → е, `'` apostrophe).
enum HoursLexicon {
    struct DayWord {
        var day: Weekday
        /// Also an ordinary word ("so", "do", "we", "sun"): only a day next to times, another day
        /// or a "closed" word.
        var ambiguous: Bool
        /// A CLDR short form of three letters or fewer: a day only next to another day.
        var partnerOnly = false
    }

    /// Hand-written day forms of the language files first (`dayForms`, `ambiguousDayForms`,
    /// `letterDayForms`), then CLDR's.
    static let exactDays: [WordKey: DayWord] = {
        var map = LanguageData.shared.handDays
        for (word, day) in LanguageData.shared.days where map[word] == nil { map[word] = day }
        return map
    }()

    /// Inflected full names: a prefix is enough ("понедельника", "пятницу", "субботам").
    static let dayPrefixes: [(String, Weekday)] = LanguageData.shared.handDayStems

    /// A day word read in a text of a known language: the language's own CLDR form wins where
    /// languages disagree (Czech "so" is Saturday, German "So" Sunday), and a word the
    /// language's file lists as an ordinary word ("we", "do" in Polish) is no day there. Forms
    /// the language does not have (OSM's "Mo-Fr" on any page) read as they do everywhere.
    static func day(_ word: WordKey, language: String?) -> DayWord? {
        let everywhere = day(word)
        guard let language else { return everywhere }
        let data = LanguageData.shared
        if let own = data.daysByLanguage[language]?[word] {
            return everywhere.map { $0.day == own.day ? $0 : own } ?? own
        }
        if data.commonWordsByLanguage[language]?.contains(word) == true { return nil }
        return everywhere
    }

    static func day(_ word: WordKey) -> DayWord? {
        if let d = exactDays[word] { return d }
        guard word.utf8Count >= 5 else { return nil } // CLDR stems are ≥ 5 letters
        if let day = dayPrefixIndex.first(startingWith: word, { _, day in day }) {
            return DayWord(day: day, ambiguous: false)
        }
        return LanguageData.shared.day(word)
    }

    private static let dayPrefixIndex = StemIndex(dayPrefixes)

    // Every list below is the union of the language files' (Resources/languages/*.json);
    // only punctuation that works as a connector in every language is written here.
    static let everyDayWords: Set<WordKey> = LanguageData.shared.everyDayWords
    static let weekdayGroupWords: Set<WordKey> = LanguageData.shared.weekdayWords
    static let weekdayGroupAdjectives: Set<WordKey> = LanguageData.shared.weekdayAdjectives
    static let weekendWords: Set<WordKey> = LanguageData.shared.weekendWords

    static let closedWords: Set<WordKey> = LanguageData.shared.closedWords

    static let allDayWords: Set<WordKey> = LanguageData.shared.allDayWords

    static let breakWords: Set<WordKey> = LanguageData.shared.breakWords

    static let holidayPrefixes: [String] = LanguageData.shared.holidayPrefixes
    static func isHoliday(_ word: WordKey) -> Bool {
        // "PH" is OpenStreetMap's public holidays ("Su,PH 10-16", "PH off").
        word == "ph" || holidayPrefixes.contains { word.hasPrefix($0) } && word != "святой" && word != "святая"
    }

    /// Words that make a bare `9-18` an hours range (the text is about hours).
    static let contextWords: Set<WordKey> = LanguageData.shared.contextWords

    static let rangePrefixes: Set<WordKey> = LanguageData.shared.rangePrefixes
    static let rangeSeparatorWords: Set<WordKey> = LanguageData.shared.rangeSeparators
    /// "Mardi > Samedi": the comparison sign joins a range of days too.
    static let dayRangeWords: Set<WordKey> = Set<WordKey>(["-", ">"]).union(LanguageData.shared.dayRangeWords)
    static let listWords: Set<WordKey> = Set<WordKey>(["&", ",", "/", "+"]).union(LanguageData.shared.listWords)

    /// Zone names right after times. `мск` and friends are accepted anywhere in the statement.
    static let zoneWords: [WordKey: String] = LanguageData.shared.zoneAbbreviations
    static let anywhereZoneWords: Set<WordKey> = LanguageData.shared.zoneAnywhere

    static let pageWords: Set<WordKey> = Set<WordKey>(["№"]).union(LanguageData.shared.pageWords)
    static let currencyWords: Set<WordKey> = LanguageData.shared.countUnits
}
