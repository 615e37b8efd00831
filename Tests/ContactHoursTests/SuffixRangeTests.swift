import Testing
@testable import ContactHours

/// Issue 13 §2–3, branch `hoursdev`: ranges whose ends carry case endings and a closing
/// postposition (Kazakh, Turkish), from the language files' `startSuffixes`, `endSuffixes`,
/// `untilWords`. Our own examples.
@Suite struct SuffixRangeTests {
    @Test(arguments: [
        ("сағат 8-ден 17-ге дейін", "08:00-17:00"),
        ("Дүйсенбі-жұма: 10:00-ден 19:00-ға дейін", "Mo-Fr 10:00-19:00"),
        ("Дүйсенбі-жұма 8:30 дан 17:30 ға дейін, сенбі 9:00дан 13:00 ге дейін", "Mo-Fr 08:30-17:30; Sa 09:00-13:00"),
        ("жұмыс күндері 9.00–дан 18.00–ге дейін", "Mo-Fr 09:00-18:00"),
        ("дүйсенбі және сәрсенбі күндері сағат 10:00-ден 16:00-ға дейін", "Mo,We 10:00-16:00"),
        // Capitals of the Kazakh letters fold like the others: "Үзіліс" is the break word.
        ("Дүйсенбі-жұма: 9:00-ден 18:00-ге дейін. Үзіліс: 13:00-14:00.", "Mo-Fr 09:00-13:00,14:00-18:00"),
        ("Pazartesi-Cuma 09.00'dan 18.00'e kadar", "Mo-Fr 09:00-18:00"),
        ("Cumartesi 10:00'dan 14:00'e kadar", "Sa 10:00-14:00"),
    ])
    func suffixRanges(text: String, expected: String) {
        #expect(merged(text) == expected)
    }

    /// Counts, dates and other activities' hours written the same way are not hours.
    @Test(arguments: [
        ("5-тен 10-ға дейін жас балалар", "none"),
        ("1 шілдеге дейін сағат 9:00-ден 18:00-ге дейін", "none"),
        ("09.00'dan 17.00'ye kadar çalışan kargo, pazar günü kapalı", "none"),
    ])
    func notHours(text: String, expected: String) {
        #expect(merged(text) == expected)
    }
}
