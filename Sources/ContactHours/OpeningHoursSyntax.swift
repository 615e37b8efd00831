/// Why an OSM `opening_hours` value was rejected.
/// `offset` counts Unicode scalars from the start of the value (equal to the character offset
/// for the ASCII values OSM uses).
public struct OpeningHoursSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "opening_hours syntax error at offset \(offset): \(message)" }
}

extension WeeklySchedule {
    /// Parses the subset of OSM `opening_hours` that a weekly schedule can represent:
    /// `24/7`, weekday selectors (`Mo`, `Mo-Fr`, `Fr-Mo`, `Tu,Th`), time spans `HH:MM-HH:MM`
    /// (end up to 48:00 or before the start for overnight), `off`/`closed`/`open`, `PH off`,
    /// rules separated by `;` (later rules replace earlier ones for their days) and additional
    /// rules after `,` (they add). Anything else (months, dates, week numbers, `sunrise`, comments,
    /// `||` fallbacks, open ends `+`, holidays with hours) throws instead of guessing.
    public init(openingHours: String) throws(OpeningHoursSyntaxError) {
        var parser = OpeningHoursParser(Array(openingHours.unicodeScalars))
        self = try parser.parse()
    }

    /// Several values that together describe one week, as schema.org lists `openingHours`
    /// (its Restaurant example: "Mo-Sa 11:00-14:30", "Mo-Th 17:00-21:30", "Fr-Sa 17:00-22:00").
    /// Each value is OSM; a day that several values name adds or replaces as `addsShift(_:_:)` says,
    /// where joining the values with `;` would let the last one replace the others.
    public init(openingHoursValues values: [String]) throws(OpeningHoursSyntaxError) {
        var own = [[(Int, Int)]](repeating: [], count: 7)
        var named = [Bool](repeating: false, count: 7)
        var holidays = HolidayRule.unspecified
        func ranges(_ spans: [(Int, Int)]) -> [MinuteRange] { spans.map { MinuteRange(start: $0.0, end: $0.1) } }
        for value in values {
            var parser = OpeningHoursParser(Array(value.unicodeScalars))
            try parser.parseRules()
            if parser.holidays == .off { holidays = .off }
            for d in 0..<7 where parser.named[d] {
                let adds = named[d] && WeeklySchedule.addsShift(ranges(own[d]), ranges(parser.own[d]))
                own[d] = adds ? own[d] + parser.own[d] : parser.own[d]
                named[d] = true
            }
        }
        self = OpeningHoursParser.schedule(own, holidays: holidays)
    }
}

struct OpeningHoursParser {
    private let s: [Unicode.Scalar]
    private var i = 0
    /// Per day, spans as written (end may exceed 1440); overnight spill is resolved at the end so
    /// that a later rule replacing a day also drops what that day would have spilled.
    private(set) var own: [[(Int, Int)]] = Array(repeating: [], count: 7)
    /// Days some rule selected (with hours or off).
    private(set) var named = [Bool](repeating: false, count: 7)
    private(set) var holidays = HolidayRule.unspecified

    init(_ scalars: [Unicode.Scalar]) { s = scalars }

    private static let months: Set<String> = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let variableTimes: Set<String> = ["sunrise", "sunset", "dawn", "dusk"]

    private func error(_ message: String, at offset: Int? = nil) -> OpeningHoursSyntaxError {
        OpeningHoursSyntaxError(offset: offset ?? i, message: message)
    }

