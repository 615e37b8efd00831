import Testing
@testable import ContactHours

private func texts(_ text: String) -> [String] {
    HoursParser.statements(in: text).map { String(text[$0.range]) }
}

@Suite struct StatementTests {
    @Test(arguments: [
        ("телефон +7 495 771‑71‑71 (круглосуточно); чат 08:00-20:00", ["круглосуточно", "08:00-20:00"]),
        ("Mon-Thu 9am-6pm, Fri 9am-5pm", ["Mon-Thu 9am-6pm", "Fri 9am-5pm"]),
        ("Пн-Пт: 09:00-18:00, перерыв 13:00-14:00", ["Пн-Пт: 09:00-18:00, перерыв 13:00-14:00"]),
        ("ежедневно, круглосуточно", ["ежедневно, круглосуточно"]),
        ("24 часа в сутки, 7 дней в неделю", ["24 часа в сутки, 7 дней в неделю"]),
        ("с 10 до 19, сб-вс выходной", ["с 10 до 19", "сб-вс выходной"]),
        ("Monday to Friday, 9am–5pm", ["Monday to Friday, 9am–5pm"]),
        ("пн-пт 9-18; сб 10-16; вс выходной", ["пн-пт 9-18", "сб 10-16", "вс выходной"]),
        ("Чат активен в рабочие часы: 08:00-20:00 мск.", ["в рабочие часы: 08:00-20:00 мск"]),
        ("телефон круглосуточно, чат в рабочее время", ["круглосуточно", "в рабочее время"]),
        ("Рабочее время: с 08:00 до 20:00 по московскому времени (пн‑пт).", ["с 08:00 до 20:00 по московскому времени (пн‑пт"]),
        ("Горячая линия работает 24/7, а офис — пн-пт с 9 до 18", ["24/7", "пн-пт с 9 до 18"]),
        ("Support: 24/7. Sales: Mon-Fri 9am-5pm", ["24/7", "Mon-Fri 9am-5pm"]),
        ("Пн-Пт 9:00-18:00. В праздничные дни офис закрыт.", ["Пн-Пт 9:00-18:00", "В праздничные дни офис закрыт"]),
    ])
    func statementRanges(text: String, expected: [String]) {
        #expect(texts(text) == expected)
    }

    @Test(arguments: [
        ("в будние дни с 09:00 до 21:00 мск", "Europe/Moscow"),
        ("Рабочее время: с 08:00 до 20:00 по московскому времени (пн‑пт).", "Europe/Moscow"),
        ("Mon-Fri 9am-5pm ET", "America/New_York"),
        ("Mo-Fr 9-17 Uhr MEZ", "Europe/Berlin"),
        ("пн-пт 9-18 (по Москве)", "Europe/Moscow"),
        ("пн-пт 9-18", ""),
    ])
    func timeZone(text: String, zone: String) {
        let schedule = HoursParser.merge(HoursParser.statements(in: text))
        #expect((schedule.timeZone ?? "") == zone)
    }

    @Test(arguments: [
        ("Суббота: 09:00 - 18:00 мск", "Sa", true),
        ("Понедельник - пятница: 08:00 - 20:00 мск", "Mo-Fr", true),
        ("с 08:00 до 20:00", "", false),
        ("круглосуточно", "", false),
        ("ежедневно с 9 до 21", "Mo-Su", false),
        ("Воскресенье: выходной", "Su", true),
        ("Вс — выходной", "Su", true),
        ("вт, чт с 14:00 до 17:00", "Tu,Th", true),
        ("08:00-20:00 (пн-пт)", "Mo-Fr", true),
    ])
    func daysAndPartial(text: String, days: String, partial: Bool) {
        let found = HoursParser.statements(in: text)
        #expect(found.count == 1)
        guard let s = found.first else { return }
        let rendered = s.days.map { set in
            set.count == 7 ? "Mo-Su" : WeeklySchedule.selector(set.sorted().map(\.rawValue))
        } ?? ""
        #expect(rendered == days)
        #expect(s.isPartial == partial)
    }

