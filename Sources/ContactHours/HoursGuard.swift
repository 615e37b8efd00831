/// Precision guard (issue 13 §1): a statement is emitted only when its schedule accounts for
/// everything in its clause that states hours. Matchers read what they know and skip the rest;
/// a day word, a time or a closed/except/break/holiday word that no statement took is a part of
/// the text the schedule does not say ("De 8h30 à 19h30 (18h le samedi)", "Mo-Th 9-18; Fr hasta
/// las 17:00", "Cocina: 12-16 • Día de descanso: lunes"), so the schedule would claim too much
/// or too little: nothing rather than a guess. Kept apart from the grammar (`HoursRecognizer`,
/// `HoursParser.group`) so it judges their result without changing how they read.
enum HoursGuard {
    /// Tokens each side of a statement that still belong to its clause when no sentence end or
    /// other statement comes first.
    static let clauseReach = 16
    static let maxComparedStatements = 32
    /// Ranges a lone time is compared with to be taken for a note (bounds the work per token).
    static let maxNoteSpans = 32

    /// Whether the drafts account for every hours-stating token of their clauses, and do not
    /// contradict each other.
    static func accepts(_ drafts: [HoursParser.Draft], items: [HoursItem], tokens: [HoursToken],
                        recognizer: HoursRecognizer) -> Bool {
        guard !drafts.isEmpty else { return true }
        let count = tokens.count
        var covered = [Bool](repeating: false, count: count)
        var inDraft = [Bool](repeating: false, count: count)
        // The draft each token is in, for the items' coverage below.
        var draftAt = [Int](repeating: -1, count: count)
        for (n, d) in drafts.enumerated() where d.first >= 0 && d.last < count && d.first <= d.last {
            for k in d.first...d.last { inDraft[k] = true; draftAt[k] = n }
        }
        let hasRanges = drafts.contains { $0.content == .ranges }
        var daysStart = [Bool](repeating: false, count: count)
        for item in items where item.first >= 0 && item.first < count {
            if case .days = item.kind { daysStart[item.first] = true }
        }
        var boundary = [Bool](repeating: false, count: count)
        var breakStarts = [Bool](repeating: false, count: count)
        for item in items where item.first >= 0 && item.last < count {
            switch item.kind {
            case .days, .exceptDays:
                // Days outside every statement: taken by none.
                guard inDraft[item.first] else { continue }
            case .closed:
                // A closed word with no days of its own right before days that another statement
                // took ("Closed Monday, Tuesday-Saturday 8am-10pm" read Monday with the hours
                // after it; "Closed until Sunday 10-5"): which days are closed is not read.
                guard draftAt[item.first] >= 0 else { continue }
                if drafts[draftAt[item.first]].days == nil,
                   ((item.last + 1)...(item.last + 2)).contains(where: { $0 < count && daysStart[$0] }) {
                    continue
                }
            case .ranges, .allDay, .vague:
                guard inDraft[item.first] else { continue }
            case .breakRanges:
                // A break in a clause of its own is shared by every statement with hours.
                guard hasRanges else { continue }
                breakStarts[item.first] = true
            case .separator(strong: true):
                // A semicolon lists statements of one schedule ("Mo-Th 9-18; Fr hasta las 17"):
                // only a sentence end closes a clause.
                if tokens[item.first].text != ";", !(item.first > 0 && item.first + 1 < count && tokens[item.first - 1].kind == .number
                     && tokens[item.first + 1].kind == .number && !tokens[item.first].spaceBefore
                     && !tokens[item.first + 1].spaceBefore) {
                    boundary[item.first] = true
                }
            case .holidayOff, .timeZone, .separator, .qualifier, .activity, .unknownLabel:
                break
            }
            for k in item.first...item.last { covered[k] = true }
        }
        // The clause of each statement: its own tokens and up to `clauseReach` tokens either
        // side, not past a sentence end or into another statement.
        var inClause = [Bool](repeating: false, count: count)
        for d in drafts where d.first >= 0 && d.last < count && d.first <= d.last {
            for k in d.first...d.last { inClause[k] = true }
            var k = d.last + 1
            var steps = 0
            while k < count, steps < clauseReach, !boundary[k], !inDraft[k] {
                inClause[k] = true
                k += 1
                steps += 1
            }
            k = d.first - 1
            steps = 0
            while k >= 0, steps < clauseReach, !boundary[k], !inDraft[k] {
                inClause[k] = true
                k -= 1
                steps += 1
            }
        }
        if mixesServices(drafts, tokens: tokens, covered: covered) { return false }
        if unreadDaysHaveHours(items, tokens: tokens, inDraft: inDraft, covered: covered) { return false }
        if joinsEmptyDay(items, tokens: tokens, draftAt: draftAt) { return false }
        if hoursAreBreak(drafts, tokens: tokens, covered: covered) { return false }
        let hours = drafts.flatMap(\.spans)
        let everyDayHours = drafts.contains { $0.content == .ranges && $0.days == nil }
        for k in 0..<count where inClause[k] && !covered[k] {
            let breakFollows = { (j: Int) in ((j + 1)...(j + 3)).contains { $0 < count && breakStarts[$0] } }
            if statesHours(k, tokens: tokens, recognizer: recognizer, hours: hours, inStatement: inDraft[k],
                           everyDayHours: everyDayHours, breakFollows: breakFollows, isUnread: { !covered[$0] }) { return false }
        }
        return !contradicts(drafts, tokens: tokens, recognizer: recognizer)
    }

