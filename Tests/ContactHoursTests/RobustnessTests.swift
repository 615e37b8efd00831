import Foundation
import Testing
@testable import ContactHours

/// The shared corpus sits beside the project (`../shared/corpus`).
private let corpusPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("../shared/corpus/opening_hours_strings.txt").standardized.path

private func corpusSections() -> [String: [String]] {
    guard let text = try? String(contentsOfFile: corpusPath, encoding: .utf8) else { return [:] }
    var sections: [String: [String]] = [:]
    var current = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
        if line.hasPrefix("# Section ") {
            current = String(line.dropFirst(10).prefix(1))
        } else if !line.hasPrefix("#") {
            sections[current, default: []].append(String(line))
        }
    }
    return sections
}

/// Deterministic generator so failures reproduce.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Exercises everything the module offers on one input; must never trap.
private func exercise(_ text: String) {
    let found = HoursParser.statements(in: text)
    if !HoursParser.mightContainHours(text) {
        #expect(HoursParser.statements(in: text, preCheck: false).isEmpty, "pre-check hid statements in \(text.prefix(80))")
    }
    // Long inputs yield thousands of statements; checking a prefix keeps debug runs quick.
    for s in found.prefix(200) {
        _ = text[s.range]
        if case .schedule(let schedule) = s.value {
            #expect(schedule.days.count == 7)
            let rendered = schedule.openingHours
            let reparsed = try? WeeklySchedule(openingHours: rendered)
            #expect(reparsed == schedule, "\(rendered)")
        }
    }
    _ = HoursParser.merge(found).openingHours
    _ = try? WeeklySchedule(openingHours: text)
}

@Suite struct RobustnessTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpusPath)))
    func corpusLinesNeverCrash() {
        let sections = corpusSections()
        let all = sections.values.flatMap { $0 }
        #expect(all.count == 480)
        for line in all { exercise(line) }
    }

    /// Section A is well-formed OSM; every value inside our subset (weekdays, times, PH off,
    /// no dates) must parse, and its canonical form must re-parse to the same schedule.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpusPath)))
    func corpusSimpleOSMValuesParse() throws {
        let lines = corpusSections()["A", default: []] + corpusSections()["B", default: []]
        var simple = 0
        for line in lines {
            var stripped = line
            for token in ["24/7", "PH", "off", "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] {
                stripped = stripped.replacingOccurrences(of: token, with: "")
            }
            let isSimple = stripped.allSatisfy { "0123456789:-,; ".contains($0) } && !line.contains("PH Su")
                && line.range(of: #"\d off"#, options: .regularExpression) == nil
                && line.range(of: #"PH(?! off)"#, options: .regularExpression) == nil
                && line.range(of: #"(^|[ ,])\d{1,2}:\d\d(?![-\d])"#, options: .regularExpression) == nil
                && line.range(of: #"(^|[ ;])\d{4}"#, options: .regularExpression) == nil
            guard isSimple else { continue }
            simple += 1
            do {
                let schedule = try WeeklySchedule(openingHours: line)
                #expect(try WeeklySchedule(openingHours: schedule.openingHours) == schedule, "\(line)")
            } catch {
                Issue.record("\(line): \(error)")
            }
        }
        #expect(simple >= 120, "only \(simple) simple lines")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpusPath)))
    func corpusFreeTextFindsHoursInCyrillicLines() {
        let lines = corpusSections()["C", default: []].filter { $0.hasPrefix("Пн") || $0.hasPrefix("пн") }
        #expect(lines.count > 30)
        var found = 0
        for line in lines where HoursParser.schedule(in: line) != nil { found += 1 }
        #expect(found == lines.count, "\(found) of \(lines.count)")
    }

    @Test func randomGarbage() {
        var rng = SplitMix(state: 42)
        let alphabet = Array("0123456789::--–—‑.,;/()&+ \u{A0}\u{202F}xх×ampAMPMпнптсдовыходнойкругл MoFrSaSuUhrclosedbis24/7ч")
        for _ in 0..<3000 {
            let length = Int.random(in: 0...120, using: &rng)
            var s = ""
            for _ in 0..<length { s.append(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]) }
            exercise(s)
        }
    }

    /// A generated input with a short name, so test output does not print 100 KB.
    struct LongInput: Sendable, CustomTestStringConvertible {
        var unit: String
        var count: Int
        var text: String { String(repeating: unit, count: count) }
        var testDescription: String { "\"\(unit)\" × \(count)" }
    }

    @Test(arguments: [
        LongInput(unit: "12:", count: 34_000),
        LongInput(unit: "9", count: 100_000),
        LongInput(unit: "9-9 ", count: 25_000),
        LongInput(unit: "пн-пт 9-18, ", count: 8_000),
        LongInput(unit: "Mo-Fr 08:00-20:00; ", count: 5_000),
        LongInput(unit: "праздничные ", count: 8_000),
        LongInput(unit: "a", count: 100_000),
        LongInput(unit: ",", count: 100_000),
        LongInput(unit: "с 9 до ", count: 15_000),
        LongInput(unit: "24/7 ", count: 20_000),
        LongInput(unit: "кроме ", count: 15_000),
        LongInput(unit: "Sa, ", count: 25_000),
    ])
    func longInputsAreRead(input: LongInput) {
        // Linear-time parsing is measured by scripts/bench, not here; this checks that
        // pathological repetitions are read to the end and give a bounded answer.
        let text = input.text
        exercise(text)
        #expect(HoursParser.statements(in: text).count <= text.count)
    }

    @Test func sentencesWithoutHoursGiveNothing() {
        let sentence = "Если у вас возникли вопросы, позвоните по телефону +7 495 771-71-71 или напишите нам на почту support@example.com, и мы ответим в течение 24 часов, обычно быстрее."
        let plain = "Если у вас возникли вопросы, напишите нам на почту, и мы ответим как можно быстрее; спасибо, что выбрали нашу компанию и наш сервис для вашего бизнеса."
        #expect(HoursParser.statements(in: sentence).isEmpty)
        #expect(!HoursParser.mightContainHours(plain))
    }
}
