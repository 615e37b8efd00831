/// One hours statement found in free text.
public struct HoursStatement: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case schedule(WeeklySchedule)
        /// A vague reference ("в рабочее время", "during business hours") with no times.
        case unspecified
    }

    public var value: Value
    /// The part of the input it came from, as indices into the `String` passed to
    /// `HoursParser.statements(in:)`. Bounds sit on Unicode-scalar boundaries (they always are
    /// character boundaries for normal text; a combining mark after the last letter is not included).
    public var range: Range<String.Index>
    /// Days the statement names; nil when it names none ("с 08:00 до 20:00", "круглосуточно").
    /// "ежедневно"/"daily"/"7 days a week" name all seven days.
    public var days: Set<Weekday>?
    /// True when the statement covers only part of the week (it names fewer than 7 days), or when
    /// it only says something about public holidays; such statements are meant to be merged with
    /// their neighbours (list items, table rows) by `HoursParser.merge(_:)`.
    public var isPartial: Bool
    /// True for statements that only say public holidays are closed; their schedule has no
    /// opening on any weekday and `publicHolidays == .off`.
    public var isHolidayRule: Bool
    /// True when its hours take their start from the statement before ("Mo-Fr 9-17, Saturday
    /// until noon", "werkdag van 9.00 tot 17.00 en op woensdag tot 18.45"): it amends that
    /// statement's days and never stands for a schedule of its own.
    public var amendsPrevious = false

    public init(value: Value, range: Range<String.Index>, days: Set<Weekday>?, isPartial: Bool, isHolidayRule: Bool = false) {
        self.value = value
        self.range = range
        self.days = days
        self.isPartial = isPartial
        self.isHolidayRule = isHolidayRule
    }

    /// True for statements that only name days off ("сб-вс выходной", "Sunday closed"): they
    /// name days, open none and say nothing about holidays only.
    public var isDaysOff: Bool {
        guard days != nil, !isHolidayRule, let schedule else { return false }
        return schedule.isClosedAllWeek
    }

    /// The schedule, or nil for `.unspecified`.
    public var schedule: WeeklySchedule? {
        if case .schedule(let s) = value { return s }
        return nil
    }

    /// UTF-8 offsets of `range` within `text` (the string the statement was found in).
    public func utf8Offsets(in text: String) -> Range<Int> {
        let lower = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let upper = text.utf8.distance(from: text.startIndex, to: range.upperBound)
        return lower..<upper
    }
}
