import Testing
@testable import ContactHours

/// Issue 13, branch `hoursdev`: texts that write every statement's days after its hours; days
/// after a comma close the hours before them, they are not the next hours' leading days.
@Suite struct DaysAfterTimesClassTests {
    @Test(arguments: [
        ("Open 7 am until 4 pm, Monday through Wednesday Open 7 am until 8 pm Thursday and 9 am to 1 pm Saturday",
         "Mo-We 07:00-16:00; Th 07:00-20:00; Sa 09:00-13:00"),
        ("8am-4pm, Mon-Fri 9am-1pm Sat", "Mo-Fr 08:00-16:00; Sa 09:00-13:00"),
        ("8h-17h, du lundi au vendredi, 8h-12h le samedi", "Mo-Fr 08:00-17:00; Sa 08:00-12:00"),
        ("8:00-17:00, пн-пт, 10:00-15:00, сб", "Mo-Fr 08:00-17:00; Sa 10:00-15:00"),
        ("8-17 Uhr, Mo-Fr, 9-12 Uhr Sa", "Mo-Fr 08:00-17:00; Sa 09:00-12:00"),
        // Days that lead their hours keep doing so.
        ("Mo-Fr 8-17 Uhr, Sa 9-12 Uhr", "Mo-Fr 08:00-17:00; Sa 09:00-12:00"),
    ])
    func daysAfterEachRange(text: String, expected: String) {
        #expect(merged(text) == expected)
    }
}
