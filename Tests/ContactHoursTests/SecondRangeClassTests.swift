import Testing
@testable import ContactHours

/// Issue 13, branch `hoursdev`: a day's second range lost or split into a statement of its own,
/// and the readings that must stay nothing. Our own examples, in the languages where the
/// spelling occurs; regression tests, not the measure.
@Suite struct SecondRangeClassTests {
    /// A semicolon between a day list's two ranges: the second is the same days' second shift.
    @Test(arguments: [
        ("Lun - Ven: 9:00 - 13:00; 15:00 - 19:00; Sab: 9:00 - 12:00", "Mo-Fr 09:00-13:00,15:00-19:00; Sa 09:00-12:00"),
        ("Lunes a Viernes 08:00 - 13:00; 17:00 - 20:30; Sábado 10:00 - 13:00; 17:00 - 20:00",
         "Mo-Fr 08:00-13:00,17:00-20:30; Sa 10:00-13:00,17:00-20:00"),
        ("Monday - Thursday (8am - 12pm; 1pm - 4:30pm) / Closed on Sunday", "Mo-Th 08:00-12:00,13:00-16:30"),
        ("Пн-Пт: 9:00-13:00; 14:00-18:00", "Mo-Fr 09:00-13:00,14:00-18:00"),
        // Not a second shift: it starts before the first ends, or it has days of its own.
        ("Mo-Fr 9-13; 12-18 Sa", "Mo-Fr 09:00-13:00; Sa 12:00-18:00"),
    ])
    func semicolonBetweenRanges(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// A slash glued to a range written with its hour unit: the next range.
    @Test(arguments: [
        ("Mercredi : 9h-12h/14h-18h", "We 09:00-12:00,14:00-18:00"),
        ("Lundi à Jeudi : 10h-13h/ 15h-19h Samedi : 10h-13h", "Mo-Th 10:00-13:00,15:00-19:00; Sa 10:00-13:00"),
        ("Martes a Sábado 12h-16h/20h-24h", "Tu-Sa 12:00-16:00,20:00-24:00"),
        // "12h-16h/15h-…" overlaps: not a second shift, and its numbers are not read; the
        // precision guard (HoursGuard) then gives nothing rather than the first range alone.
        ("Mercredi : 9h-12h/11h-18h", "none"),
    ])
    func slashAfterUnitRange(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// "a.m.," / "p.m.," before the next range: the dot is the abbreviation's, not a sentence end.
    @Test(arguments: [
        ("Tue–Sun: 8 a.m. – 11:30 a.m., 5 p.m. – 10 p.m.", "Tu-Su 08:00-11:30,17:00-22:00"),
        ("Lun–Sáb: 9 a.m. – 1 p.m., 4 p.m. – 8 p.m.", "Mo-Sa 09:00-13:00,16:00-20:00"),
    ])
    func meridiemDotBeforeComma(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// "… et 17h 22h": after a range and "and", two hours with their unit and only a space.
    @Test(arguments: [
        ("du mardi au samedi de 9h à 12h et 14h 19h", "Tu-Sa 09:00-12:00,14:00-19:00"),
        ("Montag bis Freitag 8-12 Uhr und 13 Uhr 17 Uhr", "Mo-Fr 08:00-12:00,13:00-17:00"),
        // Two times without units; a second "range" that starts before the first ends, whose
        // unread times make the guard give nothing.
        ("du mardi au samedi de 9h à 12h et 14 19", "Tu-Sa 09:00-12:00"),
        ("du mardi au samedi de 9h à 12h et 11h 19h", "none"),
    ])
    func unitHoursAfterAnd(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Zone abbreviations that are, in the text's language, a day before its hours or "and".
    @Test(arguments: [
        ("Pn 8-16 Wt 8-16 Pt 8-14", "Mo,Tu 08:00-16:00; Fr 08:00-14:00"),
        ("Mon-Fri 8am-8pm ET", "Mo-Fr 08:00-20:00"),
        ("Mon-Fri 8am-5pm PT", "Mo-Fr 08:00-17:00"),
    ])
    func zoneAbbreviationOrWord(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// A table whose rows name the same days twice with other, overlapping hours: a row's day
    /// was misread, so nothing; disjoint hours for the same days are two shifts.
    @Test(arguments: [
        ("Mo 10-20 Di 10-20 So 12-24 So 12-22", "none"),
        ("Lun-Sam 0830-1200, Lun-Sam 1430-1830", "Mo-Sa 08:30-12:00,14:30-18:30"),
    ])
    func rowsRepeatingDays(text: String, expected: String) {
        #expect(merged(text) == expected)
    }
}
