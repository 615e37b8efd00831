import Testing
@testable import PhoneNumbers

@Suite struct PhoneNumberServiceTests {
    struct ParseCase: Sendable, CustomTestStringConvertible {
        var text: String, region: String, e164: String, type: PhoneNumberType
        var testDescription: String { text }
    }

    @Test(arguments: [
        ParseCase(text: "8 800 100-70-10", region: "RU", e164: "+78001007010", type: .tollFree),
        ParseCase(text: "+7 (800) 100-70-10", region: "RU", e164: "+78001007010", type: .tollFree),
        ParseCase(text: "88001007010", region: "RU", e164: "+78001007010", type: .tollFree),
        ParseCase(text: "+7 495 727-47-47", region: "GB", e164: "+74957274747", type: .fixedLine),
        ParseCase(text: "(212) 555-0100", region: "US", e164: "+12125550100", type: .fixedLineOrMobile),
        ParseCase(text: "020 7946 0018", region: "GB", e164: "+442079460018", type: .fixedLine),
    ])
    func parsesToE164(_ c: ParseCase) throws {
        let number = try PhoneNumberService.parse(c.text, region: c.region)
        #expect(number.e164 == c.e164)
        #expect(number.type == c.type)
    }

    @Test func rejectsWhatIsNotANumber() {
        #expect(throws: PhoneNumberError.self) { try PhoneNumberService.parse("hello", region: "RU") }
        #expect(throws: PhoneNumberError.self) { try PhoneNumberService.parse("+7 000 000", region: "RU") }
        #expect(throws: PhoneNumberError.unsupportedRegion("QQ")) { try PhoneNumberService.parse("495 727-47-47", region: "QQ") }
        // Page-long text (an unclosed microdata "telephone") is refused before the library's
        // regexes, which took seconds over it.
        let pageLong = "+44 20 7946 0555 " + String(repeating: "Contact us on 020 7946 0018. ", count: 400)
        #expect(throws: PhoneNumberError.tooLong) { try PhoneNumberService.parse(pageLong, region: "GB") }
    }

    @Test func keepsTheExtension() throws {
        let number = try PhoneNumberService.parse("+1 212 555 0100 ext. 12", region: "US")
        #expect(number.extensionDigits == "12")
        #expect(number.e164 == "+12125550100")
    }

    @Test func findsNumbersWithUTF8Offsets() throws {
        let text = "Звоните: +7 495 771‑71‑71 или 8 800 100-70-10."
        let matches = PhoneNumberService.findNumbers(in: text, region: "RU")
        #expect(matches.map(\.number.e164) == ["+74957717171", "+78001007010"])
        let bytes = Array(text.utf8)
        let first = try #require(matches.first)
        #expect(String(decoding: bytes[first.utf8Range], as: UTF8.self) == "+7 495 771‑71‑71")
    }

    /// libphonenumber's matcher finds nothing at all in a text holding one character it
    /// does not take as interchange valid (a C1 control, a non-character); those are
    /// blanked, offsets unchanged.
    @Test(arguments: [0x85, 0x9B, 0x07, 0x7F, 0xFFFE, 0xFDD0] as [UInt32])
    func controlCharactersDoNotHideNumbers(_ codePoint: UInt32) throws {
        let control = String(try #require(Unicode.Scalar(codePoint)))
        let text = "Звоните: +7 495 771-71-71, \(control)[31m или 8 800 100-70-10."
        let matches = PhoneNumberService.findNumbers(in: text, region: "RU")
        #expect(matches.map(\.number.e164) == ["+74957717171", "+78001007010"])
        let last = try #require(matches.last)
        #expect(String(decoding: Array(text.utf8)[last.utf8Range], as: UTF8.self) == "8 800 100-70-10")
    }

    /// A footnote mark against a number ("…70-10[1]", a Wikipedia `<sup>[12]</sup>`) made the
    /// matcher refuse the whole candidate: the number was lost. Marks are blanked, offsets kept.
    @Test(arguments: ["8 800 100-70-10[1]", "8 800 100-70-10 [12]", "8 800 100-70-10[123],"])
    func citationMarksDoNotHideNumbers(_ written: String) throws {
        let text = "Телефон: \(written) круглосуточно; справка 8 (495) 727-47-47[2]."
        let matches = PhoneNumberService.findNumbers(in: text, region: "RU")
        #expect(matches.map(\.number.e164) == ["+78001007010", "+74957274747"])
        let first = try #require(matches.first)
        #expect(String(decoding: Array(text.utf8)[first.utf8Range], as: UTF8.self) == "8 800 100-70-10")
    }

    @Test func findsNothingInDatesAndPrices() {
        let text = "Закон ФЗ‑152 от 27.07.2006, цена 1 500 руб., версия 2.0.1"
        #expect(PhoneNumberService.findNumbers(in: text, region: "RU").isEmpty)
    }

    @Test func knowsShortAndEmergencyNumbers() {
        #expect(PhoneNumberService.isEmergencyNumber("112", region: "RU"))
        #expect(PhoneNumberService.isValidShortNumber("112", region: "RU"))
        #expect(!PhoneNumberService.isEmergencyNumber("115", region: "RU"))
        #expect(PhoneNumberService.isSupported(region: "RU"))
        #expect(!PhoneNumberService.isSupported(region: "QQ"))
    }
}
