/// A time span as written: `end <= start` means it runs past midnight.
struct RawSpan: Hashable, Sendable {
    var start: Int
    var end: Int
}

/// A recognised phrase, spanning tokens `first...last`.
struct HoursItem: Sendable {
    enum Kind: Sendable {
        case days(Set<Weekday>, everyDay: Bool, holidays: Bool)
        case ranges([RawSpan], needsContext: Bool)
        case closed
        case allDay
        case vague
        case breakRanges([RawSpan])
        /// "кроме воскресенья", "except Sundays": removes days from the statement.
        case exceptDays(Set<Weekday>)
        case holidayOff
        case timeZone(String)
        case separator(strong: Bool)
        /// A month, season or other activity ("Juli-August", "летом", "доставка"): the text's
        /// hours depend on something the reader does not model, or are not a channel's.
        case qualifier
        /// Another activity's hours ("доставка", "shipping"): reaches only the hours next to it.
        case activity
        /// A short word labelling hours that no lexicon reads ("so:" in Czech, "S 09:00 a 13:00"):
        /// next to days that are read, its hours would be given to the wrong days.
        case unknownLabel
    }
    var kind: Kind
    var first: Int
    var last: Int
    /// Hours that take their start from the range before ("…, Saturday until noon").
    var amends = false

    var isContent: Bool {
        switch kind {
        case .ranges, .closed, .allDay, .vague: return true
        default: return false
        }
    }
}

/// First stage of the grammar: a single left-to-right pass over the tokens that turns phrases
/// into items. Every matcher looks at a bounded number of tokens, so the pass is linear in the
/// text length whatever the input.
struct HoursRecognizer {
    let t: [HoursToken]
    /// The text's language when known (a code of `LanguageData`): it decides short forms that
    /// are days in one language and other days or ordinary words in another.
    let language: String?
    private(set) var items: [HoursItem] = []

    init(tokens: [HoursToken], language: String? = nil) {
        t = tokens
        self.language = language
        clock24 = HoursRecognizer.writesTwentyFourHours(tokens)
    }

    /// The text writes an hour after noon as a number ("23:00", "12-24", "18 h"): its writer
    /// uses the 24-hour clock, so an end before the start ("9:00 - 1:00") is at night.
    let clock24: Bool

    private static func writesTwentyFourHours(_ t: [HoursToken]) -> Bool {
        func sym(_ k: Int) -> WordKey? { k >= 0 && k < t.count && t[k].kind == .symbol ? t[k].text : nil }
        for k in t.indices where t[k].kind == .number && t[k].digitCount == 2 && t[k].value >= 13 && t[k].value <= 24 {
            if let s = sym(k + 1), s == ":" || s == ".", k + 2 < t.count, !t[k + 1].spaceBefore, t[k + 2].kind == .number,
               !t[k + 2].spaceBefore, t[k + 2].digitCount == 2 { return true }
            if sym(k - 1) == "-" || sym(k + 1) == "-" { return true }
            if k + 1 < t.count, t[k + 1].kind == .word, unitWords.contains(t[k + 1].text) { return true }
        }
        return false
    }

    /// The matchers ask about the same few words again and again (every matcher tried at a
    /// token reads it as a day first); `HoursLexicon.day` is up to four hash look-ups and a
    /// stem search, the memo one look-up. The language is fixed per recognizer.
    private let dayMemo = DayMemo()

    func day(_ w: WordKey) -> HoursLexicon.DayWord? {
        if let known = dayMemo.days[w] { return known }
        let found = HoursLexicon.day(w, language: language)
        dayMemo.days[w] = found
        return found
    }

    // MARK: token helpers

    @inline(__always) func word(_ i: Int) -> WordKey? {
        i >= 0 && i < t.count && t[i].kind == .word ? t[i].text : nil
    }
    @inline(__always) func sym(_ i: Int) -> WordKey? {
        i >= 0 && i < t.count && t[i].kind == .symbol ? t[i].text : nil
    }
    @inline(__always) func number(_ i: Int) -> HoursToken? {
        i >= 0 && i < t.count && t[i].kind == .number ? t[i] : nil
    }
    /// Token `i` follows the previous one without whitespace.
    @inline(__always) func attached(_ i: Int) -> Bool { i >= 0 && i < t.count && !t[i].spaceBefore }

    /// Kept as items are emitted, so a matcher asks in O(1) (the pass stays linear).
    private(set) var hasDaysItem = false
    private(set) var hasRangesItem = false

    mutating func emit(_ kind: HoursItem.Kind, _ first: Int, _ last: Int) {
        switch kind {
        case .days: hasDaysItem = true
        case .ranges: hasRangesItem = true
        default: break
        }
        items.append(HoursItem(kind: kind, first: first, last: max(first, last)))
    }

    mutating func run() {
        var i = 0
        while i < t.count {
            let next = step(i)
            i = max(next, i + 1)
        }
        // A bare "9-18" counts only when the text is about hours at all. The whole-text tests
        // run only for texts that have such a range, which few have.
        let needsContext = items.contains { if case .ranges(_, true) = $0.kind { return true } else { return false } }
        guard needsContext else { return }
        let hasDays = items.contains { if case .days = $0.kind { return true } else { return false } }
        if !(hasDays || hasContextWord() || hasColonTime()) {
            items.removeAll { if case .ranges(_, true) = $0.kind { return true } else { return false } }
        }
    }

    private func hasContextWord() -> Bool {
        t.contains { $0.kind == .word && HoursLexicon.contextWords.contains($0.text) }
    }

    private func hasColonTime() -> Bool {
        t.indices.contains { k in
            let tok = t[k]
            guard tok.kind == .number, tok.digitCount == 2, tok.value <= 24, sym(k + 1) == ":", attached(k + 1),
                  let m = number(k + 2), attached(k + 2) else { return false }
            return m.digitCount == 2 && m.value < 60
        }
    }

    /// Recognises the phrase starting at token `i`; returns the index after it.
    private mutating func step(_ i: Int) -> Int {
        let tok = t[i]
        switch tok.kind {
        case .symbol:
            switch tok.text {
            case "|" where sym(i + 1) == "|" && attached(i + 1):
                // OpenStreetMap's fallback rule "… || comment": not a weekly schedule.
                emit(.qualifier, i, i + 1)
                return i + 2
            case "|":
                // "Monday - Friday | 9:00 - 6:00": a cell boundary; a day list still takes the
                // hours after it, and new days start a new statement anyway.
                emit(.separator(strong: false), i, i)
            case "?" where number(i - 1) != nil && attached(i) || (sym(i - 1) == "-" && number(i - 2) != nil):
                // "17:00-?", "11:00-0?:00": an end nobody knows.
                emit(.qualifier, i, i)
            case "." where attached(i) && number(i + 1) != nil && number(i - 2) == nil
                && word(i - 1).map({ HoursRecognizer.unitWords.contains($0) }) == true:
                // The abbreviation dot of a unit written before the times ("od poniedziałku do
                // piątku w godz. 8–16"): it does not end the sentence, or the days lose their hours.
                break
            case "." where attached(i) && (word(i - 1).map { HoursLexicon.closedWords.contains($0) && $0.utf8Count <= 6 } ?? false)
                && (word(i + 1).map { day($0) != nil } ?? false):
                // The abbreviation dot of a closed word before its days ("вых. пн.").
                break
            case ";", "!", "?", ".", "•":
                emit(.separator(strong: true), i, i)
            case "\"" where t[i].spaceBefore && ((word(i - 1).map { day($0) != nil } ?? false)
                || !items.isEmpty && ((word(i - 1).map { ["open", "closed", "off"].contains($0) } ?? false) || number(i - 1) != nil)):
                // OpenStreetMap comments: 'open "Hot meals"', 'Su "Brötchenverkauf" 08:00-10:00';
                // not a quotation that closes right after the hours ('… с 9:00 до 13:00", –').
                emit(.qualifier, i, i)
            case "/" where attached(i) && number(i + 1) != nil && attached(i + 1) && number(i - 1) != nil
                && items.last.map({ if case .ranges = $0.kind { return $0.last == i - 1 } else { return false } }) == true:
                // "15:00-20:00/60": every 60 minutes within the range, not opening hours.
                emit(.qualifier, i, i + 1)
                return i + 2
            case "[" where attached(i) && word(i - 1).map({ day($0) != nil }) == true:
                // "Th[3]", "Su[-1]": nth weekday of the month.
                emit(.qualifier, i, i)
            case ",":
                emit(.separator(strong: false), i, i)
            default:
                break
            }
            return i + 1
        case .number:
            if tok.digitCount == 4, tok.value >= 1900, tok.value < 2100, let s = sym(i - 1), s == "/" || s == ".",
               let dayOrMonth = number(i - 2), dayOrMonth.digitCount <= 2, dayOrMonth.value <= 31,
               attached(i) || (sym(i - 3) == s && number(i - 4).map { $0.digitCount <= 2 && $0.value <= 31 } == true) {
                // "29. 12. 2025": spaced too, when a day number and the same dot come before.
                // A date ("02/08/2014", "21.11.2026") beside hours makes them that date's.
                emit(.qualifier, i, i)
                return i + 1
            }
            if HoursRecognizer.isMilitaryTime(tok) {
                // "0900-1730", "0900 to 1700": a range of two four-digit times only.
                if let n = matchRangeItem(i) { return n }
                return i + 1
            }
            guard tok.digitCount <= 2 && tok.value <= 24 else { return i + 1 }
            if let n = matchSuffixRange(i) { return n }
            if let n = matchOrdinalDays(i) { return n }
            if let n = matchPhrase(i) { return n }
            if let n = matchAllDayNumber(i) { return n }
            if let n = matchEveryDayNumber(i) { return n }
            if let n = matchRangeItem(i) { return n }
            return i + 1
        case .word:
            // Most words of a page start nothing; one set lookup rejects them.
            guard HoursRecognizer.canStartPhrase(tok.text) else { return unknownLabel(i) ?? i + 1 }
            if let n = matchPhrase(i) { return n }
            if let n = matchAllDayWord(i) { return n }
            if let n = matchVague(i) { return n }
            if let n = matchExceptHolidays(i) { return n }
            if let n = matchHoliday(i) { return n }
            if let n = matchBreak(i) { return n }
            if let n = matchEveryDayWord(i) { return n }
            if let n = matchWeekGroups(i) { return n }
            if let n = matchClosed(i) { return n }
            if let n = matchZone(i) { return n }
            if let n = matchRangeItem(i) { return n }
            if let n = matchDays(i) { return n }
            if let n = matchQualifier(i) { return n }
            return unknownLabel(i) ?? i + 1
        }
    }

