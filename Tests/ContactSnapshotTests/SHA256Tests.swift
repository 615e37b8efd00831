import ContactModel
import Testing

@Suite struct SHA256Tests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var hex: String
        var testDescription: String { "\"\(input.prefix(20))\"" }
    }

    // FIPS 180-4 examples, and one message spanning two blocks after padding.
    @Test(arguments: [
        Case(input: "", hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Case(input: "abc", hex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Case(input: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             hex: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownDigests(_ c: Case) {
        #expect(SHA256.hex(c.input) == c.hex)
    }
}
