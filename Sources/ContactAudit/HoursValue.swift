import ContactHours
import ContactModel

extension ContactRecord {
    /// The schedule an hours record states, by meaning (see `byMeaning`); nil for
    /// `unspecified` (a page saying "call us" without hours agrees with everything) and for
    /// values outside our OSM subset.
    var schedule: WeeklySchedule? {
        guard kind == .hours, value != "unspecified" else { return nil }
        return (try? WeeklySchedule(openingHours: value))?.byMeaning
    }
}

extension WeeklySchedule {
    /// The one form the rules compare (and `init` merges by): a range ending at 23:59 ends
    /// at midnight, schema.org's way of writing "until the end of the day", so JSON-LD's
    /// `00:00-23:59` every day is the `24/7` the page's text says. Records and the
    /// catalog's schedules both pass through it; without it `init` wrote `24/7` for such a
    /// page and `audit` then reported the page's own markup as conflicting with it.
    var byMeaning: WeeklySchedule {
        var schedule = self
        schedule.days = days.map { ranges in ranges.map { $0.end == 1439 ? MinuteRange(start: $0.start, end: 1440) : $0 } }
        return schedule
    }
}

extension Channel {
    /// Hotline and other phone lines are one channel for schedules: pages rarely say
    /// which line their hours are for.
    var scheduleGroup: Channel {
        self == .phone ? .hotline : self
    }
}