    /// The start of the one range read before the days that end right before token `i`
    /// ("… 8 a.m. to 6 p.m., Saturday" before "until noon"); nil when it is not that plain.
    private func startStatedBefore(_ i: Int) -> Int? {
        guard let daysItem = items.last, case .days = daysItem.kind else { return nil }
        var k = daysItem.last + 1
        if sym(k) == "." { k += 1 }
        if sym(k) == ":" { k += 1 }
        guard k == i else { return nil }
        var ranges: [HoursItem] = []
        for item in items.dropLast() { if case .ranges = item.kind { ranges.append(item) } }
        guard ranges.count == 1, case .ranges(let spans, _) = ranges[0].kind, spans.count == 1, ranges[0].last < daysItem.first,
              spans[0].end > spans[0].start else { return nil }
        return spans[0].start
    }

    private mutating func unknownLabel(_ i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        // A day word not trusted as a day ("sob." with no days before it) right before hours:
        // those hours are some day's, never every day's.
        if day(w) != nil {
            var k = skipDot(i + 1)
            if sym(k) == ":" { k += 1 }
            if number(k) != nil, parseRange(k) != nil {
                emit(.qualifier, i, k - 1)
                return k
            }
        }
        // "Open till 2200 Friday", "(Сб. до 15:00)": an end with no start changes some day's
        // hours in a way not read.
        if HoursLexicon.rangeSeparatorWords.contains(w), w.utf8Count > 1, let (end, after) = endpoint(i + 1, after: w),
           end.clock || end.meridiem != 0 || end.unit || end.military {
            // "weekdays from 8 a.m. to 6 p.m., Saturday until noon": days of their own right
            // before, after one range read: the start is that range's. With no start stated
            // anywhere ("w dni robocze do 18:00") the text says too little.
            if let start = startStatedBefore(i), let e = HoursRecognizer.minutes(end, isEnd: true), e > start {
                emit(.ranges([RawSpan(start: start, end: e)], needsContext: false), i, after - 1)
                items[items.count - 1].amends = true
                return after
            }
            emit(.qualifier, i, i + 1)
            return i + 2
        }
        // "Sunda - Thursday", "Tus / Fri", ", Miercoles, Viernes": an unread word that starts
        // like a day name, joined to a day as in a range or list, is a day misspelt.
        // Most words are followed by another word: the connector is tested first, the
        // spelling (which builds a string) last.
        if let c = sym(i + 1) ?? word(i + 1),
           ["-", "/", "&", ">"].contains(c) || (c == "," && sym(i - 1) == ",") || HoursLexicon.dayRangeWords.contains(c),
           c == "," || !attached(i + 1) || !attached(i + 2), // "subota/saturday" glosses a day in another language
           let next = word(skipDot(i + 2)), let d = day(next), !d.partnerOnly || t[skipDot(i + 2)].isCapitalized,
           case let scalars = w.raw.unicodeScalars, scalars.count >= 3, scalars.count <= 9, day(w) == nil,
           LanguageData.shared.dayNameOpenings.contains(String(String.UnicodeScalarView(scalars.prefix(2)))) {
            emit(.unknownLabel, i, i + 2)
            return i + 1
        }
        // "MTWF 10-6", "MWF: 10am-1pm": day initials glued into one word.
        if t[i].isCapitalized, w.raw.unicodeScalars.count >= 3, w.raw.unicodeScalars.count <= 7,
           w.raw.unicodeScalars.allSatisfy({ "mtwrfsuh".unicodeScalars.contains($0) }) {
            var k = i + 1
            if sym(k) == ":" { k += 1 }
            if number(k) != nil {
                emit(.unknownLabel, i, i + 1)
                return i + 1
            }
        }
        // "pon - ptk", "Pzt-Cts": two short unread words joined like a day range.
        let letters = w.raw.unicodeScalars.count
        func unread(_ x: WordKey) -> Bool { day(x).map { $0.partnerOnly } ?? true }
        if letters == 1, sym(i + 1) == "-", let other = word(i + 2), other.raw.unicodeScalars.count <= 2, unread(w), unread(other),
           !(day(w) != nil && day(other) != nil) {
            // "F-S 11a-2a", "M-T 4pm": one-letter days, one of them two days at once.
            emit(.unknownLabel, i, i + 2)
            return i + 3
        }
        if letters >= 2, letters <= 12, sym(i + 1) == "-", let other = word(i + 2), unread(w), unread(other) {
            let otherLetters = other.raw.unicodeScalars.count
            var k = i + 3
            if sym(k) == ":" { k += 1 }
            // "pon - ptk", "Pzt-Cts"; not "Walk-in".
            let dayLike = !attached(i + 1) || t[i + 2].isCapitalized == t[i].isCapitalized
            let shortDaySide = (day(w)?.partnerOnly ?? false) || (day(other)?.partnerOnly ?? false)
            let short = dayLike && letters <= 4 && otherLetters >= 2 && otherLetters <= 4
                && (shortDaySide || (number(k) != nil && parseRange(k) != nil))
            // "Vasárnap-Csütörtök: 13:00-24:00": longer words count when hours follow.
            let beforeHours = dayLike && t[i].isCapitalized && otherLetters <= 12 && number(k) != nil && parseRange(k) != nil
            if short || beforeHours {
                emit(.unknownLabel, i, i + 2)
                return i + 3
            }
        }
        guard letters <= 3, t[i].isCapitalized || sym(i + 1) == ":" else { return nil }
        var k = i + 1
        if sym(k) == ":" { k += 1 }
        guard number(k) != nil, parseRange(k) != nil else { return nil }
        emit(.unknownLabel, i, i)
        return i + 1
    }

    // MARK: data-file phrases and qualifiers

    /// Multi-word entries of the language files: "tous les jours", "7j/7", "fin de semana".
    private mutating func matchPhrase(_ i: Int) -> Int? {
        guard let candidates = LanguageData.shared.phrases[t[i].text] else { return nil }
        for (words, kind) in candidates where i + words.count <= t.count {
            var ok = true
            for (k, w) in words.enumerated() where t[i + k].text != w { ok = false; break }
            guard ok else { continue }
            let last = i + words.count - 1
            let all = Set(Weekday.allCases)
            switch kind {
            case .everyDay:
                // "Hafta içi her gün": every day of the days just named, not every day.
                if let previous = items.last, case .days(_, false, _) = previous.kind, previous.last == i - 1 { return last + 1 }
                emit(.days(all, everyDay: true, holidays: false), i, last)
            case .allDay: emit(.allDay, i, last)
            case .weekdays: emit(.days([.mo, .tu, .we, .th, .fr], everyDay: false, holidays: false), i, last)
            case .weekend: emit(.days([.sa, .su], everyDay: false, holidays: false), i, last)
            case .closed: emit(.closed, i, last)
            case .breakWord:
                var k = last + 1
                if sym(k) == ":" { k += 1 }
                guard let r = parseRange(k) else { return nil }
                emit(.breakRanges([r.span]), i, r.end - 1)
                return r.end
            case .dayRange: return nil
            }
            return last + 1
        }
        return nil
    }

    /// Days written as ordinals (Portuguese "2ª a 6ª feira", "2a-feira"): a one-digit number
    /// with an ordinal suffix of a language file, alone or as a range or list. A suffix that is
    /// also something else ("2a" / "8a" = 8 a.m.) needs the language's day word ("feira") after
    /// an ordinal. An ordinal day that does not read ("7ª") leaves its hours to no day.
    private func ordinalDay(_ k: Int) -> (day: Weekday, next: Int, marked: Bool)? {
        guard let n = number(k), n.digitCount == 1, let suffix = word(k + 1), attached(k + 1),
              let ordinal = LanguageData.shared.ordinalDays[suffix],
              n.value >= ordinal.monday, n.value <= ordinal.monday + 4,
              let day = Weekday(rawValue: n.value - ordinal.monday) else { return nil }
        var next = k + 2
        var named = false
        // "2ª-feira", "6ª feira"
        if sym(next) == "-", attached(next), let w = word(next + 1), ordinal.dayWords.contains(w) { next += 2; named = true }
        else if let w = word(next), ordinal.dayWords.contains(w) { next += 1; named = true }
        return (day, next, named || ordinal.alwaysDay)
    }

    private mutating func matchOrdinalDays(_ i: Int) -> Int? {
        guard let suffix = word(i + 1), attached(i + 1), let reading = LanguageData.shared.ordinalDays[suffix] else { return nil }
        guard let first = ordinalDay(i) else {
            if reading.alwaysDay {
                emit(.qualifier, i, i + 1)
                return i + 2
            }
            return nil
        }
        var day = first.day
        var j = first.next
        var days: Set<Weekday> = [day]
        var marked = first.marked
        var named = first.next > i + 2
        while let c = sym(j) ?? word(j) {
            guard HoursLexicon.dayRangeWords.contains(c) || HoursLexicon.listWords.contains(c),
                  let other = ordinalDay(j + 1) else { break }
            if HoursLexicon.dayRangeWords.contains(c) { days.formUnion(day.through(other.day)) } else { days.insert(other.day) }
            day = other.day
            marked = marked && other.marked
            named = named || other.next > j + 3
            j = other.next
        }
        if !marked && !named { return nil }
        emit(.days(days, everyDay: false, holidays: false), i, j - 1)
        return j
    }

