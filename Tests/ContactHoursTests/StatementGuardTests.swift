import Testing
@testable import ContactHours

/// Issue 13 §1, the precision guard (`HoursGuard`): a text's statements are emitted only when
/// they account for every time, closed or except word in their clauses, agree with each other
/// and do not mix services. Our own wording, several languages; "none" is the refusal.
@Suite struct StatementGuardTests {
    /// Times no statement read: an amendment in brackets or after the hours, a second range the
    /// grammar skipped, an unread range after its prefix word.
    @Test(arguments: [
        ("Mo-Fr 9:00-18:00 (Do bis 20:00)", "none"),
        ("Du mardi au samedi de 10h à 18h (20h le jeudi)", "none"),
        ("Пн-Пт с 9:00 до 18:00 (в пятницу 17.00)", "none"),
        ("Lunedì-Venerdì 9,00-13,00 15,00 18,00 / Sabato 9,00-12,00", "none"),
        // Read whole since hoursdev's second-range fix; before it, the unread "de 11 a 14" made it nothing.
        ("Martes a sábado de 11 a 14 y de 18 a 21h", "Tu-Sa 11:00-14:00,18:00-21:00"),
        // A lone time inside the hours, outside every statement, is a note about them.
        ("Tuesday to Sunday 10am-6pm, last admission 5pm", "Tu-Su 10:00-18:00"),
        ("Di-So 10-18 Uhr (letzter Einlass 17:30)", "Tu-Su 10:00-18:00"),
        ("Відкриваємося о 9:00. Пн-Пт: 9:00 - 17:00", "Mo-Fr 09:00-17:00"),
        // Durations are not times.
        ("Пн-Пт с 10:00 до 19:00, ответим в течение 2 часов", "Mo-Fr 10:00-19:00"),
        ("Mon-Fri 8am-4pm, replies within 24 hours", "Mo-Fr 08:00-16:00"),
        // After a semicolon, a day and a time nobody read.
        ("Lu-Gi 9:00-18:00; Ve fino alle 16:00", "none"),
        ("Mo-Do 8:00-17:00 Uhr; Fr bis 15:00 Uhr", "none"),
    ])
    func unreadTimes(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// Closed and except words no statement read, next to days or times.
    @Test(arguments: [
        ("Closed Tuesday, Wednesday-Sunday 10am-6pm", "none"),
        ("Geschlossen bis Montag 9-17 Uhr", "none"),
        ("Closed until Monday 9:00 am - 5:00 pm", "none"),
        ("Das 9h às 18h / Encerramento: Sábado à tarde", "none"),
        // Not counted: a break's closed word, a break after "without", weekends left unread on purpose.
        ("Mon-Fri 8am-6pm, closed for lunch 12-1pm", "Mo-Fr 08:00-12:00,13:00-18:00"),
        ("Пн-Пт 9:00-18:00 без перерыва на обед", "Mo-Fr 09:00-18:00"),
        ("Mo-Fr 08:00-16:00 ohne Mittagspause", "Mo-Fr 08:00-16:00"),
    ])
    func unreadClosedWords(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// A holiday beside a day or a time says something about hours; alone it does not.
    @Test(arguments: [
        ("Mo-So 8-20 Uhr (auch an Feiertagen)", "08:00-20:00"),
        ("Daily 7am-11pm including holidays", "07:00-23:00"),
    ])
    func holidays(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// Statements that disagree: closed days then hours for named days that include them; hours
    /// at the same time for partly overlapping days; hours naming no days after named days'.
    @Test(arguments: [
        ("Closed Sundays. Daily 9am-5pm", "none"),
        ("Sonntag geschlossen. Täglich 10-18 Uhr", "none"),
        ("Mo-Fr 10:00-14:00, 17:00-22:00; Mi-So 17:00-23:00", "none"),
        ("Пн-Пт 9:00-18:00. Сб 10:00-15:00. Консультации 8:00-9:00", "none"),
        // Hours naming no days between rows with days: a day cell not read.
        ("Maandag: gesloten | 12:00 - 22:00 | Dinsdag: 12:00 - 22:00 | Woensdag: 12:00 - 22:00", "none"),
        // Still read: hours naming no days fill the days not closed; an exception for fewer
        // days; other hours for partly overlapping days at other times add a shift; the same
        // schedule said twice (two languages).
        ("Понедельник: выходной. Остальные дни с 10:00 до 19:00", "Tu-Su 10:00-19:00"),
        ("Täglich 9-18 Uhr, Sa 10-14 Uhr", "Mo-Fr,Su 09:00-18:00; Sa 10:00-14:00"),
        ("Lun - sam : 9h - 12h et mar - dim : 14h - 18h", "Mo 09:00-12:00; Tu-Sa 09:00-12:00,14:00-18:00; Su 14:00-18:00"),
        ("Po-Pá 8-16; Mo-Fr 8-16", "Mo-Fr 08:00-16:00"),
    ])
    func contradictions(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// Services mixed: hours, then a service labelling other hours; a service between hours and
    /// the days after them. Texts that label each service are left to the record builder.
    @Test(arguments: [
        ("Mon-Fri 10am-9pm, Sat-Sun 9am-10pm. Breakfast: Sat & Sun 8am-11am", "none"),
        ("Mo-So 11-22 Uhr, Frühstück: Sa-So 8-11 Uhr", "none"),
        ("Ежедневно с 10:00 до 22:00. Завтраки: сб-вс с 8:00 до 11:00", "none"),
        ("Shop 7am-10pm Pharmacy Mon-Sat 9am-6pm", "none"),
        // Still read: a service named by the days it labels.
        ("Mon-Sat 11am-10pm, Sunday Brunch 10am-3pm", "Mo-Sa 11:00-22:00; Su 10:00-15:00"),
    ])
    func mixedServices(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// Days named beside hours read for every day: the days are not every day's.
    @Test(arguments: [
        ("Cuisine 12h-15h • Repos : lundi et mardi soir", "none"),
        ("Küche 11:30-14:30 • Montag nur abends", "none"),
        // Still read: hours for every day with nothing else, or with days closed.
        ("Kitchen open 12pm-10pm", "12:00-22:00"),
        ("Küche 11:30-14:30, Ruhetag: Montag", "Tu-Su 11:30-14:30"),
    ])
    func daysBesideEveryDayHours(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// Not a schedule, no marker word before: job shifts.
    @Test(arguments: [
        ("O turno da noite é das 22h às 6h", "none"),
        ("Night shift from 10pm to 6am, Monday to Friday", "none"),
        ("Frühschicht Mo-Fr 6-14 Uhr", "none"),
        ("Смена с 8:00 до 20:00, график 2/2", "none"),
    ])
    func notASchedule(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }
}
