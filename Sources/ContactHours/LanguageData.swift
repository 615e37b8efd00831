import Foundation

/// The languages the hours reader knows, from data: day and month names from CLDR (Foundation's
/// `DateFormatter` for each language's `Locale`), and what CLDR lacks (connectors, closed, daily,
/// round the clock, breaks, holidays, seasons, other activities' hours) from one small file per
/// language, `Resources/languages/<code>.json`. Adding a language is adding such a file.
/// Everything is built once per process, on first use.
struct LanguageData: Sendable {
    /// One language file. Every key is optional; entries are words or short phrases as written.
    struct File: Decodable {
        var locale: String
        var rangePrefixes: [String]?
        var rangeSeparators: [String]?
        var dayRange: [String]?
        var list: [String]?
        var closed: [String]?
        var everyDay: [String]?
        var allDay: [String]?
        var weekdays: [String]?
        var weekend: [String]?
        var breaks: [String]?
        var holidays: [String]?
        var except: [String]?
        var units: [String]?
        /// Words that tie hours to part of the year (seasons, holidays by name, "число"): a text
        /// with one of them is not a weekly schedule the reader can state.
        var seasons: [String]?
        /// Conditions that make hours not a fixed schedule ("by appointment").
        var conditions: [String]?
        /// Activities whose hours are not a contact channel's (delivery, shipping, order taking).
        var otherActivities: [String]?
        /// Words after a number range that count something else: "15-24 ans", "1-3 Werktage".
        var countUnits: [String]?
        /// Time zones as written after hours ("Pacific Standard Time", "по Киеву") → IANA name.
        var timeZones: [String: String]?
    }

    enum PhraseKind: Sendable { case everyDay, allDay, weekdays, weekend, closed, breakWord, dayRange }

    var locales: [String] = []
    var rangePrefixes: Set<WordKey> = []
    var rangeSeparators: Set<WordKey> = []
    var dayRangeWords: Set<WordKey> = []
    var listWords: Set<WordKey> = []
    var closedWords: Set<WordKey> = []
    var everyDayWords: Set<WordKey> = []
    var allDayWords: Set<WordKey> = []
    var weekdayWords: Set<WordKey> = []
    var weekendWords: Set<WordKey> = []
    var breakWords: Set<WordKey> = []
    var holidayPrefixes: [String] = []
    var exceptWords: Set<WordKey> = []
    var unitWords: Set<WordKey> = []
    /// Multi-token entries, by their first token.
    var phrases: [WordKey: [([WordKey], PhraseKind)]] = [:]
    /// Seasons and other activities: exact words, and stems for entries written with a final `*`.
    var qualifierWords: Set<WordKey> = []
    var qualifierPrefixes: [String] = []
    var qualifierPhrases: [WordKey: [[WordKey]]] = [:]
    /// The other activities among the qualifiers: they reach only the hours right next to them.
    var countUnits: Set<WordKey> = []
    var zonePhrases: [WordKey: [([WordKey], String)]] = [:]
    var activityWords: Set<WordKey> = []
    var activityPrefixes: [String] = []
    /// CLDR day names: exact forms and, for full names, stems for inflected forms.
    var days: [WordKey: HoursLexicon.DayWord] = [:]
    var dayStems: [(String, Weekday)] = []
    /// `dayStems` for lookups, built once they are complete (end of `load`).
    private(set) var dayStemIndex = StemIndex<Weekday>([])
    var months: Set<WordKey> = []
    var monthStems: [String] = []

    static let shared: LanguageData = load()

    /// Folds an entry the way the tokenizer folds text.
    static func tokens(_ text: String) -> [WordKey] {
        HoursTokenizer.tokenize(text).map(\.text)
    }

    static func files() -> [File] {
        guard let folder = Bundle.module.url(forResource: "languages", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let decoder = JSONDecoder()
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { return nil }
            return try? decoder.decode(File.self, from: data)
        }
    }