    /// A month next to a day number or another month ("2021 Apr 10-16", "Juli-August",
    /// "с 1 мая"), a season word, or an activity whose hours are not a channel's.
    private mutating func matchQualifier(_ i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        // OpenStreetMap: week numbers ("week 26-31"), school holidays ("SH off"), "unknown".
        if (w == "week" && number(i + 1) != nil) || (w == "sh" && t[i].isCapitalized) || (w == "unknown" && sym(i - 1) == ";") {
            emit(.qualifier, i, i)
            return i + 1
        }
        let data = LanguageData.shared
        if data.isQualifier(w) {
            emit(data.isActivity(w) ? .activity : .qualifier, i, i)
            return i + 1
        }
        if let phrases = data.qualifierPhrases[w] {
            for words in phrases where i + words.count <= t.count {
                if words.enumerated().allSatisfy({ t[i + $0.offset].text == $0.element }) {
                    emit(.qualifier, i, i + words.count - 1)
                    return i + words.count
                }
            }
        }
        // "erster Sa i. M. 09:00-16:00", "last Sunday 1-4pm": the nth weekday of a month has
        // hours a weekly schedule cannot state; "последний четверг месяца – санитарный день"
        // (no hours of its own) only must not add that day to the hours around it.
        if data.nthWeekdayWords.contains(w), word(skipDot(i + 1)).map({ day($0) != nil }) == true {
            let dayEnd = skipDot(i + 2)
            var k = dayEnd
            while k < min(t.count, dayEnd + 6), number(k) == nil, sym(k) != ";" { k += 1 }
            emit(number(k) != nil ? .qualifier : .separator(strong: true), i, dayEnd - 1)
            return dayEnd
        }
        // "dinsdagochtend … van 8 tot 12 uur", "Samstagvormittag 9-12": the day's hours; beside a
        // closed word ("Montagnachmittag geschlossen") half a day closed, which is not placed.
        if let compoundDay = data.dayPartCompounds[w] {
            if (max(0, i - 3)...min(t.count - 1, i + 3)).contains(where: { word($0).map { HoursLexicon.closedWords.contains($0) } == true }) {
                emit(.qualifier, i, i)
            } else {
                emit(.days([compoundDay], everyDay: false, holidays: false), i, i)
            }
            return i + 1
        }
        guard data.isMonth(w) else { return nil }
        var after = i + 1
        if sym(after) == "." { after += 1 }
        var before = i - 1
        if sym(before) == "." { before -= 1 }
        // "15 de junio", "3 di marzo", "1er janvier": a day number with a short word between.
        let shortLink = word(before).map { $0.raw.unicodeScalars.count <= 3 && attached(before) == false } ?? false
        let nearNumber = number(after) != nil || number(before) != nil || (shortLink && number(before - 1) != nil)
        var linked = false
        if let s = sym(i + 1) ?? word(i + 1), HoursLexicon.dayRangeWords.contains(s) || HoursLexicon.listWords.contains(s),
           let other = word(i + 2), data.isMonth(other) {
            linked = true
        }
        if let s = sym(i - 1) ?? word(i - 1), HoursLexicon.dayRangeWords.contains(s) || HoursLexicon.listWords.contains(s),
           let other = word(i - 2), data.isMonth(other) {
            linked = true
        }
        // Month names of three letters are ordinary words somewhere ("may", "sie", "mar"): the
        // two looser tests below take longer names only.
        func longMonth(_ x: WordKey) -> Bool { x.raw.unicodeScalars.count >= 4 && data.isMonth(x) && day(x) == nil }
        // "März-Anfang Januar", "da fine ottobre a fine marzo": two months close together.
        if longMonth(w) {
            for k in max(0, i - 4)...(i + 4) where k != i && k < t.count {
                if let other = word(k), longMonth(other) { linked = true; break }
            }
        }
        // "from late March", "da fine ottobre", "bis Oktober": a month after a range word (one
        // word may stand between); a month abbreviation that is also a day ("mar") does not count.
        if longMonth(w) {
            for k in [i - 1, i - 2] {
                if let c = word(k), HoursLexicon.rangePrefixes.contains(c) || HoursLexicon.rangeSeparatorWords.contains(c)
                    || HoursLexicon.dayRangeWords.contains(c) {
                    linked = true
                }
            }
        }
        var colon = i + 1
        if sym(colon) == ":" { colon += 1 }
        let leadsRule = colon > i + 1 && (number(colon) != nil || (word(colon).map { day($0) != nil } ?? false))
            || (word(i + 1).map { $0 == "off" || day($0) != nil } ?? false)
        guard nearNumber || linked || leadsRule else { return nil }
        emit(.qualifier, i, i)
        return i + 1
    }

    // MARK: pre-filter

    /// Every word a matcher below can start with. Keep in sync when adding a matcher.
    private static let startWords: Set<WordKey> = {
        var set: Set<WordKey> = [
            "rund", "around", "round", "каждый", "every", "jeden", "все", "all", "кожен", "seven", "без",
            "рабочие", "рабочим", "робочі", "рабочих", "выходным", "вихідним", "выходные", "вихідні",
            "не", "nicht", "moscow", "москве", "noon", "midnight", "mitternacht", "полночь", "полдень", "полуночи", "mittag",
            "с", "from", "von", "з", "от", "со", "із", "m",
            "кроме", "except", "außer", "ausser", "excluding", "крім", "освен", "excl",
        ]
        set.formUnion(HoursLexicon.allDayWords)
        set.formUnion(vaguePrepositions)
        set.formUnion(HoursLexicon.breakWords)
        set.formUnion(HoursLexicon.everyDayWords)
        set.formUnion(HoursLexicon.weekdayGroupWords)
        set.formUnion(HoursLexicon.weekdayGroupAdjectives)
        set.formUnion(HoursLexicon.weekendWords)
        set.formUnion(HoursLexicon.closedWords)
        set.formUnion(HoursLexicon.anywhereZoneWords)
        set.formUnion(HoursLexicon.zoneWords.keys)
        set.formUnion(HoursLexicon.rangePrefixes)
        set.formUnion(HoursLexicon.exactDays.keys)
        let data = LanguageData.shared
        set.formUnion(data.phrases.keys)
        set.formUnion(data.exceptWords)
        set.formUnion(data.qualifierWords)
        set.formUnion(data.qualifierPhrases.keys)
        set.formUnion(data.months)
        set.formUnion(data.nthWeekdayWords)
        set.formUnion(data.dayPartCompounds.keys)
        set.formUnion(["ph", "week", "sh", "unknown", "midday"])
        set.formUnion(data.zonePhrases.keys)
        return set
    }()

    private static let startPrefixes: [String] = ["круглосуточ", "цілодобов", "московск"]
        + HoursLexicon.holidayPrefixes + HoursLexicon.dayPrefixes.map(\.0)
        + LanguageData.shared.dayStems.map(\.0) + LanguageData.shared.monthStems + LanguageData.shared.qualifierPrefixes
    /// Prefixes as bytes bucketed by their first two bytes, so a word costs one lookup.
    private static let prefixBuckets: [UInt16: [[UInt8]]] = {
        var map: [UInt16: [[UInt8]]] = [:]
        for p in startPrefixes {
            let bytes = Array(p.utf8)
            guard bytes.count >= 2 else { continue }
            map[UInt16(bytes[0]) << 8 | UInt16(bytes[1]), default: []].append(bytes)
        }
        return map
    }()

    static func canStartPhrase(_ w: WordKey) -> Bool {
        if startWords.contains(w) { return true }
        guard w.utf8Count >= 5 else { return false }
        var raw = w.raw
        return raw.withUTF8 { bytes in
            guard bytes.count >= 2, let bucket = prefixBuckets[UInt16(bytes[0]) << 8 | UInt16(bytes[1])] else { return false }
            for prefix in bucket where prefix.count <= bytes.count {
                var k = 2
                while k < prefix.count && bytes[k] == prefix[k] { k += 1 }
                if k == prefix.count { return true }
            }
            return false
        }
    }

    // MARK: 24/7

    private static let openWords: Set<WordKey> = LanguageData.shared.openWords
    private static let roundTheClockServices: Set<WordKey> = LanguageData.shared.serviceWords
    private static let reachableWords: Set<WordKey> = LanguageData.shared.reachableWords
    private static let hourUnits: Set<WordKey> = LanguageData.shared.hourUnits

    private mutating func matchAllDayNumber(_ i: Int) -> Int? {
        guard let n = number(i), n.value == 24, n.digitCount == 2 else { return nil }
        // 24/7, 24x7, 24х7, 24 × 7, 24*7
        let joiner = sym(i + 1) ?? word(i + 1)
        if let j = joiner, ["/", "x", "х", "×", "*", "\u{2715}"].contains(j), let seven = number(i + 2), seven.value == 7, seven.digitCount == 1 {
            var end = i + 2
            if sym(end + 1) == "/", let n365 = number(end + 2) {
                // "24/7/2026" is a date.
                guard n365.value == 365 else { return nil }
                end += 2
            }
            emit(.allDay, i, end)
            return end + 1
        }
        let dashed = sym(i + 1) == "-" && attached(i + 1) && attached(i + 2)
        let unitAt = dashed ? i + 2 : i + 1
        guard let unit = word(unitAt), HoursRecognizer.hourUnits.contains(unit) else { return nil }
        // "24 Hour Emergency Line", "24-hour helpline": the singular names a service that never
        // closes; "within 24 hours", "24 hour notice" and "(24 Hour Emergency Available)" next
        // to office hours do not.
        let nounAt = word(unitAt + 1) == "emergency" ? unitAt + 2 : unitAt + 1
        if unit == "hour" || unit == "hr", let noun = word(nounAt), HoursRecognizer.roundTheClockServices.contains(noun) {
            emit(.allDay, i, unitAt)
            return unitAt + 1
        }
        guard !dashed else { return nil }
        var k = i + 2
        if sym(k) == "." { k += 1 }
        let openBefore = word(i - 1).map { HoursRecognizer.openWords.contains($0) } ?? false
        var suffixEnd: Int?
        if let w = word(k) {
            if (w == "a" || w == "per" || w == "each" || w == "every") && word(k + 1) == "day" { suffixEnd = k + 1 }
            else if (w == "в" || w == "на") && (word(k + 1) == "сутки" || word(k + 1) == "добу") { suffixEnd = k + 1 }
            else if w == "am" && word(k + 1) == "tag" { suffixEnd = k + 1 }
            else if ["daily", "täglich", "ежедневно", "щодня"].contains(w) { suffixEnd = k }
        }
        if suffixEnd == nil {
            var m = k
            if sym(m) == "," || sym(m) == "/" { m += 1 }
            if let seven = number(m), seven.value == 7 { suffixEnd = k - 1 }
        }
        // "Hotline 24 Stunden erreichbar", "Support 24h": a service, or reachable, around it.
        let serviceBefore = word(i - 1).map { HoursRecognizer.roundTheClockServices.contains($0) || $0 == "hotline" } ?? false
        let reachableAfter = word(k).map { HoursRecognizer.reachableWords.contains($0) } ?? false
        if suffixEnd == nil && reachableAfter { suffixEnd = k }
        guard openBefore || serviceBefore || suffixEnd != nil else { return nil }
        let end = suffixEnd ?? (k - 1)
        emit(.allDay, i, end)
        return end + 1
    }

