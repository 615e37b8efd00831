import Testing
@testable import PhoneNumbers

/// libphonenumber's matcher reads nothing from a text holding one code point it does not
/// count as interchange-valid; `findNumbers` spaces them out so the rest is still read.
@Suite struct InterchangeTextTests {
    /// One of each kind the library refuses, at both ends of each range.
    static let refused: [UInt32] = [0x00, 0x01, 0x08, 0x0B, 0x0E, 0x1F, 0x7F, 0x80, 0x96, 0x9F,
                                    0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF]

    @Test(arguments: refused)
    func aRefusedCodePointLosesNoNumber(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let text = "Call 212-555-0147 \(Character(scalar)) or fax (212) 555-0148 \(Character(scalar))"
        let matches = PhoneNumberService.findNumbers(in: text, region: "US")
        #expect(matches.map(\.number.e164) == ["+12125550147", "+12125550148"])
        // Offsets are the text's own: the replacement keeps every byte where it was.
        let utf8 = Array(text.utf8)
        let second = try #require(matches.last)
        #expect(String(decoding: utf8[second.utf8Range], as: UTF8.self) == "(212) 555-0148")
    }

    @Test func acceptedCodePointsAreLeftAlone() {
        for value: UInt32 in [0x09, 0x0A, 0x0C, 0x0D, 0x20, 0xA0, 0x2013, 0xFDCF, 0xFDF0, 0xFFFD, 0x10000] {
            let text = "x\(Character(Unicode.Scalar(value)!))y"
            #expect(Array(text.utf8).withUnsafeBufferPointer(InterchangeText.spacedOut) == nil, "U+\(value)")
        }
    }

    @Test func parseReadsPastARefusedCodePoint() throws {
        #expect(try PhoneNumberService.parse("212\u{7F}555 0147", region: "US").e164 == "+12125550147")
    }
}
