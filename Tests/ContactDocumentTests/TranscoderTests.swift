import Testing
@testable import ContactDocument

/// Single-byte pages are decoded through a per-byte table built from iconv; it must give
/// what iconv gives over the whole page, byte for byte, U+FFFD for undecodable bytes too.
@Suite struct TranscoderTests {
    /// Every byte value, then runs that mix ASCII, letters and bytes with no character
    /// (0x81 and 0x98 in windows-1251/1252, 0xA1... in ISO-8859-8), in several orders.
    static let mixed: [UInt8] = {
        var bytes = (0...255).map(UInt8.init)
        var state: UInt32 = 12345
        for _ in 0..<4096 {
            state = state &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        bytes += Array("Телефон: +7 495 123-45-67".utf8) + [0x81, 0x98, 0x20, 0xC0, 0xFF, 0x0A]
        return bytes
    }()

    @Test(arguments: SingleByteTable.stateless.sorted() + ["windows-1251", "koi8-r", "iso-8859-5", "Windows-1252"])
    func tableDecodesAsIconvDoes(_ encoding: String) throws {
        let table = try #require(SingleByteTable.of(encoding), "no table for \(encoding)")
        let tabled = Self.mixed.withUnsafeBufferPointer { table.utf8($0) }
        let streamed = try #require(Self.mixed.withUnsafeBufferPointer { Transcoder.streamed($0, from: encoding) })
        #expect(tabled == streamed)
        #expect(Self.mixed.withUnsafeBufferPointer { Transcoder.utf8($0, from: encoding) } == streamed)
    }

    /// Encodings iconv composes across bytes (combining marks) or reads several bytes per
    /// character keep going through iconv.
    @Test(arguments: ["windows-1255", "windows-1258", "GBK", "SHIFT_JIS", "UTF-16LE", "EUC-JP"])
    func statefulAndMultiByteEncodingsHaveNoTable(_ encoding: String) {
        #expect(SingleByteTable.of(encoding) == nil)
    }

    @Test func emptyInput() throws {
        let table = try #require(SingleByteTable.of("windows-1251"))
        #expect([UInt8]().withUnsafeBufferPointer { table.utf8($0) } == [])
    }
}