    private mutating func matchAllDayWord(_ i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        if HoursLexicon.allDayWords.contains(w) || w.hasPrefix("круглосуточ") || w.hasPrefix("цілодобов") {
            emit(.allDay, i, i)
            return i + 1
        }
        if w == "rund", word(i + 1) == "um", word(i + 2) == "die", word(i + 3) == "uhr" {
            emit(.allDay, i, i + 3)
            return i + 4
        }
        if w == "around" || w == "round" {
            var k = i + 1
            if sym(k) == "-" { k += 1 }
            guard word(k) == "the" else { return nil }
            k += 1
            if sym(k) == "-" { k += 1 }
            guard word(k) == "clock" else { return nil }
            emit(.allDay, i, k)
            return k + 1
        }
        return nil
    }

    // MARK: day groups

    private mutating func matchEveryDayNumber(_ i: Int) -> Int? {
        guard let n = number(i), n.value == 7, n.digitCount == 1 else { return nil }
        if sym(i + 1) == "/", let m = number(i + 2), m.value == 7 {
            emit(.days(Set(Weekday.allCases), everyDay: true, holidays: false), i, i + 2)
            return i + 3
        }
        guard let unit = word(i + 1), ["дней", "days", "tage", "днів", "дни", "day"].contains(unit) else { return nil }
        let pairs: [(WordKey, WordKey)] = [("в", "неделю"), ("a", "week"), ("per", "week"), ("die", "woche"), ("pro", "woche"), ("на", "тиждень"), ("в", "тиждень"), ("в", "седмицата")]
        for (a, b) in pairs where word(i + 2) == a && word(i + 3) == b {
            emit(.days(Set(Weekday.allCases), everyDay: true, holidays: false), i, i + 3)
            return i + 4
        }
        if word(i - 1) == "open" || word(i - 1) == "geöffnet" {
            emit(.days(Set(Weekday.allCases), everyDay: true, holidays: false), i, i + 1)
            return i + 2
        }
        return nil
    }

    private mutating func matchEveryDayWord(_ i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        let all = Set(Weekday.allCases)
        if HoursLexicon.everyDayWords.contains(w) {
            emit(.days(all, everyDay: true, holidays: false), i, i)
            return i + 1
        }
        let next = word(i + 1)
        if (w == "каждый" && next == "день") || (w == "every" && next == "day") || (w == "jeden" && next == "tag")
            || (w == "все" && next == "дни") || (w == "all" && (next == "week" || next == "days")) || (w == "кожен" && next == "день")
            || (w == "seven" && next == "days") {
            var end = i + 1
            if w == "seven", word(i + 2) == "a", word(i + 3) == "week" { end = i + 3 }
            emit(.days(all, everyDay: true, holidays: false), i, end)
            return end + 1
        }
        if w == "без", let n = next, n.hasPrefix("выходн") || n.hasPrefix("вихідн") {
            emit(.days(all, everyDay: true, holidays: false), i, i + 1)
            return i + 2
        }
        return nil
    }

    private static let dayNouns: Set<WordKey> = LanguageData.shared.dayNouns

    private mutating func matchWeekGroups(_ i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        let weekdays: Set<Weekday> = [.mo, .tu, .we, .th, .fr]
        let weekend: Set<Weekday> = [.sa, .su]
        let dayNouns = HoursRecognizer.dayNouns
        if HoursLexicon.weekdayGroupWords.contains(w) {
            emit(.days(weekdays, everyDay: false, holidays: false), i, i)
            return i + 1
        }
        if HoursLexicon.weekdayGroupAdjectives.contains(w) {
            let end = word(i + 1).map { dayNouns.contains($0) } ?? false ? i + 1 : i
            emit(.days(weekdays, everyDay: false, holidays: false), i, end)
            return end + 1
        }
        if ["рабочие", "рабочим", "робочі", "рабочих"].contains(w), let n = word(i + 1), dayNouns.contains(n) {
            emit(.days(weekdays, everyDay: false, holidays: false), i, i + 1)
            return i + 2
        }
        if HoursLexicon.weekendWords.contains(w) {
            emit(.days(weekend, everyDay: false, holidays: false), i, i)
            return i + 1
        }
        // "выходные" is the weekend when hours follow ("в выходные дни с 10 до 16"),
        // otherwise it marks days off ("сб-вс выходные"); the latter is left to matchClosed.
        if w == "выходным" || w == "вихідним" {
            emit(.days(weekend, everyDay: false, holidays: false), i, i)
            return i + 1
        }
        if w == "выходные" || w == "вихідні" {
            var k = i + 1
            if let n = word(k), dayNouns.contains(n) { k += 1 }
            if sym(k) == ":" { k += 1 }
            if number(k) != nil || (word(k).map { HoursLexicon.rangePrefixes.contains($0) } ?? false) {
                if parseRange(k) != nil {
                    emit(.days(weekend, everyDay: false, holidays: false), i, k - 1)
                    return k
                }
            }
        }
        return nil
    }

    // MARK: closed, holidays, vague, breaks

    private static let fillers: Set<WordKey> = LanguageData.shared.fillers

    private mutating func matchClosed(_ i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        var end = i
        // "closed for lunch 1-2pm", "… 0830-1700 Closed Lunch 1200-1300" are a break, read from
        // its break word; "Суббота выходной Обед …" closes the day before it.
        if word(i + 1) == "for" || items.last.map({ if case .ranges = $0.kind { return $0.last == i - 1 } else { return false } }) == true,
           closedWordNamesBreak(i) { return nil }
        if w == "не" || w == "nicht" {
            guard let w2 = word(i + 1), w2.hasPrefix("работа") || w2.hasPrefix("працю") || w2 == "geöffnet" || w2.hasPrefix("ведет") || w2.hasPrefix("принима") else { return nil }
            end = i + 1
        } else if !HoursLexicon.closedWords.contains(w) {
            return nil
        }
        // "Выходные и праздничные дни …" names days (weekends and holidays), it does not
        // say they are closed; what follows decides ("обслуживание может быть ограничено"
        // does not close anything).
        if w.hasPrefix("выходн") || w.hasPrefix("вихідн"), let conjunction = word(i + 1), conjunction == "и" || conjunction == "і",
           let next = word(i + 2), HoursLexicon.isHoliday(next) {
            return nil
        }
        if w.hasPrefix("выходн") || w == "почивен" || w.hasPrefix("вихідн"), let n = word(end + 1), ["день", "дни", "дней", "ден", "дні", "день"].contains(n) {
            end += 1
        }
        // "closed on public holidays", "не работаем в праздничные дни"
        var k = end + 1
        var steps = 0
        while k < t.count && steps < 5 {
            if let wk = word(k) {
                if HoursLexicon.isHoliday(wk) {
                    var last = k
                    if let n = word(k + 1), ["дни", "days", "дня", "дні"].contains(n) { last = k + 1 }
                    emit(.holidayOff, i, last)
                    return last + 1
                }
                if !HoursRecognizer.fillers.contains(wk) { break }
            } else {
                break
            }
            k += 1
            steps += 1
        }
        // "Mon and Wed afternoon: closed", "Fermeture le mercredi après-midi": half a day closed,
        // which the reader cannot place; nothing rather than the whole day open or closed.
        if closesPartOfDay(from: i - 4, to: end + 4) {
            emit(.qualifier, i, end)
            return end + 1
        }
        emit(.closed, i, end)
        return end + 1
    }

    private func closesPartOfDay(from: Int, to: Int) -> Bool {
        let parts = LanguageData.shared.partsOfDay
        guard max(0, from) <= min(to, t.count - 1) else { return false }
        for k in max(0, from)...min(to, t.count - 1) {
            guard let w = word(k) else { continue }
            for part in parts where part[0] == w && k + part.count <= t.count {
                if part.enumerated().allSatisfy({ t[k + $0.offset].text == $0.element }) { return true }
            }
        }
        return false
    }

    private mutating func matchExceptHolidays(_ i: Int) -> Int? {
        guard let w = word(i), HoursRecognizer.exceptWords.contains(w) else { return nil }
        if let spec = parseDaySpec(i + 1) ?? parseDaySpec(i + 2) {
            // "sauf mardi soir", "except Monday mornings": part of a day taken away, which the
            // reader cannot place; removing the whole day would claim it closed.
            if closesPartOfDay(from: spec.end, to: spec.end) {
                emit(.qualifier, i, spec.end)
                return spec.end + 1
            }
            emit(.exceptDays(spec.days), i, spec.end - 1)
            return spec.end
        }
        // "sauf le weekend", "except weekends", "кроме выходных".
        for k in (i + 1)...(i + 2) {
            guard let g = word(k) else { break }
            if HoursLexicon.weekendWords.contains(g) || g == "выходных" || g == "вихідних" {
                emit(.exceptDays([.sa, .su]), i, k)
                return k + 1
            }
        }
        var k = i + 1
        var steps = 0
        while k < t.count && steps < 4 {
            guard let wk = word(k) else { break }
            if HoursLexicon.isHoliday(wk) {
                var last = k
                if let n = word(k + 1), ["дни", "days", "дня", "дней"].contains(n) { last = k + 1 }
                emit(.holidayOff, i, last)
                return last + 1
            }
            if !HoursRecognizer.fillers.contains(wk) { break }
            k += 1
            steps += 1
        }
        // An exception nobody reads ("except by appointment", "sauf le 3e lundi du mois"):
        // next to hours, the hours would claim the days it takes away.
        emit(.qualifier, i, i)
        return i + 1
    }

    private static let exceptWords: Set<WordKey> = LanguageData.shared.exceptWords
    static let withoutWords: Set<WordKey> = LanguageData.shared.withoutWords

