import ContactDocument
import ContactModel
import Testing
@testable import ContactExtract

/// Hostile pages: each must be read to an end without a crash, with bounded work, and
/// a page that libxml2 cuts short must say so. (Time and memory are measured by
/// scripts/bench and the fuzzers, not asserted here.)
@Suite struct PathologicalInputTests {
    private func extract(_ bytes: [UInt8]) throws -> (HTMLDocument, [ContactRecord]) {
        let document = try HTMLDocument(bytes: bytes, source: "hostile.html")
        return (document, ContactExtractor().extract(from: document))
    }

    @Test func tenThousandDeepNestingIsCutWithAWarning() throws {
        let html = String(repeating: "<div>", count: 10_000) + "+7 495 727-47-47" + String(repeating: "</div>", count: 10_000)
        let (document, _) = try extract(Array(html.utf8))
        #expect(document.warnings.first?.contains("page cut") == true)
        #expect(document.warnings.first?.contains("Excessive depth") == true)
    }

    @Test func aFiftyMegabyteTextNodeIsReadOrCut() throws {
        var bytes = Array("<html><body><p>".utf8)
        bytes.reserveCapacity(50 * 1024 * 1024 + 64)
        let chunk = Array("lorem ipsum dolor sit amet ".utf8)
        while bytes.count < 50 * 1024 * 1024 { bytes += chunk }
        bytes += Array("</p><p>Тел. +7 495 727-47-47</p></body></html>".utf8)
        let (document, _) = try extract(bytes)
        // libxml2 refuses text nodes over 10 MB without HTML_PARSE_HUGE; the page says so.
        #expect(!document.warnings.isEmpty || document.blocks.contains { $0.text.contains("727-47-47") })
    }

    @Test func aMillionAttributes() throws {
        var html = "<html><body><h1>Contact</h1><p"
        html.reserveCapacity(12_000_000)
        for index in 0..<1_000_000 { html += " a\(index)=\"x\"" }
        html += ">Tel. +44 20 7946 0018</p></body></html>"
        let (document, _) = try extract(Array(html.utf8))
        // Cut before the flooded tag (libxml2 would compare every pair of its attributes).
        #expect(document.warnings.first?.contains("more than 10000 attributes") == true)
        #expect(!document.blocks.contains { $0.text.contains("7946") })
    }

    /// One C1 control (`&#x85;`, U+009B as raw bytes) anywhere near a number used to hide
    /// every text number of the page: libphonenumber refused the whole batch.
    @Test(arguments: ["&#x85;", "\u{9B}31m", "&#x9b;"])
    func aControlCharacterDoesNotHideThePagesNumbers(_ control: String) throws {
        let html = "<html lang=\"ru\"><body><p>Звоните 8 800 100-70-11 сейчас</p>"
            + "<p>Горячая линия: 8 800 100-70-10, \(control) x</p></body></html>"
        let (_, records) = try extract(Array(html.utf8))
        #expect(Set(records.filter { $0.kind == .phone }.map(\.value)) == ["+78001007011", "+78001007010"])
    }

    @Test func nulBytesAndInvalidUTF8() throws {
        var bytes = Array("<html><body><p>Tel\u{0}: +44 20 7946 0018</p><p>".utf8)
        bytes += [0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0x00, 0x00]
        bytes += Array("info@example.com</p></body></html>".utf8)
        let (_, records) = try extract(bytes)
        #expect(records.contains { $0.value == "info@example.com" })
    }

    @Test func mixedEncodingsInOnePage() throws {
        // UTF-8 declared, a windows-1251 paragraph pasted in.
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>Привет</p><p>".utf8)
        bytes += [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]  // "Привет" in windows-1251
        bytes += Array("</p><p>+7 495 727-47-47</p></body></html>".utf8)
        let (document, records) = try extract(bytes)
        #expect(document.blocks.contains { $0.text == "Привет" })
        #expect(records.contains { $0.value == "+74957274747" })
    }

    @Test func aMetaCharsetThatLies() throws {
        // Declares windows-1252 but is UTF-8: the declaration wins, as in browsers, and
        // the page is still read to the end.
        let html = "<html><head><meta charset=\"windows-1252\"></head><body><p>Тел. +7 495 727-47-47</p></body></html>"
        let (_, records) = try extract(Array(html.utf8))
        #expect(records.contains { $0.value == "+74957274747" })
    }

    @Test func entityFloods() throws {
        let flood = String(repeating: "&#x41;&amp;&#9999999;&nbsp;&bogus;", count: 200_000)
        let html = "<html><body><p>\(flood)</p><p>Call 020 7946 0018</p></body></html>"
        let (document, _) = try extract(Array(html.utf8))
        #expect(document.blocks.contains { $0.text.hasPrefix("A&") })
    }

    @Test func manyShortBlocksWithDigits() throws {
        // 50,000 table cells each holding a number-like value: the phone matcher runs once
        // per page, not once per cell.
        var html = "<html><body><table>"
        for index in 0..<50_000 { html += "<tr><td>\(index)</td><td>\(1_000_000 + index)</td></tr>" }
        html += "</table></body></html>"
        let (document, _) = try extract(Array(html.utf8))
        #expect(document.blocks.count == 100_000)
    }

    /// Found by the document fuzzer (Fuzz/crashes/document-timeout-9b6150c1…): unclosed
    /// microdata `telephone` elements whose values run to the end of the page, each of
    /// which libphonenumber's parser took a third of a second over (over ten under the
    /// fuzzer's sanitizers).
    @Test func aTelephonePropertyThatSwallowsThePage() throws {
        let records = try Extraction.fixture("fuzz-document-timeout-9b6150c1.html", region: "RU")
        #expect(records.contains { $0.value == "+442079460555" })
    }

    /// Found by the document fuzzer (Fuzz/crashes/document-crash-b77df35d…): a `tel:` link
    /// left open at the end of the page, whose block never came to be, crashed the
    /// channel classifier's look at "its" block.
    @Test func aTelLinkPastTheLastBlock() throws {
        let records = try Extraction.fixture("fuzz-document-crash-b77df35d.html")
        #expect(records.contains { $0.kind == .phone })
    }
}
