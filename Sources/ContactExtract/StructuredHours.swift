import ContactHours

/// Hours as schema.org states them: `openingHours` strings ("Mo-Fr 09:00-17:00", an
/// array of them) or `OpeningHoursSpecification` objects (dayOfWeek, opens, closes).
struct StructuredHours {
    struct Specification {
        var days: [Weekday]
        var opens: Int?
        var closes: Int?

        init(json: [String: Any]) {
            let dayValues: [String]
            if let one = json["dayOfWeek"] as? String { dayValues = [one] }
            else { dayValues = (json["dayOfWeek"] as? [Any] ?? []).compactMap { $0 as? String } }
            days = dayValues.compactMap(Self.weekday)
            opens = (json["opens"] as? String).flatMap(Self.minutes)
            closes = (json["closes"] as? String).flatMap(Self.minutes)
        }

        /// From microdata: space-joined property texts.
        init(fields: [String: String]) {
            days = (fields["dayOfWeek"] ?? "").split(separator: " ").map(String.init).compactMap(Self.weekday)
            opens = fields["opens"].flatMap { Self.minutes($0.trimmingCharacters(in: " ")) }
            closes = fields["closes"].flatMap { Self.minutes($0.trimmingCharacters(in: " ")) }
        }

        /// "Monday", "https://schema.org/Monday", "Mo".
        static func weekday(_ raw: String) -> Weekday? {
            let name = raw.split(separator: "/").last.map(String.init)?.lowercased() ?? ""
            let prefix = String(name.prefix(2))
            return ["mo": Weekday.mo, "tu": .tu, "we": .we, "th": .th, "fr": .fr, "sa": .sa, "su": .su][prefix]
        }

        /// "09:00", "9:00:00", "24:00" → minutes since midnight.
        static func minutes(_ raw: String) -> Int? {
            let parts = raw.split(separator: ":")
            guard parts.count >= 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
                  (0...24).contains(hours), (0..<60).contains(minutes) else { return nil }
            return hours * 60 + minutes
        }
    }

    let openingHours: WeeklySchedule?

    init(openingHours strings: [String]) {
        if let schedule = try? WeeklySchedule(openingHoursValues: strings) {
            openingHours = schedule
        } else {
            // Sites write free text into openingHours too ("Mon-Fri 9am-5pm").
            openingHours = HoursParser.schedule(in: strings.joined(separator: "; "))
        }
    }

    init(specifications: [Specification]) {
        var days = Array(repeating: [MinuteRange](), count: 7)
        var any = false
        for spec in specifications {
            guard let opens = spec.opens, let closes = spec.closes else { continue }
            // 00:00-00:00 is how some sites write "open all day".
            let range = opens == closes ? MinuteRange.wholeDay
                : closes > opens ? MinuteRange(start: opens, end: closes) : MinuteRange(start: opens, end: 1440)
            for day in spec.days {
                days[day.rawValue].append(range)
                any = true
            }
        }
        openingHours = any ? WeeklySchedule(days: days.map(MinuteRange.normalized)) : nil
    }
}