    /// "В государственные праздничные дни работа операторов не ведётся", "holidays closed".
    private mutating func matchHoliday(_ i: Int) -> Int? {
        guard let w = word(i), HoursLexicon.isHoliday(w) else { return nil }
        var k = i + 1
        var steps = 0
        var found: Int?
        while k < t.count && steps < 8 {
            if let s = sym(k), [";", ".", "|", "!", "?"].contains(s) { break }
            if number(k) != nil { break }
            if let wk = word(k) {
                if wk == "не" || wk == "nicht" || wk == "no" {
                    found = word(k + 1) != nil ? k + 1 : k
                    break
                }
                if HoursLexicon.closedWords.contains(wk) || wk.hasPrefix("нерабоч") || wk.hasPrefix("закрыт") {
                    // "праздничные и выходные дни с 10 до 16" lists days that have hours.
                    var n = k + 1
                    if let noun = word(n), HoursRecognizer.dayNouns.contains(noun) { n += 1 }
                    let hoursFollow = number(n) != nil || (word(n).map { HoursLexicon.rangePrefixes.contains($0) } ?? false)
                    if !hoursFollow {
                        found = k
                        break
                    }
                }
                if HoursLexicon.rangePrefixes.contains(wk) || day(wk) != nil { break }
            }
            k += 1
            steps += 1
        }
        guard let last = found else { return nil }
        var first = i
        while first - 1 >= 0, let p = word(first - 1), HoursRecognizer.fillers.contains(p), first > i - 3 { first -= 1 }
        if let lastItem = items.last, lastItem.last >= first { first = i }
        emit(.holidayOff, first, last)
        return last + 1
    }

    private static let vaguePrepositions: Set<WordKey> = LanguageData.shared.vaguePrepositions
    private static let vagueModifiers: Set<WordKey> = LanguageData.shared.vagueModifiers
    private static let vaguePairs: Set<WordKey> = LanguageData.shared.vagueTerms
    private static let vagueSingles: Set<WordKey> = LanguageData.shared.vagueTerms

    private mutating func matchVague(_ i: Int) -> Int? {
        guard let w = word(i), HoursRecognizer.vaguePrepositions.contains(w) else { return nil }
        var k = i + 1
        if let m = word(k), HoursRecognizer.vagueModifiers.contains(m) { k += 1 }
        guard let a = word(k) else { return nil }
        if HoursRecognizer.vagueSingles.contains(a) {
            emit(.vague, i, k)
            return k + 1
        }
        if let b = word(k + 1), HoursRecognizer.vaguePairs.contains(WordKey(a.raw + " " + b.raw)) {
            emit(.vague, i, k + 1)
            return k + 2
        }
        return nil
    }

    private mutating func matchBreak(_ i: Int) -> Int? {
        guard let w = word(i), HoursLexicon.breakWords.contains(w) else { return nil }
        // "без перерыва на обед", "ohne Mittagspause": no break.
        for k in max(0, i - 3)..<i {
            if let wk = word(k), HoursRecognizer.withoutWords.contains(wk) { return nil }
        }
        var k = i + 1
        var skipped = 0
        while skipped < 3, k < t.count {
            if let s = sym(k), [":", "-", "("].contains(s) { k += 1; skipped += 1; continue }
            if let wk = word(k), ["на", "обед", "break", "перерыв", "pause", "time", "hour", "обід"].contains(wk) { k += 1; skipped += 1; continue }
            break
        }
        if let r = parseRange(k) {
            emit(.breakRanges([r.span]), i, r.end - 1)
            return r.end
        }
        // "Обідня перерва – 45 хвилин: із 13:00 до 13:45": a few words or a duration before the
        // break's range, in the same clause and before any day.
        var n = k
        while n < min(t.count, i + 10) {
            // "(1 Std.) 13-14": an abbreviation's dot inside the brackets does not end the clause.
            if sym(n) == ".", attached(n), sym(n + 1) == ")" { n += 1; continue }
            if let s = sym(n), [";", ".", "|", ",", "!", "?"].contains(s) { break }
            if let wk = word(n), day(wk) != nil { break }
            if (number(n) != nil || word(n).map({ HoursLexicon.rangePrefixes.contains($0) }) == true), let r = parseRange(n) {
                emit(.breakRanges([r.span]), i, r.end - 1)
                return r.end
            }
            n += 1
        }
        // "10:00 - 18:00 (12:00 - 13:00, lunch break)", "9-18 (13-14 обед)": the break word after
        // its range, in the brackets after the hours it breaks.
        let content = items.indices.last { if case .separator(strong: false) = items[$0].kind { return false } else { return true } }
        if let index = content, case .ranges(let spans, _) = items[index].kind, spans.count == 1,
           items[..<index].last(where: { if case .separator = $0.kind { return false } else { return true } })
            .map({ if case .ranges = $0.kind { return true } else { return false } }) == true {
            var k = items[index].last + 1
            while k < i, let s = sym(k), s == "," || s == "-" || s == ":" { k += 1 }
            let opened = items[index].first > 0 && sym(items[index].first - 1) == "("
            if k == i, opened {
                items[index].kind = .breakRanges(spans)
                items[index].last = i
                items.removeSubrange((index + 1)...)
                return i + 1
            }
        }
        return nil
    }

    // MARK: time zones

    private mutating func matchZone(_ i: Int) -> Int? {
        guard let w = word(i) else { return nil }
        if HoursLexicon.anywhereZoneWords.contains(w) {
            emit(.timeZone("Europe/Moscow"), i, i)
            return i + 1
        }
        if w.hasPrefix("московск") || w == "moscow" || w == "москве" {
            let next = word(i + 1)
            if next == "времени" || next == "время" || next == "time" || w == "москве" {
                let first = word(i - 1) == "по" ? i - 1 : i
                let last = w == "москве" ? i : i + 1
                if w == "москве" && word(i - 1) != "по" { return nil }
                emit(.timeZone("Europe/Moscow"), first, last)
                return last + 1
            }
        }
        if let phrases = LanguageData.shared.zonePhrases[w], let lastItem = items.last, lastItem.last >= i - 2 {
            for (words, zone) in phrases where i + words.count <= t.count
                && words.enumerated().allSatisfy({ t[i + $0.offset].text == $0.element }) {
                emit(.timeZone(zone), i, i + words.count - 1)
                return i + words.count
            }
        }
        if let zone = HoursLexicon.zoneWords[w], let lastItem = items.last, case .ranges = lastItem.kind,
           !abbreviationIsNotZone(i) {
            var gap = i - 1
            if sym(gap) == "(" { gap -= 1 }
            if lastItem.last == gap {
                var last = i
                if sym(i + 1) == ")" { last = i + 1 }
                emit(.timeZone(zone), i, last)
                return last + 1
            }
        }
        return nil
    }

    /// "Pn 8-16 Wt 8-16 Pt 8-14" (Polish Friday), "de 8h à 14h et 17h-22h" (French "and"): a
    /// zone abbreviation that is, in the text's language, a day before its hours or the word
    /// for "and".
    private func abbreviationIsNotZone(_ i: Int) -> Bool {
        guard let w = word(i) else { return false }
        if day(w) != nil, number(i + 1) != nil || sym(i + 1) == ":" { return true }
        if let language, language != "en", LanguageData.shared.listWordsByLanguage[language]?.contains(w) == true { return true }
        return false
    }

    // MARK: days

    private mutating func matchDays(_ i: Int) -> Int? {
        // "Mo-thr", "Tr-Sa": the other end of the range is a word nobody read.
        if let c = sym(i - 1) ?? word(i - 1), HoursLexicon.dayRangeWords.contains(c), c != "to" && c != "до" && c != "по",
           let before = word(i - 2), before.raw.unicodeScalars.count <= 3, day(before) == nil,
           !HoursLexicon.rangePrefixes.contains(before), day(t[i].text) != nil {
            emit(.unknownLabel, i - 2, i)
            return i + 1
        }
        var start = i
        if let w = word(i), ["с", "from", "von", "з", "от", "со", "із"].contains(w) {
            start = i + 1
        }
        guard let spec = parseDaySpec(start) else { return nil }
        if let split = splitDaysAfterHours(i, start: start, spec: spec) {
            emit(.days(split.before, everyDay: split.before.count == 7, holidays: false), i, split.connector - 1)
            emit(.separator(strong: false), split.connector, split.connector)
            emit(.days(split.after, everyDay: split.after.count == 7, holidays: spec.holidays), split.connector + 1, spec.end - 1)
            return spec.end
        }
        // "Lunedì/Sabato": a slash between two days that are not neighbours is a list to some
        // writers and a range to others; the text does not say which.
        if spec.days.count == 2, let a = dayWord(start), let slash = Optional(skipDot(start + 1)), sym(slash) == "/",
           let b = dayWord(slash + 1), skipDot(slash + 2) == spec.end,
           a.day.through(b.day).count > 2 && b.day.through(a.day).count > 2 {
            emit(.qualifier, i, spec.end - 1)
            return spec.end
        }
        // "Dimanche : 9-00-19-00", "Sun. 1-5", "9am-830pm": hours right after the days that no
        // range reads; the days would otherwise take the hours of the days around them.
        var hoursAt = spec.end
        if sym(hoursAt) == ":" { hoursAt += 1 }
        if let n = number(hoursAt), !(n.value == 24 && n.digitCount == 2), parseRange(hoursAt) == nil, parseSuffixRange(hoursAt) == nil,
           (hoursAt + 1..<min(t.count, hoursAt + 5)).contains(where: { sym($0) == "-" }) {
            emit(.days(spec.days, everyDay: spec.days.count == 7, holidays: spec.holidays), i, spec.end - 1)
            emit(.qualifier, hoursAt, hoursAt)
            return hoursAt + 1
        }
        emit(.days(spec.days, everyDay: spec.days.count == 7, holidays: spec.holidays), i, spec.end - 1)
        // "Mo-thr": the range goes on to a word nobody read.
        if sym(spec.end) == "-", attached(spec.end), let after = word(spec.end + 1), attached(spec.end + 1),
           after.raw.unicodeScalars.count <= 4, day(after) == nil {
            emit(.unknownLabel, spec.end, spec.end + 1)
            return spec.end + 2
        }
        // "Lunes a Sabado", "Viernes - Sabado", "Lunes y Miercoles": a range or list going on to
        // a word written like the day before it that no lexicon reads (a spelling without its
        // accent, a typo): the days read are not all the days meant.
        if let c = sym(spec.end) ?? word(spec.end), HoursLexicon.dayRangeWords.contains(c) || HoursLexicon.listWords.contains(c),
           c != ",", let after = word(spec.end + 1), after.raw.unicodeScalars.count >= 4,
           t[spec.end + 1].isCapitalized == t[start].isCapitalized, day(after) == nil,
           !HoursRecognizer.canStartPhrase(after), !HoursRecognizer.fillers.contains(after), !HoursLexicon.isHoliday(after),
           !LanguageData.shared.isMonth(after) {
            emit(.unknownLabel, spec.end, spec.end + 1)
            return spec.end + 2
        }
        return spec.end
    }