    static func load() -> LanguageData {
        var data = LanguageData()
        for file in files() {
            data.locales.append(file.locale)
            var phrases: [([WordKey], PhraseKind)] = []
            func words(_ entries: [String]?, phrase kind: PhraseKind?) -> Set<WordKey> {
                var set: Set<WordKey> = []
                for entry in entries ?? [] {
                    let t = tokens(entry)
                    if t.count == 1 { set.insert(t[0]) }
                    else if t.count > 1, let kind { phrases.append((t, kind)) }
                }
                return set
            }
            data.rangePrefixes.formUnion(words(file.rangePrefixes, phrase: nil))
            data.rangeSeparators.formUnion(words(file.rangeSeparators, phrase: nil))
            data.dayRangeWords.formUnion(words(file.dayRange, phrase: .dayRange))
            data.listWords.formUnion(words(file.list, phrase: nil))
            data.closedWords.formUnion(words(file.closed, phrase: .closed))
            data.everyDayWords.formUnion(words(file.everyDay, phrase: .everyDay))
            data.allDayWords.formUnion(words(file.allDay, phrase: .allDay))
            data.weekdayWords.formUnion(words(file.weekdays, phrase: .weekdays))
            data.weekendWords.formUnion(words(file.weekend, phrase: .weekend))
            data.breakWords.formUnion(words(file.breaks, phrase: .breakWord))
            data.exceptWords.formUnion(words(file.except, phrase: nil))
            data.unitWords.formUnion(words(file.units, phrase: nil))
            data.countUnits.formUnion(words(file.countUnits, phrase: nil))
            for (name, zone) in (file.timeZones ?? [:]).sorted(by: { $0.key < $1.key }) {
                let t = tokens(name)
                guard let first = t.first else { continue }
                data.zonePhrases[first, default: []].append((t, zone))
            }
            for (t, kind) in phrases { data.phrases[t[0], default: []].append((t, kind)) }
            for entry in file.holidays ?? [] {
                if let t = tokens(entry).first { data.holidayPrefixes.append(t.raw) }
            }
            // "доставк*": a stem for every inflected form; other entries are exact words or phrases.
            for (entry, isActivity) in ((file.seasons ?? []) + (file.conditions ?? [])).map({ ($0, false) }) + (file.otherActivities ?? []).map({ ($0, true) }) {
                let isStem = entry.hasSuffix("*")
                let t = tokens(isStem ? String(entry.dropLast()) : entry)
                if t.count > 1 { data.qualifierPhrases[t[0], default: []].append(t) }
                else if let w = t.first {
                    if isStem { data.qualifierPrefixes.append(w.raw) } else { data.qualifierWords.insert(w) }
                    if isActivity {
                        if isStem { data.activityPrefixes.append(w.raw) } else { data.activityWords.insert(w) }
                    }
                }
            }
            data.addCLDR(file.locale)
        }
        for key in data.zonePhrases.keys { data.zonePhrases[key]?.sort { $0.0.count > $1.0.count } }
        // Longest stems first, so "pazartesi" is Monday before "pazar" is Sunday.
        data.dayStems.sort { $0.0.utf8.count > $1.0.utf8.count }
        data.dayStemIndex = StemIndex(data.dayStems)
        return data
    }

