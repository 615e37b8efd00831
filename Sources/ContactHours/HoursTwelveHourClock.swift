/// Ranges written on a twelve-hour clock without am/pm (issue 13, branch `hoursread`).
extension HoursRecognizer {
    enum TwelveHourReading: Equatable {
        /// The end, in minutes from midnight, that the range must have.
        case end(Int)
        /// Afternoon and night are both plausible: no schedule may be made of the range.
        case undecided
    }

    /// How a range whose ends carry no am/pm reads in a text that writes no hour after noon as
    /// a number and is not in a language of the 24-hour clock (`start`, `end` as read, in
    /// minutes; `end` before `start` would run past midnight). Nil: the other rules decide.
    /// - "11-11 Mon-Sat", "12-12 every day": equal ends are twelve hours apart (23 or 24 hours
    ///   open is no reading of them), the start in the morning or at noon.
    /// - "12-10:30 Sun", "9-5", "11-10": an end before the start that would make a night of
    ///   sixteen hours or more is in the afternoon or evening.
    /// - "11:00 to 2:30", "11-2": a shorter night is as plausible as the afternoon (a bar's
    ///   hours, a lunch service): nothing decides.
    /// A padded early end ("9-02", "11:00-02:00") is the 24-hour clock's and left to the others.
    static func twelveHourReading(start s: Int, end e: Int, first: Endpoint, second: Endpoint) -> TwelveHourReading? {
        guard !first.special, !second.special, !first.military, !second.military, s <= 720 else { return nil }
        if s == e {
            guard s >= 6 * 60 else { return nil }
            return .end(s + 720)
        }
        guard e < s, e < 720, !(second.padded && second.hour < 10) else { return nil }
        let night = e + 1440 - s
        return night >= 16 * 60 ? .end(e + 720) : .undecided
    }
}

extension HoursRecognizer {
    /// "closed for lunch 1-2pm", "Closed Lunch 1200-1300", "geschlossen Mittagspause": the
    /// closed word at `i` introduces a break; it closes neither the range before it nor a day.
    func closedWordNamesBreak(_ i: Int) -> Bool {
        var k = i + 1
        if word(k) == "for" { k += 1 }
        guard let b = word(k) else { return false }
        return HoursLexicon.breakWords.contains(b)
    }
}

extension HoursRecognizer {
    /// "between 9:00am and 6.00pm Monday to Friday, 9:00am and 5:00pm Saturday": "between"
    /// written once, before the first range, stands before the later ones too. Only for ends
    /// written as clock times or with am/pm, right after days or a comma that follow a
    /// "between" range.
    func betweenWrittenOnce(_ i: Int, _ first: Endpoint) -> Bool {
        guard first.colon || first.meridiem != 0 else { return false }
        guard let range = items.last(where: { if case .ranges = $0.kind { return true } else { return false } }),
              word(range.first) == "between", range.last < i, i - range.last <= 12 else { return false }
        return sym(i - 1) == "," || items.last.map({ if case .days = $0.kind { return $0.last == i - 1 } else { return false } }) == true
    }

    /// "09:30 - 17:30 Tuesday to Friday, Saturday 09:00 - 17:30", "11 am - 12 am mon-sat and
    /// Sunday 1pm - 10pm": in a text that writes hours before days (no days read yet, hours
    /// right before), a list of days followed by hours of its own is two lists: the days up to
    /// the last comma or list word close the hours before, the rest lead the hours after.
    /// Nil when that is not the case.
    func splitDaysAfterHours(_ i: Int, start: Int, spec: (days: Set<Weekday>, holidays: Bool, end: Int))
        -> (before: Set<Weekday>, connector: Int, after: Set<Weekday>)? {
        guard !hasDaysItem, start == i, let previous = items.last, case .ranges = previous.kind, previous.last == i - 1 else { return nil }
        var k = spec.end
        if sym(k) == ":" { k += 1 }
        guard number(k) != nil, parseRange(k) != nil else { return nil }
        var c = spec.end - 1
        while c > i {
            if let connector = sym(c) ?? word(c), connector == "," || HoursLexicon.listWords.contains(connector) && connector != "/",
               let rest = parseDaySpec(c + 1), rest.end == spec.end {
                let before = spec.days.subtracting(rest.days)
                guard !before.isEmpty, parseDaySpec(i).map({ $0.end > i }) == true else { return nil }
                return (before, c, rest.days)
            }
            c -= 1
        }
        return nil
    }
}

extension HoursParser {
    /// "11:00 am - 12:30 am, Saturday closed, Sunday closed": hours naming no days that run past
    /// midnight fill the days no statement names, and their night belongs to the day after each
    /// of those days: Monday does not keep the night of the closed Sunday, Saturday keeps
    /// Friday's.
    static func moveSpillOfDaylessHours(filledBy: [WeeklySchedule?], named: [Bool], own: inout [[MinuteRange]], spill: inout [[MinuteRange]]) {
        /// The night part that day `x` of `schedule` holds from the day before, if any.
        func night(of schedule: WeeklySchedule, on x: Int) -> MinuteRange? {
            let before = schedule.days[(x + 6) % 7]
            guard before.contains(where: { $0.end == 1440 && $0.start > 0 }) else { return nil }
            return schedule.days[x].first { $0.start == 0 && $0.end < 1440 }
        }
        for d in 0..<7 {
            guard !named[d], let schedule = filledBy[d] else { continue }
            let previous = (d + 6) % 7, next = (d + 1) % 7
            if named[previous], let part = night(of: schedule, on: d) {
                own[d].removeAll { $0 == part }
            }
            if named[next], let part = night(of: schedule, on: next), !own[next].contains(part), !spill[next].contains(part) {
                spill[next].append(part)
            }
        }
    }
}
