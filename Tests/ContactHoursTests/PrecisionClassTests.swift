import Testing
@testable import ContactHours

/// Merged result of every statement in the text, as canonical OSM ("none" when nothing).
private func reading(_ text: String) -> String {
    let found = HoursParser.statements(in: text)
    #expect(HoursParser.statements(in: text, preCheck: false) == found)
    if !found.isEmpty && found.allSatisfy({ $0.value == .unspecified }) { return "unspecified" }
    if found.isEmpty { return "none" }
    return HoursParser.merge(found).openingHours
}

/// Issue 13 §1, precision: statements whose validity the text bounds by dates, months, seasons,
/// alternating weeks, the nth weekday of a month, examples or a past state give nothing; other
/// activities' windows (parking, dispatch) give nothing. Our own wording, several languages.
@Suite struct NotAWeeklyScheduleTests {
    @Test(arguments: [
        // Alternating weeks.
        ("Sprechstunde Mittwoch alle 14 Tage 18:00 - 20:00", "none"),
        ("Repair café on Saturdays every two weeks, 10am-1pm", "none"),
        ("Permanence le jeudi une semaine sur deux de 14h à 17h", "none"),
        ("Консультации проводятся через неделю по средам с 15:00 до 18:00", "none"),
        // Advent, New Year, Easter and other named periods.
        ("Adventssamstage 10.00-16.00 Uhr", "none"),
        ("В предновогодние дни магазин работает с 9 до 23", "none"),
        ("Durante la Semana Santa abrimos de lunes a domingo de 10 a 20 h", "none"),
        ("Kerstavond open van 9.00 tot 16.00 uur", "none"),
        // Months in a range with words between, and dates written with spaces.
        ("Von Anfang April bis Ende Oktober: Di-So 10-18 Uhr", "none"),
        ("dal primo maggio a fine settembre lun-sab 9-13", "none"),
        ("Horario de verano: del 1 de julio al 31 de agosto, de lunes a viernes de 8 a 15 h", "none"),
        ("Otevřeno 24. 12. 2025 – 8:00–11:00", "none"),
        // The nth weekday of a month; a monthly closing day leaves the weekly hours alone.
        ("Mo-Fr 8-17 Uhr, jeden letzten Samstag 9-12 Uhr", "none"),
        ("Open Mon-Fri 9am-5pm and the first Saturday 10am-2pm", "none"),
        ("вт-пт с 10:00 до 19:00; последняя пятница месяца – санитарный день", "Tu-Fr 10:00-19:00"),
        // Examples, past schedules, future announcements, extensions.
        ("Enter the hours, for example 08:00-12:00 and 13:00-17:00.", "none"),
        ("Podaj godziny, na przykład 8:00-16:00", "none"),
        ("Bisher war das Amt Mo-Fr 8-12 Uhr geöffnet.", "none"),
        ("Previously the office was open Monday to Friday 9am to 4pm.", "none"),
        ("Музей будет работать с 11:00 до 20:00", "none"),
        ("Бібліотека працюватиме з 9:00 до 17:00", "none"),
        ("Часы работы продлены до 22:00: ежедневно с 8:00 до 22:00", "none"),
        // Another activity's window introduced a few words before the days.
        ("Отправка заказов со склада производится в будние дни: пн-пт с 10 до 17", "none"),
        ("Parking is free on weekdays Mon-Fri 6pm-8am", "none"),
        ("Parkeren is betaald van ma t/m vr 9.00 tot 17.00 uur", "none"),
        // Still read: a weekly schedule next to none of these.
        ("Öffnungszeiten: Di-So 10-18 Uhr", "Tu-Su 10:00-18:00"),
        ("Open Monday to Friday 9am to 5pm", "Mo-Fr 09:00-17:00"),
    ])
    func notASchedule(_ c: (String, String)) {
        #expect(reading(c.0) == c.1, "\(c.0)")
    }

    /// A day name with a part of the day glued on is that day's hours, or nothing when closed.
    @Test(arguments: [
        ("dinsdagmiddag open van 13 tot 17 uur", "Tu 13:00-17:00"),
        ("Samstagvormittag 9-12 Uhr", "Sa 09:00-12:00"),
        ("Mo-Fr 8-18 Uhr, Mittwochnachmittag geschlossen", "none"),
    ])
    func dayPartCompounds(_ c: (String, String)) {
        #expect(reading(c.0) == c.1, "\(c.0)")
    }
}
