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

    static let exactDays: [WordKey: DayWord] = {
        var map: [WordKey: DayWord] = [:]
        func add(_ day: Weekday, _ words: [String], ambiguous: Bool = false) {
            for w in words { map[WordKey(w)] = DayWord(day: day, ambiguous: ambiguous) }
        }
        add(.mo, ["пн", "пнд", "понед", "пон", "mon", "mondays", "monday", "montag", "montags"])
        add(.tu, ["вт", "втор", "вто", "втр", "tue", "tues", "tuesday", "tuesdays", "dienstag", "dienstags"])
        add(.we, ["ср", "сре", "срд", "среда", "среду", "среды", "средам", "середа", "середу", "сряда", "wed", "weds", "wednesday", "wednesdays", "mittwoch", "mittwochs"])
        add(.th, ["чт", "чтв", "четв", "thu", "thur", "thurs", "thursday", "thursdays", "donnerstag", "donnerstags"])
        add(.fr, ["пт", "птн", "пятн", "пят", "петък", "fri", "friday", "fridays", "freitag", "freitags"])
        add(.sa, ["сб", "суб", "субб", "съб", "saturday", "saturdays", "samstag", "samstags", "sonnabend"])
        add(.su, ["вс", "вск", "вскр", "воск", "воскр", "нд", "нед", "sunday", "sundays", "sonntag", "sonntags"])
        // Misspellings seen on real pages ("выходной: суб.-восск.").
        add(.su, ["восск"])
        // Short forms that are also common words in one of the languages.
        add(.mo, ["mo"], ambiguous: true)
        add(.tu, ["tu"], ambiguous: true)
        add(.th, ["th"], ambiguous: true)
        add(.fr, ["fr"], ambiguous: true)
        add(.su, ["su"], ambiguous: true)
        add(.tu, ["di"], ambiguous: true)
        add(.we, ["we", "mi"], ambiguous: true)
        add(.th, ["do", "чет"], ambiguous: true)
        add(.fr, ["пет"], ambiguous: true)
        add(.sa, ["sat", "sa"], ambiguous: true)
        // One-letter US forms ("M-F", "M-Sa", "M, TH", "W-Th"); "T" and "S" are two days each
        // and stay unread.
        for (letter, day) in [("m", Weekday.mo), ("w", .we), ("r", .th), ("f", .fr)] {
            map[WordKey(letter)] = DayWord(day: day, ambiguous: true, partnerOnly: true)
        }
        add(.su, ["sun", "so"], ambiguous: true)
        for (word, day) in LanguageData.shared.days where map[word] == nil { map[word] = day }
        return map
    }()

    /// Inflected full names: a prefix is enough ("понедельника", "пятницу", "субботам").
    static let dayPrefixes: [(String, Weekday)] = [
        ("понедельн", .mo), ("понеділ", .mo), ("понеделн", .mo),
        ("вторник", .tu), ("вівтор", .tu),
        ("четверг", .th), ("четвер", .th), ("четвърт", .th),
        ("пятниц", .fr), ("п'ятниц", .fr), ("пятн", .fr),
        ("суббот", .sa), ("субот", .sa), ("събот", .sa),
        ("воскресен", .su), ("неділ", .su),
    ]

    static func day(_ word: WordKey) -> DayWord? {
        if let d = exactDays[word] { return d }
        guard word.utf8Count >= 5 else { return nil } // CLDR stems are ≥ 5 letters
        if let day = dayPrefixIndex.first(startingWith: word, { _, day in day }) {
            return DayWord(day: day, ambiguous: false)
        }
        return LanguageData.shared.day(word)
    }

    private static let dayPrefixIndex = StemIndex(dayPrefixes)

    static let everyDayWords: Set<WordKey> = Set<WordKey>(["ежедневно", "ежедн", "daily", "täglich", "taeglich", "щодня", "щоденно", "everyday", "ежедневный", "ежедневная"]).union(LanguageData.shared.everyDayWords)
    static let weekdayGroupWords: Set<WordKey> = Set<WordKey>(["будни", "будням", "weekdays", "weekday", "werktags", "werktag", "werktage", "будні", "буднях"]).union(LanguageData.shared.weekdayWords)
    static let weekdayGroupAdjectives: Set<WordKey> = ["будние", "будним", "будничные"]
    static let weekendWords: Set<WordKey> = Set<WordKey>(["weekend", "weekends", "wochenende", "wochenenden"]).union(LanguageData.shared.weekendWords)

    static let closedWords: Set<WordKey> = Set<WordKey>(["выходной", "выходные", "выходный", "закрыто", "закрыт", "закрыта", "closed", "geschlossen", "geschl", "ruhetag", "вихідний", "вихідні", "почивен", "off", "нерабочий", "неработает", "зачинено"]).union(LanguageData.shared.closedWords)

    static let allDayWords: Set<WordKey> = Set<WordKey>(["круглосуточно", "круглосуточная", "круглосуточный", "круглосуточное", "круглосуточные", "цілодобово", "цілодобовий", "денонощно", "nonstop", "круглосуточной"]).union(LanguageData.shared.allDayWords)

    static let breakWords: Set<WordKey> = Set<WordKey>(["pauza", "pauze", "přestávka", "перерыв", "обед", "обеденный", "break", "lunch", "pause", "mittagspause", "перерва", "обідня", "обід", "почивка"]).union(LanguageData.shared.breakWords)

    static let holidayPrefixes: [String] = ["праздн", "holiday", "feiertag", "святков", "празни", "свят"] + LanguageData.shared.holidayPrefixes
    static func isHoliday(_ word: WordKey) -> Bool {
        // "PH" is OpenStreetMap's public holidays ("Su,PH 10-16", "PH off").
        word == "ph" || holidayPrefixes.contains { word.hasPrefix($0) } && word != "святой" && word != "святая"
    }

    /// Words that make a bare `9-18` an hours range (the text is about hours).
    static let contextWords: Set<WordKey> = [
        "часы", "час", "часов", "время", "режим", "работы", "работаем", "работает", "работают", "график", "приём", "прием",
        "hours", "hour", "open", "opening", "opens", "uhr", "öffnungszeiten", "geöffnet", "sprechzeiten", "geschäftszeiten",
        "мск", "msk", "daily", "ежедневно", "täglich", "am", "pm", "годинник", "години", "працюємо",
    ]

    static let rangePrefixes: Set<WordKey> = Set<WordKey>(["с", "c", "from", "von", "з", "от", "between", "із", "зі", "со"]).union(LanguageData.shared.rangePrefixes)
    static let rangeSeparatorWords: Set<WordKey> = Set<WordKey>(["до", "to", "till", "til", "until", "bis", "thru", "through", "'til", "по"]).union(LanguageData.shared.rangeSeparators)
    static let dayRangeWords: Set<WordKey> = Set<WordKey>(["-", "до", "по", "to", "through", "thru", "bis", "till", "until"]).union(LanguageData.shared.dayRangeWords)
    static let listWords: Set<WordKey> = Set<WordKey>(["и", "and", "und", "та", "і", "й", "u", "&", ",", "/", "+"]).union(LanguageData.shared.listWords)

    /// Zone names right after times. `мск` and friends are accepted anywhere in the statement.
    static let zoneWords: [WordKey: String] = [
        "мск": "Europe/Moscow", "msk": "Europe/Moscow",
        "cet": "Europe/Berlin", "cest": "Europe/Berlin", "mez": "Europe/Berlin", "mesz": "Europe/Berlin",
        "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
        "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
        "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
        "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
        "utc": "UTC", "gmt": "UTC", "bst": "Europe/London",
    ]
    static let anywhereZoneWords: Set<WordKey> = ["мск", "msk"]

    static let pageWords: Set<WordKey> = ["chapter", "глава", "гл", "стр", "page", "pages", "pp", "p", "страницы", "страница", "art", "статья", "статьи", "ст", "пункт", "п", "verse", "items", "kapitel", "seite", "seiten", "abs", "no", "nr", "№", "тел", "tel", "phone", "телефон", "fax", "факс", "раздел", "section", "paragraph", "ч", "фз", "класс", "классы", "grade", "grades", "size", "размер", "возраст", "age", "ages", "лет", "years"]
    static let currencyWords: Set<WordKey> = Set<WordKey>(["руб", "рублей", "рубля", "р", "₽", "eur", "euro", "usd", "rub", "dollars", "€", "$", "грн", "лв", "%", "kg", "кг", "km", "км", "mb", "мб", "gb", "гб", "см", "cm", "мм", "mm", "шт"]).union(LanguageData.shared.countUnits)
}