    private func dayWord(_ k: Int) -> HoursLexicon.DayWord? {
        guard let w = word(k) else { return nil }
        return day(w)
    }

    /// A day after a range or list connector; also Bulgarian "неделя" (Sunday), which in
    /// Russian means "week" and so is only a day in "понеделник - неделя", "събота и неделя".
    private func continuationDay(_ k: Int) -> HoursLexicon.DayWord? {
        if let d = dayWord(k) { return d }
        if let w = word(k), w == "неделя" || w == "неделята" { return HoursLexicon.DayWord(day: .su, ambiguous: false) }
        return nil
    }

    /// The abbreviation dot of "Пн.", "Mo.", "Sat."; a full name's dot ends the sentence.
    private func skipDot(_ k: Int) -> Int {
        // "Viernes.: 10.00 a 18.30": a dot before the colon does not end the days.
        guard sym(k) == "." && attached(k), let w = word(k - 1), w.raw.unicodeScalars.count <= 5 || number(k + 1) != nil || sym(k + 1) == ":" else { return k }
        return k + 1
    }

    private static let ordinalDayNouns: Set<WordKey> = Set(LanguageData.shared.ordinalDays.values.flatMap(\.dayWords))

    /// After a day word: its abbreviation dot, and Portuguese "feira" written apart ("segunda
    /// feira a sexta feira"), which otherwise ends the days before the range word.
    private func afterDay(_ k: Int) -> Int {
        let j = skipDot(k)
        if let w = word(j), HoursRecognizer.ordinalDayNouns.contains(w) { return j + 1 }
        return j
    }

    func parseDaySpec(_ i: Int) -> (days: Set<Weekday>, holidays: Bool, end: Int)? {
        if word(i) == "m", sym(i + 1) == "-", word(i + 2) == "f" {
            return ([.mo, .tu, .we, .th, .fr], false, i + 3)
        }
        guard let first = dayWord(i) else { return nil }
        // Polish "we wtorki" ("on Tuesdays"): a short form that is a common word in some language
        // ("we", "do", "so") set right before a day name, with no range or list word between,
        // is that word, not a second day.
        if first.ambiguous, skipDot(i + 1) == i + 1, let next = dayWord(i + 1), !next.ambiguous {
            return nil
        }
        var days: Set<Weekday> = [first.day]
        var last = first.day
        var strong = !first.ambiguous
        var holidays = false
        var j = afterDay(i + 1)
        var guardCount = 0
        while j < t.count && guardCount < 16 {
            guardCount += 1
            let connector = sym(j) ?? word(j)
            let ownListWord = connector.map { c in language.map { LanguageData.shared.listWordsByLanguage[$0]?.contains(c) == true } ?? false } ?? false
            if let c = connector, HoursLexicon.dayRangeWords.contains(c), !ownListWord, let d = continuationDay(j + 1) {
                days.formUnion(last.through(d.day))
                last = d.day
                strong = true
                j = afterDay(j + 2)
                continue
            }
            // Multi-token connectors of the language files: "t/m", "tot en met".
            if let c = connector, let phrases = LanguageData.shared.phrases[c] {
                var matched: Int?
                for (words, kind) in phrases where kind == .dayRange && j + words.count < t.count {
                    if words.enumerated().allSatisfy({ t[j + $0.offset].text == $0.element }) { matched = words.count; break }
                }
                if let n = matched, let d = continuationDay(j + n) {
                    days.formUnion(last.through(d.day))
                    last = d.day
                    strong = true
                    j = skipDot(j + n + 1)
                    continue
                }
            }
            if let c = connector, HoursLexicon.listWords.contains(c) {
                // "Mi. u. Fr.": the abbreviation dot of a list word written short.
                let next = word(j) != nil && sym(j + 1) == "." && attached(j + 1) ? j + 2 : j + 1
                if let d = continuationDay(next) {
                    days.insert(d.day)
                    last = d.day
                    strong = true
                    j = afterDay(next + 1)
                    continue
                }
                var k = j + 1
                if let f = word(k), HoursRecognizer.fillers.contains(f) { k += 1 }
                if let h = word(k), HoursLexicon.isHoliday(h) {
                    holidays = true
                    j = k + 1
                    if let n = word(j), ["дни", "days", "дня", "дні"].contains(n) { j += 1 }
                    continue
                }
            }
            // "Tu Th, Fr": short forms side by side, written as days. A capital after a lower-case
            // day starts another label ("Выходной: суббота Воскресенье: с 10.00 до 18.00").
            if let d = dayWord(j), !(t[j].isCapitalized && !t[i].isCapitalized),
               !d.ambiguous || (t[j].isCapitalized && t[i].isCapitalized && !d.partnerOnly && !first.partnerOnly && word(j) != "we") {
                days.insert(d.day)
                last = d.day
                strong = true
                j = skipDot(j + 1)
                continue
            }
            break
        }
        // "9am-6pm Mon-Fri, 10am-5pm Sat": a short form right after hours, closing the text or
        // its clause, in a text that writes its days after the hours.
        if !strong, hasDaysItem, t[i].isCapitalized || word(i) != "we", let previous = items.last, previous.last == i - 1,
           case .ranges = previous.kind, j >= t.count || [",", ";", ".", "|", ")"].contains(sym(j) ?? "") {
            return (days, holidays, j)
        }
        // "fermé le dim", "closed: Sun", "closed Su": right after a closed word, the days it closes.
        if !strong, word(i) != "we", let closed = items.last, case .closed = closed.kind, closed.last < i,
           (closed.last + 1..<i).allSatisfy({ k in word(k).map { HoursRecognizer.fillers.contains($0) } ?? (sym(k) == ":") }) {
            return (days, holidays, j)
        }
        if !strong && first.partnerOnly {
            // "ma t/m vr 8.30-17.30 za 9.00-14.00": alone only after days already read and
            // right before its hours; "Mar 10-18" alone stays a month.
            let daysBefore = hasDaysItem
            var k = j
            if sym(k) == ":" { k += 1 }
            guard daysBefore, number(k) != nil, parseRange(k) != nil else { return nil }
            // "pon.-pt. 9:00-17:00, sob. 10:00-14:00": read as a day there, lower case or not.
            return (days, holidays, j)
        }
        if !strong {
            // A lone ambiguous short form ("So", "Do", "Sun") is a day only when written like
            // one (capitalised) and followed by hours; the English pronoun "we" never is. After
            // days already read ("pn-pt 8-20, sb 9-14, nd nieczynne") lower case reads too.
            guard t[i].isCapitalized || hasDaysItem, first.day != .we || word(i) != "we" else { return nil }
            var k = j
            if sym(k) == ":" { k += 1 }
            let ok: Bool
            if number(k) != nil {
                ok = true
            } else if let w = word(k) {
                ok = HoursLexicon.closedWords.contains(w) || HoursLexicon.rangePrefixes.contains(w) || w == "noon" || w == "closed"
            } else {
                ok = false
            }
            if !ok { return nil }
        }
        return (days, holidays, j)
    }

    // MARK: time ranges

    private mutating func matchRangeItem(_ i: Int) -> Int? {
        guard let r = parseRange(i) else { return nil }
        if r.ambiguous, secondShiftAfternoon(i, r.span) == nil {
            emit(.qualifier, i, r.end - 1)
            return r.end
        }
        // "14:00-16:00 off" after hours is a break in them (OpenStreetMap's own spelling).
        // Not after a sentence end the range took as its abbreviation dot ("2pm-5pm. Closed on
        // Saturday", "14h à 17h. Fermé le samedi"): that closed word starts a statement of its own.
        let closes = sym(r.end - 1) != "." && (word(r.end).map { $0 == "off" || (HoursLexicon.closedWords.contains($0) && !$0.raw.hasPrefix("выходн")) } ?? false)
            && !closedWordNamesBreak(r.end)
        // "fermé le dimanche", "Closed: Thurs, Sun", "geschlossen am Sonntag": the closed word's
        // days, after an article, a preposition or a colon.
        var dayAt = r.end + 1
        while dayAt < min(t.count, r.end + 3),
              sym(dayAt) == ":" || (word(dayAt).map { Self.fillers.contains($0) || ($0.raw.unicodeScalars.count <= 3 && day($0) == nil) } ?? false) {
            dayAt += 1
        }
        let dayAfter = word(dayAt).map { day($0) != nil || HoursLexicon.isHoliday($0) } ?? false
        if closes, !dayAfter, hasRangesItem {
            emit(.breakRanges([r.span]), i, r.end)
            return r.end + 1
        }
        // "von 12 bis 14 Uhr Geschlossen" with no hours before it: a closure with nothing to
        // subtract from, not opening hours.
        if closes, !dayAfter, word(r.end) != "off" {
            emit(.qualifier, i, r.end)
            return r.end + 1
        }
        if let shifted = secondShiftAfternoon(i, r.span) {
            emit(.ranges([shifted], needsContext: !r.explicit), i, r.end - 1)
            return r.end
        }
        emit(.ranges([r.span], needsContext: !r.explicit), i, r.end - 1)
        return r.end
    }

    /// "8:30-12:30 and 1:30-5:30": a second range right after a first one, written on a twelve-hour
    /// clock without am/pm (one-digit hours), that starts before the first ends is the afternoon
    /// shift, not night hours; nil when that is not the case.
    private func secondShiftAfternoon(_ i: Int, _ span: RawSpan) -> RawSpan? {
        guard let start = number(i), start.digitCount == 1, span.start < 720, span.end <= 720, span.end > span.start else { return nil }
        guard let previous = items.last(where: { if case .separator(strong: false) = $0.kind { return false } else { return true } }),
              case .ranges(let spans, _) = previous.kind, let last = spans.last, previous.last >= i - 3,
              last.end > span.start, last.end <= span.start + 720, last.start < last.end else { return nil }
        for k in (previous.last + 1)..<i {
            guard sym(k) == "," || word(k).map({ HoursLexicon.listWords.contains($0) }) == true else { return nil }
        }
        return RawSpan(start: span.start + 720, end: span.end + 720)
    }

