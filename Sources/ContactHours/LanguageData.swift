import ContactModel
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
        /// Ordinary words of the language that are short day forms in another ("we" and "do"
        /// in Polish): in a text known to be in this language they are never days.
        var commonWords: [String]?
        /// CLDR day names not to read as days everywhere: an ordinary word of another language
        /// (Bulgarian "неделя", Sunday, is Russian "week"); the code reads it after a range or
        /// list word only.
        var notCLDRDays: [String]?
        /// Days written as ordinals ("2ª a 6ª feira"): see `OrdinalDays`.
        var ordinalDays: OrdinalDays?
        /// Day forms CLDR lacks, by OSM day ("Mo": ["пн", "пнд"]): exact words. `ambiguousDayForms`
        /// are also ordinary words ("do", "so"): days only next to times, another day or a
        /// closed word; `letterDayForms` (US "M", "W", "R", "F") only next to another day.
        var dayForms: [String: [String]]?
        var ambiguousDayForms: [String: [String]]?
        var letterDayForms: [String: [String]]?
        /// Prefixes of inflected day names CLDR's stems miss ("понедельн" for "понедельникам").
        var dayStems: [String: [String]]?
        /// "будние" (дни): an adjective that makes the weekdays with the noun after it.
        var weekdayAdjectives: [String]?
        /// Words that make a bare "9-18" an hours range (the text is about hours).
        var contextWords: [String]?
        /// Words before a number range that make it something else ("стр. 10-12", "page 3-4").
        var pageWords: [String]?
        /// Zone abbreviations right after times ("мск", "ET") → IANA name; `zoneAnywhere` are
        /// read anywhere in the statement.
        var zoneAbbreviations: [String: String]?
        var zoneAnywhere: [String]?
        /// "open"/"работаем" before "24 hours"; services "24 hour hotline"; "erreichbar" after it.
        var openWords: [String]?
        var serviceWords: [String]?
        var reachableWords: [String]?
        /// Units of "24 hours", "24 часа".
        var hourUnits: [String]?
        /// "дни", "days": the noun after "рабочие", "weekend", holiday words.
        var dayNouns: [String]?
        /// Words that may stand between a list word and a holiday word ("and public holidays").
        var fillers: [String]?
        /// Vague references without times ("in our business hours"): preposition, optional
        /// modifier, then a term of one or two words.
        var vaguePrepositions: [String]?
        var vagueModifiers: [String]?
        var vagueTerms: [String]?
        /// Range prefixes that alone make numbers an hours range ("с 9 до 18"); after those of
        /// `twentyFourHourPrefixes` times are on the 24-hour clock ("с 9 до 6" is not 9 to 18).
        var hoursPrefixes: [String]?
        var twentyFourHourPrefixes: [String]?
        /// Range separators that read without a time unit or prefix ("9 to 5", "9 bis 17").
        var plainSeparators: [String]?
        /// Words after a time for its half of the day ("am", "утра"; "pm", "вечера").
        var amWords: [String]?
        var pmWords: [String]?
        /// Plural units after a bare number range that make it a duration ("0-8 hours").
        var durationUnits: [String]?
        /// Halves of a day ("afternoon", "après-midi", "Nachmittag"): a closed word beside one
        /// closes part of a day the reader cannot place, so the text gives nothing.
        var partsOfDay: [String]?
        /// Ordinals before a day name ("first", "letzten", "последний"): the nth weekday of a
        /// month, which a weekly schedule cannot state.
        var nthWeekday: [String]?
        /// Parts of a day written glued to a day name ("woensdagmorgen", "Samstagvormittag"):
        /// such a word names part of a day, so its hours are not that whole day's.
        var dayPartSuffixes: [String]?
        /// Words that deny what follows ("без перерыва на обед", "ohne Mittagspause"): a break
        /// word after one names no break.
        var without: [String]?
        /// Case endings that mark a range's start and end on the numbers, and the postposition
        /// that closes it: Kazakh "9-дан 18-ге дейін", Turkish "08.00'den 17.00'ye kadar".
        var startSuffixes: [String]?
        var endSuffixes: [String]?
        var untilWords: [String]?
        /// Words that change or qualify hours in a way the reader does not read ("by appointment",
        /// a special closing, "evening"): left unread in a statement's clause, the statement is
        /// not emitted (`HoursGuard`).
        var amendmentWords: [String]?
        /// Services with hours of their own ("breakfast", "pharmacy", "kitchen"): one between two
        /// statements makes the text several services' hours, which one schedule would mix.
        var serviceLabels: [String]?
        /// Suffixes glued to a day-of-month number ("1st", "24th", "1er", "3ème", "3e"): such a
        /// number beside a day name or another one is a date or the nth weekday of a month, which
        /// a weekly schedule does not say (`HoursGuard`).
        var ordinalSuffixes: [String]?
    }

    /// Days numbered from a first day: Portuguese counts Monday as the second ("2ª" or "2a",
    /// with "feira"). A suffix in `always` marks a day on its own; the others only with one of
    /// `dayWords` after the ordinals ("2a a 6a feira"), since "8a" is also 8 a.m.
    struct OrdinalDays: Decodable, Sendable {
        var monday: Int
        var always: [String]
        var suffixes: [String]
        var dayWords: [String]
    }

    struct OrdinalReading: Sendable {
        var monday: Int
        var alwaysDay: Bool
        var dayWords: Set<WordKey>
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
    /// Each language's own CLDR day forms (exact words), for a text known to be in it: Czech
    /// "so" is Saturday where German "So" is Sunday.
    var daysByLanguage: [String: [WordKey: HoursLexicon.DayWord]] = [:]
    var commonWordsByLanguage: [String: Set<WordKey>] = [:]
    /// Each language's own list words ("a" is "and" in Czech, "to" in Spanish): in a text known
    /// to be in that language they join a list of days, never a range.
    var listWordsByLanguage: [String: Set<WordKey>] = [:]
    /// The first two letters of every CLDR full day name: an unread word that starts like one
    /// and is joined to a day ("Sunda - Thursday", "Tus / Fri") is taken for a misspelt day.
    var dayNameOpenings: Set<String> = []
    /// The hand-written lists of every file (see `File`), all languages together.
    var handDays: [WordKey: HoursLexicon.DayWord] = [:]
    var handDayStems: [(String, Weekday)] = []
    var weekdayAdjectives: Set<WordKey> = []
    var contextWords: Set<WordKey> = []
    var pageWords: Set<WordKey> = []
    var zoneAbbreviations: [WordKey: String] = [:]
    var zoneAnywhere: Set<WordKey> = []
    var openWords: Set<WordKey> = []
    var serviceWords: Set<WordKey> = []
    var reachableWords: Set<WordKey> = []
    var hourUnits: Set<WordKey> = []
    var dayNouns: Set<WordKey> = []
    var fillers: Set<WordKey> = []
    var vaguePrepositions: Set<WordKey> = []
    var vagueModifiers: Set<WordKey> = []
    var vagueTerms: Set<WordKey> = []
    var hoursPrefixes: Set<WordKey> = []
    var twentyFourHourPrefixes: Set<WordKey> = []
    var plainSeparators: Set<WordKey> = []
    var amWords: Set<WordKey> = []
    var pmWords: Set<WordKey> = []
    var durationUnits: Set<WordKey> = []
    var withoutWords: Set<WordKey> = []
    /// `File.startSuffixes`, `endSuffixes`, `untilWords`, all languages together.
    var startSuffixes: Set<WordKey> = []
    var endSuffixes: Set<WordKey> = []
    var untilWords: Set<WordKey> = []
    var amendmentWords: Set<WordKey> = []
    var serviceLabels: Set<WordKey> = []
    var ordinalSuffixes: Set<WordKey> = []
    /// The day nouns of `ordinalDays` ("feira").
    var ordinalDayWords: Set<WordKey> = []
    /// Token sequences of `File.partsOfDay`.
    var partsOfDay: [[WordKey]] = []
    /// `File.nthWeekday`, all languages together.
    var nthWeekdayWords: Set<WordKey> = []
    /// CLDR full day names of a language with its `File.dayPartSuffixes` glued on.
    var dayPartCompounds: [WordKey: Weekday] = [:]
    /// Ordinal suffixes of day numbers ("ª"), from `File.ordinalDays`.
    var ordinalDays: [WordKey: OrdinalReading] = [:]
    /// Words only one language has (its CLDR day names, its data file's words of three letters
    /// or more): what `language(of:)` counts.
    var exclusiveWords: [WordKey: String] = [:]
    /// Languages whose CLDR clock has no am/pm (the skeleton "j" gives "HH"): a text in one of
    /// them writes "2:00" for two at night, never for two in the afternoon.
    var twentyFourHourLanguages: Set<String> = []

    static let shared: LanguageData = load()

    /// Folds an entry the way the tokenizer folds text.
    static func tokens(_ text: String) -> [WordKey] {
        HoursTokenizer.tokenize(text).map(\.text)
    }

    /// The data files in name order, each with its language's CLDR names. Files are decoded and
    /// CLDR asked on both cores: the first page's extraction waits for all of it, and the other
    /// worker with it. Merging stays in `load`, one file after the other, in this order.
    static func files() -> [(file: File, cldr: CLDRNames)] {
        guard let folder = Bundle.module.url(forResource: "languages", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let sorted = names.filter { $0.hasSuffix(".json") }.sorted()
        return sorted.concurrentMap { name -> (file: File, cldr: CLDRNames)? in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
                  let file = try? JSONDecoder().decode(File.self, from: data) else { return nil }
            return (file, CLDRNames(file.locale))
        }.compactMap { $0 }
    }

    /// What `load` takes from CLDR for one language: whether its clock has no am/pm (the
    /// skeleton "j" gives "HH"), and its weekday and month names.
    struct CLDRNames {
        var twentyFourHour: Bool
        /// `weekdaySymbols`, `standaloneWeekdaySymbols` (Sunday first).
        var fullDays: [[String]?]
        /// `shortWeekdaySymbols`, `shortStandaloneWeekdaySymbols`.
        var shortDays: [[String]?]
        /// `monthSymbols`, `standaloneMonthSymbols`, `shortMonthSymbols`, `shortStandaloneMonthSymbols`.
        var months: [[String]?]

        init(_ identifier: String) {
            let pattern = DateFormatter.dateFormat(fromTemplate: "j", options: 0, locale: Locale(identifier: identifier))
            // Quoted literals are not fields: German gives "HH 'Uhr'", whose "h" is no am/pm hour.
            let fields = pattern.map { $0.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined() }
            twentyFourHour = fields.map { !$0.contains("h") && !$0.contains("K") } ?? false
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: identifier)
            fullDays = [formatter.weekdaySymbols, formatter.standaloneWeekdaySymbols]
            shortDays = [formatter.shortWeekdaySymbols, formatter.shortStandaloneWeekdaySymbols]
            months = [formatter.monthSymbols, formatter.standaloneMonthSymbols, formatter.shortMonthSymbols,
                      formatter.shortStandaloneMonthSymbols]
        }
    }

    static func load() -> LanguageData {
        var data = LanguageData()
        var wordLanguages: [WordKey: Set<String>] = [:]
        for (file, cldr) in files() {
            data.locales.append(file.locale)
            if cldr.twentyFourHour {
                data.twentyFourHourLanguages.insert(file.locale)
            }
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
            data.listWordsByLanguage[file.locale] = Set((file.list ?? []).compactMap { tokens($0).first })
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
            data.addCLDR(file.locale, cldr, except: Set((file.notCLDRDays ?? []).compactMap { tokens($0).first }))
            data.nthWeekdayWords.formUnion(words(file.nthWeekday, phrase: nil))
            if let suffixes = file.dayPartSuffixes, !suffixes.isEmpty {
                let order: [Weekday] = [.su, .mo, .tu, .we, .th, .fr, .sa]
                for names in cldr.fullDays.map({ $0 ?? [] }) {
                    for (k, name) in names.enumerated() where k < 7 {
                        guard let day = tokens(name).first else { continue }
                        for suffix in suffixes { if let w = tokens(day.raw + suffix).first { data.dayPartCompounds[w] = order[k] } }
                    }
                }
            }
            data.addHandWritten(file)
            if let ordinal = file.ordinalDays {
                let dayWords = Set(ordinal.dayWords.compactMap { tokens($0).first })
                data.ordinalDayWords.formUnion(dayWords)
                for suffix in ordinal.always + ordinal.suffixes {
                    guard let w = tokens(suffix).first else { continue }
                    data.ordinalDays[w] = OrdinalReading(monday: ordinal.monday, alwaysDay: ordinal.always.contains(suffix), dayWords: dayWords)
                }
            }
            data.commonWordsByLanguage[file.locale] = Set((file.commonWords ?? []).compactMap { tokens($0).first })
            var own = Set(data.daysByLanguage[file.locale, default: [:]].keys)
            let entries = [file.rangePrefixes, file.rangeSeparators, file.dayRange, file.closed, file.everyDay, file.allDay,
                           file.weekdays, file.weekend, file.breaks, file.except, file.units]
            for entry in entries.compactMap({ $0 }).joined() {
                for w in tokens(entry) where w.raw.unicodeScalars.count >= 3 && w.raw.unicodeScalars.allSatisfy(\.properties.isAlphabetic) {
                    own.insert(w)
                }
            }
            for w in own { wordLanguages[w, default: []].insert(file.locale) }
        }
        for (w, languages) in wordLanguages where languages.count == 1 { data.exclusiveWords[w] = languages.first }
        for key in data.zonePhrases.keys { data.zonePhrases[key]?.sort { $0.0.count > $1.0.count } }
        // Longest stems first, so "pazartesi" is Monday before "pazar" is Sunday.
        data.dayStems.sort { $0.0.utf8.count > $1.0.utf8.count }
        data.dayStemIndex = StemIndex(data.dayStems)
        return data
    }

    /// The lists of one file that are not CLDR's, as written (lower case; a two-word entry is
    /// one key "a b", which the vague terms compare against).
    mutating func addHandWritten(_ file: File) {
        func keys(_ entries: [String]?) -> Set<WordKey> { Set((entries ?? []).map { WordKey($0) }) }
        for (forms, ambiguous, letters) in [(file.dayForms, false, false), (file.ambiguousDayForms, true, false),
                                            (file.letterDayForms, true, true)] {
            for (code, words) in forms ?? [:] {
                guard let day = Weekday(osmCode: code) else { continue }
                for w in words { handDays[WordKey(w)] = HoursLexicon.DayWord(day: day, ambiguous: ambiguous, partnerOnly: letters) }
            }
        }
        for (code, stems) in (file.dayStems ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let day = Weekday(osmCode: code) else { continue }
            handDayStems += stems.map { ($0, day) }
        }
        weekdayAdjectives.formUnion(keys(file.weekdayAdjectives))
        contextWords.formUnion(keys(file.contextWords))
        pageWords.formUnion(keys(file.pageWords))
        for (name, zone) in file.zoneAbbreviations ?? [:] { zoneAbbreviations[WordKey(name)] = zone }
        zoneAnywhere.formUnion(keys(file.zoneAnywhere))
        openWords.formUnion(keys(file.openWords))
        serviceWords.formUnion(keys(file.serviceWords))
        reachableWords.formUnion(keys(file.reachableWords))
        hourUnits.formUnion(keys(file.hourUnits))
        dayNouns.formUnion(keys(file.dayNouns))
        fillers.formUnion(keys(file.fillers))
        withoutWords.formUnion(keys(file.without))
        startSuffixes.formUnion(keys(file.startSuffixes))
        endSuffixes.formUnion(keys(file.endSuffixes))
        untilWords.formUnion(keys(file.untilWords))
        amendmentWords.formUnion(keys(file.amendmentWords))
        serviceLabels.formUnion(keys(file.serviceLabels))
        ordinalSuffixes.formUnion(keys(file.ordinalSuffixes))
        vaguePrepositions.formUnion(keys(file.vaguePrepositions))
        vagueModifiers.formUnion(keys(file.vagueModifiers))
        vagueTerms.formUnion(keys(file.vagueTerms))
        hoursPrefixes.formUnion(keys(file.hoursPrefixes))
        twentyFourHourPrefixes.formUnion(keys(file.twentyFourHourPrefixes))
        plainSeparators.formUnion(keys(file.plainSeparators))
        amWords.formUnion(keys(file.amWords))
        pmWords.formUnion(keys(file.pmWords))
        durationUnits.formUnion(keys(file.durationUnits))
        partsOfDay += (file.partsOfDay ?? []).map { Self.tokens($0) }.filter { !$0.isEmpty }
    }

    /// Weekday and month names of one language from CLDR. Full names also give a stem (the name
    /// less its last one or two letters, at least five) for inflected forms: "poniedziałki",
    /// "lundis", "понеділка". Short forms of three letters or fewer are common words somewhere
    /// ("mar", "do", "so", "st"), so they count only next to another day.
    mutating func addCLDR(_ identifier: String, _ cldr: CLDRNames, except excluded: Set<WordKey> = []) {
        let order: [Weekday] = [.su, .mo, .tu, .we, .th, .fr, .sa]
        let full = cldr.fullDays
        let short = cldr.shortDays
        for names in full {
            for (k, name) in (names ?? []).enumerated() where k < 7 {
                // "segunda-feira" is read by its first word, as people write it ("segunda a sexta").
                let t = Self.tokens(name)
                guard let w = t.first, t.count == 1 || (t.count == 3 && t[1] == "-"), !excluded.contains(w) else { continue }
                if days[w] == nil { days[w] = HoursLexicon.DayWord(day: order[k], ambiguous: false) }
                daysByLanguage[identifier, default: [:]][w] = HoursLexicon.DayWord(day: order[k], ambiguous: false)
                let scalars = Array(w.raw.unicodeScalars)
                if scalars.count >= 2 { dayNameOpenings.insert(String(String.UnicodeScalarView(scalars[0..<2]))) }
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
                        daysByLanguage[identifier, default: [:]][form] = HoursLexicon.DayWord(day: order[k], ambiguous: false)
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
                guard let w = t.first, t.count <= 2, !excluded.contains(w) else { continue }
                let isShort = w.raw.unicodeScalars.count <= 3
                let dayWord = HoursLexicon.DayWord(day: order[k], ambiguous: isShort, partnerOnly: isShort)
                if days[w] == nil { days[w] = dayWord }
                if daysByLanguage[identifier]?[w] == nil { daysByLanguage[identifier, default: [:]][w] = dayWord }
            }
        }
        for names in cldr.months {
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
            // "dominio" is not "domingo": a stem matches words at most three letters longer. The
            // bare stem is another word ("Dienst" of "Dienstag", Czech "střed" of "středa",
            // Ukrainian "серед" of "середа"): an inflected day name is longer than its stem.
            let length = word.raw.unicodeScalars.count, stemLength = stem.unicodeScalars.count
            return length > stemLength && length <= stemLength + 4 ? HoursLexicon.DayWord(day: day, ambiguous: false) : nil
        }
    }

    /// The language of a text when its words say so: the language with the most words only it
    /// has, when no other has as many; nil when none or a tie. Conservative on purpose: it only
    /// decides between languages that read a short form differently.
    func language(of tokens: [HoursToken]) -> String? {
        var counts: [String: Int] = [:]
        for token in tokens where token.kind == .word {
            if let language = exclusiveWords[token.text] { counts[language, default: 0] += 1 }
        }
        guard let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else { return nil }
        return counts.contains { $0.key != best.key && $0.value == best.value } ? nil : best.key
    }

    /// A language tag's primary subtag when the reader has data for it ("cs-CZ" → "cs").
    func knownLanguage(_ tag: String?) -> String? {
        guard let tag else { return nil }
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return daysByLanguage[primary] != nil ? primary : nil
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

extension HoursLanguages {
    /// The words that name a contact channel in each language file's `channels` key
    /// (`"chat": ["czat"]`, `"hotline": ["infolini"]`), every language together, lower-cased:
    /// the channel classifier reads them beside its own, so a language's channel words live
    /// with its hours words. Keys: chat, hotline, support, email, fax, messenger.
    public static let channelWords: [String: [String]] = {
        struct Channels: Decodable { var channels: [String: [String]]? }
        guard let folder = Bundle.module.url(forResource: "languages", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var words: [String: [String]] = [:]
        for name in names.filter({ $0.hasSuffix(".json") }).sorted() {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
                  let file = try? JSONDecoder().decode(Channels.self, from: data) else { continue }
            for (channel, list) in file.channels ?? [:] { words[channel, default: []] += list.map { $0.lowercased() } }
        }
        return words
    }()
}