    /// Whether token `k`, read by no statement, says something the schedule would have to say:
    /// a time (`18h`, `17:00`, `5 pm`) that is not a note inside the hours read ("last orders
    /// 5pm", "opens at 10:00"), a word for closed or except, or a holiday next to a day or a
    /// time ("Bank Holiday Mondays"). A break word is not counted: its times are (unread, they
    /// are left over; read as hours, they overlap the day's and the statement is dropped). Days with no hours ("Sa nach Vereinbarung", "Zondag:") are days the schedule
    /// leaves closed, as the text does; a holiday alone ("auch an Feiertagen") changes no day.
    static func statesHours(_ k: Int, tokens: [HoursToken], recognizer: HoursRecognizer, hours: [RawSpan] = [],
                            inStatement: Bool = true, everyDayHours: Bool = false,
                            breakFollows: (Int) -> Bool = { _ in false }, isUnread: (Int) -> Bool = { _ in true }) -> Bool {
        let tok = tokens[k]
        switch tok.kind {
        case .symbol:
            return false
        case .number:
            // "1st & 3rd Fri.", "1er et 3ème Jeudi", "On the 24th, 25th …": the nth weekday of a
            // month or dates, which no weekly schedule says.
            if isOrdinalDate(k, tokens: tokens, recognizer: recognizer) { return true }
            guard let minute = timeMinutes(k, tokens: tokens) else { return false }
            // A lone time within the hours read, outside every statement, is a note about them
            // ("last orders 5pm", "Відчиняється о 10:00", "(ultimo ingresso 17.30)"); inside a
            // statement it is for some of its days ("De 8h30 à 19h30 (18h le samedi)").
            // A day beside it that no statement took makes it that day's ("Mo-Th 9-18; Fr hasta
            // las 17:00").
            if !inStatement, !nearTime(k, tokens: tokens), !nearDay(k, tokens: tokens, recognizer: recognizer, where: isUnread),
               !startsUnreadRange(k, tokens: tokens, isUnread: isUnread),
               hours.count <= maxNoteSpans, hours.contains(where: { s in minute >= s.start && (s.end <= s.start || minute <= s.end) }) {
                return false
            }
            return true
        case .word:
            let w = tok.text
            let data = LanguageData.shared
            if data.exceptWords.contains(w) || data.amendmentWords.contains(w) { return true }
            // Days named beside hours read for every day ("Cocina: 12:00 - 16:00 • Día de
            // descanso: Lunes tarde y martes todo el día"): the days are not every day's.
            if everyDayHours, let d = recognizer.day(w), !d.ambiguous, !d.partnerOnly { return true }
            // A closed word no matcher took counts next to a day or a time; "Выходные и
            // праздничные дни — не работаем" leaves weekends unread on purpose (they may be
            // limited), and "closed for lunch 1-2pm" is the break's.
            if data.closedWords.contains(w) {
                if breakFollows(k) { return false }
                return nearTime(k, tokens: tokens) || nearDay(k, tokens: tokens, recognizer: recognizer)
            }
            // A month name in the clause ("… through the first weekend in November"): the hours
            // hold for part of the year; with a day number the recognizer already refused them.
            if w.raw.unicodeScalars.count >= 4, data.isMonth(w), recognizer.day(w) == nil { return true }
            // "the first weekend", "jeden ersten Samstag" unread: the nth of a month.
            if data.nthWeekdayWords.contains(w), k + 1 < tokens.count, tokens[k + 1].kind == .word,
               data.weekendWords.contains(tokens[k + 1].text) || recognizer.day(tokens[k + 1].text) != nil { return true }
            // A part of the day right after a day, with no time of its own in the next three tokens ("08:00-18:30
            // Lundi - Samedi matin", "sauf Mardi soir et Mercredi"): that day's hours are not read.
            if data.partsOfDay.contains(where: { $0.count == 1 && $0[0] == w }), k >= 1,
               tokens[k - 1].kind == .word, recognizer.day(tokens[k - 1].text) != nil,
               !((k + 1)...(k + 3)).contains(where: { $0 < tokens.count && tokens[$0].kind == .number }) { return true }
            // OpenStreetMap's "PH" among days ("PH,Su 17:15-24:00") gives holiday hours the
            // reader leaves unspecified.
            if recognizer.day(w) == nil, w != "ph", HoursLexicon.isHoliday(w) {
                // Its own hours after it; "Daily 7am-11pm including holidays" are every day's.
                return nearTime(k, tokens: tokens, after: true) || nearDay(k, tokens: tokens, recognizer: recognizer)
            }
            return false
        }
    }