    struct Endpoint {
        var hour: Int
        var minute = 0
        var clock = false
        /// 0 none, 1 am, 2 pm.
        var meridiem = 0
        var unit = false
        var midnight = false
        var padded = false
        var comma = false
        var colon = false
        var special = false
        /// The meridiem came from "дня", which also means "days".
        var daysWord = false
        /// Written as four digits, "0900".
        var military = false
        /// "8a", "5p".
        var shortMeridiem = false
        /// The French and Portuguese "11h30", "17 h 30": an hour marked as one by its `h`.
        var hourMark = false
        /// `HH:MM` (two-digit hour, colon) or noon/midnight.
        var strongClock: Bool { special || (clock && colon && padded) }
    }

    private static let cyrillicPrefixes: Set<WordKey> = LanguageData.shared.twentyFourHourPrefixes
    private static let coreSeparators: Set<WordKey> = LanguageData.shared.plainSeparators

    /// `[prefix] endpoint separator endpoint`; returns the span, whether it is explicitly an
    /// hours range (colon time, am/pm, Uhr, "с … до"), and the index after it.
    /// `ambiguous`: a time range whose half of the day nothing in the text decides ("Sunday
    /// 1:00-5:00" on a twelve-hour clock, "11-1 Uhr" with no afternoon hour written anywhere):
    /// it reads as a range, but no schedule may be made of it.
    func parseRange(_ i: Int, lookahead: Bool = true) -> (span: RawSpan, explicit: Bool, end: Int, ambiguous: Bool)? {
        var j = i
        var prefix: WordKey?
        if let w = word(j) {
            guard HoursLexicon.rangePrefixes.contains(w) || w == "noon" || w == "midday" || w == "midnight" || w == "mitternacht" || w == "полночь" || w == "полдень" else { return nil }
            if HoursLexicon.rangePrefixes.contains(w) {
                prefix = w
                j += 1
            }
        }
        guard let (first, k1) = endpoint(j, after: prefix) else { return nil }
        var k = k1
        var sepWord: WordKey?
        var languageSeparator = false
        var unseparated = false
        var unseparatedUnits = false
        if sym(k) == "-" {
            k += 1
        } else if let w = word(k), HoursLexicon.rangeSeparatorWords.contains(w) || (w == "and" && prefix == "between") || (w == "и" && prefix == "между")
                    || (w == "and" && prefix == nil && betweenWrittenOnce(i, first)),
                  w.utf8Count > 1 || (t[k].spaceBefore && k + 1 < t.count && t[k + 1].spaceBefore) {
            // One-letter "a" (es, pt, it: "9:00 a 18:00", "9am a 7pm", "9 a 14 h") only spaced and
            // with a time marker on an end (checked below), not in "M9C 1A3".
            // "des 15 à 24 ans": a separator from a language file needs a time marker or a prefix.
            languageSeparator = !HoursRecognizer.coreSeparators.contains(w) && prefix == nil
            sepWord = w
            k += 1
        } else if first.meridiem == 1 && number(k) != nil {
            unseparated = true
        } else if first.unit, number(k) != nil, prefix == nil, let w = word(i - 1), HoursLexicon.listWords.contains(w),
                  let previous = items.last, previous.last == i - 2, case .ranges = previous.kind {
            // "de 8h à 14h et 17h 22h": after a range and "and", two hours with their unit are
            // the second range even without a dash (both ends need the unit, checked below).
            unseparatedUnits = true
        } else {
            return nil
        }
        guard let (second, k2) = endpoint(k, after: sepWord, dashMinutes: first.clock && sepWord == nil) else { return nil }
        // "sábados de 10 a 14 h": a one-letter "a" after a prefix reads when an end has a time
        // unit or a clock; "de 10 a 14" alone may count anything.
        let marked = first.clock || first.unit || first.meridiem != 0 || second.clock || second.unit || second.meridiem != 0
        if let sep = sepWord, sep.utf8Count == 1, !marked, !(prefix != nil && lookahead && nextRangeMarksThis(k2)) { return nil }
        if languageSeparator && !marked { return nil }
        // "M-F 8am 5pm": a morning time right before an afternoon one is a range even without a
        // dash; "8am 10am" lists two times.
        if unseparated && second.meridiem != 2 { return nil }
        if unseparatedUnits && (!second.unit || first.meridiem != 0 || second.meridiem != 0) { return nil }
        // "9,00-18,00" is a time range only when both ends use the comma.
        if first.comma != second.comma { return nil }
        // "0800-13" and "2022 - 00:38" do not read; "2010 - 2013" is a span of years.
        if first.military != second.military { return nil }
        if first.military && (1900...2100).contains(first.hour * 100 + first.minute) && (1900...2100).contains(second.hour * 100 + second.minute) { return nil }
        // "8a-5p" on both ends; "5-1A" is not a time.
        if (first.shortMeridiem || second.shortMeridiem) && (first.meridiem == 0 || second.meridiem == 0) { return nil }
        // An "HH:MM" end makes a range self-evident; "3:10-4:20" or "10.50-12.30" need context.
        // "с 9 до 18" is unmistakable; "from 10 to 12 (people)" and "от 10 до 12" are not.
        let prefixIsHours = prefix.map { LanguageData.shared.hoursPrefixes.contains($0) } ?? false
        let explicit = prefixIsHours || (first.strongClock && !first.military) || (second.strongClock && !second.military)
            || first.meridiem != 0 || second.meridiem != 0 || first.unit || second.unit
            || first.hourMark || second.hourMark // "11h30 - 14h30 et 18h30 - 21h30"
            || (sepWord == "до" && first.clock && second.clock) // "9-00 до 19-00"

        // "9,30-13,00 15-19.30", "9-13 15-19": a second shift right after a range, with only a
        // space between; it must start after the first ends (checked below), or it is not one.
        var secondShiftAfter: Int?
        if prefix == nil, number(i - 1) != nil, t[i].spaceBefore, let previous = items.last, previous.last == i - 1,
           case .ranges(let spans, _) = previous.kind, let last = spans.last, last.end > last.start {
            secondShiftAfter = last.end
        }
        // "11h-14h/17h-23h", "10h-12h/ 14h-19h": a slash, spaced or not, right after a range whose
        // end has a unit lists the next range; it must start after the first ends (as above).
        var slashAfterRange = false
        if prefix == nil, sym(i - 1) == "/", let previous = items.last, previous.last == i - 2,
           word(i - 2).map({ HoursRecognizer.unitWords.contains($0) }) == true,
           case .ranges(let spans, _) = previous.kind, let last = spans.last, last.end > last.start {
            slashAfterRange = true
            secondShiftAfter = last.end
        }
        if unseparatedUnits, let previous = items.last, case .ranges(let spans, _) = previous.kind, let last = spans.last {
            guard last.end > last.start else { return nil }
            secondShiftAfter = last.end
        }
        if prefix == nil {
            // Reject pieces of phone numbers, dates, scores, versions, prices and page ranges.
            let p = i - 1
            if number(p) != nil && !(first.clock && t[i].spaceBefore) && secondShiftAfter == nil { return nil }
            if let s = sym(p) {
                // "13:30 - 16:00 / 20:00 - 23:30": a spaced slash right after a range lists the next.
                let listsRange = s == "/" && (t[p].spaceBefore && t[i].spaceBefore || slashAfterRange)
                    && items.last.map {
                        // "9h-12h 14h-19h Du Mardi au Vendredi / 9h-12h le samedi": after hours' days too.
                        switch $0.kind {
                        case .ranges, .days: return $0.last == p - 1
                        default: return false
                        }
                    } == true
                if ["+", "$", "€", "£", "#", "№", "/", "*", "=", "§"].contains(s) && !listsRange { return nil }
                if s == ":" && attached(i) && sym(p - 1) == ":" { return nil }
                if [".", ":", ",", "-"].contains(s) && number(p - 1) != nil && (attached(i) || s == "-") && !(s == "," && first.clock) { return nil }
            }
            if !first.clock, let w = word(p), HoursLexicon.pageWords.contains(w) { return nil }
        }
        if !second.clock {
            if sym(k2) == "-", number(k2 + 1) != nil { return nil }
            if let s = sym(k2), s == "." || s == ":", attached(k2), number(k2 + 1) != nil, attached(k2 + 1) { return nil }
            if sym(k2) == ",", attached(k2), number(k2 + 1) != nil, attached(k2 + 1), sym(k2 + 2) != "-", second.meridiem == 0 { return nil }
        }
        if let s = sym(k2) ?? word(k2), HoursLexicon.currencyWords.contains(s) { return nil }
        // "0-8 hours (during business hours)": a bare range before a plural unit is a duration.
        if prefix == nil, !first.clock, !second.clock, first.meridiem == 0, second.meridiem == 0,
           let w = word(k2), LanguageData.shared.durationUnits.contains(w) { return nil }

        var a = first
        if a.meridiem == 0 && second.meridiem != 0 && a.hour <= 12 && !a.midnight && !a.special {
            if second.meridiem == 2, let end = HoursRecognizer.minutes(second, isEnd: true), (a.hour % 12 + 12) * 60 + a.minute < end {
                a.meridiem = 2
            } else {
                a.meridiem = 1
            }
        }
        guard var s = HoursRecognizer.minutes(a, isEnd: false), var e = HoursRecognizer.minutes(second, isEnd: true) else { return nil }
        if s == 1440 { s = 0 }
        if e == 0 { e = 1440 }
        let russianStyle = (prefix.map { HoursRecognizer.cyrillicPrefixes.contains($0) } ?? false) || sepWord == "до"
        // "1-2 дня" is a number of days; "дня" is afternoon only in "с 12 дня до 6 вечера".
        if (first.daysWord || second.daysWord) && !russianStyle { return nil }
        var ambiguous = false
        let twentyFourHourLanguage = language.map { LanguageData.shared.twentyFourHourLanguages.contains($0) } ?? false
        // "Seg - Qui: 9:00 - 2:00", "11-1 Uhr" in a language whose clock has no am/pm: two at
        // night or a twelve-hour slip for two in the afternoon. An hour after noon written
        // elsewhere in the text ("9:00 - 23:00 … 9:00 - 1:00", "12-24, … 12-3") decides: night.
        // Otherwise nothing decides, and no schedule is made of it.
        if !russianStyle && a.meridiem == 0 && second.meridiem == 0 && !second.padded && !second.midnight
            && e < s && e <= 720 && s <= 720 {
            if clock24 && (twentyFourHourLanguage || second.clock) {
                return (RawSpan(start: s, end: e), explicit, k2, false)
            }
            if twentyFourHourLanguage && (second.clock || first.unit || second.unit) { ambiguous = true }
        }
        // "Sunday 1:00-5:00" on a twelve-hour clock: one to five at night or in the afternoon.
        if !russianStyle && !twentyFourHourLanguage && !clock24 && a.meridiem == 0 && second.meridiem == 0 && first.clock && second.clock
            && !first.padded && s < 6 * 60 && e > s && e <= 720 {
            ambiguous = true
        }
        // A text on the twelve-hour clock: "11-11 Mon-Sat", "12-10:30 Sun", "11:00 to 2:30".
        if !russianStyle && !clock24 && !twentyFourHourLanguage && a.meridiem == 0 && second.meridiem == 0,
           let reading = Self.twelveHourReading(start: s, end: e, first: first, second: second) {
            switch reading {
            case .end(let end): e = end
            case .undecided: ambiguous = true
            }
        }
        // English "9-5", "10-6": an unpadded end hour before the start is afternoon.
        if !russianStyle && a.meridiem == 0 && second.meridiem == 0 && !second.padded && !second.midnight
            && e < s && e <= 720 && s <= 720 && e + 720 > s {
            e += 720
        }
        // "11-10" is 11 am to 10 pm, not twenty-three hours; "9-02 Uhr" (a padded end) is night.
        if !russianStyle && !first.clock && !second.clock && !(second.padded && second.hour < 10) && a.meridiem == 0 && second.meridiem == 0 && e < s && s <= 720 && e < 720
            && e + 1440 - s > 16 * 60 {
            e += 720
        }
        if s == e {
            guard s == 0 else { return nil }
            e = 1440
        }
        if let after = secondShiftAfter, slashAfterRange || !(first.clock && t[i].spaceBefore), s < after || e <= s { return nil }
        // "Call between 2 and 4", "from 2 to 4": bare small numbers with no colon, am/pm, unit
        // or "с … до" say nothing of the half of the day; read as night hours they would be a
        // schedule the text does not state. "0-24" (round the clock) is still read.
        if !explicit && !first.clock && !second.clock && s > 0 && s < 6 * 60 { return nil }
        return (RawSpan(start: s, end: e), explicit, k2, ambiguous)
    }

