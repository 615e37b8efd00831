import Foundation

/// Code points U+0080...U+009F (C1 controls) read as HTML5 reads numeric character
/// references to them: through the Windows-1252 table (`&#150;` is `–`, `&#149;` is
/// `•`, `&#146;` is `’`), since that is what pages written on Windows meant. libxml2
/// 2.9 gives the C1 control itself. The five code points the table leaves alone
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay controls in HTML5, which browsers draw as
/// nothing; they are dropped here too.
///
/// libxml2 hands a reference's character over like any other text, so a literal C1
/// control in a UTF-8 page (what Windows-1252 text converted as Latin-1 leaves) is read
/// the same way: no page means a control character there.
enum WindowsC1 {
    /// HTML5's "numeric character reference end state" table, indexed by code point
    /// minus 0x80; nil where the reference keeps its control.
    static let table: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// UTF-8 of each mapped character (empty for the dropped ones).
    private static let replacements: [[UInt8]] = table.map { $0.map { Array(String($0).utf8) } ?? [] }

    /// The bytes with every C1 code point (UTF-8 `C2 80`...`C2 9F`) replaced; nil when
    /// there is none, the usual case, so that callers copy nothing.
    static func mapped(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let first = firstC1(in: bytes, from: 0) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        var copied = 0
        var at: Int? = first
        while let index = at {
            result.append(contentsOf: bytes[copied..<index])
            result.append(contentsOf: replacements[Int(bytes[index + 1]) - 0x80])
            copied = index + 2
            at = firstC1(in: bytes, from: copied)
        }
        result.append(contentsOf: bytes[copied...])
        return result
    }

    /// A string with every C1 code point replaced (attribute values, plain text).
    static func mapped(_ string: String) -> String {
        var string = string
        let changed: [UInt8]? = string.withUTF8 { mapped($0) }
        return changed.map { String(decoding: $0, as: UTF8.self) } ?? string
    }

    /// The next `C2 80`...`C2 9F` at or after `start`: `0xC2` is rare in text other than
    /// Latin-1 supplement letters, so it is looked for first.
    private static func firstC1(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index + 1 < bytes.count {
            guard let found = memchr(base + index, 0xC2, bytes.count - 1 - index) else { return nil }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F { return index }
            index += 1
        }
        return nil
    }
}