    /// Whether the time at `k` starts a range nobody read ("9:00am and 5:00pm Saturday", "10
    /// to 2"): two unread times joined by a dash, a range word or "and" are hours, not a note.
    private static func startsUnreadRange(_ k: Int, tokens: [HoursToken], isUnread: (Int) -> Bool) -> Bool {
        let data = LanguageData.shared
        var j = k + 1
        // Past the time's own minutes and am/pm.
        if j + 1 < tokens.count, tokens[j].kind == .symbol, [":", "."].contains(tokens[j].text.raw), !tokens[j].spaceBefore,
           tokens[j + 1].kind == .number { j += 2 }
        if j < tokens.count, tokens[j].kind == .word, data.amWords.contains(tokens[j].text) || data.pmWords.contains(tokens[j].text) { j += 1 }
        guard j + 1 < tokens.count else { return false }
        let joins = tokens[j].kind == .symbol ? ["-", "–", "—"].contains(tokens[j].text.raw)
            : (data.rangeSeparators.contains(tokens[j].text) || data.listWords.contains(tokens[j].text))
        return joins && tokens[j + 1].kind == .number && isUnread(j + 1) && timeMinutes(j + 1, tokens: tokens) != nil
    }

    /// Word and number tokens within three of `k`, not across a bracket or a sentence end.
    private static func neighbours(_ k: Int, _ tokens: [HoursToken]) -> [Int] {
        var found: [Int] = []
        for step in [-1, 1] {
            var j = k + step
            var taken = 0
            while j >= 0, j < tokens.count, taken < 3 {
                if tokens[j].kind == .symbol && ["(", ")", "|", ";", "."].contains(tokens[j].text.raw) { break }
                if tokens[j].kind != .symbol { found.append(j); taken += 1 }
                j += step
            }
        }
        return found
    }

