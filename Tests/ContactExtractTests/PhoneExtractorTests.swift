import ContactModel
import Testing
@testable import ContactExtract

@Suite struct PhoneExtractorTests {
    @Test func invisibleNumbersStayOut() throws {
        let records = try Extraction.fixture("invisible.html")
        let phones = Set(records.values(.phone))
        for shown in ["+442079460018", "+442079460019", "+4930123456", "+442079460555", "+442079460666"] {
            #expect(phones.contains(shown), "\(shown) is on the page")
        }
        for hidden in ["0999", "0998", "0997", "0996", "0995", "0993", "0000"] {
            #expect(!phones.contains("+44207946\(hidden)"), "\(hidden) is not shown to a reader")
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var html: String
        var region: String?
        var phones: [String]
        var testDescription: String { html }
    }

    @Test(arguments: [
        Case(html: "<p>Звоните: 8 (800) 100-70-10</p>", region: "RU", phones: ["+78001007010"]),
        Case(html: "<p>Tel.&nbsp;+7&nbsp;495&nbsp;727-47-47</p>", region: nil, phones: ["+74957274747"]),
        Case(html: "<p>+7 (495) 727.47.47</p>", region: nil, phones: ["+74957274747"]),
        Case(html: "<p>8‑800‑100‑70‑10</p>", region: "RU", phones: ["+78001007010"]),
        Case(html: "<p>8–800–100–70–10</p>", region: "RU", phones: ["+78001007010"]),
        Case(html: "<p>8‐800‐100‐70‐10</p>", region: "RU", phones: ["+78001007010"]),
        Case(html: "<p>Call (212) 555-0100 or 212.555.0199</p>", region: "US", phones: ["+12125550100", "+12125550199"]),
        Case(html: "<p>08:00-20:00, с 08:00-20:00, коды 500-503</p>", region: "RU", phones: []),
        Case(html: "<p>Дата 21.11.2026, цена 1 500 руб., ИНН 7701234567</p>", region: "RU", phones: []),
        Case(html: "<script>call('+7 495 727-47-47')</script><p>нет</p>", region: "RU", phones: []),
        Case(html: "<p>Phone <b>020</b> <i>7946</i> 0018</p>", region: "GB", phones: ["+442079460018"]),
    ])
    func findsNumbersInText(_ c: Case) throws {
        #expect(try Extraction.html(c.html, region: c.region).values(.phone) == c.phones)
    }

    @Test func telLinkThatSaysTheSameNumberIsOneRecord() throws {
        let records = try Extraction.html(#"<p><a href="tel:+78001007010">8 800 100-70-10</a></p>"#, region: "RU")
        #expect(records.count == 1)
        #expect(records.first?.evidence == Evidence(method: .telLink, path: "/html/body/p/a", text: "8 800 100-70-10"))
    }

    @Test func telLinkThatSaysAnotherNumberGivesBoth() throws {
        let records = try Extraction.html(#"<p><a href="tel:88001007010">8 800 100-70-11</a></p>"#, region: "RU")
        #expect(Set(records.map(\.value)) == ["+78001007010", "+78001007011"])
        #expect(Set(records.map(\.evidence.method)) == [.telLink, .text])
    }

    @Test func telLinkIsPercentDecoded() throws {
        let records = try Extraction.html(#"<a href="tel:+7%20(495)%20727-47-47">call</a>"#)
        #expect(records.values(.phone) == ["+74957274747"])
        #expect(records.first?.raw == "+7 (495) 727-47-47")
    }

    @Test func typographicFoldingMapsOffsetsBack() {
        let text = "тел. +7\u{202F}495\u{202F}771‑71‑71!"
        let folding = TypographicFolding(text)
        #expect(folding.text == "тел. +7 495 771-71-71!")
        let foldedBytes = Array(folding.text.utf8)
        let start = foldedBytes.firstIndex(of: UInt8(ascii: "+"))!
        let end = foldedBytes.lastIndex(of: UInt8(ascii: "1"))! + 1
        let original = folding.originalRange(start..<end)
        #expect(String(decoding: Array(text.utf8)[original], as: UTF8.self) == "+7\u{202F}495\u{202F}771‑71‑71")
    }

    /// Only blocks with six digits in one candidate-like stretch reach the matcher.
    @Test(arguments: [
        ("Tel: 49 69 274 015-0", true), ("+7 (495) 727-47-47", true), ("тел.\u{00A0}8\u{2011}800\u{2011}100", true),
        ("[030] 123/456", true), ("Mittwoch, 03. November 2021, 16.45 Uhr", false),
        ("in 2019, 3 of 12 offices", false), ("$1,299.00", false), ("ISBN 978-3", false),
    ])
    func candidateRuns(_ text: String, _ expected: Bool) {
        #expect(PhoneExtractor.hasCandidateRun(text) == expected)
    }
}
