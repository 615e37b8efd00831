import ContactDocument
import Foundation
import ContactHours
import ContactModel

/// Hours from visible text. A schedule laid out over several lines ("Понедельник -
/// пятница: 08:00 - 20:00", "Суббота: 09:00 - 18:00", then "в праздничные дни … не
/// ведётся") is one statement: consecutive partial statements, in adjacent list items,
/// paragraphs or table rows, merge into one schedule, and a holidays line right after a
/// schedule joins it. Table rows are read as one line ("Mon" | "9:00 - 17:00").
/// Neighbours that are statements of their own do not merge: one that names a day the run
/// already gave hours ("Kundenservice: Mo.–Fr. 8–18 Uhr." then "Technischer Support: werktags
/// 9–17 Uhr.") or that has a channel label of its own other than the run's ("Phone: Mon-Fri
/// 8am-6pm" then "Chat: Sat 10am-2pm") starts a record of its own, with its own evidence
/// and channel.
struct HoursExtractor {
    private struct Piece {
        var statement: HoursStatement
        var block: Int
        var text: String
        var utf8Range: Range<Int>
        var neighbours: [Range<Int>]
        var method: EvidenceMethod
        /// The words before the statement in its clause when they name a channel
        /// ("technischer support:"), trimmed; nil when they name none.
        var label: String?
    }

    func extract(from document: HTMLDocument, page: inout PageContext, phoneChannels: [Int: Channel],
                 into records: inout RecordCollector) {
        var run: [Piece] = []
        var summary = RunSummary()
        var previousBlock = -2
        var index = 0
        let blocks = document.blocks
        while index < blocks.count {
            let (text, method, next) = Self.unit(blocks, at: index)
            defer { index = next }
            let language = blocks[index].language ?? document.language
            let statements = HoursParser.statements(in: text, language: language)  // pre-checks the text itself
            guard !statements.isEmpty else { continue }
            let ranges = statements.map { $0.utf8Offsets(in: text) }
            let sentences = ranges.count > 1 ? SentenceIndex(text) : nil
            // A run only continues into the very next block.
            if index != previousBlock + 1 && !run.isEmpty {
                emit(run, document: document, page: &page, phoneChannels: phoneChannels, into: &records)
                run = []
                summary = RunSummary()
            }
            previousBlock = next - 1
            let ordered = Self.inTextOrder(ranges)
            for (n, (statement, range)) in zip(statements, ranges).enumerated() {
                let neighbours = ordered ? Self.clauseNeighbours(ranges, of: n) : ranges
                let piece = Piece(statement: statement, block: index, text: text, utf8Range: range,
                                  neighbours: neighbours, method: method,
                                  label: Self.channelLabel(text: text, range: range, neighbours: neighbours, sentences: sentences))
                if !Self.startsAnother(piece, run, summary),
                   Self.joins(statement, run, summary) || Self.completes(statement, run, summary, block: index)
                    || Self.isException(piece, run, summary) {
                    run.append(piece)
                    summary.add(piece)
                } else {
                    if !run.isEmpty { emit(run, document: document, page: &page, phoneChannels: phoneChannels, into: &records) }
                    // Hours whose start is another statement's are nothing on their own.
                    if statement.amendsPrevious {
                        run = []
                        summary = RunSummary()
                        continue
                    }
                    run = [piece]
                    summary = RunSummary(first: piece)
                }
            }
        }
        if !run.isEmpty { emit(run, document: document, page: &page, phoneChannels: phoneChannels, into: &records) }
    }

    /// A holidays-only or days-off statement joins any schedule before it ("с 08:30 до 17:30,
    /// выходной: сб.-вс."); hours naming no days join a run that only closes days ("Понедельник:
    /// выходной. Остальные дни с 11:00 до 20:00"), which `HoursParser.merge` reads as the days
    /// left open; a partial statement joins a run made only of partial statements.
    /// What `joins` and `completes` ask of the whole run, kept as pieces are added so that a
    /// block of thousands of statements costs linear time.
    private struct RunSummary {
        var allDaysOffOrHoliday = true
        var allPartialOrHoliday = true
        /// Every piece after the first is in the first's block and partial or a holiday rule.
        var restSameBlockPartial = true
        var firstBlock = -1
        /// Days the run's statements gave hours (days-off and holiday statements not counted),
        /// and those hours, Monday first.
        var daysWithHours: Set<Weekday> = []
        var hours = [[MinuteRange]](repeating: [], count: 7)

        init() {}
        init(first: Piece) {
            firstBlock = first.block
            add(first, isFirst: true)
        }

