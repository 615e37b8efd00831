import ContactDocument
import Foundation
import PhoneNumbers
import Testing
@testable import ContactExtract

/// `PieceMemo` answers a piece from what the library said about the same bytes before, which
/// is exact only if a piece's matches do not depend on the pieces read with it in one call.
@Suite struct PieceMemoTests {
    /// The candidate pieces of every block of the benchmark pages (texts we did not write).
    static let pieces: [ArraySlice<UInt8>] = {
        ByteFastPathTests.corpusTexts.enumerated().flatMap { index, text in
            BatchedPhoneMatcher.pieces(of: BatchedPhoneMatcher.Item(index: index, folded: TypographicFolding(text))).map(\.bytes)
        }
    }()

    @Test(arguments: ["US", "DE", "RU"])
    func piecesReadTogetherAnswerAsReadAlone(region: String) {
        let sample = Array(Self.pieces.prefix(1_500))
        #expect(sample.count > 200)
        var together: [[PhoneNumberMatchSummary]] = []
        var start = 0
        while start < sample.count {
            let batch = Array(sample[start..<min(sample.count, start + 60)])
            together += BatchedPhoneMatcher.matchesInOneCall(batch, region: region).map { $0.map(PhoneNumberMatchSummary.init) }
            start += 60
        }
        let alone = sample.map { BatchedPhoneMatcher.matchesInOneCall([$0], region: region)[0].map(PhoneNumberMatchSummary.init) }
        #expect(together.reduce(0) { $0 + $1.count } > 20)
        let differing = zip(together, alone).filter { $0 != $1 }.count
        #expect(differing == 0)
    }

    /// Long pieces (up to `batchBytes`) cannot make the memo grow past its byte bound.
    @Test func memoStaysWithinItsBounds() {
        let memo = PieceMemo()
        for k in 0..<2_000 {
            let piece = ArraySlice(Array(repeating: UInt8(0x30 + k % 10), count: BatchedPhoneMatcher.batchBytes - k % 7))
            memo.store([(piece, [])], region: "US")
            #expect(memo.storedBytes <= PieceMemo.byteCapacity)
        }
        #expect(memo.storedBytes > 0)
        #expect(memo.matches(of: [ArraySlice(Array(repeating: 0x39, count: BatchedPhoneMatcher.batchBytes - 1999 % 7))],
                             region: "US") == [[]])
    }

    /// A page read twice (the second time from the memo) gives the same records.
    @Test func secondReadingFromTheMemoIsTheSame() throws {
        let html = """
        <html lang="en"><body><p>Call us: (202) 555-0118 | Fax (202) 555-0119</p>
        <footer>Hotline +1 800 555 0199, 9am-5pm. Order no 12345678</footer></body></html>
        """
        let first = try Extraction.html(html, region: "US")
        let second = try Extraction.html(html, region: "US")
        #expect(first.count >= 3)
        #expect(first == second)
    }
}

/// What a match says, for comparing readings.
struct PhoneNumberMatchSummary: Equatable {
    var range: Range<Int>
    var e164: String
    var type: String

    init(_ match: PhoneNumberMatch) {
        range = match.utf8Range
        e164 = match.number.e164
        type = match.number.type.rawValue
    }
}
