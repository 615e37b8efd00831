import Testing
@testable import ContactHours

/// Issue 13, branch `hoursdev`: a break written after the rows of a table or list (days, then
/// their hours, row after row) is every row's, in every language; not a row's that says it
/// has none, not when the break is in brackets after one row, not when rows have their own.
@Suite struct RowBreakClassTests {
    @Test(arguments: [
        ("Пн 9-18 Вт 9-18 Ср 9-17 Перерыв 13-14", "Mo,Tu 09:00-13:00,14:00-18:00; We 09:00-13:00,14:00-17:00"),
        ("Понедельник с 8.00 до 17.00 Пятница с 8.00 до 16.00 Суббота выходной Обед с 12.00 до 12.45",
         "Mo 08:00-12:00,12:45-17:00; Fr 08:00-12:00,12:45-16:00"),
        ("PONIEDZIAŁEK 7.30 - 15.30 WTOREK 7.30 - 16.00 PRZERWA 11.00 - 11.20",
         "Mo 07:30-11:00,11:20-15:30; Tu 07:30-11:00,11:20-16:00"),
        ("Montag 8-16 Uhr Dienstag 8-18 Uhr Mittagspause 12-13 Uhr", "Mo 08:00-12:00,13:00-16:00; Tu 08:00-12:00,13:00-18:00"),
        ("Mon 9am-5pm Tue 9am-6pm Lunch 1pm-2pm", "Mo 09:00-13:00,14:00-17:00; Tu 09:00-13:00,14:00-18:00"),
        ("Дүйсенбі: 9:00-18:00 Сейсенбі: 9:00-18:00 Түскі үзіліс: 13:00-14:00", "Mo,Tu 09:00-13:00,14:00-18:00"),
        ("lundi 9h-18h mardi 9h-17h pause déjeuner 12h-13h", "Mo 09:00-12:00,13:00-18:00; Tu 09:00-12:00,13:00-17:00"),
        // Hours in a sentence whose unit swallowed the full stop, then the break.
        ("со вторника по пятницу с 10 до 19 часов, в субботу – с 10 до 16 часов. Перерыв - с 13 до 14 часов.",
         "Tu-Fr 10:00-13:00,14:00-19:00; Sa 10:00-13:00,14:00-16:00"),
        ("со вторника по пятницу с 10 до 19 часов, в субботу – с 10 до 16 часов. Перерыв - с 13 до 14 часов. В понедельник - выходной.",
         "Tu-Fr 10:00-13:00,14:00-19:00; Sa 10:00-13:00,14:00-16:00"),
    ])
    func breakAfterRows(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    @Test(arguments: [
        // A row that says it has no break.
        ("вторник, среда 09.00 – 18.00 без перерыва суббота 09.00 – 18.00 перерыв на обед 13.00 – 14.00",
         "Tu,We 09:00-18:00; Sa 09:00-13:00,14:00-18:00"),
        // The break in brackets after one row's hours is that row's.
        ("Sobota: 9:00 – 13:00 Pn-Pt: 9:00 – 17:00 (przerwa 12:30 – 13:30)", "Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-13:00"),
        // Rows with breaks of their own.
        ("Pondělí 8:00 – 17:00 polední pauza 11:30 – 12:00 Úterý 8:00 – 12:00 Středa 8:00 – 17:00 polední pauza 11:30 – 12:00",
         "Mo,We 08:00-11:30,12:00-17:00; Tu 08:00-12:00"),
    ])
    func breakStaysWithItsRow(text: String, expected: String) {
        #expect(merged(text) == expected)
    }
}
