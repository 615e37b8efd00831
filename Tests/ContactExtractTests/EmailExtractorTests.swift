import ContactModel
import Testing
@testable import ContactExtract

@Suite struct EmailExtractorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var emails: [String]
        var testDescription: String { text }
    }

    @Test(arguments: [
        Case(text: "Пишите на Support@Gosuslugi.ru.", emails: ["support@gosuslugi.ru"]),
        Case(text: "почта:info@пример.рф, ответим", emails: ["info@пример.рф"]),
        Case(text: "a.b+tag@sub.example.co.uk; c_d@example.org", emails: ["a.b+tag@sub.example.co.uk", "c_d@example.org"]),
        Case(text: "[email protected]", emails: []),
        Case(text: "user@localhost and @handle and name@ and @x.ru", emails: []),
        Case(text: "logo@2x.png and icon@3x.webp are retina images", emails: []),
        Case(text: "..dots..@example.com", emails: []),
        Case(text: "(info@example.com)", emails: ["info@example.com"]),
    ])
    func findsAddressesInText(_ c: Case) {
        #expect(EmailAddress.find(in: c.text).map(\.value) == c.emails)
    }

    @Test func mailtoKeepsCcAndDropsSubject() {
        #expect(EmailAddress.mailtoAddresses("mailto:Help@X.ru,b@x.ru?subject=Hi%20there&cc=c%40x.ru&body=z")
            == ["help@x.ru", "b@x.ru", "c@x.ru"])
        #expect(EmailAddress.mailtoAddresses("mailto:?subject=x").isEmpty)
    }

    @Test func cloudflareProtectionIsDecoded() {
        // Key 0x5a; "support@example.ru" XOR 0x5a.
        let hex = "5a" + Array("support@example.ru".utf8).map { String(format: "%02x", $0 ^ 0x5a) }.joined()
        #expect(EmailAddress.decodeCloudflare(hex) == "support@example.ru")
        #expect(EmailAddress.decodeCloudflare("zz") == nil)
        #expect(EmailAddress.decodeCloudflare("5a29") == nil)
    }

    @Test func cloudflareMarkupGivesTheAddressNotAPlaceholder() throws {
        let hex = "5a" + Array("help@gosuslugi.ru".utf8).map { String(format: "%02x", $0 ^ 0x5a) }.joined()
        let html = """
        <p>Почта: <a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="\(hex)">[email&#160;protected]</a></p>
        <p>Или <a href="/cdn-cgi/l/email-protection#\(hex)">написать</a></p>
        <p>А тут [email protected] без расшифровки.</p>
        """
        let records = try Extraction.html(html)
        let decoded = try #require(records.first { $0.evidence.method == .cfemail })
        #expect(decoded.value == "help@gosuslugi.ru")
        #expect(decoded.repeats?.count == 1)
        let hidden = try #require(records.first { $0.evidence.method == .hidden })
        #expect(hidden.evidence.path == "/html/body/p[3]")
        #expect(hidden.repeats == nil)
    }

    @Test func mailtoAndItsTextAreOneRecord() throws {
        let records = try Extraction.html(#"<p>E-mail: <a href="mailto:info@example.com?subject=Hello">info@example.com</a></p>"#)
        #expect(records.count == 1)
        #expect(records.first?.evidence.method == .mailto)
    }
}