    private static func nearDay(_ k: Int, tokens: [HoursToken], recognizer: HoursRecognizer,
                                where accepted: (Int) -> Bool = { _ in true }) -> Bool {
        neighbours(k, tokens).contains { j in
            // "So", "Fr", "Sa" are days when written as a day is, capitalised.
            accepted(j) && tokens[j].kind == .word
                && (recognizer.day(tokens[j].text).map { (!$0.ambiguous || tokens[j].isCapitalized) && !$0.partnerOnly } ?? false)
        }
    }

    private static func nearTime(_ k: Int, tokens: [HoursToken], after: Bool = false) -> Bool {
        // The minutes of a time are a number next to its hour: skip them.
        func glued(_ a: Int, _ b: Int) -> Bool {
            tokens[(a + b) / 2].kind == .symbol && !tokens[(a + b) / 2].spaceBefore && !tokens[max(a, b)].spaceBefore
        }
        return neighbours(k, tokens).contains { j in
            (!after || j > k) && tokens[j].kind == .number && !(abs(j - k) == 2 && glued(j, k)) && timeMinutes(j, tokens: tokens) != nil
        }
    }

    /// A number written as a time, in minutes of the day: `17:00`, `8.30`, `7,00` (hours then
    /// two-digit minutes), `18h`, `5 pm`, `5pm`, `17 Uhr`; nil for other numbers and for
    /// durations ("в течение 2 часов", "2 hours").
    static func timeMinutes(_ k: Int, tokens: [HoursToken]) -> Int? {
        let tok = tokens[k]
        // "0830-1700", "1200-1300": four-digit times, only as a range of two at quarter hours
        // (a year range "2019-2024" is not one).
        if tok.kind == .number, tok.digitCount == 4 {
            func hhmm(_ t: HoursToken) -> Int? {
                guard t.kind == .number, t.digitCount == 4, t.value / 100 <= 24, [0, 15, 30, 45].contains(t.value % 100) else { return nil }
                return t.value / 100 * 60 + t.value % 100
            }
            func dash(_ j: Int) -> Bool { j >= 0 && j < tokens.count && tokens[j].kind == .symbol && ["-", "–", "—"].contains(tokens[j].text.raw) }
            guard let minutes = hhmm(tok) else { return nil }
            if dash(k + 1), k + 2 < tokens.count, hhmm(tokens[k + 2]) != nil { return minutes }
            if dash(k - 1), k >= 2, hhmm(tokens[k - 2]) != nil { return minutes }
            return nil
        }
        guard tok.kind == .number, tok.digitCount <= 2, tok.value <= 24 else { return nil }
        // Part of a longer digit chain ("8 800 555-35-35", "12.05.2025") or the minutes of a time.
        if k >= 2, tokens[k - 1].kind == .symbol, !tokens[k - 1].spaceBefore, !tok.spaceBefore,
           tokens[k - 2].kind == .number, tokens[k - 1].text != "-" { return nil }
        guard k + 1 < tokens.count else { return nil }
        let next = tokens[k + 1]
        if next.kind == .symbol, [":", ".", ","].contains(next.text.raw), !next.spaceBefore, k + 2 < tokens.count {
            let minutes = tokens[k + 2]
            guard minutes.kind == .number, !minutes.spaceBefore, minutes.digitCount == 2, minutes.value < 60 else { return nil }
            // "12.05.2025", "1.10.3": a date or a version, not a time.
            if k + 4 < tokens.count, tokens[k + 3].kind == .symbol, tokens[k + 3].text == next.text, !tokens[k + 3].spaceBefore,
               tokens[k + 4].kind == .number, !tokens[k + 4].spaceBefore { return nil }
            var hour = tok.value
            if k + 3 < tokens.count, tokens[k + 3].kind == .word, LanguageData.shared.pmWords.contains(tokens[k + 3].text), hour < 12 { hour += 12 }
            return hour * 60 + minutes.value
        }
        let data = LanguageData.shared
        // "de 12 a 15", "from 9 to 5": a range after its prefix word, left unread.
        if k >= 1, tokens[k - 1].kind == .word, data.rangePrefixes.contains(tokens[k - 1].text), k + 2 < tokens.count,
           (next.kind == .symbol && next.text == "-") || (next.kind == .word && data.rangeSeparators.contains(next.text)),
           tokens[k + 2].kind == .number, tokens[k + 2].digitCount <= 2, tokens[k + 2].value <= 24 {
            return tok.value * 60
        }
        if next.kind == .word {
            if data.pmWords.contains(next.text) { return (tok.value % 12 + 12) * 60 }
            if data.amWords.contains(next.text) { return (tok.value % 12) * 60 }
            // "h", "ч", "Uhr", "hrs": a clock unit; "часов", "hours" are as often a duration.
            if data.unitWords.contains(next.text), next.text.raw.unicodeScalars.count <= 3 { return tok.value * 60 }
        }
        return nil
    }

