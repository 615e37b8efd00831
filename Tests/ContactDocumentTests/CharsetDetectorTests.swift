import Testing
@testable import ContactDocument

@Suite struct CharsetDetectorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var contentType: String?
        var charset: String
        var source: CharsetSource
        var testDescription: String { name }
    }

    static let cyrillic = "Служба поддержки работает ежедневно, звоните нам"

    static let cases: [Case] = [
        Case(name: "UTF-8 BOM", bytes: [0xEF, 0xBB, 0xBF] + Array("<p>x</p>".utf8), charset: "UTF-8", source: .byteOrderMark),
        Case(name: "UTF-16LE BOM", bytes: [0xFF, 0xFE, 0x3C, 0x00], charset: "UTF-16LE", source: .byteOrderMark),
        Case(name: "UTF-16BE BOM", bytes: [0xFE, 0xFF, 0x00, 0x3C], charset: "UTF-16BE", source: .byteOrderMark),
        Case(name: "UTF-32LE BOM", bytes: [0xFF, 0xFE, 0x00, 0x00, 0x3C, 0, 0, 0], charset: "UTF-32LE", source: .byteOrderMark),
        Case(name: "BOM beats header", bytes: [0xEF, 0xBB, 0xBF, 0x3C], contentType: "text/html; charset=iso-8859-1",
             charset: "UTF-8", source: .byteOrderMark),
        Case(name: "HTTP header", bytes: Array("<p>x</p>".utf8), contentType: "text/html; charset=\"windows-1251\"",
             charset: "windows-1251", source: .httpHeader),
        Case(name: "header beats meta", bytes: Array("<meta charset=utf-8><p>x".utf8), contentType: "text/html;charset=KOI8-R",
             charset: "KOI8-R", source: .httpHeader),
        Case(name: "meta charset", bytes: Array("<html><head><meta charset=\"koi8-r\"></head>".utf8), charset: "KOI8-R", source: .metaTag),
        Case(name: "meta http-equiv", bytes: Array("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\">".utf8),
             charset: "windows-1251", source: .metaTag),
        Case(name: "latin1 label decodes as windows-1252", bytes: Array("<meta charset=iso-8859-1>".utf8),
             charset: "windows-1252", source: .metaTag),
        Case(name: "gb2312 label decodes as GBK", bytes: Array("<meta charset=gb2312>".utf8), charset: "GBK", source: .metaTag),
        Case(name: "meta claiming UTF-16 in ASCII", bytes: Array("<meta charset=utf-16>".utf8), charset: "UTF-8", source: .metaTag),
        Case(name: "bogus label falls through", bytes: Array("<meta charset=utf--->é".utf8), charset: "UTF-8", source: .utf8Check),
        Case(name: "valid UTF-8", bytes: Array("<p>Привет</p>".utf8), charset: "UTF-8", source: .utf8Check),
        Case(name: "windows-1251 guessed", bytes: cp1251(cyrillic), charset: "windows-1251", source: .cyrillicGuess),
        Case(name: "KOI8-R guessed", bytes: koi8r(cyrillic), charset: "KOI8-R", source: .cyrillicGuess),
        Case(name: "Latin-1 falls back", bytes: Array("<p>caf".utf8) + [0xE9] + Array("</p>".utf8), charset: "windows-1252", source: .fallback),
    ]

    @Test(arguments: cases)
    func detects(_ c: Case) {
        let detected = c.bytes.withUnsafeBufferPointer {
            CharsetDetector.detect($0, contentType: c.contentType, isSupported: LibXML2.isEncodingSupported)
        }
        #expect(detected.name == c.charset)
        #expect(detected.source == c.source)
    }

    @Test func validatesUTF8Strictly() {
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]] {
            #expect(!bad.withUnsafeBufferPointer(CharsetDetector.isValidUTF8), "\(bad)")
        }
        #expect(Array("Ё ‑ 😀".utf8).withUnsafeBufferPointer(CharsetDetector.isValidUTF8))
    }

    /// The two single-byte Cyrillic encodings, written out so the test needs no converter.
    static func cp1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { s in
            switch s.value {
            case 0x410...0x44F: UInt8(s.value - 0x410 + 0xC0)
            default: UInt8(truncatingIfNeeded: s.value)
            }
        }
    }

    static func koi8r(_ text: String) -> [UInt8] {
        let table = Array("юабцдефгхийклмнопярстужвьызшэщчъЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ")
        return text.map { c in
            if let index = table.firstIndex(of: c) { return UInt8(0xC0 + index) }
            return c.asciiValue ?? 0x3F
        }
    }
}
