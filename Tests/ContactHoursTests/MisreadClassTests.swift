import Testing
@testable import ContactHours

/// Issue 13, branch `hoursread`: schedules misread because a text's structure or a spelling
/// was read wrongly. Our own examples, one test per class.
@Suite struct MisreadClassTests {
    /// A range without am/pm in a text on the twelve-hour clock (no hour after noon written as
    /// a number, a language with am/pm): equal ends are twelve hours apart; an end before the
    /// start that would make a night of sixteen hours or more is in the evening; a shorter night
    /// is as plausible as the afternoon, and nothing is emitted.
    @Test(arguments: [
        ("10-10 Mon-Fri; 12-9:30 Sun", "Mo-Fr 10:00-22:00; Su 12:00-21:30"),
        ("Open 7-7 daily", "07:00-19:00"),
        ("Hours: 12-12 every day", "12:00-24:00"),
        ("Mon-Sat 8-6", "Mo-Sa 08:00-18:00"),
        ("Tue-Sun 11:30-10:00", "Tu-Su 11:30-22:00"),
        // Afternoon or night: nothing decides.
        ("Mon-Sat 11:30 to 1:30", "none"),
        ("Thu-Sat 12-2", "none"),
        // The 24-hour clock elsewhere in the text decides: night.
        ("Mon-Thu 11:00-21:00; Fri 11:00-2:00", "Mo-Th 11:00-21:00; Fr 11:00-24:00; Sa 00:00-02:00"),
        // A language of the 24-hour clock keeps its own rules.
        ("Mo-Fr 10-10 Uhr", "none"),
    ])
    func twelveHourClock(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// "11h30", "9 h 00": an hour marked by its `h` is a time of day, so two such ranges with no
    /// day word are a schedule (they needed a context word before).
    @Test(arguments: [
        ("10h30 - 13h30 et 17h00 - 20h00", "10:30-13:30,17:00-20:00"),
        ("08h00 - 12h00 y 16h00 - 19h30", "08:00-12:00,16:00-19:30"),
        ("9 h 30 - 12 h 00", "09:30-12:00"),
    ])
    func hourMarkedTimes(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Day abbreviations CLDR lacks, from the language files (`dayForms`, `ambiguousDayForms`),
    /// and a list word written short with its dot.
    @Test(arguments: [
        ("mercr. 9h-12h, vendr. 9h-17h", "We 09:00-12:00; Fr 09:00-17:00"),
        ("Pts-Cts 08:30-18:00", "Mo-Sa 08:30-18:00"),
        ("Di. u. Do. 15:00-18:00", "Tu,Th 15:00-18:00"),
    ])
    func shortDays(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// A short day form right after a closed word is the closed day ("fermé le dim"); before,
    /// it was unread and the hours claimed every day.
    @Test(arguments: [
        ("8h00 à 12h00 et 14h00 à 18h00 fermé le lun", "Tu-Su 08:00-12:00,14:00-18:00"),
        ("10:00-18:00, closed: Mon", "Tu-Su 10:00-18:00"),
    ])
    func closedShortDay(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Breaks and closures written after the rows: "Closed Lunch 12-1" names a break (it does not
    /// close the range before it), and is every row's; a closed word of the language files
    /// ("Encerra") takes the day after it.
    @Test(arguments: [
        ("Mon-Fri 0900-1700, Sat 0900-1300 Closed Lunch 1230-1330", "Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:30"),
        ("Mo-Fr 8am-6pm closed for lunch 12-1pm", "Mo-Fr 08:00-12:00,13:00-18:00"),
        ("11-16; 18-23 Encerra Terça", "Mo,We-Su 11:00-16:00,18:00-23:00"),
    ])
    func breaksAndClosuresAfterRows(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Part of a day taken away ("sauf mardi soir", "except Monday mornings") cannot be placed:
    /// nothing, rather than the whole day closed.
    @Test(arguments: [
        ("10h-13h, 15h-19h sauf lundi matin", "none"),
        ("9am-1pm, 2pm-6pm except Monday mornings", "none"),
        ("10h-13h, 15h-19h sauf lundi", "Tu-Su 10:00-13:00,15:00-19:00"),
    ])
    func exceptPartOfDay(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// An activity that introduces the first row of a list (pick-up, delivery) owns the rows after
    /// it in the same stretch: nothing, not the list without its first row.
    @Test(arguments: [
        ("Доставка: Пн–Пт с 9:00 до 18:00, Сб с 10:00 до 15:00, Вс — выходной", "none"),
        ("Lieferung: Mo-Fr 8-18 Uhr, Sa 9-13 Uhr", "none"),
    ])
    func activityOwnsItsRows(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Hours written before their days, then a list of days that goes on to days leading hours of
    /// their own: the list splits at its last comma or list word.
    @Test(arguments: [
        ("08:00 - 16:00 Monday to Thursday, Friday 08:00 - 14:00", "Mo-Th 08:00-16:00; Fr 08:00-14:00"),
        ("10 am - 6 pm tue-fri and Saturday 9am - 1pm", "Tu-Fr 10:00-18:00; Sa 09:00-13:00"),
        ("9h-18h lundi au vendredi, samedi 9h-12h", "Mo-Fr 09:00-18:00; Sa 09:00-12:00"),
    ])
    func daysListSplitAfterHours(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// "between" written once before several ranges joined by "and".
    @Test(arguments: [
        ("Lines are open between 8:00am and 8:00pm Monday to Friday, 9:00am and 1:00pm Saturday.",
         "Mo-Fr 08:00-20:00; Sa 09:00-13:00"),
        // Without a "between" range before, "and" joins nothing.
        ("Call us 9:00am and 5:00pm Saturday", "none"),
    ])
    func betweenWrittenOnce(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Hours naming no days that run past midnight, with closed days named after them: the
    /// night belongs to the day after each open day, not to the day after a closed one.
    @Test(arguments: [
        ("10:00 am - 1:30 am, Sunday closed", "Mo 10:00-24:00; Tu-Sa 00:00-01:30,10:00-24:00; Su 00:00-01:30"),
        ("с 12:00 до 03:00, пн выходной", "Mo 00:00-03:00; Tu 12:00-24:00; We-Su 00:00-03:00,12:00-24:00"),
        ("12:00-01:00 Tu-Su; closed Mo", "Mo 00:00-01:00; Tu 12:00-24:00; We-Su 00:00-01:00,12:00-24:00"),
    ])
    func daylessNightWithClosedDays(text: String, expected: String) {
        #expect(merged(text) == expected)
    }
}
