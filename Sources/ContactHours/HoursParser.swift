/// Natural-language opening hours: the hand-written core (Russian, Ukrainian, Bulgarian, English,
/// German) and the languages of `Resources/languages/` with CLDR day and month names.
///
/// Pipeline: `HoursTokenizer` (words, numbers, symbols) → `HoursRecognizer` (phrases: days,
/// time ranges, closed, 24/7, breaks, holidays, vague references, zones) → grouping below
/// (phrases → statements). No regular expressions, every stage is linear in the input.
public enum HoursParser {
    /// Every hours statement in one block of text, in text order. Empty when there is none.
    /// `language` is the text's declared language (a BCP 47 tag: `<html lang>`, a block's `lang`,
    /// Content-Language); the words of the text itself decide first when they clearly belong
    /// to one language (`LanguageData.language(of:)`).
    public static func statements(in text: String, language: String? = nil) -> [HoursStatement] {
        statements(in: text, preCheck: true, language: language)
    }

    /// `preCheck: false` exists for tests that prove the pre-check never hides a statement.
    static func statements(in text: String, preCheck: Bool, language: String? = nil) -> [HoursStatement] {
        if preCheck && !mightContainHours(text) { return [] }
        let tokens = HoursTokenizer.tokenize(text)
        let data = LanguageData.shared
        var recognizer = HoursRecognizer(tokens: tokens, language: data.language(of: tokens) ?? data.knownLanguage(language))
        recognizer.run()
        // Precision first: hours tied to months or seasons, hours of another activity (delivery,
        // order taking), hours beside day words nobody read (an unread short label or word
        // range next to read days, "S 09:00 a 13:00", or a script no lexicon reads: 周一, 평일)
        // are not a weekly schedule: nothing rather than a guess. The rule reaches the
        // statements within `poisonReach` tokens of such a word, so one sentence of a long
        // block does not silence the whole block.
        let hasDays = recognizer.items.contains { if case .days = $0.kind { return true } else { return false } }
        var poison: [Int] = []
        var activities: [Int] = []
        for item in recognizer.items {
            switch item.kind {
            case .qualifier:
                poison.append(item.first)
            case .activity:
                activities.append(item.first)
            case .unknownLabel:
                let unreadRange = item.last > item.first + 1 || tokens[item.first].text.raw.unicodeScalars.count <= 2
                if hasDays || unreadRange { poison.append(item.first) }
            default:
                break
            }
        }
        for (k, tok) in tokens.enumerated() where tok.kind == .word && Self.isUnreadScript(tok.text) { poison.append(k) }
        guard let drafts = group(recognizer.items, tokens: tokens) else { return [] }
        guard HoursGuard.accepts(drafts, items: recognizer.items, tokens: tokens, recognizer: recognizer) else { return [] }
        // A closed word that names no days beside hours whose days come after them ("Выхадныя
        // дні | … | 09.00 – 18.00 | панядзелак", a flattened table whose last column lists the
        // days off): the days may be the closed ones, so the text says nothing sure.
        if drafts.contains(where: { $0.content == .closed && $0.days == nil && !$0.holidayOnly }),
           drafts.contains(where: { $0.content == .ranges && $0.days != nil && !$0.daysLeading }) { return [] }
        if !poison.isEmpty || !activities.isEmpty {
            let reach = poisonReach
            poison.sort()
            activities.sort()
            /// Whether a sorted list holds a position in `range` (binary search: linear overall).
            func holds(_ list: [Int], _ range: ClosedRange<Int>) -> Bool {
                var lo = 0, hi = list.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if list[mid] < range.lowerBound { lo = mid + 1 } else { hi = mid }
                }
                return lo < list.count && list[lo] <= range.upperBound
            }
            // An activity word reaches the hours it introduces (ten tokens before them, not past
            // a bracket: "Shipping Rates Phone (Mon-Fri, 8am-2pm)" are the phone's) and the three
            // tokens after them.
            func introduced(_ d: Draft) -> Bool {
                // Activities inside the statement or just after it.
                if holds(activities, d.first...(d.last + 3)) { return true }
                // Verb-final sentences name the subject after the hours ("09.00'dan 15.00'a kadar
                // hizmet vermeye devam eden UPS kargo, …"): a clause of words only, ending within
                // eight words ("… with last food orders 5pm" goes on to other hours).
                var a = d.last + 4
                var named = false
                while a < min(tokens.count, d.last + 9), tokens[a].kind == .word {
                    if holds(activities, a...a) { named = true }
                    a += 1
                }
                if named && (a >= tokens.count || tokens[a].kind == .symbol) { return true }
                // Ten tokens before it ("Доставка осуществляется три раза в неделю: по
                // вторникам …"), not past a bracket or a sentence end.
                for a in max(0, d.first - 10)..<d.first where holds(activities, a...a) {
                    if !(a..<d.first).contains(where: { tokens[$0].kind == .symbol && (tokens[$0].text == "(" || tokens[$0].text == ";" || tokens[$0].text == ".") }) {
                        return true
                    }
                }
                return false
            }
            let kept = drafts.filter { d in !holds(poison, (d.first - reach)...(d.last + reach)) }
            // Keep all or nothing: a schedule missing its poisoned part would claim too much.
            // Another activity's hours are a statement of their own and go alone.
            if kept.count != drafts.count { return [] }
            let taken = HoursGuard.continuingActivity(drafts.map(introduced), drafts: drafts, tokens: tokens)
            return allOrNothing(zip(drafts, taken).filter { !$0.1 }.map(\.0), tokens: tokens)
        }
        return allOrNothing(drafts, tokens: tokens)
    }

    /// The statements of the drafts; none when hours of one could not be read ("pn-cz: 10:00-23:00
    /// pt: 10:00-24:00 …" with "pt" unread: overlapping ranges for one list of days): the others
    /// would be a schedule with that part missing.
    private static func allOrNothing(_ drafts: [Draft], tokens: [HoursToken]) -> [HoursStatement] {
        var found: [HoursStatement] = []
        for d in drafts {
            if let s = statement(from: d, tokens: tokens) {
                found.append(s)
            } else if d.content == .ranges {
                return []
            }
        }
        return found
    }

    /// Cheap pre-check: false only when `statements(in:)` cannot find anything. Without one of
    /// a handful of word stems (closed, 24/7 and holiday words, noon, midnight, "hours"), a
    /// statement needs a time range, which takes two hours (number tokens of one or two digits
    /// up to 24), or "24" for 24/7 and "24h". A lone "7" in a phone number or a year does not
    /// count.
    /// How far, in tokens, a month, season, other activity or unread day word reaches.
    static let poisonReach = 40

    public static func mightContainHours(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ mightContainHours(bytes: $0, text: text) }) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer { mightContainHours(bytes: $0, text: text) }
    }

    private static func mightContainHours(bytes: UnsafeBufferPointer<UInt8>, text: String) -> Bool {
        var nonASCII = false
        var hours = 0
        var runLength = 0
        var runValue = 0
        var fourDigits = 0
        var runAfterRussianPrefix = false
        func endRun() -> Bool {
            // "0900-1730": four-digit times count as hours too; three digits only right after
            // "с " or "до " ("с 930 до 1800"), not in every phone number and price.
            let isHour = runLength == 1 || (runLength == 2 && runValue <= 24)
                || (runLength == 4 && fourDigits / 100 <= 24 && fourDigits % 100 < 60)
                || (runLength == 3 && runAfterRussianPrefix && fourDigits % 100 < 60)
            fourDigits = 0
            let isTwentyFour = runLength == 2 && runValue == 24
            runLength = 0
            runValue = 0
            guard isHour else { return false }
            hours += 1
            return hours >= 2 || isTwentyFour
        }
        for k in bytes.indices {
            let b = bytes[k]
            if b >= 0x30 && b <= 0x39 {
                if runLength == 0 {
                    // "с " is D1 81 20, "до " ends D0 BE 20.
                    runAfterRussianPrefix = k >= 3 && bytes[k - 1] == 0x20
                        && ((bytes[k - 3] == 0xD1 && bytes[k - 2] == 0x81) || (bytes[k - 3] == 0xD0 && bytes[k - 2] == 0xBE))
                }
                if runLength < 2 { runValue = runValue * 10 + Int(b - 0x30) }
                if runLength < 4 { fourDigits = fourDigits * 10 + Int(b - 0x30) }
                runLength += 1
                continue
            }
            if runLength > 0, endRun() { return true }
            if b >= 0x80 { nonASCII = true }
        }
        if runLength > 0, endRun() { return true }
        // Fullwidth digits are caught by the trigger scan.
        return HoursTriggers.containsTrigger(text, asciiOnly: !nonASCII)
    }

    /// Merges statements (e.g. list items or table rows, each a partial statement) into one
    /// schedule, in order:
    /// - a statement naming days gives those days its hours; for a day an earlier statement
    ///   named too, `WeeklySchedule.addsShift` decides whether they add (another shift) or replace
    ///   (a restated day); hours it spills past midnight into an unnamed day are added to that day;
    /// - a statement naming no days fills only the days no earlier statement named
    ///   ("с 10 до 19, сб-вс выходной" and "Сб 10-16; остальные 9-18" both work);
    /// - any statement with holidays off sets `PH off`; the first time zone found is kept;
    /// - `.unspecified` statements are ignored. Nothing usable gives `WeeklySchedule.closed`.
    public static func merge(_ statements: [HoursStatement]) -> WeeklySchedule {
        // Hours a statement spills past midnight into a day it does not name are kept apart,
        // so "пт с 12:00 до 05:00, сб 17:00-05:00" keeps Saturday 00:00-05:00.
        var own = [[MinuteRange]](repeating: [], count: 7)
        var spill = [[MinuteRange]](repeating: [], count: 7)
        var named = [Bool](repeating: false, count: 7)
        // The schedule naming no days that filled each day, for its hours past midnight below.
        var filledBy = [WeeklySchedule?](repeating: nil, count: 7)
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
                        // A day filled only by a statement naming no days takes the new hours.
                        let adds = named[d] && WeeklySchedule.addsShift(own[d], schedule.days[d])
                        own[d] = adds ? own[d] + schedule.days[d] : schedule.days[d]
                        named[d] = true
                    } else if !schedule.days[d].isEmpty {
                        spill[d] += schedule.days[d]
                    }
                }
            } else {
                for d in 0..<7 where !named[d] {
                    own[d] = schedule.days[d]
                    filledBy[d] = schedule
                }
            }
        }
        moveSpillOfDaylessHours(filledBy: filledBy, named: named, own: &own, spill: &spill)
        return WeeklySchedule(days: (0..<7).map { own[$0] + spill[$0] }, publicHolidays: holidays, timeZone: zone)
    }

    /// Whether a table header cell names a break ("Перерыв на обед", "Mittagspause"): the
    /// times under it are the break, not another shift. Only called for header cells of
    /// tables whose rows hold hours.
    public static func isBreakLabel(_ text: String) -> Bool {
        let tokens = HoursTokenizer.tokenize(text)
        guard tokens.count <= 6, !tokens.contains(where: { $0.kind == .number }) else { return false }
        return tokens.contains { $0.kind == .word && HoursLexicon.breakWords.contains($0.text) }
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
        /// Its hours take their start from an earlier statement's ("Saturday until noon").
        var amends = false
        var breaks: [RawSpan] = []
        var zone: String?
        var holidayOnly = false
        /// Which stretch between strong separators (`;`, `.`) the draft is in.
        var run: Int?
        var first: Int
        var last: Int
    }

    /// Second stage: items → statements. A statement is days + content in either order
    /// ("Mo-Fr 9-18" or "08:00-20:00 (пн-пт)"); several time ranges after leading days are one
    /// statement ("Mo-Fr 09:00-13:00, 14:00-18:00"); a new day list followed by its own content,
    /// or content after `;`/`.`, starts a new statement.
    /// Nil when part of the text cannot be read and what was read would claim too much: days
    /// followed by digits that are not hours ("Sa-Su 11:030-17:00").
    static func group(_ items: [HoursItem], tokens: [HoursToken]) -> [Draft]? {
        let tokenCount = tokens.count
        var unreadable = false
        // Parenthesis depth at each token: "(банкомат круглосуточно)" after hours is an aside.
        var depth = [Int](repeating: 0, count: tokenCount)
        var level = 0
        for (k, tok) in tokens.enumerated() {
            if tok.kind == .symbol && tok.text == ")" { level = max(0, level - 1) }
            depth[k] = level
            if tok.kind == .symbol && tok.text == "(" { level += 1 }
        }
        var drafts: [Draft] = []
        var current: Draft?
        var sep = 0 // 0 none, 1 weak (","), 2 strong (";", ".") since the current draft's last item
        var pendingZone: String?
        var sharedBreaks: [RawSpan] = []
        // Strong separators so far: drafts with the same number are the rows of one table or list.
        var run = 0
        var rowBreaks: [RowBreak] = []
        // Every strong separator since the last item was a semicolon.
        var semicolonsOnly = false

        func finish() {
            if var c = current, c.content != nil {
                if c.run == nil { c.run = run }
                drafts.append(c)
            }
            if let c = current, c.content == nil, c.days != nil, c.last + 1 < tokenCount, tokens[c.last + 1].kind == .number {
                unreadable = true
            }
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
        /// The text ends, or a `.`/`;` follows, right after item `k` and any time zone next to it.
        func endsStatement(_ k: Int) -> Bool {
            var end = items[k].last
            var n = k + 1
            while n < items.count && items[n].first == end + 1 {
                switch items[n].kind {
                case .timeZone: end = items[n].last
                case .separator(strong: true): return true
                default: return false
                }
                n += 1
            }
            return end == tokenCount - 1
        }
        let timeFirst = writesTimesFirst(items)
        /// Days after content belong to it unless they are directly followed by content of their own.
        func trailingAllowed(_ k: Int, everyDay: Bool, after content: Content?) -> Bool {
            // After a comma only "daily"-like words ("круглосуточно, 7 дней в неделю") and days
            // that end the statement after times ("7:00 p.m. Central Time, Monday through
            // Friday.") still belong to the previous content; "с 10 до 19, (Сб. …)" starts
            // something new, and "available 24/7/365 …, holidays or weekends!" is not weekends only.
            var n = k + 1
            while n < items.count, case .timeZone = items[n].kind { n += 1 }
            // "9:00 AM - 9:00 PM, Monday - Saturday (Closed Sundays)": an aside after the days
            // ends their statement too.
            let asideFollows = items[k].last + 1 < tokenCount && tokens[items[k].last + 1].kind == .symbol
                && tokens[items[k].last + 1].text == "("
            if sep == 1 && !everyDay && !(content == .ranges && (endsStatement(k) || asideFollows || timeFirst)) { return false }
            guard n < items.count else { return true }
            if content == .ranges && asideFollows { return true }
            if items[n].isContent {
                // Time-first texts keep their style: "07:30-18:00 weekdays (08:30-14:00 Saturdays)".
                var m = n + 1
                while m < items.count, case .timeZone = items[m].kind { m += 1 }
                if sep == 0 || timeFirst, m < items.count, case .days = items[m].kind { return true }
                return false
            }
            if case .separator(strong: false) = items[n].kind {
                var m = n
                while m < items.count {
                    if case .separator(strong: false) = items[m].kind { m += 1; continue }
                    if case .timeZone = items[m].kind { m += 1; continue }
                    break
                }
                if m < items.count && items[m].isContent { return sep == 0 || timeFirst }
            }
            return true
        }

        for k in items.indices {
            let item = items[k]
            switch item.kind {
            case .separator(let strong):
                if strong {
                    if sep < 2 {
                        if current != nil && current?.run == nil { current?.run = run }
                        run += 1
                    }
                    semicolonsOnly = (sep < 2 || semicolonsOnly) && tokens[item.first].text == ";"
                }
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
            case .days(let days, let everyDay, let holidays):
                if var c = current {
                    // Days with no hours of their own, then words or numbers nothing read, then
                    // other days ("Po-Pá po dohodě, So 10-17", "lundi mardi :8h 12h / 13h30 17h30,
                    // mercredi : 8h-12h", "крім святкових днів та неділі за наступним графіком:
                    // понеділок – п’ятниця …"): the first days are not the list the later hours
                    // are for. Unread numbers between make the whole text unsure; unread words
                    // leave the first days without hours.
                    if c.content == nil && sep < 2 && c.last + 1 < item.first {
                        var unreadWords = false
                        for k in (c.last + 1)..<item.first {
                            switch tokens[k].kind {
                            case .number: unreadable = true
                            case .word where !Self.joinsDayLists(tokens[k].text):
                                unreadWords = true
                            default: break
                            }
                        }
                        if unreadWords {
                            current = nil
                            c = Draft(days: days, holidaysInDays: holidays, zone: pendingZone, first: item.first, last: item.last)
                            pendingZone = nil
                            current = c
                            sep = 0
                            continue
                        }
                    }
                    if c.content == nil && sep < 2 {
                        // Days named after "open 7 days" are the ones the hours that follow are
                        // for ("Open 7 days Sun-Thurs: 9:00AM-9:00PM Fri-Sat: 9:00AM-10:00PM").
                        let afterEveryDay = c.days?.count == 7 && days.count < 7
                        c.days = afterEveryDay ? days : (c.days ?? []).union(days)
                        c.holidaysInDays = c.holidaysInDays || holidays
                        c.last = item.last
                        current = c
                        sep = 0
                        continue
                    }
                    if c.content != nil && c.days == nil && sep < 2 && trailingAllowed(k, everyDay: everyDay, after: c.content) {
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
                if kind == .allDay && depth[item.first] > 0
                    && (drafts.contains { $0.content == .ranges } || current?.content == .ranges) { continue }
                if var c = current {
                    if c.content == nil && sep < 2 {
                        c.content = kind
                        c.spans = spans
                        c.amends = item.amends
                        c.last = item.last
                        current = c
                        sep = 0
                        continue
                    }
                    if let existing = c.content, sep < 2 || (sep == 2 && semicolonsOnly && kind == .ranges
                        && secondShiftAfterSemicolon(c, spans, next: k + 1, items: items)) {
                        var merged = true
                        switch (existing, kind) {
                        case (.ranges, .ranges) where c.days == nil || c.daysLeading:
                            c.spans += spans
                        case (.vague, .ranges):
                            c.content = .ranges
                            c.spans = spans
                        case (.allDay, .allDay):
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
                current?.amends = item.amends
                pendingZone = nil
            case .exceptDays(let excluded):
                if var c = current, sep < 2 {
                    c.days = (c.days ?? Set(Weekday.allCases)).subtracting(excluded)
                    c.last = max(c.last, item.last)
                    current = c
                } else if current == nil {
                    // "Кроме воскресенья, с 9 до 18": the days are every other day.
                    current = Draft(days: Set(Weekday.allCases).subtracting(excluded), zone: pendingZone, first: item.first, last: item.last)
                    pendingZone = nil
                } else {
                    // "… 13.30 uur tot 16.30 uur open. Uitgezonderd op vrijdag.": an exception in
                    // a sentence of its own may be the last statement's or every statement's;
                    // applied to none, the hours would claim the excepted days.
                    unreadable = true
                }
            case .breakRanges(let spans):
                // A break in a clause of its own ("Tu-Sa 9-18; Su 9-16; обед 14-15") is every
                // day's; otherwise it belongs to the latest hours.
                if sep >= 2 { sharedBreaks += spans }
                if sep < 2, let c = current, c.content != nil, c.days != nil, c.daysLeading {
                    rowBreaks.append(RowBreak(spans: spans, run: run, row: drafts.count, first: item.first, inBrackets: depth[item.first] > 0))
                }
                if var c = current, c.content == .ranges || c.content == nil {
                    c.breaks += spans
                    c.last = item.last
                    current = c
                }
            case .qualifier, .unknownLabel, .activity:
                continue
            case .holidayOff:
                var d = Draft(content: .closed, first: item.first, last: item.last)
                d.holidayOnly = true
                // "пн–пт, кроме праздников, с 8 до 20", "Monday to Friday, except public holidays,
                // 9am to 5pm": the days before the holiday clause still take the hours after it
                // (finishing them here dropped the days and gave the hours to every day).
                if let c = current, c.content == nil, c.days != nil, sep < 2 {
                    drafts.append(d)
                    continue
                }
                finish()
                drafts.append(d)
            }
            sep = 0
        }
        finish()
        if unreadable { return nil }
        shareBreaksWithRows(rowBreaks, in: &drafts, tokens: tokens)
        if rowsRepeatDays(drafts, tokens: tokens) { return nil }
        // At most a few breaks are shared; a text with hundreds is not a schedule to extend.
        if !sharedBreaks.isEmpty && sharedBreaks.count <= 4 {
            for k in drafts.indices where drafts[k].content == .ranges && drafts[k].breaks.count <= 8 {
                for b in sharedBreaks where !drafts[k].breaks.contains(b) { drafts[k].breaks.append(b) }
            }
        }
        return drafts
    }

    /// "Lun - Ven: 10:00 - 12:30; 16:00 - 19:30; Sab: …", "Monday - Friday (9am - 1pm; 2pm -
    /// 5:30pm)": a range after a semicolon, with no days of its own, that starts after the
    /// leading days' last range ends is those days' second shift, not every day's hours; so
    /// too after a range naming no days ("12-15; 19-22 Encerra Segunda").
    static func secondShiftAfterSemicolon(_ c: Draft, _ spans: [RawSpan], next: Int, items: [HoursItem]) -> Bool {
        guard c.content == .ranges, c.days == nil || c.daysLeading, let last = c.spans.last, last.end > last.start,
              let first = spans.first, first.end > first.start, first.start >= last.end else { return false }
        var n = next
        while n < items.count, case .timeZone = items[n].kind { n += 1 }
        if n < items.count, case .days = items[n].kind { return false }
        return true
    }

    /// "pn - czw 12.00 - 22.00 pt 12.00 - 23.00 so 12.00 - 24.00 nd 12.00 - 22.00" with "so" read
    /// as Sunday: two rows of one table (no sentence end between) that name the same days with
    /// other, overlapping hours mean a row's day was misread; no row can be trusted to be its days'.
    /// Two rows or more under labels of their own ("Kundenservice: Mo.–Fr. 8–18 Uhr. Technischer Support:
    /// werktags 9–17 Uhr.", the dot taken by "Uhr.") are two channels' hours, not one table.
    static func rowsRepeatDays(_ drafts: [Draft], tokens: [HoursToken]) -> Bool {
        let labelled = drafts.filter { d in
            d.first >= 2 && d.first - 1 < tokens.count && tokens[d.first - 1].kind == .symbol && tokens[d.first - 1].text == ":"
                && tokens[d.first - 2].kind == .word && !HoursRecognizer.canStartPhrase(tokens[d.first - 2].text)
        }.count >= 2
        if labelled { return false }
        // Keyed by run and days, so the check stays linear in the number of drafts.
        var seen: [Int: [[RawSpan]]] = [:]
        for d in drafts where d.content == .ranges && d.daysLeading && !d.amends {
            guard let days = d.days, let run = d.run else { continue }
            let key = run * 128 + days.reduce(0) { $0 | (1 << $1.rawValue) }
            let earlier = seen[key, default: []]
            if earlier.contains(d.spans) { continue }
            // Disjoint hours for the same days are two shifts ("Lun-Sam 0830-1200, Lun-Sam 1430-1830").
            if earlier.contains(where: { spansOverlap($0, d.spans) }) { return true }
            // More than a few distinct hours for the same days is no table.
            if earlier.count >= 4 { return true }
            seen[key] = earlier + [d.spans]
        }
        return false
    }

    static func spansOverlap(_ a: [RawSpan], _ b: [RawSpan]) -> Bool {
        func minutes(_ x: RawSpan) -> Range<Int> { x.start..<(x.end <= x.start ? 1440 : x.end) }
        return a.contains { x in b.contains { y in minutes(x).overlaps(minutes(y)) || x.end <= x.start || y.end <= y.start } }
    }

    /// "Open 6:30 am until 5 pm, Monday through Thursday Open 6:30 am until 9 pm Friday and 8 am
    /// to 6 pm Saturday": a text that starts with hours and ends with days right after hours
    /// writes every statement's days after its hours, so days after a comma still close the
    /// hours before them (they are not the next hours' leading days).
    static func writesTimesFirst(_ items: [HoursItem]) -> Bool {
        let significant = items.filter {
            switch $0.kind {
            case .separator, .timeZone: return false
            default: return true
            }
        }
        guard let first = significant.first, case .ranges = first.kind, significant.count >= 4,
              case .days = significant[significant.count - 1].kind,
              case .ranges = significant[significant.count - 2].kind else { return false }
        // Every days item follows hours: none leads.
        for (a, b) in zip(significant, significant.dropFirst()) {
            if case .days = b.kind, !a.isContent { return false }
        }
        return true
    }

    /// A break read right after a row of days and hours (`row`: that row's draft index).
    struct RowBreak {
        var spans: [RawSpan]
        var run: Int
        var row: Int
        var first: Int
        var inBrackets: Bool
    }

    /// "Пн 9-18 Вт 9-18 … Перерыв 13-14", "PONIEDZIAŁEK 8.00 - 15.00 … PRZERWA 12.00 - 12.30",
    /// "… Воскресенье выходной день Перерыв на обед с 13.00 до 13.48": a break after the last row
    /// with hours of a table or list (days, then their hours, row after row, no sentence end between) is
    /// every row's break, not only the last row's. Not when it is in brackets after its row's
    /// hours ("Hafta içi: 09:00 – 17:00 (öğle arası 12:30 – 13:30)"), when rows have breaks of
    /// their own ("PONDĚLÍ 8:00 – 17:00 polední pauza 11:30 – 12:00 ÚTERÝ 8:00 – 12:00 …"), and
    /// not for a row that says it has none ("09.00 – 18.00 без перапынку"). Only rows that lead
    /// with their days take it: hours whose days come after them are a sentence, not a row.
    static func shareBreaksWithRows(_ rowBreaks: [RowBreak], in drafts: inout [Draft], tokens: [HoursToken]) {
        guard !rowBreaks.isEmpty else { return }
        var breaksPerRun: [Int: Int] = [:]
        for b in rowBreaks { breaksPerRun[b.run, default: 0] += 1 }
        var rowsPerRun: [Int: [Int]] = [:]
        for k in drafts.indices where !drafts[k].holidayOnly {
            if let run = drafts[k].run, breaksPerRun[run] == 1 { rowsPerRun[run, default: []].append(k) }
        }
        for b in rowBreaks where !b.inBrackets && breaksPerRun[b.run] == 1 {
            let rows = rowsPerRun[b.run] ?? []
            // After the last row with hours; rows of days off may follow ("… В понедельник - выходной").
            guard rows.contains(b.row), rows.count >= 2,
                  !rows.contains(where: { $0 > b.row && drafts[$0].content != .closed }) else { continue }
            guard !rows.contains(where: { $0 != b.row && !drafts[$0].breaks.isEmpty }) else { continue }
            for (n, k) in rows.enumerated() where k != b.row && drafts[k].content == .ranges && drafts[k].days != nil && drafts[k].daysLeading {
                let end = n + 1 < rows.count ? drafts[rows[n + 1]].first : b.first
                let saysNone = (drafts[k].first..<max(drafts[k].first, end)).contains { t in
                    tokens[t].kind == .word && HoursRecognizer.withoutWords.contains(tokens[t].text)
                }
                if saysNone { continue }
                for span in b.spans where !drafts[k].breaks.contains(span) { drafts[k].breaks.append(span) }
            }
        }
    }

    /// Words that may stand between two lists of days of one statement: list and range words,
    /// fillers, articles and prepositions ("le mardi et le samedi", "lunedì e il mercoledì",
    /// "Segunda-feira, Terça-feira").
    static func joinsDayLists(_ w: WordKey) -> Bool {
        w.raw.unicodeScalars.count <= 3 || HoursLexicon.listWords.contains(w) || HoursLexicon.dayRangeWords.contains(w)
            || LanguageData.shared.fillers.contains(w) || LanguageData.shared.ordinalDayWords.contains(w)
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
        var days = [[MinuteRange]](repeating: [], count: 7)
        switch content {
        case .vague:
            return HoursStatement(value: .unspecified, range: range, days: d.days, isPartial: isPartial(d.days))
        case .closed:
            // "closed" without days is too often not about hours ("closed captions").
            guard d.days != nil else { return nil }
            if d.holidaysInDays { schedule.publicHolidays = .off }
        case .allDay:
            for day in named { WeeklySchedule.add(start: 0, end: 1440, on: day, to: &days) }
        case .ranges:
            var d = d
            // "Понедельник | 09.00-12.00 13.00-16.30 | 12.00-13.00", a flattened table whose last
            // column is the break: a range that exactly fills the gap between two others is
            // that break, not a third shift.
            if d.spans.count >= 3 {
                let gap = d.spans.firstIndex { x in
                    x.end > x.start && d.spans.contains { $0.end == x.start } && d.spans.contains { $0.start == x.end }
                }
                if let gap {
                    d.breaks.append(d.spans[gap])
                    d.spans.remove(at: gap)
                }
            }
            // "10:00 – 00:00 10:00 – 02:00" for one list of days: ranges that overlap are a
            // table read in the wrong order, not one day's shifts.
            let sorted = d.spans.map { MinuteRange(start: $0.start, end: $0.end <= $0.start ? 1440 : $0.end) }.sorted()
            for (a, b) in zip(sorted, sorted.dropFirst()) where b.start < a.end { return nil }
            for day in named {
                for span in d.spans { WeeklySchedule.add(start: span.start, end: span.end, on: day, to: &days) }
            }
            for day in named {
                for b in d.breaks where b.end > b.start {
                    days[day.rawValue] = MinuteRange.subtracting(MinuteRange(start: b.start, end: b.end), from: MinuteRange.normalized(days[day.rawValue]))
                }
            }
        }
        schedule.days = days
        var statement = HoursStatement(value: .schedule(schedule), range: range, days: d.days, isPartial: isPartial(d.days))
        statement.amendsPrevious = d.amends
        return statement
    }

    /// Letters of scripts without a lexicon here: not Latin, Cyrillic or the symbols' blocks.
    static func isUnreadScript(_ word: WordKey) -> Bool {
        guard let first = word.raw.unicodeScalars.first else { return false }
        let v = first.value
        if v < 0x250 || (v >= 0x400 && v <= 0x52F) || (v >= 0x1E00 && v <= 0x1EFF) { return false }
        return first.properties.isAlphabetic
    }

    static func isPartial(_ days: Set<Weekday>?) -> Bool {
        guard let days else { return false }
        return days.count < 7
    }
}
