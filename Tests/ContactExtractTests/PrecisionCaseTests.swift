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
        // OpenStreetMap's own spelling of public holidays.
        .init("<p>Mo-Fr 09:00-19:30; PH off</p>", "DE", ["hours Mo-Fr 09:00-19:30; PH off unknown"]),
    ]

    @Test(arguments: cases)
    func extracts(_ c: ExtractionCaseTests.Case) throws {
        let records = try Extraction.html("<html><body>\(c.html)</body></html>", region: c.region)
        let found = Set(records.map { "\($0.kind.rawValue) \($0.value) \($0.channel.rawValue)" })
        #expect(found == Set(c.expected))
    }
}
