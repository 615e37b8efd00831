import Testing
@testable import ContactDocument

/// The document layer's byte-level short cuts must give what the plain code they replace
/// gives, on the inputs where they could part: runs of single spaces among other
/// whitespace, ASCII runs of every length around high bytes, end bytes of both kinds.
@Suite struct DocumentFastPathTests {
    /// Words joined by single spaces are copied as one run; other whitespace still
    /// collapses, in blocks and in the text of links that span several text events.
    @Test func singleSpacesAndOtherWhitespaceCollapseAlike() throws {
        let page = "<html><body><p>a b  c\td\n e <a href=' tel:+1 ' >call  us now</a> f g  h</p>"
            + "<p> lead trail </p><p>x<b>y z</b> w</p></body></html>"
        let document = try HTMLDocument(bytes: Array(page.utf8), source: "s")
        #expect(document.blocks.map(\.text) == ["a b c d e call us now f g h", "lead trail", "xy z w"])
        #expect(document.links.map(\.text) == ["call us now"])
        #expect(document.links.map(\.href) == ["tel:+1"])
    }

    /// A title's whitespace collapses as `Character.isWhitespace` splits it: ASCII titles
    /// byte by byte (CR LF, vertical tab and form feed included, the information
    /// separators 0x1C...0x1F not), others by characters.
    @Test(arguments: ["  Contact \r\n us\u{0B}\u{0C}now ", "a\u{1C}b \u{1F}c", "", "   ", "Kontakt\u{A0}uns  heute",
                      "Связь\u{2003}с нами", "tab\tend\t"])
    func titleWhitespace(_ title: String) throws {
        let expected = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(DocumentWalker.collapsedWhitespace(Array(title.utf8)) == expected)
        // Through the parser only without the control characters libxml2 drops itself.
        guard !title.unicodeScalars.contains(where: { $0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0) }) else { return }
        let document = try HTMLDocument(bytes: Array("<html><head><title>\(title)</title></head><body><p>x</p></body></html>".utf8),
                                        source: "t")
        #expect(document.title == expected)
    }

    /// Counting `=` eight bytes at a time gives the plain count, at every length and
    /// alignment, next to the bytes that differ from `=` by one bit.
    @Test func equalSignsAreCountedExactly() {
        var state: UInt32 = 7
        let alphabet: [UInt8] = [0x3D, 0x3C, 0x3E, 0x3F, 0xBD, 0x7D, 0x1D, 0x00, 0xFF, 0x20, 0x61]
        for length in 0..<200 {
            let bytes = (0..<length).map { _ -> UInt8 in
                state = state &* 1_103_515_245 &+ 12345
                return alphabet[Int(state >> 16) % alphabet.count]
            }
            let counted = bytes.withUnsafeBufferPointer { TagFloodGuard.equalSigns($0) }
            #expect(counted == bytes.filter { $0 == 0x3D }.count, "length \(length)")
        }
    }

    /// A page with more `=` than one tag may hold, spread over ordinary tags, is not cut;
    /// one tag holding them all is.
    @Test func manyEqualSignsInManyTagsAreNoFlood() throws {
        let many = String(repeating: "<p class=a id=b>x</p>", count: TagFloodGuard.maximumAttributes)
        #expect(Array(many.utf8).withUnsafeBufferPointer { TagFloodGuard.cutOffset($0) } == nil)
        let flood = "<p>x</p><div " + (0...TagFloodGuard.maximumAttributes).map { "a\($0)=1" }.joined(separator: " ") + ">"
        #expect(Array(flood.utf8).withUnsafeBufferPointer { TagFloodGuard.cutOffset($0) } == 8)
    }

    /// ASCII runs of every length from 0 to 20 between high bytes: the table's
    /// eight-bytes-at-a-time copy decodes as iconv does.
    @Test(arguments: ["windows-1251", "KOI8-R", "windows-1252", "ISO-8859-5"])
    func asciiRunsDecodeAsIconvDoes(_ encoding: String) throws {
        var bytes: [UInt8] = []
        for length in 0...20 {
            bytes += Array("<p>telefon 495 123-45-67</p>".utf8.prefix(length)) + [0xC0 + UInt8(length), 0x98]
        }
        let table = try #require(SingleByteTable.of(encoding))
        let streamed = try #require(bytes.withUnsafeBufferPointer { Transcoder.streamed($0, from: encoding) })
        #expect(bytes.withUnsafeBufferPointer { table.utf8($0) } == streamed)
    }

    /// Trimming answers from the end bytes only when both are ASCII and not whitespace.
    @Test(arguments: ["tel:+1", " tel:+1", "tel:+1\n", "\u{A0}x\u{A0}", "é", "x é", "\u{2003}", "", " "])
    func trimmingMatchesTheScalarWalk(_ value: String) {
        let scalars = value.unicodeScalars
        let first = scalars.firstIndex { !$0.properties.isWhitespace }
        let last = scalars.lastIndex { !$0.properties.isWhitespace }
        let expected = first.flatMap { f in last.map { String(String.UnicodeScalarView(scalars[f...$0])) } } ?? ""
        #expect(value.trimmingASCIIWhitespace() == expected)
        #expect(value[...].trimmingASCIIWhitespace() == expected)
    }

    /// Cyrillic single-byte pages without a declaration are still told apart with ASCII
    /// runs passed over eight bytes at a time.
    @Test func cyrillicGuessSkipsASCII() {
        let cp1251: [UInt8] = Array("<html><body><p>".utf8) + [0xF2, 0xE5, 0xEB, 0xE5, 0xF4, 0xEE, 0xED, 0x20, 0xE4, 0xEB, 0xFF]
            + Array(" 8 800 100-70-10</p></body></html>".utf8)
        #expect(cp1251.withUnsafeBufferPointer { CharsetDetector.guessCyrillic($0) } == "windows-1251")
        let koi8: [UInt8] = Array("<p>".utf8) + [0xD4, 0xC5, 0xCC, 0xC5, 0xC6, 0xCF, 0xCE, 0x20, 0xC4, 0xCC, 0xD1] + Array("</p>".utf8)
        #expect(koi8.withUnsafeBufferPointer { CharsetDetector.guessCyrillic($0) } == "KOI8-R")
        #expect(Array("plain ascii page, no high bytes at all".utf8).withUnsafeBufferPointer { CharsetDetector.guessCyrillic($0) } == nil)
    }
}

extension DocumentFastPathTests {
    /// UTF-8 validation and the high-byte test skip ASCII 32 and 8 bytes at a time: a bad
    /// or high byte at every offset of a 70-byte page is still found.
    @Test func everyOffsetIsChecked() {
        let ascii = Array(String(repeating: "<p>tel 1</p>", count: 6).utf8.prefix(70))
        #expect(ascii.withUnsafeBufferPointer { CharsetDetector.isValidUTF8($0) })
        #expect(!ascii.withUnsafeBufferPointer { CharsetDetector.hasHighByte($0) })
        for offset in 0..<ascii.count {
            var bad = ascii
            bad[offset] = 0xFF
            #expect(!bad.withUnsafeBufferPointer { CharsetDetector.isValidUTF8($0) }, "0xFF at \(offset)")
            #expect(bad.withUnsafeBufferPointer { CharsetDetector.hasHighByte($0) }, "0xFF at \(offset)")
            var good = ascii
            if offset + 1 < good.count {
                good[offset] = 0xD0
                good[offset + 1] = 0xA2
                #expect(good.withUnsafeBufferPointer { CharsetDetector.isValidUTF8($0) }, "Т at \(offset)")
            }
        }
    }
}