    /// A number with an ordinal suffix glued on ("1st", "3ème", "24th") beside a day name, or
    /// in a list of such numbers: a date or the nth weekday of a month. "2nd floor" and "21st
    /// century" are neither.
    static func isOrdinalDate(_ k: Int, tokens: [HoursToken], recognizer: HoursRecognizer) -> Bool {
        let data = LanguageData.shared
        func ordinal(_ j: Int) -> Bool {
            j >= 0 && j + 1 < tokens.count && tokens[j].kind == .number && tokens[j].digitCount <= 2
                && (1...31).contains(tokens[j].value) && tokens[j + 1].kind == .word && !tokens[j + 1].spaceBefore
                && data.ordinalSuffixes.contains(tokens[j + 1].text)
        }
        guard ordinal(k) else { return false }
        func isDay(_ j: Int) -> Bool { tokens[j].kind == .word && recognizer.day(tokens[j].text) != nil }
        // Forward, over symbols, list words and other ordinals, to a day name or another ordinal.
        var j = k + 2
        var steps = 0
        while j < tokens.count, steps < 6 {
            if ordinal(j) || isDay(j) { return true }
            guard tokens[j].kind == .symbol || data.listWords.contains(tokens[j].text) else { break }
            j += 1
            steps += 1
        }
        // Back: a day name right before it ("Saturday 1st").
        j = k - 1
        while j >= 0, tokens[j].kind == .symbol, tokens[j].text != "." { j -= 1 }
        if j >= 0, isDay(j) { return true }
        // The last of a list ("25th, 26th, 27th and 28th").
        while j >= 0, tokens[j].kind == .word, data.listWords.contains(tokens[j].text) { j -= 1; while j >= 0, tokens[j].kind == .symbol { j -= 1 } }
        return j >= 1 && tokens[j].kind == .word && data.ordinalSuffixes.contains(tokens[j].text) && ordinal(j - 1)
    }

    /// Days no statement took, with a time nobody read right after them ("Lunes a sábado de 10
    /// a 14. Lunes a viernes de 17:30 a 20:30." read only the second sentence): the schedule
    /// leaves out what the text says for those days, in whichever sentence it is.
    static func unreadDaysHaveHours(_ items: [HoursItem], tokens: [HoursToken], inDraft: [Bool], covered: [Bool]) -> Bool {
        let count = tokens.count
        for item in items where item.first >= 0 && item.last < count && !inDraft[item.first] {
            guard case .days = item.kind, item.last + 1 < count else { continue }
            if ((item.last + 1)...min(count - 1, item.last + 4)).contains(where: { !covered[$0] && !inDraft[$0] && timeMinutes($0, tokens: tokens) != nil }) {
                return true
            }
        }
        return false
    }

