import Foundation
import Testing
@testable import ContactExtract

/// The byte answers of `PhoneExtractor.range(of:in:block:)` and `CountryLabels.label(of:)` must
/// be the ones of the Foundation search and the character walk they stand in for, on every block
/// of the benchmark pages and on texts chosen for their edges.
@Suite struct LinkAndLabelFastPathTests {
    static let texts = ByteFastPathTests.edgeTexts + ByteFastPathTests.corpusTexts + [
        "Germany: 0800 330 4455", "France (FR): 0 805 12 34 56", "(GB) 020 7946 0958", "United Kingdom", "Saint-Pierre",
        "Sankt-Петербург", "Cafe\u{0301}: 1", "USA", "u s a - 1", "South Korea – 02", " \t\r\nGermany", "Österreich",
        String(repeating: "x", count: 79) + " Germany", String(repeating: " ", count: 80) + "Germany", "a\r\nb",
    ]

    @Test func countryLabelsByBytesAnswerAsTheWalk() {
        var differing: [String] = []
        for text in Self.texts where CountryLabels.label(of: text, byBytes: true) != CountryLabels.label(of: text, byBytes: false) {
            differing.append(text)
        }
        #expect(differing.isEmpty, "\(differing.prefix(3))")
        #expect(CountryLabels.label(of: "Germany: 0800 330 4455") == .region("DE"))
        #expect(CountryLabels.leadingASCIIWord("  Cafe\u{0301}") == nil)
        #expect(CountryLabels.leadingASCIIWord("(FR) Paris") == "fr")
    }

    @Test func plainASCIIRangesAnswerAsFoundation() {
        var needles = ["a", "\n", "\r", "\r\n", " ", "tel", "e\u{0301}", "é", "+7 (495)", "Fax", "@"]
        for text in ByteFastPathTests.corpusTexts.prefix(3_000) {
            let words = text.split(separator: " ")
            if let word = words.dropFirst(words.count / 2).first { needles.append(String(word)) }
            needles.append(String(text.suffix(7)))
        }
        var compared = 0, differing: [String] = []
        for (index, text) in Self.texts.prefix(4_000).enumerated() {
            for needle in needles[(index % 50)...].prefix(12) where !needle.isEmpty {
                switch ByteSearch.plainASCIIRange(of: needle, in: text) {
                case .notApplicable: continue
                case .found(let range):
                    compared += 1
                    if PhoneExtractor.foundationRange(of: needle, in: text) != range { differing.append(needle + " in " + text) }
                case .absent:
                    compared += 1
                    if PhoneExtractor.foundationRange(of: needle, in: text) != nil { differing.append(needle + " in " + text) }
                }
            }
        }
        #expect(compared > 5_000)
        #expect(differing.isEmpty, "\(differing.prefix(3))")
        #expect(ByteSearch.plainASCIIRange(of: "\n", in: "a\r\nb") == .notApplicable)
        #expect(ByteSearch.plainASCIIRange(of: "b", in: "abcb") == .found(1..<2))
    }
}