    @Test func holidayStatement() throws {
        let found = HoursParser.statements(in: "В государственные праздничные дни работа операторов не ведётся")
        try #require(found.count == 1)
        #expect(found[0].isHolidayRule)
        #expect(found[0].days == nil)
        #expect(found[0].isPartial)
        #expect(found[0].schedule?.publicHolidays == .off)
        #expect(found[0].schedule?.isClosedAllWeek == true)
    }

    /// Seed 004: weekends and holidays are named, but "may be limited" closes nothing.
    @Test func weekendsAndHolidaysThatMayBeLimitedAreNotClosed() throws {
        let text = "Приём звонков осуществляется в будние дни с 09:00 до 21:00 мск. Выходные и праздничные дни обслуживание может быть ограничено или перенесено на следующий рабочий день."
        let schedule = try #require(HoursParser.schedule(in: text))
        #expect(schedule.openingHours == "Mo-Fr 09:00-21:00")
        #expect(HoursParser.schedule(in: "Выходные и праздничные дни — не работаем")?.publicHolidays == .off)
    }

    @Test func closedDayStatementHasEmptySchedule() throws {
        let found = HoursParser.statements(in: "Воскресенье: выходной")
        try #require(found.count == 1)
        #expect(found[0].days == [.su])
        #expect(found[0].schedule == WeeklySchedule.closed)
    }

    @Test func mergeListItems() {
        let items = [
            "Понедельник - пятница: 08:00 - 20:00 мск",
            "Суббота: 09:00 - 18:00 мск",
            "Воскресенье: 10:00 - 16:00 мск",
            "В государственные праздничные дни работа операторов не ведётся",
        ]
        let all = items.flatMap { HoursParser.statements(in: $0) }
        #expect(all.allSatisfy { $0.isPartial })
        let schedule = HoursParser.merge(all)
        #expect(schedule.openingHours == "Mo-Fr 08:00-20:00; Sa 09:00-18:00; Su 10:00-16:00; PH off")
        #expect(schedule.timeZone == "Europe/Moscow")
    }

    @Test func mergeClosedDayOverridesEarlierAllWeekHours() {
        let all = ["с 10 до 19", "Воскресенье: выходной"].flatMap { HoursParser.statements(in: $0) }
        #expect(HoursParser.merge(all).openingHours == "Mo-Sa 10:00-19:00")
    }

    @Test func mergeIgnoresUnspecified() {
        let all = HoursParser.statements(in: "в рабочее время")
        #expect(all.count == 1)
        #expect(HoursParser.merge(all) == .closed)
        #expect(HoursParser.schedule(in: "в рабочее время") == nil)
    }

    @Test func rangesAreIndicesIntoTheInput() {
        let text = "Звоните 8 800 555-35-35 ежедневно с 9:00 до 21:00 — ждём!"
        let found = HoursParser.statements(in: text)
        #expect(found.count == 1)
        if let s = found.first {
            #expect(String(text[s.range]) == "ежедневно с 9:00 до 21:00")
            let offsets = s.utf8Offsets(in: text)
            #expect(Array(text.utf8)[offsets].count == "ежедневно с 9:00 до 21:00".utf8.count)
        }
    }

    @Test(arguments: [
        "Позвоните нам, и мы всё расскажем",
        "Contact our friendly team for a quote",
        "Wir freuen uns auf Ihren Besuch",
        "",
    ])
    func preCheckRejectsPlainText(text: String) {
        #expect(!HoursParser.mightContainHours(text))
    }

    @Test(arguments: [
        "круглосуточно", "Sun Closed", "So geschlossen", "в рабочее время", "during business hours",
        "rund um die Uhr", "Воскресенье: выходной", "noon to midnight", "9-5", "КРУГЛОСУТОЧНО",
    ])
    func preCheckAcceptsHoursText(text: String) {
        #expect(HoursParser.mightContainHours(text))
    }
}