    /// A day with a colon and no hours of its own inside a day list or range ("Jeudi :/
    /// Vendredi :15h-18h30", "Mardi: - Mercredi: 9h-12h"): the day is closed or unknown, not
    /// one of the next day's.
    static func joinsEmptyDay(_ items: [HoursItem], tokens: [HoursToken], draftAt: [Int]) -> Bool {
        func isColon(_ k: Int) -> Bool { tokens[k].kind == .symbol && tokens[k].text == ":" }
        var previous: HoursItem?
        for item in items where item.first >= 0 && item.last < tokens.count && draftAt[item.first] >= 0 {
            guard case .days = item.kind else { continue }
            // Inside one days item ("Mardi: - Mercredi" read as a range).
            if item.first < item.last, ((item.first + 1)..<item.last).contains(where: isColon) { return true }
            // Two days items of one statement with a colon and no time between them.
            if let p = previous, draftAt[p.first] == draftAt[item.first], p.last + 1 < item.first {
                let gap = (p.last + 1)..<item.first
                if gap.contains(where: isColon), !gap.contains(where: { tokens[$0].kind == .number }) { return true }
            }
            previous = item
        }
        return false
    }

    /// Hours with a break word right beside them and no other reading ("13:00-14:00
    /// Mittagspause", "14:00 – 15:30 Lunch break", "10-14обед15-18"), or a closed word right
    /// before hours naming no days ("Fermeture 15h00 à 18h00"): the times are the break's or the
    /// closure's, or the break splits hours that were not read apart; "9-18 ohne Mittagspause"
    /// has none.
    static func hoursAreBreak(_ drafts: [HoursParser.Draft], tokens: [HoursToken], covered: [Bool]) -> Bool {
        let data = LanguageData.shared
        func isBreak(_ k: Int) -> Bool {
            k >= 0 && k < tokens.count && !covered[k] && tokens[k].kind == .word && data.breakWords.contains(tokens[k].text)
                && !(k >= 1 && tokens[k - 1].kind == .word && data.withoutWords.contains(tokens[k - 1].text))
        }
        // The break word ends its phrase: the text, a sentence or a list ends, or hours follow
        // ("Intervalo mínimo entre reuniões: 15 min" is another phrase).
        func endsPhrase(_ k: Int) -> Bool {
            k >= tokens.count || tokens[k].kind == .number || (tokens[k].kind == .symbol && tokens[k].text != ":")
        }
        func spans(_ d: HoursParser.Draft) -> [Range<Int>] { d.spans.map { $0.start..<($0.end <= $0.start ? 1440 : $0.end) } }
        // A closed or break word right before hours naming no days ("Fermeture 15h00 à 18h00",
        // "geschlossen 12-13 Uhr"): the hours are the closure's.
        for d in drafts where d.content == .ranges && d.days == nil && d.first >= 1 {
            let w = tokens[d.first - 1]
            if w.kind == .word, data.closedWords.contains(w.text) || data.breakWords.contains(w.text),
               !(d.first >= 2 && tokens[d.first - 2].kind == .word && data.withoutWords.contains(tokens[d.first - 2].text)) { return true }
        }
        // A statement that read a break of its own ("(12:00 - 13:00, lunch break)") is not one.
        for (n, d) in drafts.enumerated() where d.content == .ranges && d.breaks.isEmpty && !data.breakWords.contains(tokens[d.last].text) {
            // Right after the last time, or one word later ("Lunch break", "Түскі үзіліс").
            guard var breakAt = isBreak(d.last + 1) ? d.last + 1 : (d.last + 2 < tokens.count && tokens[d.last + 1].kind == .word && isBreak(d.last + 2) ? d.last + 2 : nil) else { continue }
            if isBreak(breakAt + 1) { breakAt += 1 }
            guard endsPhrase(breakAt + 1) else { continue }
            // A break inside another statement's hours ("Mon-Fri: 10:00 - 18:00 (12:00 - 13:00,
            // lunch break)") is that statement's break.
            // Compared with at most `maxComparedStatements` others (linear in a flattened timetable).
            let inside = drafts.count <= maxComparedStatements && drafts.indices.contains { m in
                m != n && drafts[m].content == .ranges && spans(d).allSatisfy { s in spans(drafts[m]).contains { $0.lowerBound <= s.lowerBound && s.upperBound <= $0.upperBound } }
            }
            if !inside { return true }
        }
        return false
    }

