import Testing
@testable import ContactHours

/// Languages read from data (Resources/languages/<code>.json and CLDR's day names): a few lines
/// each. Adding a language is its data file and lines here.
@Suite struct LanguageDataTests {
    @Test(arguments: [
        ("fr", "du lundi au vendredi de 9h à 18h", "Mo-Fr 09:00-18:00"),
        ("fr", "06:30-20:00 sauf mardi", "Mo,We-Su 06:30-20:00"),
        ("es", "lunes a viernes de 9:00 a 18:00", "Mo-Fr 09:00-18:00"),
        ("es", "07:30 a 00h todos los días.", "07:30-24:00"),
        ("it", "dal lunedì al venerdì dalle 9:00 alle 18:00", "Mo-Fr 09:00-18:00"),
        ("it", "tutti i giorni dalle 9:00 alle 23:30", "09:00-23:30"),
        ("pt", "segunda a sexta das 9h às 18h", "Mo-Fr 09:00-18:00"),
        ("nl", "maandag t/m vrijdag 8.30-17.30 uur zaterdag 9.00-14.00 uur", "Mo-Fr 08:30-17:30; Sa 09:00-14:00"),
        ("nl", "Maandag - Vrijdag: 08.00u tot 17.30u", "Mo-Fr 08:00-17:30"),
        ("pl", "poniedziałek - piątek 8:00-16:00, sobota nieczynne", "Mo-Fr 08:00-16:00"),
        // Inflected -ek names lose the e ("piątek" → "do piątku"): read as the day, not dropped
        // (the range was Monday alone, or every day).
        ("pl", "Infolinia czynna od poniedziałku do piątku 8–16.", "Mo-Fr 08:00-16:00"),
        ("pl", "czynna od poniedziałku do piątku w godz. 8:00–16:00", "Mo-Fr 08:00-16:00"),
        ("pl", "wtorki i czwartki 10:00-14:00", "Tu,Th 10:00-14:00"),
        ("pl", "od poniedziałku do piątku godz. 8–16", "Mo-Fr 08:00-16:00"),
        ("cs", "od pondělí do pátku 8:00–16:00", "Mo-Fr 08:00-16:00"),
        ("cs", "po-pá: 12:00 až 18:00", "Mo-Fr 12:00-18:00"),
        // Czech "so" (Saturday) is German "So" (Sunday): the text's Czech-only words ("út", "pá")
        // say which.
        ("cs", "út-pá: 12:00 až 18:00, so: 9:00 až 11:30", "Tu-Fr 12:00-18:00; Sa 09:00-11:30"),
        ("tr", "Pazartesi-Cuma 09:00-18:00", "Mo-Fr 09:00-18:00"),
        ("uk", "понеділок – п’ятниця: 10:00 – 18:30", "Mo-Fr 10:00-18:30"),
        ("be", "панядзелак - пятніца з 9:00 да 18:00", "Mo-Fr 09:00-18:00"),
        ("kk", "дүйсенбі - жұма 9:00-18:00", "Mo-Fr 09:00-18:00"),
        ("de", "Montag bis Freitag 8–16 Uhr", "Mo-Fr 08:00-16:00"),
        ("en", "Monday to Friday 9am-5pm", "Mo-Fr 09:00-17:00"),
        ("ru", "пн-пт с 9 до 18", "Mo-Fr 09:00-18:00"),
        // Italian, Portuguese, Spanish, Turkish, Czech spellings (issue 13 §3 misses).
        ("it", "dal lunedì al venerdì dalle 9 alle 18", "Mo-Fr 09:00-18:00"),
        ("it", "Orario: lunedì-venerdì 9:00-13:00 e 14:00-18:00, sabato chiuso", "Mo-Fr 09:00-13:00,14:00-18:00"),
        ("pt", "de segunda a sexta das 9h às 18h", "Mo-Fr 09:00-18:00"),
        ("pt", "Atendimento: 2ª a 6ª feira, das 8h às 17h", "Mo-Fr 08:00-17:00"),
        ("pt", "2a a 6a feira das 8h às 18h", "Mo-Fr 08:00-18:00"),
        ("pt", "2ª, 4ª e 6ª feira: 9h às 12h", "Mo,We,Fr 09:00-12:00"),
        // An ordinal day that does not read gives its hours to no day.
        ("pt", "7ª feira 9h às 12h", "none"),
        ("es", "sábados de 10 a 14 h", "Sa 10:00-14:00"),
        ("es", "lunes a viernes de 9 a 18 h, sábados de 10 a 14 h", "Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
        ("es", "de 10 a 14 años", "none"),
        ("tr", "Pazartesi - Cuma 09:00 - 18:00", "Mo-Fr 09:00-18:00"),
        ("tr", "Hafta içi 09:00 - 18:00, Cumartesi 10:00 - 14:00", "Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
        // "Every day" right after weekdays is every weekday.
        ("tr", "Hafta içi her gün 08:30-17:30", "Mo-Fr 08:30-17:30"),
        ("cs", "Otevírací doba: po–pá 8:00–16:00", "Mo-Fr 08:00-16:00"),
        // A spaced slash lists a day's second range; an aside after trailing days ends them.
        ("es", "OPEN : LUNES - DOMINGO 13:30 - 16:00 / 20:00 - 23:30", "13:30-16:00,20:00-23:30"),
        ("de", "Dienstag 09:00 - 13:00 / 13:30 - 18:30  Samstag 10:00 - 16:00", "Tu 09:00-13:00,13:30-18:30; Sa 10:00-16:00"),
        ("en", "9:00 AM - 9:00 PM, Monday - Saturday (Closed Sundays)", "Mo-Sa 09:00-21:00"),
        // A day range or list going on to a word no lexicon reads gives nothing, not its first day.
        // The unaccented "Sabado" is read (pt.json); a day range going on to a word no lexicon
        // reads still gives nothing.
        ("es", "9:00 AM a 8:00 PM Lunes a Sabado", "Mo-Sa 09:00-20:00"),
        ("es", "Viernes - Sabado 07:00-14:00", "Fr,Sa 07:00-14:00"),
        ("es", "9:00 AM a 8:00 PM Lunes a Sbdo", "none"),
        ("es", "Viernes - Sbdo 07:00-14:00", "none"),
        ("en", "Monday and Public Holidays: closed, Tuesday-Sunday 10-18", "Tu-Su 10:00-18:00; PH off"),
        // Bulgarian "неделя" (Sunday) is Russian "week": a day only after a range or list word.
        ("ru", "Горячая линия работает всю неделю с 8:00 до 20:00", "08:00-20:00"),
        ("ru", "в течение недели с 10 до 18", "10:00-18:00"),
        ("bg", "понеделник - неделя 9:00 - 18:00", "09:00-18:00"),
        // Conditions, closures and durations are not opening hours.
        ("de", "Mo-So: 13:00 - 23:00, nur bei sonnigem Wetter geöffnet!", "none"),
        ("de", "von 12 bis 14 Uhr Geschlossen", "none"),
        // A closed word naming no days beside hours whose days follow them: the days may be
        // the closed ones (a flattened table's "days off" column).
        ("be", "Назва бібліятэкі | Рэжым работы | Выхадныя дні | Цэнтральная бібліятэка | 09.00 – 18.00 | панядзелак", "none"),
        ("en", "9:00 AM - 9:00 PM, Monday - Saturday", "Mo-Sa 09:00-21:00"),
        // "jusqu'à" is an until: after a stated start it amends that day, alone it says too little.
        ("fr", "Ouvert du lundi au vendredi de 9h jusqu'à 18h", "Mo-Fr 09:00-18:00"),
        ("fr", "ouvert jusqu'à 20h", "none"),
        // Swedish: added as Resources/languages/sv.json and these two lines, nothing else.
        ("sv", "måndag–fredag 9–17, lördag 10–14, söndag stängt", "Mo-Fr 09:00-17:00; Sa 10:00-14:00"),
        ("sv", "Vardagar 09:30-18:00 Lördagar 10:00-15:00 Söndagar Stängt", "Mo-Fr 09:30-18:00; Sa 10:00-15:00"),
    ])
    func reads(_ language: String, _ text: String, _ expected: String) {
        #expect(merged(text) == expected, "\(language): \(text)")
    }

    /// The text's language (declared, or clear from words only one language has) decides short
    /// forms that languages read differently, and a language's own ordinary words are no days.
    @Test(arguments: [
        ("po-pá 8:00-16:00, so 9:00-12:00", "cs", "Mo-Fr 08:00-16:00; Sa 09:00-12:00"),
        ("Po–Pá 8:00–16:00, So 8:00–12:00", nil, "Mo-Fr 08:00-16:00; Sa 08:00-12:00"),
        ("Mo–Fr 8:00–16:00, So 10:00–12:00", nil, "Mo-Fr 08:00-16:00; Su 10:00-12:00"),
        ("Mo–Fr 8:00–16:00, So 10:00–12:00", "de-DE", "Mo-Fr 08:00-16:00; Su 10:00-12:00"),
        ("Do 10:00-14:00", "pl", "none"),
        ("Do 10:00-14:00", "de", "Th 10:00-14:00"),
        ("Do 10:00-14:00", nil, "Th 10:00-14:00"),
        // A language without data, or none: every language's forms as before.
        ("Mo-Fr 09:00-18:00", "ja", "Mo-Fr 09:00-18:00"),
        ("Mo-Fr 09:00-18:00", "pl", "Mo-Fr 09:00-18:00"),
    ] as [(String, String?, String)])
    func language(_ text: String, _ language: String?, _ expected: String) {
        let found = HoursParser.statements(in: text, language: language)
        #expect((found.isEmpty ? "none" : HoursParser.merge(found).openingHours) == expected, "\(language ?? "-"): \(text)")
    }

    @Test func languageOfText() {
        let data = LanguageData.shared
        #expect(data.language(of: HoursTokenizer.tokenize("od poniedziałku do piątku")) == "pl")
        #expect(data.language(of: HoursTokenizer.tokenize("po-pá 8-16")) == "cs")
        #expect(data.language(of: HoursTokenizer.tokenize("9:00-18:00")) == nil)
        #expect(data.knownLanguage("cs-CZ") == "cs")
        #expect(data.knownLanguage("ja") == nil)
    }

    @Test func everyLanguageFileLoads() {
        let locales = Set(LanguageData.shared.locales)
        #expect(locales.isSuperset(of: ["ru", "en", "de", "uk", "be", "kk", "pl", "cs", "sk", "nl", "fr", "es", "it", "pt", "tr"]))
        // CLDR gives each of them its seven full day names.
        #expect(LanguageData.shared.days.count >= 14 * 7)
    }

    /// Short CLDR forms that are common words elsewhere ("mar", "do", "st") are days only next to
    /// another day; months next to a number tie hours to part of the year.
    @Test(arguments: [
        ("Mar 10-18", "none"),
        ("lun-mar 10-18", "Mo,Tu 10:00-18:00"),
        ("Main St 10-12", "none"),
    ])
    func shortForms(_ text: String, _ expected: String) {
        #expect(merged(text) == expected)
    }
}
