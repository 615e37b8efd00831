import Testing
@testable import ContactHours

/// The classes of wrong schedules left after the first blind evaluation (issue 13 §1), each in
/// the languages where it occurs. Our own examples: regression tests, not the measure.
@Suite struct WrongClassTests {
    /// A second range after the first with only a space between.
    @Test(arguments: [
        ("Lunedì-Sabato 9,30-13,00 15-19.30", "Mo-Sa 09:30-13:00,15:00-19:30"),
        ("Mo-Sa 9-13 15-19", "Mo-Sa 09:00-13:00,15:00-19:00"),
        ("Пн-Пт 9:00-13:00 14-18", "Mo-Fr 09:00-13:00,14:00-18:00"),
        ("Mo-Fr 9:30-13:00 15-19:30 Uhr", "Mo-Fr 09:30-13:00,15:00-19:30"),
        // Not a second shift: it starts before the first ends.
        ("Mo-Sa 9-13 12-19", "Mo-Sa 09:00-13:00"),
    ])
    func secondRangeAfterSpace(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Days written after the times, then another range with its own days.
    @Test(arguments: [
        ("9am-6pm Mon-Fri, 10am-5pm Sat", "Mo-Fr 09:00-18:00; Sa 10:00-17:00"),
        ("9-18 Uhr Mo-Fr, 10-14 Uhr Sa", "Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
        ("9:00-18:00 пн-пт, 10:00-14:00 сб", "Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
        ("9.00-18.00 ma-vr, 10.00-14.00 za", "Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
        ("9h-18h lundi-vendredi, 10h-14h samedi", "Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
        ("9h-12h 14h-19h Du Mardi au Vendredi / 9h-12h le samedi", "Tu-Fr 09:00-12:00,14:00-19:00; Sa 09:00-12:00"),
    ])
    func daysAfterTimes(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Except words: applied when they name days, nothing when they cannot be applied.
    @Test(arguments: [
        ("9h - 19h tous les jours (sauf le weekend)", "Mo-Fr 09:00-19:00"),
        ("Täglich 10-18 Uhr außer Sonntag", "Mo-Sa 10:00-18:00"),
        ("ежедневно с 9 до 18 кроме воскресенья", "Mo-Sa 09:00-18:00"),
        ("Кроме воскресенья, с 9 до 18", "Mo-Sa 09:00-18:00"),
        ("open daily 9am-5pm except weekends", "Mo-Fr 09:00-17:00"),
        ("9:00-18:00, перерыв: 13:00-14:00, сб.-вс. 9:00-14:00, вых. пн.", "Tu-Fr 09:00-13:00,14:00-18:00; Sa,Su 09:00-14:00"),
        ("Open 9am-5pm except by appointment", "none"),
        ("Van 13.30 uur tot 16.30 uur open. Uitgezonderd op vrijdag.", "none"),
        ("Ouvert de 9h à 18h sauf le 3e lundi du mois", "none"),
    ])
    func exceptWords(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Days with no hours, then unread words or numbers, then other days: not one list.
    @Test(arguments: [
        ("Po-Pá po dohodě, So 10-17 Ne 10-16", "Sa 10:00-17:00; Su 10:00-16:00"),
        ("lundi mardi jeudi vendredi :8h 12h / 13h30 17h30, mercredi : 8h-12h", "none"),
        ("працює крім святкових днів та неділі за графіком: понеділок – п’ятниця з 8 до 21 години", "Mo-Fr 08:00-21:00; PH off"),
        ("de lunes a viernes de 9 de la mañana a 2:30 de la tarde y sábado de 10:00 a 13:00", "none"),
    ])
    func daysWithoutHoursDoNotJoin(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// A break with words or a duration between its word and its range.
    @Test(arguments: [
        ("Пн-Пт з 9:00 до 18:00; Обідня перерва – 45 хвилин: із 13:00 до 13:45", "Mo-Fr 09:00-13:00,13:45-18:00"),
        ("Mo-Fr 9-18 Uhr, Mittagspause (1 Std.) 13-14 Uhr", "Mo-Fr 09:00-13:00,14:00-18:00"),
        ("Обеденный перерыв 45 минут: с 13:00 до 13:45", "none"),
    ])
    func breakAfterWords(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Belarusian words of the language file.
    @Test(arguments: [
        ("штодзень па рабочых днях з 8:00 да 20:00", "Mo-Fr 08:00-20:00"),
        ("Панядзелак - пятніца з 9.00 да 18.00, субота, нядзеля - выхадны", "Mo-Fr 09:00-18:00"),
    ])
    func belarusian(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// A break written after its range in the brackets after the hours, and a flattened
    /// table row whose last column is the break.
    @Test(arguments: [
        ("Mon-Fri: 10:00 - 18:00 (12:00 - 13:00, lunch break), Sat: 10:00 - 12:00", "Mo-Fr 10:00-12:00,13:00-18:00; Sa 10:00-12:00"),
        ("пн-пт 9-18 (13-14 обед)", "Mo-Fr 09:00-13:00,14:00-18:00"),
        ("Mo-Fr 9-18 Uhr (12-13 Uhr Mittagspause)", "Mo-Fr 09:00-12:00,13:00-18:00"),
        ("пн-пт 9:00-18:00 (обед 13:00-14:00)", "Mo-Fr 09:00-13:00,14:00-18:00"),
        ("Понедельник 09.00-12.00 13.00-16.30 12.00-13.00", "Mo 09:00-12:00,13:00-16:30"),
        ("Lundi 08h30-12h00 13h30-17h00 12h00-13h30", "Mo 08:30-12:00,13:30-17:00"),
        // A range inside another with no break word says nothing sure.
        ("Пн-Пт 9:00-18:00 13:00-14:00", "none"),
    ])
    func breakAfterItsRange(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Polish, Czech and Slovak short forms in lower case after days already read; Slovak is
    /// its data file (Resources/languages/sk.json) and CLDR's day names.
    @Test(arguments: [
        ("pon.-pt. 8:00-20:00, sb 9-14", "Mo-Fr 08:00-20:00; Sa 09:00-14:00"),
        ("pn.-pt. 8:00-20:00, sb. 9:00-14:00", "Mo-Fr 08:00-20:00; Sa 09:00-14:00"),
        ("w soboty i niedziele 10-14", "Sa,Su 10:00-14:00"),
        ("Po–Pá 8–16, so 9–12", "Mo-Fr 08:00-16:00; Sa 09:00-12:00"),
        ("po-pi 8:00-16:00, so 9:00-12:00", "Mo-Fr 08:00-16:00; Sa 09:00-12:00"),
        ("Pondelok - Piatok: 8:00 - 16:00, Sobota: 9:00 - 12:00", "Mo-Fr 08:00-16:00; Sa 09:00-12:00"),
        // An unread day between read ones: its hours join the days before and overlap them;
        // nothing, not the schedule without them.
        ("pn-cz: 10:00-23:00 pk: 10:00-24:00 sb: 11:00-01:00 nd: 12:00-23:00", "none"),
        // "pt" is Friday here, not Pacific Time (it was unread when zones came first).
        ("pn-cz: 10:00-23:00 pt: 10:00-24:00 sb: 11:00-01:00 nd: 12:00-23:00",
         "Mo-Th 10:00-23:00; Fr 10:00-24:00; Sa 11:00-24:00; Su 00:00-01:00,12:00-23:00"),
    ])
    func westSlavicShortForms(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// A closed word right after hours with no days, its days after an article, preposition or
    /// colon: the other days have the hours.
    @Test(arguments: [
        ("9h00 à 20h30 fermé le dimanche", "Mo-Sa 09:00-20:30"),
        ("9-19 Chiuso il Lunedì", "Tu-Su 09:00-19:00"),
        ("9am - 5pm Closed: Thurs, Sun", "Mo-We,Fr,Sa 09:00-17:00"),
        ("9:00-20:30 geschlossen am Sonntag", "Mo-Sa 09:00-20:30"),
        // No days after it: a closure of those hours, nothing to subtract from.
        ("von 12 bis 14 Uhr Geschlossen", "none"),
    ])
    func closedDaysAfterHours(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Time spellings: a one-letter or language-file separator with a time marker on either
    /// end, "hs", three-digit times after "с"/"до", Russian "9-00 до 19-00".
    @Test(arguments: [
        ("9 AM a 7 PM Lun a Vie", "Mo-Fr 09:00-19:00"),
        ("9 a 14 h de Lunes a Viernes", "Mo-Fr 09:00-14:00"),
        ("Sabado y Domingo 9am a 7pm", "Sa,Su 09:00-19:00"),
        ("Quinta a domingo, das 9hs às 16:30 hs", "Th-Su 09:00-16:30"),
        ("Seg a Sex: 08 às 21h, Sáb: 08h às 20h", "Mo-Fr 08:00-21:00; Sa 08:00-20:00"),
        ("Вторник – суббота с 930 до 1800, перерыв на обед с 1300 до 1330.", "Tu-Sa 09:30-13:00,13:30-18:00"),
        ("9-00 до 19-00", "09:00-19:00"),
        // No time marker: ages, counts, anything.
        ("des 15 à 24 ans", "none"),
        ("de 10 a 14", "none"),
    ])
    func timeSpellings(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Day words that were not read, their hours given to every day: French plurals of day
    /// names, a dot before the colon after days.
    @Test(arguments: [
        ("Tous les jeudis de 14h à 15h30 SAUF les jours fériés", "Th 14:00-15:30; PH off"),
        ("les lundis et jeudis 9h-12h", "Mo,Th 09:00-12:00"),
        ("Visitas: Miércoles  y Viernes.: 10.00 a 18.30", "We,Fr 10:00-18:30"),
        ("Donnerstag.: 9-12 Uhr", "Th 09:00-12:00"),
    ])
    func dayWordsNotRead(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// A quotation closing right after the hours is no OpenStreetMap comment; an opening one is.
    @Test(arguments: [
        ("\"Дежурные ЦОНы работают с понедельника по пятницу с 9:00 до 20:00, в субботу – с 9:00 до 13:00\", – напомнили.", "Mo-Fr 09:00-20:00; Sa 09:00-13:00"),
        ("\"Our desk is open Mon-Fri 9am-5pm\", the bank said.", "Mo-Fr 09:00-17:00"),
        ("Su \"Brötchenverkauf\" 08:00-10:00", "none"),
    ])
    func closingQuotation(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// "Выходной: суббота, воскресенье" and a capital after a lower-case day starting another
    /// label: the closed days stay closed.
    @Test(arguments: [
        ("Понедельник — пятница: с 11:00 до 19:00 Выходной: суббота Воскресенье: с 10.00 до 18.00", "Mo-Fr 11:00-19:00; Su 10:00-18:00"),
        ("Пн-Пт 9-18. Выходной: суббота, воскресенье", "Mo-Fr 09:00-18:00"),
        ("Mo-Fr 9-18 Uhr, Ruhetag: samstag Sonntag: 10-14 Uhr", "Mo-Fr 09:00-18:00; Su 10:00-14:00"),
        ("суббота воскресенье 10-18", "Sa,Su 10:00-18:00"),
    ])
    func closedDaysLabel(text: String, expected: String) {
        #expect(merged(text) == expected)
    }
}
