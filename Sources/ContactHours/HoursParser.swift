/// Natural-language opening hours (Russian, Ukrainian/Bulgarian short forms, English, German).
///
/// Pipeline: `HoursTokenizer` (words, numbers, symbols) → `HoursRecognizer` (phrases: days,
/// time ranges, closed, 24/7, breaks, holidays, vague references, zones) → grouping below
/// (phrases → statements). No regular expressions, every stage is linear in the input.
public enum HoursParser {
    /// Every hours statement in one block of text, in text order. Empty when there is none.
    public static func statements(in text: String) -> [HoursStatement] {
        guard mightContainHours(text) else { return [] }
        let tokens = HoursTokenizer.tokenize(text)
        var recognizer = HoursRecognizer(tokens: tokens)
        recognizer.run()
        let drafts = group(recognizer.items)
        return drafts.compactMap { statement(from: $0, tokens: tokens) }
    }

    /// Cheap pre-check: false only when `statements(in:)` cannot find anything. Any ASCII digit
    /// passes (times, 24/7); without digits only a handful of word stems can start a statement.
    public static func mightContainHours(_ text: String) -> Bool {
        var nonASCII = false
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 { return true }
            if b >= 0x80 { nonASCII = true }
        }
        return HoursTriggers.containsTrigger(text, asciiOnly: !nonASCII)
    }

    /// Merges statements (e.g. list items or table rows, each a partial statement) into one
    /// schedule, in order:
    /// - a statement naming days replaces those days (later wins); hours it spills past
    ///   midnight into an unnamed day are added to that day;
    /// - a statement naming no days fills only the days no earlier statement named
    ///   ("с 10 до 19, сб-вс выходной" and "Сб 10-16; остальные 9-18" both work);
    /// - any statement with holidays off sets `PH off`; the first time zone found is kept;
    /// - `.unspecified` statements are ignored. Nothing usable gives `WeeklySchedule.closed`.
    public static func merge(_ statements: [HoursStatement]) -> WeeklySchedule {
        var result = WeeklySchedule()
        var named = [Bool](repeating: false, count: 7)
        var zone: String?
        var holidays = HolidayRule.unspecified
        for statement in statements {
            guard case .schedule(let schedule) = statement.value else { continue }
            if schedule.publicHolidays == .off { holidays = .off }
            if zone == nil { zone = schedule.timeZone }
            if statement.isHolidayRule { continue }
            if let days = statement.days {
                for d in 0..<7 {
                    if let day = Weekday(rawValue: d), days.contains(day) {
                        result.days[d] = schedule.days[d]
                        named[d] = true
                    } else if !schedule.days[d].isEmpty {
                        result.days[d] += schedule.days[d]
                    }
                }
            } else {
                for d in 0..<7 where !named[d] {
                    result.days[d] = schedule.days[d]
                }
            }
        }
        result.publicHolidays = holidays
        result.timeZone = zone
        return result
    }

    /// Parses `text` and merges what it finds; nil when there is no usable statement.
    public static func schedule(in text: String) -> WeeklySchedule? {
        let found = statements(in: text).filter { $0.schedule != nil }
        return found.isEmpty ? nil : merge(found)
    }

    // MARK: grouping

    enum Content { case ranges, closed, allDay, vague }

    struct Draft {
        var days: Set<Weekday>?
        var daysLeading = true
        var holidaysInDays = false
        var content: Content?
        var spans: [RawSpan] = []
        var breaks: [RawSpan] = []
        var zone: String?
        var holidayOnly = false
        var first: Int
        var last: Int
    }

    /// Second stage: items → statements. A statement is days + content in either order
    /// ("Mo-Fr 9-18" or "08:00-20:00 (пн-пт)"); several time ranges after leading days are one
    /// statement ("Mo-Fr 09:00-13:00, 14:00-18:00"); a new day list followed by its own content,
    /// or content after `;`/`.`, starts a new statement.
    static func group(_ items: [HoursItem]) -> [Draft] {
        var drafts: [Draft] = []
        var current: Draft?
        var sep = 0 // 0 none, 1 weak (","), 2 strong (";", ".") since the current draft's last item
        var pendingZone: String?

        func finish() {
            if let c = current, c.content != nil { drafts.append(c) }
            current = nil
        }
        func contentKind(_ kind: HoursItem.Kind) -> (Content, [RawSpan])? {
            switch kind {
            case .ranges(let spans, _): return (.ranges, spans)
            case .closed: return (.closed, [])
            case .allDay: return (.allDay, [])
            case .vague: return (.vague, [])
            default: return nil
            }
        }
        /// Days after content belong to it unless they are directly followed by content of their own.
        func trailingAllowed(_ k: Int) -> Bool {
            var n = k + 1
            while n < items.count, case .timeZone = items[n].kind { n += 1 }
            guard n < items.count else { return true }
            if items[n].isContent { return false }
            if case .separator(strong: false) = items[n].kind {
                var m = n
                while m < items.count {
                    if case .separator(strong: false) = items[m].kind { m += 1; continue }
                    if case .timeZone = items[m].kind { m += 1; continue }
                    break
                }
                if m < items.count && items[m].isContent { return sep == 0 }
            }
            return true
        }

        for k in items.indices {
            let item = items[k]
            switch item.kind {
            case .separator(let strong):
                sep = max(sep, strong ? 2 : 1)
                continue
            case .timeZone(let zone):
                if var c = current, sep < 2 {
                    c.zone = zone
                    c.last = max(c.last, item.last)
                    current = c
                } else {
                    pendingZone = zone
                }
            case .days(let days, _, let holidays):
                if var c = current {
                    if c.content == nil && sep < 2 {
                        c.days = (c.days ?? []).union(days)
                        c.holidaysInDays = c.holidaysInDays || holidays
                        c.last = item.last
                        current = c
                        sep = 0
                        continue
                    }
                    if c.content != nil && c.days == nil && sep < 2 && trailingAllowed(k) {
                        c.days = days
                        c.daysLeading = false
                        c.holidaysInDays = holidays
                        c.last = max(c.last, item.last)
                        current = c
                        sep = 0
                        continue
                    }
                    finish()
                }
                current = Draft(days: days, holidaysInDays: holidays, zone: pendingZone, first: item.first, last: item.last)
                pendingZone = nil
            case .ranges, .closed, .allDay, .vague:
                guard let (kind, spans) = contentKind(item.kind) else { continue }
                if var c = current {
                    if c.content == nil && sep < 2 {
                        c.content = kind
                        c.spans = spans
                        c.last = item.last
                        current = c
                        sep = 0
                        continue
                    }
                    if let existing = c.content, sep < 2 {
                        var merged = true
                        switch (existing, kind) {
                        case (.ranges, .ranges) where c.days == nil || c.daysLeading:
                            c.spans += spans
                        case (.vague, .ranges):
                            c.content = .ranges
                            c.spans = spans
                        case (.ranges, .vague), (.allDay, .allDay), (.allDay, .vague):
                            break
                        default:
                            merged = false
                        }
                        if merged {
                            c.last = item.last
                            current = c
                            sep = 0
                            continue
                        }
                    }
                    finish()
                }
                current = Draft(content: kind, spans: spans, zone: pendingZone, first: item.first, last: item.last)
                pendingZone = nil
            case .breakRanges(let spans):
                if var c = current, sep < 2, c.content == .ranges || c.content == nil {
                    c.breaks += spans
                    c.last = item.last
                    current = c
                }
            case .holidayOff:
                finish()
                var d = Draft(content: .closed, first: item.first, last: item.last)
                d.holidayOnly = true
                drafts.append(d)
            }
            sep = 0
        }
        finish()
        return drafts
    }

    static func statement(from d: Draft, tokens: [HoursToken]) -> HoursStatement? {
        guard let content = d.content, d.first >= 0, d.last < tokens.count, d.first <= d.last else { return nil }
        let range = tokens[d.first].range.lowerBound..<tokens[d.last].range.upperBound
        var schedule = WeeklySchedule(timeZone: d.zone)
        if d.holidayOnly {
            schedule.publicHolidays = .off
            return HoursStatement(value: .schedule(schedule), range: range, days: nil, isPartial: true, isHolidayRule: true)
        }
        let named = d.days.map { $0.sorted() } ?? Weekday.allCases
        switch content {
        case .vague:
            return HoursStatement(value: .unspecified, range: range, days: d.days, isPartial: isPartial(d.days))
        case .closed:
            // "closed" without days is too often not about hours ("closed captions").
            guard d.days != nil else { return nil }
            if d.holidaysInDays { schedule.publicHolidays = .off }
        case .allDay:
            for day in named { schedule.add(start: 0, end: 1440, on: day) }
        case .ranges:
            for day in named {
                for span in d.spans { schedule.add(start: span.start, end: span.end, on: day) }
            }
            for day in named {
                for b in d.breaks where b.end > b.start {
                    schedule[day] = MinuteRange.subtracting(MinuteRange(start: b.start, end: b.end), from: schedule[day])
                }
            }
        }
        return HoursStatement(value: .schedule(schedule), range: range, days: d.days, isPartial: isPartial(d.days))
    }

    static func isPartial(_ days: Set<Weekday>?) -> Bool {
        guard let days else { return false }
        return days.count < 7
    }
}