    /// Statements that go on an activity's list ("Самовывоз: Пн–Пт с 10:00 до 17:00, Сб с
    /// 10:00 до 14:30, Вс — выходной"): after one the activity introduced, the next statement
    /// joined to it by only a comma, dash or list word is the activity's too.
    static func continuingActivity(_ introduced: [Bool], drafts: [HoursParser.Draft], tokens: [HoursToken]) -> [Bool] {
        var taken = introduced
        let listWords = LanguageData.shared.listWords
        for n in drafts.indices.dropFirst() where taken[n - 1] && !taken[n] {
            let gap = (drafts[n - 1].last + 1)..<max(drafts[n - 1].last + 1, drafts[n].first)
            guard drafts[n].first > drafts[n - 1].last, gap.count <= 3 else { continue }
            if gap.allSatisfy({ k in
                tokens[k].kind == .symbol ? [",", "-", "–", "—", "/"].contains(tokens[k].text.raw) : listWords.contains(tokens[k].text)
            }) { taken[n] = true }
        }
        return taken
    }

    /// Services or table columns mixed: hours, then a service word labelling more hours
    /// ("… Sunday: 12:00pm - 9:30pm Breakfast: Sat & Sun, 8am - 1pm"). Merged, the first
    /// schedule takes the service's days as an exception of its own; which hours are the
    /// place's is not read, so nothing. Texts that label every service ("Store … | Pharmacy …",
    /// "Comida: … Cena: …") give one record per statement instead.
    static func mixesServices(_ drafts: [HoursParser.Draft], tokens: [HoursToken], covered: [Bool]) -> Bool {
        let labels = LanguageData.shared.serviceLabels
        func isLabel(_ k: Int) -> Bool { !covered[k] && tokens[k].kind == .word && labels.contains(tokens[k].text) }
        // Inside one statement, after a time of its own: another service's hours read as more of
        // the first's ("Monday-Friday 08:00-18:00 (with emergency support available from
        // 18:00-20:00) and Saturdays …" gave Mo-Fr 08:00-20:00).
        func isTime(_ k: Int) -> Bool { tokens[k].kind == .number && timeMinutes(k, tokens: tokens) != nil }
        for d in drafts where d.first < d.last {
            guard let firstTime = (d.first...d.last).first(where: isTime),
                  let lastTime = (d.first...d.last).last(where: isTime), firstTime < lastTime else { continue }
            if ((firstTime + 1)..<lastTime).contains(where: isLabel) { return true }
        }
        guard drafts.count >= 2 else { return false }
        let firstStart = drafts.map(\.first).min() ?? 0
        let firstEnd = drafts.map(\.last).min() ?? 0
        let lastStart = drafts.map(\.first).max() ?? 0
        guard !(0..<firstStart).contains(where: isLabel) else { return false }
        // Between a statement's hours and the days after them ("Store 5:00 am-midnight Pharmacy
        // Hours Mon-Fri …" gave the store's hours the pharmacy's days).
        for d in drafts where d.first < d.last && d.days != nil && !d.daysLeading {
            if ((d.first + 1)..<d.last).contains(where: isLabel) { return true }
        }
        let starts = Set(drafts.map(\.first))
        for k in (firstEnd + 1)..<max(firstEnd + 1, lastStart) where isLabel(k) {
            // "Breakfast:", "Distribution Centre:", "Pharmacy Mon-Fri …".
            func colon(_ j: Int) -> Bool { j < tokens.count && tokens[j].kind == .symbol && tokens[j].text == ":" }
            // "Non Member drop-in:": a few words or hyphens may stand between the label and its colon.
            var j = k + 1
            while j < min(tokens.count, k + 5), !colon(j), !starts.contains(j),
                  tokens[j].kind == .word || (tokens[j].kind == .symbol && tokens[j].text == "-") { j += 1 }
            if colon(j) || starts.contains(k + 1) { return true }
        }
        return false
    }

