import Testing
@testable import PhoneNumbers

/// The C shim remembers what it worked out per number and per parsed text; a remembered
/// answer must be the one the library gives, extensions included (a description is shared
/// by the same number with and without one).
@Suite struct RememberedAnswerTests {
    @Test func aNumberReadAgainIsDescribedAlike() throws {
        let texts = ["+1 202 555 0118 ext. 12", "+1 202 555 0118", "(202) 555-0118 x 345", "202 555 0118"]
        for _ in 0..<2 {
            let numbers = try texts.map { try PhoneNumberService.parse($0, region: "US") }
            #expect(numbers.map(\.e164) == Array(repeating: "+12025550118", count: 4))
            #expect(numbers.map(\.extensionDigits) == ["12", nil, "345", nil])
            #expect(Set(numbers.map(\.type)).count == 1)
        }
        let matches = PhoneNumberService.findNumbers(in: "Call 202-555-0118 ext. 7 or 202-555-0118.", region: "US")
        #expect(matches.map(\.number.extensionDigits) == ["7", nil])
    }

    @Test func aRefusalIsRememberedAsTheSameRefusal() {
        for _ in 0..<2 {
            #expect(throws: PhoneNumberError.self) { try PhoneNumberService.parse("12", region: "US") }
            #expect(throws: PhoneNumberError.self) { try PhoneNumberService.parse("+7 800 100", region: "RU") }
        }
        let valid = try? PhoneNumberService.parse("8 800 100-70-10", region: "RU")
        #expect(valid?.e164 == "+78001007010")
    }
}