        mutating func add(_ piece: Piece, isFirst: Bool = false) {
            let s = piece.statement
            if let days = s.days, !s.isDaysOff, !s.isHolidayRule, let schedule = s.schedule {
                daysWithHours.formUnion(days)
                for day in days { hours[day.rawValue] += schedule.days[day.rawValue] }
            }
            allDaysOffOrHoliday = allDaysOffOrHoliday && (s.isDaysOff || s.isHolidayRule)
            allPartialOrHoliday = allPartialOrHoliday && (s.isPartial || s.isHolidayRule)
            if !isFirst {
                restSameBlockPartial = restSameBlockPartial && piece.block == firstBlock && (s.isPartial || s.isHolidayRule)
            }
        }
    }

    /// A statement that is not the continuation of the run before it: it restates hours that
    /// overlap hours the run already gave a day (another channel's or another office's
    /// schedule, which merged would replace the first's hours), or it is labelled with a
    /// channel other than the run's. A second shift on the same days ("Mon-Sat 11am - 2:30pm
    /// Mon-Thu 5pm - 9:30pm"), an exception for some of the days right after the run, days
    /// off and holiday rules continue it.
    private static func startsAnother(_ piece: Piece, _ run: [Piece], _ summary: RunSummary) -> Bool {
        guard let first = run.first else { return false }
        if let label = piece.label, label != first.label { return true }
        let s = piece.statement
        guard let days = s.days, !s.isDaysOff, !s.isHolidayRule, !s.amendsPrevious, let schedule = s.schedule else { return false }
        // Fewer days right after, in the same text: an exception to the run ("du mercredi au
        // lundi de 10h à 17h, le dimanche de 14h à 18h"), which replaces those days' hours.
        if let last = run.last, last.block == piece.block, piece.utf8Range.lowerBound - last.utf8Range.upperBound <= 24,
           days.isStrictSubset(of: summary.daysWithHours) { return false }
        for day in days.intersection(summary.daysWithHours) {
            let earlier = summary.hours[day.rawValue], later = schedule.days[day.rawValue]
            if earlier.isEmpty || later.isEmpty { return true }
            if earlier.contains(where: { x in later.contains { y in x.start < y.end && y.start < x.end } }) { return true }
        }
        return false
    }

    /// The statements a clause window of statement `n` can read: the `listReach + 1` before it
    /// and the one after it, when the ranges are in text order and apart (they are: statements
    /// come in text order). A block of thousands of statements gave each the whole list, and
    /// the window scanned it: quadratic. Only for ranges `inTextOrder`; otherwise every range.
    static func clauseNeighbours(_ ranges: [Range<Int>], of n: Int) -> [Range<Int>] {
        let reach = ClauseWindow.listReach + 1
        guard ranges.count > reach + 2 else { return ranges }
        return Array(ranges[max(0, n - reach)...min(ranges.count - 1, n + 1)])
    }

    static func inTextOrder(_ ranges: [Range<Int>]) -> Bool {
        ranges.allSatisfy { !$0.isEmpty } && ranges.indices.dropFirst().allSatisfy { ranges[$0 - 1].upperBound <= ranges[$0].lowerBound }
    }

