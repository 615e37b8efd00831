import Foundation
import Testing
@testable import ContactModel

/// `extract --format json` writes its record list by hand; every byte must be what
/// `JSONEncoder` (the style of every other file) writes for the same records.
@Suite struct RecordListWriterTests {
    /// Every ASCII character (controls, quote, backslash, slash), and letters outside ASCII.
    static let awkward: String = String(decoding: (0..<128).map(UInt8.init), as: UTF8.self)
        + "Телефон «горячей линии» — 8‑800 / 2028:\u{2028} 2029:\u{2029} emoji: 📞 combining: é"

    static func record(_ n: Int, optionals: Bool, repeats: Int) -> ContactRecord {
        var record = ContactRecord(
            kind: RecordKind.allCases[n % RecordKind.allCases.count], value: "+7800\(n) \(awkward)",
            channel: Channel.allCases[n % Channel.allCases.count], source: "https://example.org/a/b?c=\(n)&d=\"e\"",
            evidence: Evidence(method: EvidenceMethod.allCases[n % EvidenceMethod.allCases.count],
                               path: "/html/body/div[\(n)]/p", text: awkward))
        if optionals {
            record.type = "toll-free"
            record.raw = "8 (800) \\ \(n)\t"
            record.extension = "\(n)"
            record.timezone = "Europe/Moscow"
            record.section = "Контакты\n\(awkward)"
        }
        if repeats > 0 {
            record.repeats = (0..<repeats).map { Evidence(method: .table, path: "/html/body/table/tr[\($0)]", text: "\u{1}\($0)") }
        }
        return record
    }

    static func encoded(_ records: [ContactRecord]) throws -> Data {
        try JSONOutput.encode(RecordList(records: records))
    }

    @Test func sameBytesAsJSONEncoder() throws {
        let records = (0..<200).map { Self.record($0, optionals: $0 % 3 != 0, repeats: $0 % 4) }
        let written = try #require(RecordListWriter.json(records))
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: try Self.encoded(records), as: UTF8.self))
        #expect(try JSONOutput.encode(records: records) == Self.encoded(records))
        #expect(try JSONOutput.encodeInChunks(records: records) == Self.encoded(records))
    }

    @Test func oneRecordEachWay() throws {
        for optionals in [false, true] {
            for repeats in 0...2 {
                let records = [Self.record(7, optionals: optionals, repeats: repeats)]
                #expect(try JSONOutput.encode(records: records) == Self.encoded(records))
            }
        }
    }

    /// What the writer was not checked on goes to JSONEncoder.
    @Test func emptyListAndEmptyRepeatsAreLeftToTheEncoder() throws {
        #expect(RecordListWriter.json([]) == nil)
        #expect(try JSONOutput.encode(records: []) == Self.encoded([]))
        var record = Self.record(1, optionals: true, repeats: 0)
        record.repeats = []
        #expect(RecordListWriter.json([record]) == nil)
        #expect(try JSONOutput.encode(records: [record]) == Self.encoded([record]))
    }
}