    /// Statements of one text that disagree: days said to be closed, then given hours by a
    /// statement for more days ("Closed Mondays. Everyday 11-7": which wins is not written);
    /// hours for some days, then other hours at the same time of day for days that only partly
    /// overlap them ("Tu-Fr 11:30-14:00,16:30-23:00 …, Tu-Su 16:30-23:00": neither an exception
    /// for fewer days nor a second shift).
    static func contradicts(_ drafts: [HoursParser.Draft], tokens: [HoursToken], recognizer: HoursRecognizer) -> Bool {
        // Pairs of statements: a block of hundreds (a flattened timetable) is not one schedule's
        // statements to compare, and the check must stay linear-time in the text.
        guard drafts.count <= maxComparedStatements else { return false }
        let all = Set(Weekday.allCases)
        let labels = labelCounts(tokens: tokens, recognizer: recognizer)
        for (a, first) in drafts.enumerated() where !first.holidayOnly {
            let firstDays = first.days ?? all
            for second in drafts[(a + 1)...] where !second.holidayOnly {
                // "Kundenservice: Mo.–Fr. 8–18 Uhr. Technischer Support: werktags 9–17 Uhr.":
                // statements under labels of their own are each label's (records apart).
                if second.first > first.last + 1, labels[second.first] > labels[first.last + 1] { continue }
                let secondDays = second.days ?? all
                let shared = firstDays.intersection(secondDays)
                guard !shared.isEmpty else { continue }
                // A later statement for fewer days is an exception to the earlier one.
                if secondDays.isStrictSubset(of: firstDays) { continue }
                // Hours naming no days after hours for named days ("… Saturday 9.00am - 4.00pm.
                // Sunday & Public Holidays Closed - Consultations … 8.00am - 9.00am"): whose they
                // are is not read.
                if first.content == .ranges && first.days != nil && second.content == .ranges && second.days == nil { return true }
                // Hours naming no days between statements with days ("Monday: Gesloten | 16:30 -
                // 23:00: Tuesday: …", a table whose day cell was not read).
                if first.days != nil, second.content == .ranges, second.days == nil,
                   drafts[(a + 1)...].contains(where: { $0.first > second.last && $0.days != nil && !$0.holidayOnly }) { return true }
                // The same hours said again (a text given in two languages) agree.
                if first.content == second.content && first.spans == second.spans { continue }
                // Hours naming no days after closed days are the other days' ("Понедельник:
                // выходной. Остальные дни с 11:00 до 20:00"); named days are not ("Closed Mondays.
                // Everyday 11-7").
                if first.content == .closed && second.content != .closed && second.days != nil { return true }
                if first.content == .ranges && second.content == .ranges, first.days != nil, second.days != nil {
                    // Same days with other shifts ("Mo-Fr 9-13, Mo-Fr 14-18") are one day's ranges.
                    // Other hours for days that partly overlap ("Lun-sam 11h30-14h et mar-dim
                    // 19h-22h") add to them; only hours at the same time disagree.
                    if !overlaps(first.spans, second.spans) { continue }
                    return true
                }
            }
        }
        return false
    }

    /// For each token position, how many labels come before it: a word no lexicon reads followed
    /// by a colon ("Technischer Support:", "Pharmacy:").
    private static func labelCounts(tokens: [HoursToken], recognizer: HoursRecognizer) -> [Int] {
        var counts = [Int](repeating: 0, count: tokens.count + 1)
        for k in tokens.indices {
            let isLabel = tokens[k].kind == .word && k + 1 < tokens.count && tokens[k + 1].kind == .symbol
                && tokens[k + 1].text == ":" && recognizer.day(tokens[k].text) == nil && !HoursRecognizer.canStartPhrase(tokens[k].text)
            counts[k + 1] = counts[k] + (isLabel ? 1 : 0)
        }
        return counts
    }

    private static func overlaps(_ a: [RawSpan], _ b: [RawSpan]) -> Bool {
        func minutes(_ s: RawSpan) -> Range<Int> { s.start..<(s.end <= s.start ? 1440 : s.end) }
        return a.contains { x in b.contains { y in minutes(x).overlaps(minutes(y)) } }
    }
}
