import Testing
@testable import ContactHours

/// Merged result of every statement in the text, as canonical OSM.
private func merged(_ text: String) -> String {
    let found = HoursParser.statements(in: text)
    #expect(HoursParser.statements(in: text, preCheck: false) == found)
    if !found.isEmpty && found.allSatisfy({ $0.value == .unspecified }) { return "unspecified" }
    if found.isEmpty { return "none" }
    return HoursParser.merge(found).openingHours
}

@Suite struct RussianHoursTests {
    @Test(arguments: [
        ("круглосуточно", "24/7"),
        ("24/7", "24/7"),
        ("24 × 7", "24/7"),
        ("24x7", "24/7"),
        ("24х7", "24/7"),
        ("24 часа в сутки, 7 дней в неделю", "24/7"),
        ("круглосуточно, 7 дней в неделю", "24/7"),
        ("работает круглосуточно, без выходных", "24/7"),
        ("ежедневно, круглосуточно", "24/7"),
        ("Поддержка работает круглосуточно", "24/7"),
        ("ежедневно с 9:00 до 21:00", "09:00-21:00"),
        // A holiday clause between the days and the hours keeps the days (they were dropped,
        // and the hours given to every day), in every language that has one.
        ("с понедельника по пятницу, кроме праздников, с 8 до 20", "Mo-Fr 08:00-20:00; PH off"),
        ("пн-пт кроме праздничных дней с 8 до 20", "Mo-Fr 08:00-20:00; PH off"),
        ("Monday to Friday, except public holidays, 9am to 5pm", "Mo-Fr 09:00-17:00; PH off"),
        ("Montag bis Freitag, außer an Feiertagen, 9 bis 17 Uhr", "Mo-Fr 09:00-17:00; PH off"),
        ("пн–пт 9–18", "Mo-Fr 09:00-18:00"),
        ("пн-пт с 9 до 18", "Mo-Fr 09:00-18:00"),
        ("в будние дни с 09:00 до 21:00 мск", "Mo-Fr 09:00-21:00"),
        ("Понедельник - пятница: 08:00 - 20:00 мск", "Mo-Fr 08:00-20:00"),
        ("Суббота: 09:00 - 18:00 мск", "Sa 09:00-18:00"),
        ("Воскресенье: 10:00 - 16:00 мск", "Su 10:00-16:00"),
        ("Воскресенье: выходной", "off"),
        ("Вс — выходной", "off"),
        ("вт, чт с 14:00 до 17:00", "Tu,Th 14:00-17:00"),
        ("В государственные праздничные дни работа операторов не ведётся", "PH off"),
        ("Рабочее время телефонных операторов: с 08:00 до 20:00 по московскому времени (пн‑пт).", "Mo-Fr 08:00-20:00"),
        ("Чат активен в рабочие часы: 08:00-20:00 мск.", "08:00-20:00"),
        ("Приём звонков осуществляется в будние дни с 09:00 до 21:00 мск.", "Mo-Fr 09:00-21:00"),
        ("пн-чт 9:00-18:00, пт 9:00-16:45", "Mo-Th 09:00-18:00; Fr 09:00-16:45"),
        ("с 10 до 19, сб-вс выходной", "Mo-Fr 10:00-19:00"),
        ("Пн-Пт: 09:00-18:00, перерыв 13:00-14:00", "Mo-Fr 09:00-13:00,14:00-18:00"),
        ("без выходных с 8:00 до 22:00", "08:00-22:00"),
        ("Пн-Пт 9:00-19:00, Сб 9:00-15:00", "Mo-Fr 09:00-19:00; Sa 09:00-15:00"),
        ("пн-пт 9:00-18:00, сб 9:00-15:00, вс выходной", "Mo-Fr 09:00-18:00; Sa 09:00-15:00"),
        ("Пн.-Пт. 9:00-18:00; Сб., Вс. выходной", "Mo-Fr 09:00-18:00"),
        ("пн-пт 9.00-20.00, сб 10.00-18.00, вс 11.00-16.00", "Mo-Fr 09:00-20:00; Sa 10:00-18:00; Su 11:00-16:00"),
        ("Пн-Сб 08:00-17:00", "Mo-Sa 08:00-17:00"),
        ("пн-сб: 9-17 вс: 10-15", "Mo-Sa 09:00-17:00; Su 10:00-15:00"),
        ("с 9:00 до 18:00, выходной - понедельник", "Tu-Su 09:00-18:00"),
        ("с 10:00 до 18:00, без перерыва. Выходной день - суббота.", "Mo-Fr,Su 10:00-18:00"),
        ("08:30 - 16:30, перерыв 12:00 - 13:00", "08:30-12:00,13:00-16:30"),
        ("09:00-18:00, обед 12:00-13:00", "09:00-12:00,13:00-18:00"),
        ("с 19:00 до 06:00", "00:00-06:00,19:00-24:00"),
        ("пт-сб с 22:00 до 02:00", "Fr 22:00-24:00; Sa 00:00-02:00,22:00-24:00; Su 00:00-02:00"),
        ("с 09-00 до 18-00", "09:00-18:00"),
        ("с 0:00 до 24:00", "24/7"),
        ("с понедельника по пятницу с 10:00 до 19:00", "Mo-Fr 10:00-19:00"),
        ("Понедельник-пятница: 9:00 - 18:00; суббота: 9:00 - 13:00", "Mo-Fr 09:00-18:00; Sa 09:00-13:00"),
        ("Работаем ежедневно с 10 до 22", "10:00-22:00"),
        ("по будням с 9 до 18, по выходным с 10 до 16", "Mo-Fr 09:00-18:00; Sa,Su 10:00-16:00"),
        ("в выходные дни с 11:00 до 17:00", "Sa,Su 11:00-17:00"),
        ("Режим работы: 9-18", "09:00-18:00"),
        ("пн-пт 9:00-18:00, кроме праздничных дней", "Mo-Fr 09:00-18:00; PH off"),
        ("в праздничные дни не работаем", "PH off"),
        ("Пн-Пт 9:00-18:00. В праздничные дни офис закрыт.", "Mo-Fr 09:00-18:00; PH off"),
        ("с 9 утра до 7 вечера", "09:00-19:00"),
        ("Пн-Ср 9:00-17:00, Чт выходной, Пт 9:00-17:00", "Mo-We,Fr 09:00-17:00"),
        // Ukrainian and Bulgarian short forms
        ("Пн-Пт 9:00-18:00, Сб 10:00-15:00, Нд вихідний", "Mo-Fr 09:00-18:00; Sa 10:00-15:00"),
        ("пн-сб: 10:00 - 19:00 нд: 14:30 - 18:00", "Mo-Sa 10:00-19:00; Su 14:30-18:00"),
        ("Пн-Пт: з 8:00 до 21:00; Сб: з 10:00 до 13:00; Нд - вихідний", "Mo-Fr 08:00-21:00; Sa 10:00-13:00"),
        ("цілодобово", "24/7"),
        ("Пон-Съб 07:00-21:00 Нед 08:00-20:00", "Mo-Sa 07:00-21:00; Su 08:00-20:00"),
        ("Работно време: понеделник - неделя: 10:00 - 19:00", "10:00-19:00"),
        ("Служба поддержки работает с 9:00 до 21:00 по московскому времени без выходных.", "09:00-21:00"),
        ("Звонки принимаются ежедневно с 8 до 22 часов", "08:00-22:00"),
        ("Тел.: +7 (812) 123-45-67, пн-пт 10:00–19:00, сб 11:00–17:00", "Mo-Fr 10:00-19:00; Sa 11:00-17:00"),
        ("Мы на связи с 9 утра до 9 вечера", "09:00-21:00"),
        ("Время работы: Пн-Пт: с 10.00 до 19.00, Сб-Вс: выходной", "Mo-Fr 10:00-19:00"),
        ("с 8:00 до 22:00 кроме воскресения", "Mo-Sa 08:00-22:00"),
        ("Пн-Пт: 9:00-19:00 Сб: 10:00-18-00 Вс: выходной", "Mo-Fr 09:00-19:00; Sa 10:00-18:00"),
        ("пн-сб с9,00-18,00", "Mo-Sa 09:00-18:00"),
        ("ПН-ЧТ: 15:00-00:00, ПТ: 15:00-02:00, CБ: 12:00-02:00, ВСК: 12:00-00:00", "Mo-Fr 15:00-24:00; Sa,Su 00:00-02:00,12:00-24:00"),
        ("ПТ-СБ 12:00 - 06:00, ВС-ЧТ 12:00 - 03:00", "Mo-Fr 00:00-03:00,12:00-24:00; Sa,Su 00:00-06:00,12:00-24:00"),
        ("08:00-21:00; перерыв 12:00-13:00", "08:00-12:00,13:00-21:00"),
        ("07:30-18:00 по будням (08:30-14:00 по субботам)", "Mo-Fr 07:30-18:00; Sa 08:30-14:00"),
        ("понеделник - петък 08:30 - 19:00", "Mo-Fr 08:30-19:00"),
    ])
    func russian(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    @Test(arguments: [
        "в рабочие часы",
        "в рабочее время",
        "в часы работы",
        "Мы перезвоним вам в рабочее время",
        "Операторы ответят в часы работы офиса",
    ])
    func vague(text: String) {
        #expect(merged(text) == "unspecified")
    }
}

@Suite struct EnglishHoursTests {
    @Test(arguments: [
        ("Monday to Friday, 9am–5pm", "Mo-Fr 09:00-17:00"),
        ("Mon–Fri 8:30 AM – 5:30 PM", "Mo-Fr 08:30-17:30"),
        ("Sat 10 AM – 2 PM", "Sa 10:00-14:00"),
        ("Sun Closed", "off"),
        ("Monday - Friday 8:00am - 5:00pm", "Mo-Fr 08:00-17:00"),
        ("M-F 9-5", "Mo-Fr 09:00-17:00"),
        ("24 hours a day, 7 days a week", "24/7"),
        ("We are open 24/7", "24/7"),
        ("open 24 hours", "24/7"),
        ("Mon-Thu 9am-6pm, Fri 9am-5pm", "Mo-Th 09:00-18:00; Fr 09:00-17:00"),
        ("Weekdays 9:00 - 17:30", "Mo-Fr 09:00-17:30"),
        ("Saturday & Sunday: Closed", "off"),
        ("Mon-Fri 8am-noon", "Mo-Fr 08:00-12:00"),
        ("Fri 6pm-midnight", "Fr 18:00-24:00"),
        ("Sat 12pm-4pm", "Sa 12:00-16:00"),
        ("Fri 6pm-12am", "Fr 18:00-24:00"),
        ("Daily 7am-11pm", "07:00-23:00"),
        ("Monday through Friday 9:00 a.m. to 6:00 p.m.", "Mo-Fr 09:00-18:00"),
        ("Open daily from 10 to 6", "10:00-18:00"),
        ("Hours: Tue, Thu 2-5pm", "Tu,Th 14:00-17:00"),
        ("Mon-Fri 9:00-17:00, Sat 10:00-14:00, Sun closed", "Mo-Fr 09:00-17:00; Sa 10:00-14:00"),
        ("Support is available around the clock", "24/7"),
        ("Mon-Fri 9am-5pm ET", "Mo-Fr 09:00-17:00"),
        ("Closed on public holidays", "PH off"),
        ("Mon-Fri 9-5, closed on bank holidays", "Mo-Fr 09:00-17:00; PH off"),
        ("Weekends 10am-4pm", "Sa,Su 10:00-16:00"),
        ("Monday-Friday 7:30am-4:30pm; Saturday 8am-12pm", "Mo-Fr 07:30-16:30; Sa 08:00-12:00"),
        ("Tu-Th: 10-6", "Tu-Th 10:00-18:00"),
        ("Sat noon-6pm", "Sa 12:00-18:00"),
        ("Open daily noon to midnight", "12:00-24:00"),
        ("We're open Monday through Saturday from 8 a.m. to 6 p.m. and closed on Sundays.", "Mo-Sa 08:00-18:00"),
        ("Call us Mon-Fri 9-5 EST or email anytime.", "Mo-Fr 09:00-17:00"),
        ("Customer service hours: 8:00 AM - 8:00 PM ET, 7 days a week", "08:00-20:00"),
        ("Open Mon-Fri 9am-5pm except holidays", "Mo-Fr 09:00-17:00; PH off"),
    ])
    func english(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    @Test(arguments: [
        "in business hours",
        "during office hours",
        "during business hours",
        "We reply during normal business hours.",
        "Call us during working hours",
    ])
    func vague(text: String) {
        #expect(merged(text) == "unspecified")
    }
}

@Suite struct GermanHoursTests {
    @Test(arguments: [
        ("Montag bis Freitag 8–16 Uhr", "Mo-Fr 08:00-16:00"),
        ("Mo-Fr 8:00-18:00 Uhr", "Mo-Fr 08:00-18:00"),
        ("Sa 9-13 Uhr", "Sa 09:00-13:00"),
        ("So geschlossen", "off"),
        ("rund um die Uhr", "24/7"),
        ("Wir sind rund um die Uhr für Sie da", "24/7"),
        ("Mo–Fr 9–12 Uhr und 14–18 Uhr", "Mo-Fr 09:00-12:00,14:00-18:00"),
        ("Mo-Do 8-17 Uhr, Fr 8-14 Uhr", "Mo-Th 08:00-17:00; Fr 08:00-14:00"),
        ("Montag - Freitag: 09:00 - 18:00 Uhr, Samstag: 10:00 - 14:00 Uhr", "Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
        ("täglich von 10 bis 22 Uhr", "10:00-22:00"),
        ("Sa, So und Feiertage geschlossen", "PH off"),
        ("Mo, Mi, Fr 9-12 Uhr", "Mo,We,Fr 09:00-12:00"),
        ("Di-Sa 10:00-18:00, Mittagspause 13:00-14:00", "Tu-Sa 10:00-13:00,14:00-18:00"),
        ("werktags 7-19 Uhr", "Mo-Fr 07:00-19:00"),
        ("Mo: geschlossen, Di: 14-18Uhr, Mi-Sa: 10-18Uhr", "Tu 14:00-18:00; We-Sa 10:00-18:00"),
        ("an Feiertagen geschlossen", "PH off"),
        ("Öffnungszeiten: Mo-Fr 8-18 Uhr, Sa 9-14 Uhr, So und Feiertage geschlossen", "Mo-Fr 08:00-18:00; Sa 09:00-14:00; PH off"),
        ("Bürozeiten: Montag–Donnerstag 8:00–16:30 Uhr, Freitag 8:00–14:00 Uhr", "Mo-Th 08:00-16:30; Fr 08:00-14:00"),
        ("Mo – Fr: 9 – 12 Uhr und Mo, Di, Do: 15 – 18 Uhr", "Mo,Tu,Th 09:00-12:00,15:00-18:00; We,Fr 09:00-12:00"),
        ("Hotline: 24 Stunden täglich erreichbar", "24/7"),
        ("Zeiten: Mo.-Fr. 09.00-18.00 Uhr", "Mo-Fr 09:00-18:00"),
    ])
    func german(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    @Test(arguments: ["während der Geschäftszeiten", "innerhalb unserer Öffnungszeiten"])
    func vague(text: String) {
        #expect(merged(text) == "unspecified")
    }
}

@Suite struct NegativeHoursTests {
    @Test(arguments: [
        "в течение 24 часов",
        "ответ в течение 30 минут",
        "Заявки обрабатываются в течение 12 часов",
        "ответы могут занимать до 48 часов",
        "Пароль: не менее 8 символов",
        "размер не превышает 5 МБ",
        "согласно ФЗ‑152",
        "+7 495 771‑71‑71",
        "8 800 555-35-35",
        "(495) 500-503",
        "+1 212 555 0100",
        "+7 (495) 12-20-30",
        "21.11.2026",
        "2026-11-21",
        "Дата: 21.11.2026 г.",
        "1 500 руб.",
        "$9.99",
        "Цена 9.50 руб",
        "версия 2.0.1",
        "матч закончился 3:1",
        "500-503",
        "Chapter 9-18",
        "see pages 9-18",
        "для детей 7-12 лет",
        "скидка 5-10%",
        "Позвоните нам, и мы всё расскажем",
        "The sun is shining and we do our best",
        "So we closed the deal",
        "closed captions available",
        "We are closed",
        "12:30:45",
        "рост 1.80",
        "Загрузите файл 10-15 МБ",
        "Счёт 2:0 в пользу хозяев",
        "Раздел 3-5 договора",
        "Звоните: 8 (800) 100-20-30",
        "Счёт матча 3:10-4:20",
        "Стоимость 10.50-12.30",
        "Дата 24/7/2026",
        "Выпуск 12.05-14.05.2026",
        "The event runs from 10 to 12 people",
        "Our team of 9-12 experts",
        "от 10 до 12 человек",
    ])
    func noHours(text: String) {
        #expect(HoursParser.statements(in: text, preCheck: false).isEmpty, "\(HoursParser.statements(in: text, preCheck: false).map { HoursParser.merge([$0]).openingHours })")
    }
}
