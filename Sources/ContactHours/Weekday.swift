/// Day of the week, Monday first (ISO 8601 and OSM order).
public enum Weekday: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case mo = 0, tu, we, th, fr, sa, su

    /// Two-letter code used by OSM `opening_hours`.
    public var osmCode: String {
        switch self {
        case .mo: return "Mo"
        case .tu: return "Tu"
        case .we: return "We"
        case .th: return "Th"
        case .fr: return "Fr"
        case .sa: return "Sa"
        case .su: return "Su"
        }
    }

    public init?(osmCode: String) {
        guard let day = Weekday.allCases.first(where: { $0.osmCode == osmCode }) else { return nil }
        self = day
    }

    /// The following day; Sunday wraps to Monday because schedules are weekly cycles.
    public var next: Weekday { Weekday(rawValue: (rawValue + 1) % 7) ?? .mo }

    /// Days from `self` to `last` inclusive, wrapping over the week end (`Fr-Mo`).
    public func through(_ last: Weekday) -> [Weekday] {
        var result: [Weekday] = [self]
        var day = self
        while day != last {
            day = day.next
            result.append(day)
        }
        return result
    }

    public var description: String { osmCode }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Minutes from midnight, `0 <= start < end <= 1440`.
public struct MinuteRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    /// Values are clamped into `0...1440` rather than trapping, because ranges are built from
    /// untrusted text; an empty or inverted result is dropped by `WeeklySchedule` normalisation.
    public init(start: Int, end: Int) {
        self.start = min(max(start, 0), 1440)
        self.end = min(max(end, 0), 1440)
    }

    public static let wholeDay = MinuteRange(start: 0, end: 1440)

    public var isEmpty: Bool { end <= start }
    public var duration: Int { max(0, end - start) }

    public static func < (lhs: MinuteRange, rhs: MinuteRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    /// `HH:MM-HH:MM`, the OSM spelling.
    public var description: String { "\(MinuteRange.clock(start))-\(MinuteRange.clock(end))" }

    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// True when no range of `a` overlaps one of `b`; ranges that only touch are apart.
    static func areApart(_ a: [MinuteRange], _ b: [MinuteRange]) -> Bool {
        !a.contains { x in b.contains { y in x.start < y.end && y.start < x.end } }
    }

    /// Sorted, without empty ranges, overlapping and touching ranges joined.
    public static func normalized(_ ranges: [MinuteRange]) -> [MinuteRange] {
        let sorted = ranges.filter { !$0.isEmpty }.sorted()
        var result: [MinuteRange] = []
        result.reserveCapacity(sorted.count)
        for r in sorted {
            if let last = result.last, r.start <= last.end {
                result[result.count - 1].end = max(last.end, r.end)
            } else {
                result.append(r)
            }
        }
        return result
    }

    /// `ranges` minus `cut`, used for lunch breaks.
    static func subtracting(_ cut: MinuteRange, from ranges: [MinuteRange]) -> [MinuteRange] {
        var result: [MinuteRange] = []
        for r in ranges {
            if cut.end <= r.start || cut.start >= r.end {
                result.append(r)
                continue
            }
            if cut.start > r.start { result.append(MinuteRange(start: r.start, end: cut.start)) }
            if cut.end < r.end { result.append(MinuteRange(start: cut.end, end: r.end)) }
        }
        return result
    }
}

/// What a schedule says about public holidays. Only "closed" is modelled: pages rarely give
/// holiday hours in a form worth auditing, but "no service on holidays" is common and useful.
public enum HolidayRule: String, Hashable, Sendable {
    case unspecified
    case off
}
