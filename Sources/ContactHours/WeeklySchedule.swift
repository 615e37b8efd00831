/// Opening hours for a generic week.
///
/// Equality and hashing look at `days` and `publicHolidays` only: the time zone is metadata
/// about how the hours were written ("мск"), two pages stating the same hours agree even if only
/// one of them names the zone.
public struct WeeklySchedule: Hashable, Sendable, CustomStringConvertible {
    /// Exactly 7 entries, Monday first; each sorted with overlapping/touching ranges merged.
    public var days: [[MinuteRange]] {
        didSet { days = WeeklySchedule.normalizedDays(days) }
    }
    public var publicHolidays: HolidayRule
    /// IANA identifier such as "Europe/Moscow" when the text named a zone; nil otherwise.
    public var timeZone: String?

    public init(days: [[MinuteRange]] = [], publicHolidays: HolidayRule = .unspecified, timeZone: String? = nil) {
        self.days = WeeklySchedule.normalizedDays(days)
        self.publicHolidays = publicHolidays
        self.timeZone = timeZone
    }

    /// Closed every day (also what an empty statement list merges into).
    public static let closed = WeeklySchedule()

    public static let alwaysOpen = WeeklySchedule(days: Array(repeating: [MinuteRange.wholeDay], count: 7))

    public subscript(day: Weekday) -> [MinuteRange] {
        get { days[day.rawValue] }
        set { days[day.rawValue] = newValue }
    }

    /// Every day 00:00-24:00. Holidays being off does not change this (it renders as `24/7; PH off`),
    /// because the weekly pattern is still "never closes".
    public var isAlwaysOpen: Bool {
        days.allSatisfy { $0 == [MinuteRange.wholeDay] }
    }

    /// No opening on any weekday.
    public var isClosedAllWeek: Bool { days.allSatisfy { $0.isEmpty } }

    public static func == (lhs: WeeklySchedule, rhs: WeeklySchedule) -> Bool {
        lhs.days == rhs.days && lhs.publicHolidays == rhs.publicHolidays
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(days)
        hasher.combine(publicHolidays)
    }

    public var description: String { openingHours }

    static func normalizedDays(_ input: [[MinuteRange]]) -> [[MinuteRange]] {
        var result: [[MinuteRange]] = []
        result.reserveCapacity(7)
        for i in 0..<7 {
            result.append(i < input.count ? MinuteRange.normalized(input[i]) : [])
        }
        return result
    }

    /// Canonical OSM `opening_hours`.
    ///
    /// Rules: `24/7` when every day is whole; no day selector when all 7 days are equal;
    /// otherwise days with equal hours share one rule, consecutive runs of 3+ days are written
    /// `Mo-Fr`, runs of 2 as `Sa,Su` (the OSM wiki convention), rules ordered by first day.
    /// Closed days are omitted (closed is the OSM default), `PH off` comes last.
    /// A week with no opening at all is `off` (or just `PH off` when holidays are off).
    public var openingHours: String {
        var rules: [String] = []
        if isAlwaysOpen {
            rules.append("24/7")
        } else if isClosedAllWeek {
            if publicHolidays != .off { rules.append("off") }
        } else if days.allSatisfy({ $0 == days[0] }) {
            rules.append(WeeklySchedule.format(days[0]))
        } else {
            // Group days by identical hours, keeping first-appearance order (= order of first day).
            var groups: [(ranges: [MinuteRange], days: [Int])] = []
            for (i, ranges) in days.enumerated() where !ranges.isEmpty {
                if let g = groups.firstIndex(where: { $0.ranges == ranges }) {
                    groups[g].days.append(i)
                } else {
                    groups.append((ranges, [i]))
                }
            }
            for group in groups {
                rules.append(WeeklySchedule.selector(group.days) + " " + WeeklySchedule.format(group.ranges))
            }
        }
        if publicHolidays == .off { rules.append("PH off") }
        return rules.joined(separator: "; ")
    }

    static func format(_ ranges: [MinuteRange]) -> String {
        ranges.map(\.description).joined(separator: ",")
    }

    /// `[0,1,2,3,4,6]` → `Mo-Fr,Su`.
    static func selector(_ dayIndices: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < dayIndices.count {
            var j = i
            while j + 1 < dayIndices.count && dayIndices[j + 1] == dayIndices[j] + 1 { j += 1 }
            let first = Weekday(rawValue: dayIndices[i]) ?? .mo
            let last = Weekday(rawValue: dayIndices[j]) ?? .mo
            switch j - i {
            case 0: parts.append(first.osmCode)
            case 1: parts.append(first.osmCode + "," + last.osmCode)
            default: parts.append(first.osmCode + "-" + last.osmCode)
            }
            i = j + 1
        }
        return parts.joined(separator: ",")
    }

    /// Whether a day's later hours add to its earlier ones when statements listed as one
    /// schedule both name it. Hours apart from the earlier ones are another shift and add
    /// ("Mo-Sa 11:00-14:30", "Mo-Th 17:00-21:30"; "Mo – Fr: 9 – 12 Uhr und Mo, Di, Do:
    /// 15 – 18 Uhr"); overlapping hours restate the day
    /// ("Mo-Su 09:00-18:00", "Sa 10:00-14:00") and no hours (closed) clear it, so those replace.
    static func addsShift(_ earlier: [MinuteRange], _ later: [MinuteRange]) -> Bool {
        !earlier.isEmpty && !later.isEmpty && MinuteRange.areApart(earlier, later)
    }

    /// Adds `start..<end` on `day`; an end at or before the start (or past 24:00) spills the
    /// remainder into the next day, so "Fr 22:00-02:00" is Fr 22:00-24:00 + Sa 00:00-02:00.
    mutating func add(start: Int, end: Int, on day: Weekday) {
        var copy = days
        WeeklySchedule.add(start: start, end: end, on: day, to: &copy)
        days = copy
    }

    /// Same on a plain array, so builders normalise once instead of on every append.
    static func add(start: Int, end: Int, on day: Weekday, to days: inout [[MinuteRange]]) {
        while days.count < 7 { days.append([]) }
        var end = end
        if end <= start { end += 1440 }
        if end <= 1440 {
            days[day.rawValue].append(MinuteRange(start: start, end: end))
        } else {
            days[day.rawValue].append(MinuteRange(start: start, end: 1440))
            days[day.next.rawValue].append(MinuteRange(start: 0, end: min(end - 1440, 1440)))
        }
    }
}
