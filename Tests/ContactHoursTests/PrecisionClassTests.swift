import Testing
@testable import ContactHours

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
        ("Çalışma saatlerini girin, örnek: 09:00-18:00", "none"),
        // One night or evening only (works, an event): not the weekly hours.
        ("Bu gece 01:00-05:00 arası sistem güncellemesi yapılacak", "none"),
        ("The portal is offline tonight 11pm-2am for upgrades", "none"),
        ("Heute Nacht 0-4 Uhr ist das Portal nicht erreichbar", "none"),
        ("Сегодня ночью с 01:00 до 05:00 сайт недоступен", "none"),
        ("Le site sera indisponible cette nuit de 1h à 5h", "none"),
        // Another activity's window introduced a few words before the days.
        ("Отправка заказов со склада производится в будние дни: пн-пт с 10 до 17", "none"),
        ("Parking is free on weekdays Mon-Fri 6pm-8am", "none"),
        ("Parkeren is betaald van ma t/m vr 9.00 tot 17.00 uur", "none"),
        // Still read: a weekly schedule next to none of these.
        ("Öffnungszeiten: Di-So 10-18 Uhr", "Tu-Su 10:00-18:00"),
        ("Open Monday to Friday 9am to 5pm", "Mo-Fr 09:00-17:00"),
    ])
    func notASchedule(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// A day name with a part of the day glued on is that day's hours, or nothing when closed.
    @Test(arguments: [
        ("dinsdagmiddag open van 13 tot 17 uur", "Tu 13:00-17:00"),
        ("Samstagvormittag 9-12 Uhr", "Sa 09:00-12:00"),
        ("Mo-Fr 8-18 Uhr, Mittwochnachmittag geschlossen", "none"),
    ])
    func dayPartCompounds(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }
}

/// Times: the half of the day is read only where the text decides it; otherwise nothing.
@Suite struct HalfOfDayTests {
    @Test(arguments: [
        // An hour after noon written elsewhere makes the writer a 24-hour one: night.
        ("Lunes a jueves 10:00-22:00, viernes y sábado 10:00-2:00", "Mo-Th 10:00-22:00; Fr 10:00-24:00; Sa 00:00-02:00,10:00-24:00; Su 00:00-02:00"),
        ("pon.-czw. 10-22, pt.-sob. 10-2", "Mo-Th 10:00-22:00; Fr 10:00-24:00; Sa 00:00-02:00,10:00-24:00; Su 00:00-02:00"),
        // A 24-hour language with nothing that decides: nothing (German "HH 'Uhr'" is 24-hour).
        ("Freitag 11-2 Uhr", "none"),
        ("Freitag 18-2 Uhr", "Fr 18:00-24:00; Sa 00:00-02:00"),
        ("Mo-Fr 9-5 Uhr", "none"),
        // Twelve-hour clock, an early range with no am/pm and no 24-hour hour anywhere.
        ("Mon-Fri 9:00-5:00, Sat 2:00-4:00", "none"),
        // Still read: the afternoon shift after a morning one, English "9-5".
        ("Mon-Fri 8:30-12:30 and 1:30-4:30", "Mo-Fr 08:30-12:30,13:30-16:30"),
        ("Mon-Fri 9-5", "Mo-Fr 09:00-17:00"),
        // noon keeps its own half; "mid" and "12mn" are midnight; "11-PM"; "16:30 pm".
        ("Fri noon to 3 am", "Fr 12:00-24:00; Sa 00:00-03:00"),
        ("Sat 9-Mid, Sun 10-6", "Sa 09:00-24:00; Su 10:00-18:00"),
        ("Sat 4pm - 12mn", "Sa 16:00-24:00"),
        ("Daily 6AM - 10-PM", "06:00-22:00"),
        ("Mon-Fri 8:00 am - 17:30 pm", "Mo-Fr 08:00-17:30"),
        // French hours and minutes with spaces.
        ("du lundi au vendredi de 8 h 30 à 17 h 45", "Mo-Fr 08:30-17:45"),
        ("Samedi 9 h 15 - 12 h", "Sa 09:15-12:00"),
    ])
    func halfOfDay(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }
}

/// Days: a day word nobody reads, a slash between days that are not neighbours and hours no
/// range reads make the text give nothing instead of moving hours to other days.
@Suite struct DayPrecisionTests {
    @Test(arguments: [
        // Misspelt or unread day joined to a day.
        ("Mondy - Friday: 9am-5pm, Saturday: 10am-2pm", "none"),
        ("Wenesday / Fri 2:00 PM - 6:00 PM", "none"),
        ("Lunes, Martes, Juevs, Viernes: 9:00-14:00", "none"),
        // A slash between days that are not neighbours: list or range, the text does not say.
        ("Martedì/Venerdì 9:00-13:00", "none"),
        ("Lundi/Jeudi 9h-12h", "none"),
        ("Sa/So 10-16 Uhr", "Sa,Su 10:00-16:00"),
        // Hours after the days that no range reads.
        ("Mon-Fri 9-5:30pm, Sat 10am-430pm", "none"),
        ("Sun. 2-6 Mon. - Fri. 9:30-6:30", "none"),
        // ">" joins a range of days; Czech "a" joins a list.
        ("Lundi > Jeudi : 9h-17h", "Mo-Th 09:00-17:00"),
        ("Po a st 8:00 - 17:00, út a čt 8:00 - 15:00", "Mo,We 08:00-17:00; Tu,Th 08:00-15:00"),
        // "6p. M-F": the capital M begins the next days.
        ("Sun 11a-5p. M-F 7a-8p", "Mo-Fr 07:00-20:00; Su 11:00-17:00"),
        // A glued gloss in another language stays read.
        ("subota/saturday 08:00-12:00", "Sa 08:00-12:00"),
    ])
    func days(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }
}

/// Portuguese "feira" written apart after the day keeps the range.
@Suite struct SeparateFeiraTests {
    @Test(arguments: [
        ("segunda feira a sexta feira das 9h às 17h", "Mo-Fr 09:00-17:00"),
        ("Segunda Feira a Sábado: 08:00 - 12:00", "Mo-Sa 08:00-12:00"),
    ])
    func feira(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }
}
