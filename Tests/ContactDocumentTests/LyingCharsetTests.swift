import Testing
@testable import ContactDocument

/// A declaration that lies must never lose what a browser would still show.
@Suite struct LyingCharsetTests {
    static let page = """
        <!DOCTYPE html><html lang="ru"><head><meta charset="%@"><title>Контакты</title></head>
        <body><h1>КОНТАКТЫ И АДРЕСА</h1><p>Телефон: +7 495 123-45-67</p>
        <p>Почта: <a href="mailto:info@example.ru">info@example.ru</a></p></body></html>
        """

    static func utf8Page(declaring label: String) -> [UInt8] {
        Array(page.replacingOccurrences(of: "%@", with: label).utf8)
    }

    /// Single-byte declarations over UTF-8 bytes, in `<meta>` and in the HTTP header.
    @Test(arguments: ["windows-1251", "windows-1252", "iso-8859-1", "koi8-r", "iso-8859-5", "cp1251"])
    func utf8UnderASingleByteDeclarationIsReadAsUTF8(_ label: String) throws {
        for contentType in [nil, "text/html; charset=\(label)"] {
            let document = try HTMLDocument(bytes: Self.utf8Page(declaring: label), source: "lie.html", contentType: contentType)
            #expect(document.charset.name == "UTF-8")
            #expect(document.charset.source == .utf8OverDeclaration)
            #expect(document.blocks.map(\.text).contains("Телефон: +7 495 123-45-67"), "\(document.blocks.map(\.text))")
            #expect(document.links.map(\.href) == ["mailto:info@example.ru"])
            #expect(document.warnings.contains { $0.contains("but its bytes are UTF-8") }, "\(document.warnings)")
        }
    }

    /// A true single-byte page stays in its encoding.
    @Test func aTrueWindows1251PageIsNotTakenForUTF8() throws {
        let bytes = Self.windows1251(Self.page.replacingOccurrences(of: "%@", with: "windows-1251"))
        let document = try HTMLDocument(bytes: bytes, source: "true.html")
        #expect(document.charset == DetectedCharset(name: "windows-1251", source: .metaTag, bomLength: 0))
        #expect(document.blocks.map(\.text).contains("Телефон: +7 495 123-45-67"))
        #expect(document.warnings.isEmpty)
    }

    /// Bytes with no character in the declared encoding (0x98 in windows-1251, bytes
    /// cut from UTF-8 mid-character) become U+FFFD; the ASCII around them stays.
    @Test func undecodableBytesLoseNoASCII() throws {
        var bytes = Self.windows1251("<html><head><meta charset=\"windows-1251\"></head><body><p>Адрес</p>")
        bytes += [0x98, 0x98] + Array("<p>Tel: +7 495 123-45-67</p>".utf8) + [0xD0]
        bytes += Array("<p><a href=\"mailto:info@example.ru\">mail</a></p></body></html>".utf8)
        let document = try HTMLDocument(bytes: bytes, source: "undecodable.html")
        #expect(document.charset.name == "windows-1251")
        let texts = document.blocks.map(\.text)
        #expect(texts.contains("Tel: +7 495 123-45-67"), "\(texts)")
        #expect(document.links.map(\.href) == ["mailto:info@example.ru"])
    }

    /// Multi-byte declarations are left alone (their text may be valid UTF-8 by chance).
    @Test func multiByteDeclarationsAreNotOverruled() {
        #expect(!CharsetDetector.isSingleByte("GBK"))
        #expect(!CharsetDetector.isSingleByte("SHIFT_JIS"))
        #expect(!CharsetDetector.isSingleByte("EUC-KR"))
        #expect(CharsetDetector.isSingleByte("windows-1251"))
        #expect(CharsetDetector.isSingleByte("KOI8-R"))
    }

    /// Windows-1251 bytes for ASCII and the Russian alphabet.
    static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0..<0x80: UInt8(scalar.value)
            case 0x410...0x44F: UInt8(scalar.value - 0x410 + 0xC0)
            default: UInt8(ascii: "?")
            }
        }
    }
}