    private var atEnd: Bool { i >= s.count }
    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }
    private static func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0.value >= 48 && $0.value <= 57 } ?? false }
    private static func isLetter(_ c: Unicode.Scalar?) -> Bool {
        guard let v = c?.value else { return false }
        return (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
    }

    private mutating func skipSpaces() {
        while let c = peek(), c == " " || c == "\t" || c == "\u{A0}" { i += 1 }
    }

    /// Letters at the cursor, without consuming them.
    private func wordAhead() -> String {
        var j = i
        var w = ""
        while j < s.count, OpeningHoursParser.isLetter(s[j]) {
            w.unicodeScalars.append(s[j])
            j += 1
        }
        return w
    }

    private func weekdayAhead() -> Weekday? {
        let w = wordAhead()
        guard w.count == 2 else { return nil }
        return Weekday(osmCode: w)
    }

    mutating func parse() throws(OpeningHoursSyntaxError) -> WeeklySchedule {
        try parseRules()
        return OpeningHoursParser.schedule(own, holidays: holidays)
    }

    /// Overnight spill is resolved here, after every rule had its say.
    static func schedule(_ own: [[(Int, Int)]], holidays: HolidayRule) -> WeeklySchedule {
        var days = [[MinuteRange]](repeating: [], count: 7)
        for day in Weekday.allCases {
            for (start, end) in own[day.rawValue] {
                WeeklySchedule.add(start: start, end: end, on: day, to: &days)
            }
        }
        return WeeklySchedule(days: days, publicHolidays: holidays)
    }

    mutating func parseRules() throws(OpeningHoursSyntaxError) {
        skipSpaces()
        if atEnd { throw error("empty value") }
        var additional = false
        while true {
            skipSpaces()
            if atEnd { break }
            try parseRule(additional: additional)
            skipSpaces()
            guard let c = peek() else { break }
            if c == ";" {
                i += 1
                additional = false
            } else if c == "," {
                i += 1
                additional = true
                skipSpaces()
                if weekdayAhead() == nil && wordAhead() != "PH" {
                    throw error("expected a weekday or PH after ',' (additional rule)")
                }
            } else if c == "|" {
                throw error("fallback rules ('||') are not supported")
            } else if c == "\"" {
                throw error("comments are not supported")
            } else {
                throw error("unexpected character '\(c)'")
            }
        }
    }

    private mutating func parseRule(additional: Bool) throws(OpeningHoursSyntaxError) {
        let ruleStart = i
        if s.count - i >= 4, String(String.UnicodeScalarView(s[i..<i + 4])) == "24/7" {
            i += 4
            skipSpaces()
            if wordAhead() == "open" { i += 4 }
            for d in 0..<7 { own[d] = [(0, 1440)] }
            named = Array(repeating: true, count: 7)
            return
        }
        // Selector.
        var selected: Set<Weekday> = []
        var holidaySelected = false
        var hasSelector = false
        selectorLoop: while true {
            let w = wordAhead()
            if let day = weekdayAhead() {
                i += 2
                if peek() == "[" { throw error("nth-weekday selectors are not supported") }
                var last = day
                if peek() == "-" {
                    i += 1
                    guard let end = weekdayAhead() else { throw error("expected a weekday after '-'", at: i) }
                    last = end
                    i += 2
                }
                selected.formUnion(day.through(last))
                hasSelector = true
            } else if w == "PH" {
                i += 2
                holidaySelected = true
                hasSelector = true
            } else if w == "SH" {
                throw error("school holidays are not supported")
            } else {
                break selectorLoop
            }
            // A comma continues the selector only when another day follows; otherwise it
            // separates this rule's time spans or starts an additional rule.
            let save = i
            if peek() == "," {
                i += 1
                skipSpaces()
                if weekdayAhead() != nil || wordAhead() == "PH" { continue selectorLoop }
            }
            i = save
            break
        }
        skipSpaces()
        let w = wordAhead()
        let lower = w.lowercased()
        if OpeningHoursParser.isMonthWord(lower) {
            throw error("month and date selectors are not supported")
        }
        if lower == "week" { throw error("week selectors are not supported") }
        if lower == "easter" { throw error("easter dates are not supported") }
        if OpeningHoursParser.variableTimes.contains(lower) { throw error("variable times (\(lower)) are not supported") }
        if peek() == "\"" { throw error("comments are not supported") }
        if peek() == "(" { throw error("variable times are not supported") }
        if peek() == ":" { throw error("':' after a selector is not OSM syntax (month ranges are not supported)") }

        var spans: [(Int, Int)] = []
        var isOff = false
        if OpeningHoursParser.isDigit(peek()) {
            spans = try parseSpans()
            skipSpaces()
            let after = wordAhead()
            if after == "open" {
                i += 4
            } else if after == "off" || after == "closed" {
                throw error("time spans that are off (exceptions) are not supported")
            } else if after == "unknown" {
                throw error("'unknown' state is not supported")
            }
        } else if w == "off" || w == "closed" {
            i += w.unicodeScalars.count
            isOff = true
        } else if w == "open" {
            i += 4
            spans = [(0, 1440)]
        } else if w == "unknown" {
            throw error("'unknown' state is not supported")
        } else if hasSelector {
            if !w.isEmpty { throw error("unexpected word '\(w)'") }
            // "Mo-Fr" alone means open all day in OSM.
            spans = [(0, 1440)]
        } else if w.isEmpty {
            if let c = peek() { throw error("unexpected character '\(c)'") }
            throw error("expected a rule", at: ruleStart)
        } else {
            throw error("unknown word '\(w)'")
        }
        skipSpaces()
        if peek() == "\"" { throw error("comments are not supported") }

        if holidaySelected {
            guard isOff else { throw error("opening hours on public holidays are not supported (only 'PH off')", at: ruleStart) }
            holidays = .off
        }
        let target: [Weekday]
        if !selected.isEmpty {
            target = selected.sorted()
        } else if holidaySelected {
            target = []
        } else {
            target = Weekday.allCases
        }
        for day in target {
            named[day.rawValue] = true
            if isOff {
                own[day.rawValue] = []
            } else if additional {
                own[day.rawValue].append(contentsOf: spans)
            } else {
                own[day.rawValue] = spans
            }
        }
    }

    private static let fullMonths: Set<String> = ["january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"]

    private static func isMonthWord(_ w: String) -> Bool {
        (w.count == 3 && months.contains(w)) || fullMonths.contains(w)
    }

    private mutating func parseSpans() throws(OpeningHoursSyntaxError) -> [(Int, Int)] {
        var spans: [(Int, Int)] = []
        while true {
            let start = try parseTime()
            skipSpaces()
            guard peek() == "-" else {
                if peek() == "+" { throw error("open-ended times ('+') are not supported") }
                if peek() == "," || atEnd || peek() == ";" { throw error("points in time are not supported, expected '-'") }
                throw error("expected '-' after a time")
            }
            i += 1
            skipSpaces()
            if !OpeningHoursParser.isDigit(peek()) {
                throw error(peek() == "(" || OpeningHoursParser.isLetter(peek()) ? "variable times are not supported" : "expected a time after '-'")
            }
            let end = try parseTime(allowExtended: true)
            if peek() == "+" { throw error("open-ended times ('+') are not supported") }
            if peek() == "/" { throw error("repeating intervals ('/') are not supported") }
            if start > 1440 { throw error("start time after 24:00") }
            var adjustedStart = start
            if adjustedStart == 1440 { adjustedStart = 0 }
            if end == adjustedStart { throw error("empty time span") }
            spans.append((adjustedStart, end))
            let save = i
            skipSpaces()
            if peek() == "," {
                i += 1
                skipSpaces()
                if OpeningHoursParser.isDigit(peek()) { continue }
            }
            i = save
            return spans
        }
    }

    /// `H:MM` or `HH:MM`; with `allowExtended`, hours up to 48 (OSM's way to write past midnight).
    private mutating func parseTime(allowExtended: Bool = false) throws(OpeningHoursSyntaxError) -> Int {
        let at = i
        var digits = 0
        var hour = 0
        while OpeningHoursParser.isDigit(peek()), let c = peek() {
            hour = hour * 10 + Int(c.value - 48)
            digits += 1
            i += 1
            if digits > 4 { break }
        }
        if digits >= 4 && peek() != ":" {
            throw error(digits == 4 && hour >= 1900 && hour <= 2200 ? "year selectors are not supported" : "expected a time HH:MM", at: at)
        }
        guard digits >= 1 && digits <= 2 else { throw error("expected a time HH:MM", at: at) }
        guard peek() == ":" else {
            if peek() == " " || OpeningHoursParser.isLetter(peek()) { throw error("month day / date selectors are not supported", at: at) }
            throw error("expected ':' in time", at: i)
        }
        i += 1
        guard OpeningHoursParser.isDigit(peek()), OpeningHoursParser.isDigit(peek(1)), let m1 = peek(), let m2 = peek(1) else {
            throw error("expected two-digit minutes", at: i)
        }
        let minute = Int(m1.value - 48) * 10 + Int(m2.value - 48)
        i += 2
        if OpeningHoursParser.isDigit(peek()) { throw error("expected two-digit minutes", at: i) }
        guard minute < 60 else { throw error("minutes must be below 60", at: i - 2) }
        let limit = allowExtended ? 48 : 24
        guard hour < limit || (hour == limit && minute == 0) else { throw error("hour out of range", at: at) }
        return hour * 60 + minute
    }
}
