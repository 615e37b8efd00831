import ContactModel
import Testing

/// Issue 13, section 1: a wrong value is worse than none. Our own examples of each class; the
/// measure is `scripts/eval-hours` on texts written by others.
@Suite struct PrecisionCaseTests {
    static let cases: [ExtractionCaseTests.Case] = [
        // Months and seasons the reader does not model: nothing, never year-round.
        .init("<p>Öffnungszeiten: Juli-August 10-18 Uhr</p>", "DE", []),
        .init("<p>Fr 19:00-22:00; 2021 Apr 10-16 off</p>", "DE", []),
        .init("<p>Летом с 9 до 21, зимой с 10 до 18</p>", "RU", []),
        .init("<p>Open 9am-5pm, summer season only</p>", "US", []),
        // An unknown day word does not become every day.
        .init("<p>Otevírací doba: po–pá 8:00–16:00</p>", "CZ", ["hours Mo-Fr 08:00-16:00 unknown"]),
        // Glued ranges: both kept.
        .init("<p>Hours: 9am-1pm,2pm-6pm</p>", "US", ["hours 09:00-13:00,14:00-18:00 unknown"]),
        // Breaks and closures subtract, in every language.
        .init("<p>Mon-Fri 9am-5pm, closed for lunch 1-2pm</p>", "US", ["hours Mo-Fr 09:00-13:00,14:00-17:00 unknown"]),
        .init("<p>Mo-Fr 8:00-17:00, Mittagspause 12:30–13:30</p>", "DE", ["hours Mo-Fr 08:00-12:30,13:30-17:00 unknown"]),
        .init("<p>Monday-Friday 9-17, Saturday: closed</p>", "GB", ["hours Mo-Fr 09:00-17:00 unknown"]),
        .init("<p>Maandag t/m vrijdag van 8.15 tot 17.00 Lunchpauze van 12.15 tot 13.00</p>", "NL", ["hours Mo-Fr 08:15-12:15,13:00-17:00 unknown"]),
        .init("<p>Mo-Th 12:00-20:00; 14:00-16:00 off</p>", "DE", ["hours Mo-Th 12:00-14:00,16:00-20:00 unknown"]),
        // Hours that are not a channel's: delivery, order taking, shipping times.
        .init("<p>Время доставки с 09:00 до 21:00</p>", "RU", []),
        .init("<p>Курьер привезёт заказ с 10.00 до 20.00</p>", "RU", []),
        .init("<p>Заказ на сайте можно оформить круглосуточно</p>", "RU", []),
        .init("<p>Срок доставки 1-2 дня</p>", "RU", []),
        .init("<p>Обработка обращения 1-2 дня</p>", "RU", []),
        .init("<p>Deliveries Mon-Fri 8am-6pm</p>", "US", []),
        // A form's input mask is not a phone number.
        .init("<p>Телефон: 8 (999) 999-99-99</p>", "RU", []),
        .init("<p>Phone: +7 (000) 000-00-00</p>", "RU", []),
        // Hours without days, then days of their own: the first hours are the other days'.
        .init("<p>08:00 - 20:00 , Нд. 08:00 - 19:00</p>", "UA", ["hours Mo-Sa 08:00-20:00; Su 08:00-19:00 unknown"]),
        // A short form that is a common word of the page's language is not a day before a day
        // name: Polish "we wtorki" is "on Tuesdays", not Wednesday and Tuesday.
        .init("<p>we wtorki 10:00-14:00</p>", "PL", ["hours Tu 10:00-14:00 unknown"]),
        .init("<p>We Tuesday 10:00-14:00</p>", "US", ["hours Tu 10:00-14:00 unknown"]),
        // Bare small numbers without a time marker are not night hours; with a marker they read.
        .init("<p>Call between 2 and 4 on Tuesdays.</p>", "US", []),
        .init("<p>Call from 2 to 4 on Tuesdays.</p>", "US", []),
        .init("<p>Приём граждан по вторникам с 9 до 18</p>", "RU", ["hours Tu 09:00-18:00 unknown"]),
        .init("<p>Call between 2 and 4 pm on Tuesdays.</p>", "US", ["hours Tu 14:00-16:00 phone"]),
        // A short day form after days already read, right before its hours, is a day in lower
        // case too; a day word not trusted keeps its hours from becoming every day's.
        .init("<p>pon.-pt. 9:00-17:00, sob. 10:00-14:00</p>", "PL", ["hours Mo-Fr 09:00-17:00; Sa 10:00-14:00 unknown"]),
        .init("<p>sob. 10:00-14:00</p>", "PL", []),
        // Neighbouring blocks' own statements are records of their own, each with its own
        // channel: a day given hours twice, or a block labelled with another channel, starts
        // another record (paragraphs, list items, table rows, divs, one paragraph).
        .init("<p>Kundenservice: Mo.–Fr. 8–18 Uhr.</p><p>Technischer Support: werktags 9–17 Uhr.</p>", "DE",
              ["hours Mo-Fr 08:00-18:00 hotline", "hours Mo-Fr 09:00-17:00 hotline"]),
        .init("<p>Kundenservice: Mo.–Fr. 8–18 Uhr. Technischer Support: werktags 9–17 Uhr.</p>", "DE",
              ["hours Mo-Fr 08:00-18:00 hotline", "hours Mo-Fr 09:00-17:00 hotline"]),
        .init("<ul><li>Phone: Mon-Fri 8am-6pm</li><li>Chat: Sat 10am-2pm</li></ul>", "US",
              ["hours Mo-Fr 08:00-18:00 phone", "hours Sa 10:00-14:00 chat"]),
        .init("<table><tr><td>Горячая линия</td><td>пн–пт 9:00–18:00</td></tr><tr><td>Чат</td><td>ежедневно 10:00–22:00</td></tr></table>", "RU",
              ["hours Mo-Fr 09:00-18:00 hotline", "hours 10:00-22:00 chat"]),
        .init("<div>Téléphone : du lundi au vendredi de 9h à 18h</div><div>E-mail : du lundi au samedi de 8h à 20h</div>", "FR",
              ["hours Mo-Fr 09:00-18:00 phone", "hours Mo-Sa 08:00-20:00 email"]),
        // A schedule laid out over rows, and a second shift on the same days, stay one record.
        .init("<table><tr><td>Понедельник - пятница</td><td>08:00 - 20:00</td></tr><tr><td>Суббота</td><td>09:00 - 18:00</td></tr></table>", "RU",
              ["hours Mo-Fr 08:00-20:00; Sa 09:00-18:00 unknown"]),
        .init("<p>Hours:</p><p>Mon-Sat 11am - 2:30pm</p><p>Mon-Thu 5pm - 9:30pm</p><p>Fri-Sat 5pm - 10pm</p>", "US",
              ["hours Mo-Th 11:00-14:30,17:00-21:30; Fr,Sa 11:00-14:30,17:00-22:00 unknown"]),
        .init("<p>Ouvert du mercredi au lundi de 10h à 12h et de 14h à 17h, le dimanche de 14h à 18h</p>", "FR",
              ["hours Mo,We-Sa 10:00-12:00,14:00-17:00; Su 14:00-18:00 unknown"]),
        .init("<ul><li>Hotline: Mo-Fr 8-18 Uhr</li><li>Hotline: Sa 9-12 Uhr</li></ul>", "DE",
              ["hours Mo-Fr 08:00-18:00; Sa 09:00-12:00 hotline"]),
        // The page's language decides short forms languages read differently: Czech "so" is
        // Saturday (German "So" Sunday); Polish "We" is no day.
        .init("<div lang=\"cs\"><p>Otevírací doba: po–pá 8:00–16:00, so 8:00–12:00</p></div>", "CZ",
              ["hours Mo-Fr 08:00-16:00; Sa 08:00-12:00 unknown"]),
        .init("<p>Öffnungszeiten: Mo–Fr 8:00–16:00, So 10:00–12:00</p>", "DE", ["hours Mo-Fr 08:00-16:00; Su 10:00-12:00 unknown"]),
        .init("<div lang=\"pl\"><p>We 10:00-14:00</p></div>", "PL", []),
        // An end with no start takes the start of the one range read before its days; with no
        // start stated anywhere it says too little, and on its own it is nothing.
        .init("<p>Call us weekdays from 8 a.m. to 6 p.m., Saturday until noon</p>", "US",
              ["hours Mo-Fr 08:00-18:00; Sa 08:00-12:00 phone"]),
        .init("<p>Infolinia: w dni robocze do 18:00</p>", "PL", []),
        .init("<p>Open until 9pm daily</p>", "US", []),
        .init("<p>Phone: Mon-Fri 9am-5pm.</p><p>Chat: Saturday until noon</p>", "US", ["hours Mo-Fr 09:00-17:00 phone"]),
        .init("<p>Wij zijn iedere werkdag geopend van 9.00 tot 17.00 uur en op woensdag tot 18.45 uur.</p>", "NL",
              ["hours Mo,Tu,Th,Fr 09:00-17:00; We 09:00-18:45 unknown"]),
        // A bare range before a plural unit is a duration, not hours.
        .init("<p>Response: 0-8 hours (during business hours) for issues classified as High priority.</p>", "US",
              ["hours unspecified unknown"]),
        // "Every other Friday" is a condition the reader does not model: nothing, not "Friday closed".
        .init("<p>City Hall Hours Monday - Thursday: 7:30 a.m. - 5:00 p.m. Friday: 8:00 a.m. - 5:00 p.m. Closed every other Friday.</p>", "US", []),
        .init("<p>Ouvert du mardi au dimanche de 11h à 18h. Le mercredi jusqu'à 20h</p>", "FR",
              ["hours Tu,Th-Su 11:00-18:00; We 11:00-20:00 unknown"]),
        // The nth weekday of the month is a condition the reader does not model: nothing, never
        // every such weekday (our own examples in each language the data files name it in).
        .init("<p>Open the second Saturday of the month 10am-2pm</p>", "US", []),
        .init("<p>Library: Mon-Fri 9am-5pm; last Sunday of each month 1pm-4pm</p>", "US", []),
        .init("<p>Permanence chaque 2e mardi du mois de 18h à 20h</p>", "FR", []),
        .init("<p>Beratung jeden 3. Donnerstag im Monat 15-18 Uhr</p>", "DE", []),
        .init("<p>Elke laatste woensdag van de maand open van 14 tot 17 uur</p>", "NL", []),
        .init("<p>Aperto la prima domenica del mese dalle 10 alle 13</p>", "IT", []),
        .init("<p>Abierto el primer sábado del mes de 10:00 a 14:00</p>", "ES", []),
        .init("<p>Aberto no primeiro sábado do mês das 9h às 13h</p>", "PT", []),
        // An end before the start: in a language whose clock has no am/pm (CLDR) "2:00" is not
        // read as 2 pm; nothing decides between night and a slip, so nothing. A padded "03" is
        // night; English "9:00-5:00" and "11-10" stay afternoon and evening.
        .init("<p>Segunda a quinta: 9:00 - 2:00</p>", "BR", []),
        .init("<p>Lunes a jueves: 10:00 - 3:00</p>", "ES", []),
        .init("<p>Täglich 10-03 Uhr</p>", "DE", ["hours 00:00-03:00,10:00-24:00 unknown"]),
        .init("<p>Mon-Fri 9:00-5:00</p>", "US", ["hours Mo-Fr 09:00-17:00 unknown"]),
        .init("<p>Open daily 11-10</p>", "US", ["hours 11:00-22:00 unknown"]),
        // A day name's stem alone is another word ("Dienst" of "Dienstag", Czech "střed"): no day.
        .init("<p>De dienst is geopend op zaterdag van 9 tot 12 uur.</p>", "NL", ["hours Sa 09:00-12:00 unknown"]),
        .init("<p>Kundendienst samstags 9-12 Uhr</p>", "DE", ["hours Sa 09:00-12:00 hotline"]),
        .init("<p>Dienstags 9-12 Uhr</p>", "DE", ["hours Tu 09:00-12:00 unknown"]),
        // Spellings without accents and short forms of the Low Countries and Portugal/Brazil.
        .init("<p>Openingstijden: ma t/m vrij van 9.00 tot 17.00 uur</p>", "NL", ["hours Mo-Fr 09:00-17:00 unknown"]),
        .init("<p>Elke weekdag open van 8.30 uur tot 12.30 uur.</p>", "BE", ["hours Mo-Fr 08:30-12:30 unknown"]),
        .init("<p>Terca a sabado das 10h as 18h</p>", "BR", ["hours Tu-Sa 10:00-18:00 unknown"]),
        .init("<p>segunda a sexta 8h as 12h sabado e domingo 9h as 17h</p>", "BR", ["hours Mo-Fr 08:00-12:00; Sa,Su 09:00-17:00 unknown"]),
        // A second shift on a twelve-hour clock without am/pm is the afternoon, not the night.
        .init("<p>Monday to Friday: 8:30-12:30 and 1:30-5:30</p>", "US", ["hours Mo-Fr 08:30-12:30,13:30-17:30 unknown"]),
        .init("<p>Mon-Fri 9:00-12:00, 1:00-5:00</p>", "US", ["hours Mo-Fr 09:00-12:00,13:00-17:00 unknown"]),
        .init("<p>Mon-Fri 08:00-12:00, 01:00-05:00</p>", "US", ["hours Mo-Fr 01:00-05:00,08:00-12:00 unknown"]),
        // Hours bound to a date or a holiday by name are not a weekly schedule: nothing.
        .init("<p>Saturday and Sunday 11 a.m. to 5 p.m. from Memorial Day to Labor Day</p>", "US", []),
        .init("<p>No dia 31, véspera de Ano Novo, a loja abre das 9 às 13 horas.</p>", "BR", []),
        .init("<p>Plantão das 8h às 18h no feriado</p>", "BR", []),
        // Half a day closed is not placed: nothing, never the whole day open (or closed).
        .init("<p>Mon-Sat 8:00-13:00, 16:00-19:00. Tue and Thu afternoon: closed.</p>", "GB", []),
        .init("<p>Ouvert du lundi au vendredi de 9h à 12h et de 14h à 17h. Fermeture le mercredi après-midi.</p>", "FR", []),
        .init("<p>Mo-Fr 8-18 Uhr, Mittwoch nachmittags geschlossen</p>", "DE", []),
        .init("<p>Lunes a viernes de 9:00 a 19:00, jueves por la tarde cerrado</p>", "ES", []),
        // A closed word after a sentence end the range took as its dot starts its own statement.
        .init("<p>Mon-Fri 9am-12pm, 2pm-5pm. Closed on Saturday.</p>", "US", ["hours Mo-Fr 09:00-12:00,14:00-17:00 unknown"]),
        .init("<p>Mon-Fri 9am-5pm. Closed on Saturday.</p>", "US", ["hours Mo-Fr 09:00-17:00 unknown"]),
        .init("<p>Ouvert du lundi au vendredi de 9h à 12h et de 14h à 17h. Fermé le samedi.</p>", "FR",
              ["hours Mo-Fr 09:00-12:00,14:00-17:00 unknown"]),
        // School holidays and semesters are parts of the year the reader does not model.
        .init("<p>Le mercredi de 14h à 18h pendant les vacances scolaires</p>", "FR", []),
        .init("<p>Semester: Mo-Fr 9-16 Uhr. Vorlesungsfreie Zeit: 9-12 Uhr</p>", "DE", []),
        .init("<p>Open Monday-Friday 9am-3pm during term time</p>", "GB", []),
        // Polish short days (pn, sr, cz, piąt, nd, ndz, nie; "sb" is still unread), read only next to times, a closed
        // word or another day; "nie pracujemy" (we do not work) stays no day.
        .init("<p>pn-pt: 9:00-17:00, sob: 10:00-14:00, nd: zamknięte</p>", "PL", ["hours Mo-Fr 09:00-17:00; Sa 10:00-14:00 unknown"]),
        .init("<p>Pon-Cz: 11-20, Pt: 11-22, Sob: 14-22</p>", "PL", ["hours Mo-Th 11:00-20:00; Fr 11:00-22:00; Sa 14:00-22:00 unknown"]),
        .init("<p>pon. - czw.: 10:00 - 22:00 piąt. - sob.: 10:00 - 02:00</p>", "PL",
              ["hours Mo-Th 10:00-22:00; Fr 10:00-24:00; Sa 00:00-02:00,10:00-24:00; Su 00:00-02:00 unknown"]),
        .init("<p>Pn-Pt 8-16, w soboty i niedziele nie pracujemy</p>", "PL", ["hours Mo-Fr 08:00-16:00 unknown"]),
        // Dutch "uitgezonderd" (except) takes its day out (it gave Mo-Sa, Wednesday open).
        .init("<p>Open van maandag tot zaterdag van 9 tot 17 uur, uitgezonderd woensdag</p>", "NL", ["hours Mo,Tu,Th-Sa 09:00-17:00 unknown"]),
        // OpenStreetMap's own spelling of public holidays.
        .init("<p>Mo-Fr 09:00-19:30; PH off</p>", "DE", ["hours Mo-Fr 09:00-19:30; PH off unknown"]),
        // A hotline on weekdays and a chat on Saturday, each language's channel words (the
        // `channels` key of its language file): two schedules, not one phone line's.
        .init("<p>Infolinia: 22 123 45 67, poniedziałek–piątek 8:00–20:00</p><p>Czat na żywo: w soboty 10–16</p>", "PL",
              ["phone +48221234567 hotline", "hours Mo-Fr 08:00-20:00 hotline", "hours Sa 10:00-16:00 chat"]),
        .init("<p>Infolinia: 22 123 45 67, poniedziałek–piątek 8:00–20:00</p><p>Czat: sobota 10–16</p>", "PL",
              ["phone +48221234567 hotline", "hours Mo-Fr 08:00-20:00 hotline", "hours Sa 10:00-16:00 chat"]),
        .init("<p>Numéro vert : 0 800 12 34 56, du lundi au vendredi de 8h à 20h</p><p>Tchat : le samedi de 10h à 16h</p>", "FR",
              ["phone +33800123456 hotline", "hours Mo-Fr 08:00-20:00 hotline", "hours Sa 10:00-16:00 chat"]),
        .init("<p>Гаряча лінія: 0 800 300 545, пн–пт 8:00–20:00</p><p>Чат: субота 10:00–16:00</p>", "UA",
              ["phone +380800300545 hotline", "hours Mo-Fr 08:00-20:00 hotline", "hours Sa 10:00-16:00 chat"]),
        .init("<p>Kundtjänst: 08-123 456 78, måndag–fredag 8–20</p><p>Chatt: lördag 10–16</p>", "SE",
              ["phone +46812345678 hotline", "hours Mo-Fr 08:00-20:00 hotline", "hours Sa 10:00-16:00 chat"]),
        .init("<p>Faks: 22 123 45 68</p>", "PL", ["phone +48221234568 fax"]),
        // Fewer days right after hours for every day, in the same text: those days' own hours,
        // one record (emitted apart, the first would claim those days too).
        .init("<p>täglich 19-24 Uhr, Sa 21-2 Uhr</p>", "DE", ["hours Mo-Fr 19:00-24:00; Sa 21:00-24:00; Su 00:00-02:00,19:00-24:00 unknown"]),
        .init("<p>Tous les jours de 9h à 18h, le samedi de 10h à 14h</p>", "FR", ["hours Mo-Fr,Su 09:00-18:00; Sa 10:00-14:00 unknown"]),
        .init("<p>Ежедневно с 9 до 21, в воскресенье с 10 до 18</p>", "RU", ["hours Mo-Sa 09:00-21:00; Su 10:00-18:00 unknown"]),
        // A table whose header names a break column: its times subtract from the row's hours.
        // Without such a header a range inside the hours says nothing sure.
        .init("<table><tr><td>Дни недели</td><td>Часы работы</td><td>Перерыв на обед</td></tr><tr><td>Пн-Пт</td><td>9:00-18:00</td><td>13:00-14:00</td></tr><tr><td>Суббота</td><td>10:00-15:00</td><td>12:00-12:30</td></tr></table>", "RU",
              ["hours Mo-Fr 09:00-13:00,14:00-18:00; Sa 10:00-12:00,12:30-15:00 unknown"]),
        .init("<table><tr><th>Day</th><th>Hours</th><th>Lunch break</th></tr><tr><td>Mon-Fri</td><td>9am-5pm</td><td>12pm-1pm</td></tr></table>", "US",
              ["hours Mo-Fr 09:00-12:00,13:00-17:00 unknown"]),
        .init("<table><tr><td>Пн-Пт</td><td>9:00-18:00</td><td>13:00-14:00</td></tr></table>", "RU", []),
    ]

    @Test(arguments: cases)
    func extracts(_ c: ExtractionCaseTests.Case) throws {
        let records = try Extraction.html("<html><body>\(c.html)</body></html>", region: c.region)
        let found = Set(records.map { "\($0.kind.rawValue) \($0.value) \($0.channel.rawValue)" })
        #expect(found == Set(c.expected))
    }
}