    /// The words labelling a statement when they name a channel, for `startsAnother`.
    private static func channelLabel(text: String, range: Range<Int>, neighbours: [Range<Int>],
                                     sentences: SentenceIndex?) -> String? {
        let before = ClauseWindow(text: text, range: range, neighbours: neighbours, sentences: sentences).before
        guard !ChannelClassifier.signals(in: before).isEmpty else { return nil }
        let trimmed = before.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == " " }
        return String(String.UnicodeScalarView(trimmed)).split(separator: " ").joined(separator: " ")
    }

    private static func joins(_ statement: HoursStatement, _ run: [Piece], _ summary: RunSummary) -> Bool {
        guard let last = run.last, case .schedule = last.statement.value else { return false }
        if statement.isHolidayRule || statement.isDaysOff { return true }
        guard case .schedule = statement.value else { return false }
        if statement.days == nil && summary.allDaysOffOrHoliday { return true }
        return statement.isPartial && summary.allPartialOrHoliday
    }

    /// Fewer days right after hours for more, in the same text ("täglich 19-24 Uhr, Sa 21-2
    /// Uhr"): those days' own hours, which `HoursParser.merge` puts in place of the first's.
    /// Emitted apart, the first would claim those days too.
    private static func isException(_ piece: Piece, _ run: [Piece], _ summary: RunSummary) -> Bool {
        let s = piece.statement
        guard let last = run.last, last.block == piece.block, let days = s.days, !s.isDaysOff, !s.isHolidayRule,
              !s.amendsPrevious, case .schedule = s.value, case .schedule = last.statement.value,
              piece.utf8Range.lowerBound - last.utf8Range.upperBound <= 24 else { return false }
        return days.isStrictSubset(of: summary.daysWithHours)
    }

    /// Hours naming no days, then days of their own in the same text ("08:00 - 20:00, Нд. 08:00 -
    /// 19:00"): the first hours are the other days' (`HoursParser.merge` fills only the days no
    /// statement names). Emitted apart, the first would claim every day.
    private static func completes(_ statement: HoursStatement, _ run: [Piece], _ summary: RunSummary, block: Int) -> Bool {
        guard statement.isPartial, case .schedule = statement.value, let first = run.first, first.block == block,
              first.statement.days == nil, case .schedule(let firstSchedule) = first.statement.value,
              // Round the clock for one channel, days for another ("email 24 hours a day … chat
              // Monday through Friday") are two statements; so are ones far apart in the text.
              firstSchedule != WeeklySchedule.alwaysOpen,
              let last = run.last, piece(statementStart: statement, in: first.text) - last.utf8Range.upperBound <= 24 else { return false }
        return summary.restSameBlockPartial
    }

    private static func piece(statementStart statement: HoursStatement, in text: String) -> Int {
        statement.utf8Offsets(in: text).lowerBound
    }

    /// The text read as one unit starting at `index`: a block, or a whole table row. A cell
    /// under a header that names a break ("Дни недели | Часы работы | Перерыв на обед") is
    /// read with that header before it, so its times subtract from the row's hours instead of
    /// overlapping them.
    private static func unit(_ blocks: [TextBlock], at index: Int) -> (String, EvidenceMethod, Int) {
        let block = blocks[index]
        guard let row = block.tableRow else { return (block.text, .text, index + 1) }
        var end = index + 1
        while end < blocks.count, blocks[end].tableRow == row { end += 1 }
        var cells: [String] = []
        // Only rows with times in two cells or more can have a break column.
        let timed = blocks[index..<end].lazy.filter { $0.text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }.prefix(2).count
        let breakColumns = timed == 2 ? breakHeaderColumns(blocks, before: index, row: row) : BreakColumns()
        for k in index..<end {
            if let column = blocks[k].tableColumn, breakColumns.contains(column) {
                cells.append(breakColumns.label(column) + ": " + blocks[k].text)
            } else {
                cells.append(blocks[k].text)
            }
        }
        return (cells.joined(separator: " "), cells.count > 1 ? .table : .text, end)
    }

    private struct BreakColumns {
        var labels: [Int: String] = [:]
        func contains(_ column: Int) -> Bool { labels[column] != nil }
        func label(_ column: Int) -> String { labels[column] ?? "" }
    }

    /// Columns whose header names a break: the header is the nearest earlier row of the same
    /// table (rows numbered consecutively, no block between) whose cells hold no digits.
    /// Looks back at most 32 rows, so a long table costs linear time.
    private static func breakHeaderColumns(_ blocks: [TextBlock], before index: Int, row: Int) -> BreakColumns {
        var k = index - 1
        var expected = row - 1
        var rows = 0
        while k >= 0, rows < 32, let r = blocks[k].tableRow, r == expected {
            var start = k
            while start - 1 >= 0, blocks[start - 1].tableRow == r { start -= 1 }
            let cells = blocks[start...k]
            if !cells.contains(where: { $0.text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }) {
                var found = BreakColumns()
                for cell in cells {
                    if let column = cell.tableColumn, HoursParser.isBreakLabel(cell.text) { found.labels[column] = cell.text }
                }
                return found
            }
            k = start - 1
            expected -= 1
            rows += 1
        }
        return BreakColumns()
    }

    private func emit(_ run: [Piece], document: HTMLDocument, page: inout PageContext, phoneChannels: [Int: Channel],
                      into records: inout RecordCollector) {
        guard let first = run.first else { return }
        let value: String
        var timezone: String?
        if run.count == 1, case .unspecified = first.statement.value {
            value = "unspecified"
        } else {
            // Holiday-only pieces never stand alone as a schedule.
            guard run.contains(where: { !$0.statement.isHolidayRule }) else { return }
            let schedule = HoursParser.merge(run.map(\.statement))
            guard !schedule.isClosedAllWeek || schedule.publicHolidays == .off else { return }
            value = schedule.openingHours
            timezone = run.lazy.compactMap(\.statement.schedule?.timeZone).first
        }
        let context = page.context(block: first.block, range: first.utf8Range, neighbours: first.neighbours)
        let channel = ChannelClassifier.hoursChannel(context, phoneChannelInBlock: phoneChannels[first.block])
        var texts: [String] = []
        for piece in run where texts.last != piece.text { texts.append(piece.text) }
        let text = texts.count == 1 ? EvidenceText.window(first.text, around: first.utf8Range)
            : EvidenceText.window(texts.joined(separator: " / "))
        let block = document.blocks[first.block]
        records.add(ContactRecord(kind: .hours, value: value, channel: channel, source: document.source,
                                  evidence: Evidence(method: first.method, path: page.path(of: block.node), text: text),
                                  timezone: timezone, section: block.headings.last),
                    at: first.block)
    }
}
