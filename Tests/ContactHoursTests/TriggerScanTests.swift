import Testing
@testable import ContactHours

@Suite struct TriggerScanTests {
    /// ASCII text takes a scan of its own; it must agree with the scalar scan.
    @Test(arguments: [
        "", "a", "Of", "OFF", "coffee", "Closed Sundays", "open around the CLOCK", "Mitternacht", "MidNight",
        "noo", "no on", "holi day", "HOLIDAY", "Feiertage", "Zeitplan", "ruhetag", "24 hours", "geschlossen",
        "time zone", "clo sed", "nonsto", "nonstop!", "x_uhr_y", "hou", "hours", "ho-urs", "mittag", "@noon[",
    ])
    func asciiScanMatchesScalarScan(text: String) {
        #expect(HoursTriggers.containsTrigger(text, asciiOnly: true) == HoursTriggers.containsTrigger(text, asciiOnly: false))
    }
}
