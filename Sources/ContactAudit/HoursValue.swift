import ContactHours
import ContactModel

extension ContactRecord {
    /// The schedule an hours record states; nil for `unspecified` (a page saying "call us"
    /// without hours agrees with everything) and for values outside our OSM subset.
    var schedule: WeeklySchedule? {
        guard kind == .hours, value != "unspecified" else { return nil }
        return try? WeeklySchedule(openingHours: value)
    }
}

extension Channel {
    /// Hotline and other phone lines are one channel for schedules: pages rarely say
    /// which line their hours are for.
    var scheduleGroup: Channel {
        self == .phone ? .hotline : self
    }
}