    /// Weekday and month names of one language from CLDR. Full names also give a stem (the name
    /// less its last one or two letters, at least five) for inflected forms: "poniedziałki",
    /// "lundis", "понеділка". Short forms of three letters or fewer are common words somewhere
    /// ("mar", "do", "so", "st"), so they count only next to another day.
    mutating func addCLDR(_ identifier: String) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: identifier)
        let order: [Weekday] = [.su, .mo, .tu, .we, .th, .fr, .sa]
        let full = [formatter.weekdaySymbols, formatter.standaloneWeekdaySymbols]
        let short = [formatter.shortWeekdaySymbols, formatter.shortStandaloneWeekdaySymbols]
        for names in full {
            for (k, name) in (names ?? []).enumerated() where k < 7 {
                // "segunda-feira" is read by its first word, as people write it ("segunda a sexta").
                let t = Self.tokens(name)
                guard let w = t.first, t.count == 1 || (t.count == 3 && t[1] == "-") else { continue }
                if days[w] == nil { days[w] = HoursLexicon.DayWord(day: order[k], ambiguous: false) }
                let scalars = Array(w.raw.unicodeScalars)
                // West Slavic names in -ek/-ok lose that vowel when inflected: "od poniedziałku
                // do piątku", "czwartku", "od pondělí do pátku". The stem below keeps the vowel
                // ("piąte"), so the genitive/locative form in -ku is added as an exact word;
                // without it "do piątku" went unread and the range became Monday alone.
                if scalars.count >= 5, let last = scalars.last, last == "k",
                   scalars[scalars.count - 2] == "e" || scalars[scalars.count - 2] == "o" {
                    for ending in ["ku", "ki"] { // "do piątku"; plural "w piątki" (on Fridays)
                        var inflected = String.UnicodeScalarView()
                        inflected.append(contentsOf: scalars[0..<(scalars.count - 2)])
                        inflected.append(contentsOf: ending.unicodeScalars)
                        let form = WordKey(String(inflected))
                        if days[form] == nil { days[form] = HoursLexicon.DayWord(day: order[k], ambiguous: false) }
                    }
                }
                let drop = scalars.count >= 8 ? 2 : 1
                if scalars.count - drop >= 5 {
                    var stem = String.UnicodeScalarView()
                    stem.append(contentsOf: scalars[0..<(scalars.count - drop)])
                    dayStems.append((String(stem), order[k]))
                }
            }
        }
        for names in short {
            for (k, name) in (names ?? []).enumerated() where k < 7 {
                let t = Self.tokens(name)
                guard let w = t.first, t.count <= 2 else { continue }
                if days[w] == nil {
                    let isShort = w.raw.unicodeScalars.count <= 3
                    days[w] = HoursLexicon.DayWord(day: order[k], ambiguous: isShort, partnerOnly: isShort)
                }
            }
        }
        for names in [formatter.monthSymbols, formatter.standaloneMonthSymbols, formatter.shortMonthSymbols, formatter.shortStandaloneMonthSymbols] {
            for name in names ?? [] {
                let t = Self.tokens(name)
                guard let w = t.first else { continue }
                months.insert(w)
                let scalars = Array(w.raw.unicodeScalars)
                if scalars.count >= 6 {
                    var stem = String.UnicodeScalarView()
                    stem.append(contentsOf: scalars[0..<(scalars.count - (scalars.count >= 8 ? 2 : 1))])
                    monthStems.append(String(stem))
                }
            }
        }
    }

    func day(_ word: WordKey) -> HoursLexicon.DayWord? {
        if let d = days[word] { return d }
        guard word.utf8Count >= 5 else { return nil }
        return dayStemIndex.first(startingWith: word) { stem, day in
            // "dominio" is not "domingo": a stem matches words at most three letters longer.
            word.raw.unicodeScalars.count <= stem.unicodeScalars.count + 4 ? HoursLexicon.DayWord(day: day, ambiguous: false) : nil
        }
    }

    func isActivity(_ word: WordKey) -> Bool {
        activityWords.contains(word) || activityPrefixes.contains { word.hasPrefix($0) }
    }

    func isMonth(_ word: WordKey) -> Bool {
        if months.contains(word) { return true }
        guard word.utf8Count >= 5 else { return false }
        return monthStems.contains { word.hasPrefix($0) && word.raw.unicodeScalars.count <= $0.unicodeScalars.count + 4 }
    }

    func isQualifier(_ word: WordKey) -> Bool {
        if qualifierWords.contains(word) { return true }
        guard word.utf8Count >= 5 else { return false }
        return qualifierPrefixes.contains { word.hasPrefix($0) }
    }
}

/// The languages the hours reader has data files for, for other modules that read country
/// names in the same languages.
public enum HoursLanguages {
    public static var codes: [String] { LanguageData.shared.locales }
}
