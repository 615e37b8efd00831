import Testing
@testable import ContactHours

@Suite struct OpeningHoursSyntaxTests {
    @Test(arguments: [
        "Mo-Fr 08:00-20:00; Sa 09:00-18:00; Su 10:00-16:00; PH off",
        "Mo-Fr 09:00-21:00",
        "Tu,Th 14:00-17:00",
        "08:00-20:00",
        "24/7",
        "24/7; PH off",
        "Mo-Fr 09:00-13:00,14:00-18:00",
        "Sa,Su 10:00-16:00",
        "Mo,We,Fr 09:00-12:00",
        "Mo-Fr,Su 12:00-14:30",
        "Mo-Th 09:00-18:00; Fr 09:00-16:45",
        "Fr 22:00-24:00; Sa 00:00-02:00",
        "Mo-Sa 09:00-18:00",
        "PH off",
        "off",
        "08:00-20:00; PH off",
        "Mo-Fr 00:00-24:00",
        "Mo 10:00-12:00,12:30-15:00; Tu-Fr 08:00-12:00,12:30-15:00; Sa 08:00-12:00",
    ])
    func roundTrip(canonical: String) throws {
        let schedule = try WeeklySchedule(openingHours: canonical)
        #expect(schedule.openingHours == canonical)
    }

    @Test(arguments: [
        ("Mo-Su 00:00-24:00", "24/7"),
        ("Mo-Su 00:00-24:00; PH off", "24/7; PH off"),
        ("Mo-Fr 08:00-20:00; Sa,Su off", "Mo-Fr 08:00-20:00"),
        ("Sa-Su 10:00-16:00", "Sa,Su 10:00-16:00"),
        ("Fr-Mo 10:00-16:00", "Mo,Fr-Su 10:00-16:00"),
        ("Mo-Fr 07:00-21:00 ; PH off", "Mo-Fr 07:00-21:00; PH off"),
        ("Mo-Su 09:00-14:30, 19:30-22:00 ; PH off", "09:00-14:30,19:30-22:00; PH off"),
        ("Mo-Su 22:00-23:00; We,PH off", "Mo,Tu,Th-Su 22:00-23:00; PH off"),
        ("Mo off, Tu 14:00-18:00, We-Sa 10:00-18:00", "Tu 14:00-18:00; We-Sa 10:00-18:00"),
        ("Mo-Fr 09:00-12:00, Mo,Tu,Th 15:00-18:00", "Mo,Tu,Th 09:00-12:00,15:00-18:00; We,Fr 09:00-12:00"),
        ("Fr-Sa 18:00-06:00; PH off", "Fr 18:00-24:00; Sa 00:00-06:00,18:00-24:00; Su 00:00-06:00; PH off"),
        ("Mo 19:00-26:00", "Mo 19:00-24:00; Tu 00:00-02:00"),
        ("Su 22:00-02:00", "Mo 00:00-02:00; Su 22:00-24:00"),
        ("open", "24/7"),
        ("closed", "off"),
        ("Mo-Fr", "Mo-Fr 00:00-24:00"),
        ("Mo-Fr 9:00-17:00", "Mo-Fr 09:00-17:00"),
        ("24:00-02:00", "00:00-02:00"),
        ("Mo, Tu, We, Th, Fr, Su 11:00-01:00; Sa 11:00-02:00", "Mo-Sa 00:00-01:00,11:00-24:00; Su 00:00-02:00,11:00-24:00"),
        ("Mo-Fr 08:00-20:00; Sa 09:00-18:00; Su 10:00-16:00; PH off;", "Mo-Fr 08:00-20:00; Sa 09:00-18:00; Su 10:00-16:00; PH off"),
    ])
    func equivalentForms(input: String, canonical: String) throws {
        let schedule = try WeeklySchedule(openingHours: input)
        #expect(schedule.openingHours == canonical)
    }

    /// schema.org lists several values for one week; a second shift adds, a restated day replaces.
    @Test(arguments: [
        (["Mo-Sa 11:00-14:30", "Mo-Th 17:00-21:30", "Fr-Sa 17:00-22:00"], "Mo-Th 11:00-14:30,17:00-21:30; Fr,Sa 11:00-14:30,17:00-22:00"),
        (["Mo-Su 09:00-18:00", "Sa 10:00-14:00", "Su off"], "Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
        (["Mo-Fr 09:00-18:00; Sa 10:00-14:00", "PH off"], "Mo-Fr 09:00-18:00; Sa 10:00-14:00; PH off"),
    ])
    func listedValues(values: [String], canonical: String) throws {
        #expect(try WeeklySchedule(openingHoursValues: values).openingHours == canonical)
    }

    @Test func mondayToSundayWholeDayEqualsAlwaysOpen() throws {
        let s = try WeeklySchedule(openingHours: "Mo-Su 00:00-24:00")
        #expect(s == WeeklySchedule.alwaysOpen)
        #expect(s.isAlwaysOpen)
        let fromShortForm = try WeeklySchedule(openingHours: "24/7")
        #expect(fromShortForm == s)
    }

    @Test func equalityIgnoresTimeZone() throws {
        var a = try WeeklySchedule(openingHours: "Mo-Fr 09:00-18:00")
        let b = a
        a.timeZone = "Europe/Moscow"
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        var c = b
        c.publicHolidays = .off
        #expect(c != b)
    }

    @Test(arguments: [
        ("Jan off", 0, "month"),
        ("Mo-Fr 08:00-20:00; Dec 25 off", 19, "month"),
        ("sunrise-sunset", 0, "variable"),
        ("week 1-53/2 Sa 00:00-24:00", 0, "week"),
        ("\"by appointment\"", 0, "comment"),
        ("Mo-Fr 08:00-12:00 || \"call\"", 18, "fallback"),
        ("Sa[1] 10:00-12:00", 2, "nth"),
        ("2021 Apr 10 off", 0, "year"),
        ("Mo 10:00+", 8, "open-ended"),
        ("Tu,PH 23:59-22:59", 0, "public holidays"),
        ("Mo-Fr 15:00-20:00/60", 17, "interval"),
        ("", 0, "empty"),
        ("Mo-Fr 25:00-26:00", 6, "hour"),
        ("Mo-Fr 08:00-", 12, "time"),
        ("Xy 10:00-12:00", 0, "unknown"),
        ("Mo-Fr 08:60-09:00", 9, "minutes"),
        ("Mo-Fr 08:00-12:00 off", 18, "not supported"),
        ("SH off", 0, "school"),
        ("PH 10:00-12:00", 0, "public holidays"),
        ("Mo-Fr 08:00", 11, "points in time"),
        ("easter off", 0, "easter"),
        ("Mo-Fr 10:00-12:00 \"ring\"", 18, "comment"),
        ("Mo 10-12", 5, "':'"),
    ])
    func rejectsOutOfSubset(input: String, offset: Int, message: String) {
        do {
            let s = try WeeklySchedule(openingHours: input)
            Issue.record("expected an error, got \(s.openingHours)")
        } catch {
            #expect(error.offset == offset, "\(error)")
            #expect(error.message.lowercased().contains(message.lowercased()), "\(error)")
        }
    }
}
