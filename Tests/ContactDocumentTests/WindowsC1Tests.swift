import Foundation
import Testing
@testable import ContactDocument

/// HTML5 reads numeric references 0x80...0x9F through the Windows-1252 table; libxml2 2.9
/// gives C1 controls. Every one of the 32 code points, decimal and hex, in text and in
/// attributes.
@Suite struct WindowsC1Tests {
    /// The five the table leaves as controls (drawn as nothing).
    static let unmapped: Set<Int> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    /// What Windows-1252 says byte `code` is, from Foundation's decoder (not our table).
    static func windows1252(_ code: Int) -> String? {
        String(data: Data([UInt8(code)]), encoding: .windowsCP1252)
    }

    @Test func theTableIsWindows1252() throws {
        #expect(WindowsC1.table.count == 32)
        #expect(WindowsC1.table.compactMap { $0 }.count == 27)
        for code in 0x80...0x9F where !Self.unmapped.contains(code) {
            let mapped = try #require(WindowsC1.table[code - 0x80], "0x\(String(code, radix: 16))")
            #expect(String(mapped) == Self.windows1252(code), "0x\(String(code, radix: 16))")
        }
        for code in Self.unmapped { #expect(WindowsC1.table[code - 0x80] == nil) }
    }

    @Test(arguments: Array(0x80...0x9F))
    func aReferenceReadsAsABrowserShowsIt(_ code: Int) throws {
        let expected = Self.unmapped.contains(code) ? "" : String(try #require(WindowsC1.table[code - 0x80]))
        let html = """
            <!DOCTYPE html><html><body>
            <p>a&#\(code);b c&#x\(String(code, radix: 16));d</p>
            <p><a href="tel:212&#\(code);555" title="x">e&#\(code);f</a></p>
            </body></html>
            """
        let document = try HTMLDocument(bytes: Array(html.utf8), source: "c1.html")
        let texts = document.blocks.map(\.text)
        #expect(texts.contains("a\(expected)b c\(expected)d"), "\(texts)")
        #expect(document.links.first?.href == "tel:212\(expected)555")
        #expect(document.links.first?.text == "e\(expected)f")
        #expect(!texts.joined().unicodeScalars.contains { (0x80...0x9F).contains(Int($0.value)) })
    }

    @Test func literalC1ControlsInUTF8TextAreReadTheSameWay() throws {
        let html = "<html><body><p>212\u{96}555\u{96}0147 \u{93}quoted\u{94}\u{81}</p></body></html>"
        let document = try HTMLDocument(bytes: Array(html.utf8), source: "literal.html")
        #expect(document.blocks.map(\.text) == ["212–555–0147 “quoted”"])
    }

    @Test func plainTextToo() throws {
        let document = try HTMLDocument(plainText: Array("Call 212\u{96}555\u{96}0147.".utf8), source: "t.txt")
        #expect(document.blocks.map(\.text) == ["Call 212–555–0147."])
    }
}