    /// "de 12 a 15 y de 20 a 23hs", "das 9 às 12 e das 14 às 18h": the unit written once, on the
    /// last of two ranges joined by "and", marks the first too. One range ahead only, and that
    /// one must be marked by itself.
    private func nextRangeMarksThis(_ k: Int) -> Bool {
        guard let w = word(k), HoursLexicon.listWords.contains(w), word(k + 1).map({ HoursLexicon.rangePrefixes.contains($0) }) == true,
              let next = parseRange(k + 1, lookahead: false) else { return false }
        return next.explicit
    }

    static func isMilitaryTime(_ n: HoursToken) -> Bool {
        n.kind == .number && n.digitCount == 4 && n.value / 100 <= 24 && n.value % 100 < 60 && (n.value <= 2400)
    }

    static func minutes(_ e: Endpoint, isEnd: Bool) -> Int? {
        if e.midnight { return isEnd ? 1440 : 0 }
        var h = e.hour
        switch e.meridiem {
        case 1:
            guard h <= 12 else { return nil }
            if h == 12 { h = 0 }
        case 2:
            guard h <= 12 else { return nil }
            if h < 12 { h += 12 }
        default:
            break
        }
        let v = h * 60 + e.minute
        return v <= 1440 ? v : nil
    }

    private static let amWords: Set<WordKey> = LanguageData.shared.amWords
    private static let pmWords: Set<WordKey> = LanguageData.shared.pmWords
    private static let unitWords: Set<WordKey> = LanguageData.shared.unitWords

    func endpoint(_ j: Int, after: WordKey?, dashMinutes: Bool = false) -> (Endpoint, Int)? {
        if let w = word(j) {
            switch w {
            case "noon", "midday", "полдень", "mittag":
                return (Endpoint(hour: 12, clock: true, special: true), j + 1)
            case "midnight", "mitternacht", "полночь", "полуночи":
                return (Endpoint(hour: 0, clock: true, midnight: true, special: true), j + 1)
            case "mid" where sym(j - 1) == "-" || (after.map { HoursLexicon.rangeSeparatorWords.contains($0) } ?? false):
                // "10-Mid", "8 am till mid": midnight, as an end only.
                return (Endpoint(hour: 0, clock: true, midnight: true, special: true), j + 1)
            default:
                return nil
            }
        }
        if let n = number(j), n.digitCount == 3, n.value % 100 < 60, n.value >= 100,
           let a = after, HoursRecognizer.cyrillicPrefixes.contains(a) || a == "до" {
            // "с 930 до 1800": three digits after "с" or "до" are a time written without its colon.
            var e = Endpoint(hour: n.value / 100, minute: n.value % 100, clock: true, padded: false)
            e.military = true
            return (e, j + 1)
        }
        if let n = number(j), HoursRecognizer.isMilitaryTime(n) {
            // Both ends or neither: "0900-1730"; "2019-2020" has no day names or hours words
            // around it and stays a pair of years (the range needs context).
            var e = Endpoint(hour: n.value / 100, minute: n.value % 100, clock: true, padded: true)
            e.military = true
            return (e, j + 1)
        }
        guard let n = number(j), n.digitCount <= 2, n.value <= 24 else { return nil }
        var e = Endpoint(hour: n.value, padded: n.digitCount == 2)
        var k = j + 1
        if let s = sym(k), s == ":" || s == "." || s == ",", attached(k), let m = number(k + 1), attached(k + 1), m.digitCount == 2, m.value < 60 {
            e.comma = s == ","
            e.colon = s == ":"
            // 12:30:45 and 21.11.2026 are not times of day.
            if let s2 = sym(k + 2), s2 == ":" || s2 == ".", attached(k + 2), number(k + 3) != nil, attached(k + 3) { return nil }
            e.minute = m.value
            e.clock = true
            k += 2
        } else if word(k) == "h", attached(k), let m = number(k + 1), attached(k + 1), m.digitCount == 2, m.value < 60 {
            e.minute = m.value
            e.clock = true
            e.hourMark = true
            k += 2
        } else if word(k) == "h", let m = number(k + 1), m.digitCount == 2, m.value < 60, word(k + 2) != "h",
                  !(sym(k + 2).map { $0 == ":" || $0 == "." || $0 == "," } == true && attached(k + 2) && number(k + 3) != nil) {
            // "17 h 30", "9 h 00": the French hour and minutes written with spaces; not "9 h 12 h".
            e.minute = m.value
            e.clock = true
            e.hourMark = true
            k += 2
        } else if sym(k) == "-", attached(k), let m = number(k + 1), attached(k + 1), m.text == "00" || m.text == "30",
                  dashMinutes || (after.map { ["с", "c", "до", "з", "от", "со"].contains($0) } ?? false)
                    || (after == nil && word(k + 2) == "до" && number(k + 3) != nil),
                  !(sym(k + 2) == "-" && attached(k + 2) && number(k + 3) != nil) {
            // Russian "с 09-00 до 18-00".
            e.minute = m.value
            e.clock = true
            k += 2
        }
        if e.clock && e.hour == 24 && e.minute > 0 { return nil }
        // "12mn": midnight in Philippine and Indian usage.
        if e.hour == 12, !e.clock, word(k) == "mn", attached(k) {
            return (Endpoint(hour: 0, clock: true, midnight: true, special: true), k + 1)
        }
        // "11-PM": a hyphen glued between the hour and its am/pm.
        if sym(k) == "-", attached(k), attached(k + 1), let w = word(k + 1), HoursRecognizer.amWords.contains(w) || HoursRecognizer.pmWords.contains(w) {
            k += 1
        }
        if let w = word(k) {
            if HoursRecognizer.amWords.contains(w) {
                e.meridiem = 1
                k += 1
            } else if HoursRecognizer.pmWords.contains(w) {
                e.meridiem = 2
                e.daysWord = w == "дня"
                k += 1
            } else if (w == "a" || w == "p"), sym(k + 1) == ".", word(k + 2) == "m", attached(k + 2) || !t[k + 2].isCapitalized {
                // "6p. M-F": a capital M after a space starts the next days, not "p.m."
                e.meridiem = w == "a" ? 1 : 2
                k += 3
            } else if (w == "a" || w == "p"), attached(k), !t[k].isCapitalized, !e.clock || e.colon {
                // "8a-5p", "11:30a": the short form, glued to the number.
                e.meridiem = w == "a" ? 1 : 2
                e.shortMeridiem = true
                k += 1
            }
            // The dot ends "p.m." before a space, the end or a dash ("8:30 a.m.–5:30 p.m.");
            // otherwise it belongs to what follows.
            // "9 a.m. – 11:30 a.m., 6 p.m. – …": before a comma too.
            if e.meridiem != 0 && sym(k) == "." && attached(k) && (k + 1 >= t.count || t[k + 1].spaceBefore || sym(k + 1) == "-" || sym(k + 1) == ",") { k += 1 }
        }
        if let w = word(k), HoursRecognizer.unitWords.contains(w) {
            e.unit = true
            k += 1
            if sym(k) == "." && attached(k) { k += 1 }
        }
        if e.meridiem != 0 && e.hour > 12 {
            // "до 19 вечера" and "16:30 pm" are redundant; "17:00 am" is nonsense.
            let redundantPM = e.meridiem == 2 && e.clock && e.hour < 24
            guard redundantPM || (word(k - 1).map { ["вечера", "дня", "утра", "ночи"].contains($0) } ?? false) else { return nil }
            e.meridiem = 0
        }
        return (e, k)
    }
}

/// `HoursRecognizer.day` answers of one text (nil answers too: `DayWord??`).
private final class DayMemo {
    var days: [WordKey: HoursLexicon.DayWord?] = [:]
}
