import ContactDocument
import Foundation
import Testing
@testable import ContactExtract

/// The byte-level fast paths of the extractors must answer what the walks they stand in
/// for answer, on every block of the benchmark pages (texts we did not write, in several
/// languages and scripts) and on texts chosen for their edges.
@Suite struct ByteFastPathTests {
    static let edgeTexts = [
        "", "a", "fax", "telefax: +49 30 1234", "тел.: 8 800 100-70-10", "Факс", "e‑mail", "call center",
        "горячая линия", "whatsapp/telegram", "ph: 555", "lines are open 9-5", "\u{00A0}.\u{00A0}x", "a . bc",
        "user (at) host . ru", "x\u{3000}.\u{3000}yz", "слово. слово", "\u{2003}.", "1\u{0301}2", "CR\r\nLF",
    ]

    /// Every block's text of the pages in Benchmarks/corpus, as found and lower-cased.
    static let corpusTexts: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/corpus")
        var texts: [String] = []
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for file in files.sorted() where file.hasSuffix(".html") {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path),
                  let document = try? HTMLDocument(bytes: [UInt8](data), source: file) else { continue }
            for block in document.blocks { texts.append(block.text); texts.append(block.text.lowercased()) }
        }
        return texts
    }()

    @Test func corpusIsRead() {
        #expect(Self.corpusTexts.count > 1_000)
    }

    @Test func needleSetAnswersAsContainsAnyPerGroup() {
        let groups: [(ChannelClassifier.Signals, [String])] = [
            (.fax, ChannelClassifier.fax), (.messenger, ChannelClassifier.messenger), (.chat, ChannelClassifier.chat),
            (.form, ChannelClassifier.form), (.press, ChannelClassifier.press), (.business, ChannelClassifier.business),
            (.sales, ChannelClassifier.sales), (.hotline, ChannelClassifier.hotline), (.office, ChannelClassifier.office),
            (.email, ChannelClassifier.email), (.support, ChannelClassifier.support), (.voice, ChannelClassifier.voice),
        ]
        var differing = 0
        for text in Self.edgeTexts + Self.corpusTexts {
            var expected: ChannelClassifier.Signals = []
            for (signal, stems) in groups where ByteSearch.containsAny(text, stems) { expected.insert(signal) }
            if ChannelClassifier.signals(in: text) != expected { differing += 1 }
        }
        #expect(differing == 0)
        #expect(NeedleSet([(["ab", "c", ""], 1), (["bcd"], 2)]).bits(in: "xbcd") == 3)
        #expect(NeedleSet([(["ab"], 1), (["bcd"], 2)]).bits(in: "xbc") == 0)
    }

    @Test func asciiDigitGroupsAnswerAsTheCharacterWalk() {
        var raws = ["26-08-2009", "5.167.214.238", "1 2 3 4 5 6 7 8 9 10", "(639-9675). 311", "33.12.34.56",
                    "+7 (495) 123-45-67", "99999999999999999999999", "2013.05.14", "\t1-2", "1\u{0301}2", "1\r\n2"]
        for text in Self.corpusTexts.prefix(20_000) {
            let bytes = Array(text.utf8)
            for stretch in BatchedPhoneMatcher.stretches(in: bytes) { raws.append(String(decoding: bytes[stretch], as: UTF8.self)) }
        }
        for raw in raws {
            let groups = raw.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).map { Int($0) ?? -1 }
            let lengths = raw.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).map(\.count)
            let separators = Set(raw.filter { !($0.isASCII && $0.isNumber) })
            guard let fast = PhoneExtractor.printableASCIIGroups(raw) else {
                #expect(raw.utf8.contains { $0 < 0x20 || $0 > 0x7E }, "\(raw.debugDescription) refused")
                continue
            }
            #expect(fast.groups == groups && fast.lengths == lengths && fast.separators == separators, "\(raw.debugDescription)")
        }
    }

    /// `hasDotAfterSpace` is a necessary condition of the spaced-dot pattern.
    @Test func spacedDotNeedsADotAfterSpace() {
        var missed: [String] = []
        for text in Self.edgeTexts + Self.corpusTexts where !EmailDeobfuscator.hasDotAfterSpace(text) {
            let range = NSRange(text.startIndex..<text.endIndex, in: text)
            if EmailDeobfuscator.spacedDot.firstMatch(in: text, range: range) != nil { missed.append(text) }
        }
        #expect(missed.isEmpty, "\(missed.prefix(3))")
        #expect(EmailDeobfuscator.hasDotAfterSpace("name\u{00A0}.\u{00A0}ru"))
        #expect(EmailDeobfuscator.hasDotAfterSpace("x\u{3000}. yz"))
        #expect(!EmailDeobfuscator.hasDotAfterSpace("слово. слово"))
    }

    /// A country name still labels its line after the first-word check.
    @Test func countryLabelsStillRead() {
        #expect(CountryLabels.label(of: "Germany: toll-free 0800 330 4455") == .region("DE"))
        #expect(CountryLabels.label(of: "Bosnia & Herzegovina – +387 33 000 000") == .region("BA"))
        #expect(CountryLabels.label(of: "Tel: 0800 330 4455") == .none)
        #expect(CountryLabels.label(of: "France (FR): 0 805 12 34 56") == .region("FR"))
    }

    @Test func messengerLinksStillRead() {
        #expect(PhoneExtractor.messengerTarget("HTTPS://WA.ME/79161234567") == "+79161234567")
        #expect(PhoneExtractor.messengerTarget("viber://chat?number=%2B79161234567") == "+79161234567")
        #expect(PhoneExtractor.messengerTarget("https://example.com/wa.me/79161234567") == nil)
    }
}
