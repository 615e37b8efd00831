import ContactModel
import Testing

/// Issue 13, section 2: spellings of hours as the world writes them. Our own examples, one a class.
@Suite struct SpellingCaseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var value: String
        var timezone: String?
        init(_ text: String, _ value: String, _ timezone: String? = nil) {
            self.text = text
            self.value = value
            self.timezone = timezone
        }
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case("Hours: 0900-1730 Monday to Friday", "Mo-Fr 09:00-17:30"),
        Case("Phone lines open 0900 to 1700 weekdays", "Mo-Fr 09:00-17:00"),
        Case("Mon-Fri 8a-5p", "Mo-Fr 08:00-17:00"),
        Case("Hours: 9am-1pm,2pm-6pm", "09:00-13:00,14:00-18:00"),
        Case("Open Monday to Friday from noon to midnight", "Mo-Fr 12:00-24:00"),
        Case("Monday-Friday 9:00-17:00, midday 12-1 closed", "Mo-Fr 09:00-12:00,13:00-17:00"),
        Case("Mon-Fri 8am-8pm ET", "Mo-Fr 08:00-20:00", "America/New_York"),
        Case("Monday through Friday 9am-5pm Pacific Standard Time", "Mo-Fr 09:00-17:00", "America/Los_Angeles"),
        Case("Mo-Fr 8-18 Uhr MEZ", "Mo-Fr 08:00-18:00", "Europe/Berlin"),
        Case("пн-пт с 9 до 18 мск", "Mo-Fr 09:00-18:00", "Europe/Moscow"),
        Case("пн-пт з 9 до 18 за Києвом", "Mo-Fr 09:00-18:00", "Europe/Kyiv"),
        Case("Hotline rund um die Uhr erreichbar", "24/7"),
        Case("Hotline: nonstop", "24/7"),
        Case("Hotline 24 Stunden erreichbar", "24/7"),
        Case("Support 24h", "24/7"),
        Case("Öffnungszeiten: täglich 9-18 Uhr", "09:00-18:00"),
        Case("Openingstijden: ma t/m vr 08.30 - 17.00 uur", "Mo-Fr 08:30-17:00"),
        Case("пн. - пт.: с 10-00 - 18-00", "Mo-Fr 10:00-18:00"),
        Case("M-Sa 10am-9pm; Su 12-5pm", "Mo-Sa 10:00-21:00; Su 12:00-17:00"),
        Case("du lundi au vendredi de 9h à 18h", "Mo-Fr 09:00-18:00"),
        Case("lunes a viernes de 9:00 a 18:00", "Mo-Fr 09:00-18:00"),
    ]

    @Test(arguments: cases)
    func reads(_ c: Case) throws {
        let records = try Extraction.html("<html><body><p>\(c.text)</p></body></html>", region: "US").filter { $0.kind == .hours }
        #expect(records.map(\.value) == [c.value])
        #expect(records.first?.timezone == c.timezone)
    }

    /// Months and seasons the reader does not model, and ends without a start: nothing.
    @Test(arguments: ["Open till 2200 Friday, 0700-2100 other days", "Mo-We 10:00-16:00 Apr-Sep", "Jun 15-Sep 15: Th-Su 16:00-19:00"])
    func readsNothing(_ text: String) throws {
        let records = try Extraction.html("<html><body><p>\(text)</p></body></html>", region: "US").filter { $0.kind == .hours }
        #expect(records.isEmpty)
    }
}
