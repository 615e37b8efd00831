/// Where the encoding a document was decoded with came from, for diagnostics.
public enum CharsetSource: String, Sendable, Hashable, Codable {
    case byteOrderMark = "bom"
    case httpHeader = "http-header"
    case metaTag = "meta"
    case utf8Check = "utf8-check"
    case cyrillicGuess = "cyrillic-guess"
    case fallback
    /// The header or `<meta>` named a single-byte encoding, but the bytes are valid
    /// UTF-8 with multi-byte characters (a CMS migrated to UTF-8, its template not).
    case utf8OverDeclaration = "utf8-over-declaration"
}

public struct DetectedCharset: Sendable, Hashable {
    /// A name libxml2 (iconv) understands: "UTF-8", "windows-1251", "KOI8-R", ...
    public var name: String
    public var source: CharsetSource
    /// Bytes to skip at the start (a byte-order mark).
    public var bomLength: Int
    /// For `.utf8OverDeclaration`: the encoding the page declared, and where.
    public var declared: String? = nil

    /// Whether detection found the bytes valid UTF-8 (all of them: no byte-order mark
    /// was skipped), so that the document layer need not check them again.
    var isValidUTF8: Bool { source == .utf8Check || source == .utf8OverDeclaration }

    /// Why the page is not read in the encoding it declares, for the document's warnings.
    public var warning: String? {
        guard source == .utf8OverDeclaration, let declared else { return nil }
        return "declares \(declared) but its bytes are UTF-8 (with multi-byte characters): read as UTF-8"
    }
}

/// Decides how to decode a page's bytes: byte-order mark, then the HTTP `Content-Type`
/// charset, then `<meta charset>` / `http-equiv`, then a UTF-8 validity check, then a
/// Cyrillic guess (windows-1251 or KOI8-R), else windows-1252 as browsers do.
///
/// The BOM goes first, as in the WHATWG encoding standard: a server that says
/// `charset=iso-8859-1` over a UTF-16 file with a BOM is wrong, the BOM is not.
public enum CharsetDetector {
    /// How far into the document `<meta charset>` is looked for. Browsers stop at 1024
    /// bytes; saved pages often carry a long `<head>` first, so we look further.
    static let metaScanLimit = 16 * 1024

    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>, contentType: String?,
                              isSupported: (String) -> Bool) -> DetectedCharset {
        if let bom = byteOrderMark(bytes) { return bom }
        if let header = contentType.flatMap(charsetParameter(ofContentType:)),
           let name = canonicalName(header, isSupported: isSupported) {
            return overUTF8(DetectedCharset(name: name, source: .httpHeader, bomLength: 0), bytes)
        }
        if let declared = metaCharset(bytes), var name = canonicalName(declared, isSupported: isSupported) {
            // A page that can declare itself in ASCII is not UTF-16 (WHATWG rule).
            if name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") { name = "UTF-8" }
            return overUTF8(DetectedCharset(name: name, source: .metaTag, bomLength: 0), bytes)
        }
        if isValidUTF8(bytes) { return DetectedCharset(name: "UTF-8", source: .utf8Check, bomLength: 0) }
        if let cyrillic = guessCyrillic(bytes) { return DetectedCharset(name: cyrillic, source: .cyrillicGuess, bomLength: 0) }
        return DetectedCharset(name: "windows-1252", source: .fallback, bomLength: 0)
    }

    /// A declared single-byte encoding gives way to UTF-8 when the bytes are valid UTF-8
    /// holding multi-byte characters. Text really written in a single-byte encoding is
    /// almost never that: its letters would have to come in lead-byte/continuation-byte
    /// pairs (a Cyrillic letter in 0xC0...0xFF followed by a symbol in 0x80...0xBF, at
    /// every high byte of the page). Read with the lie, UTF-8 turns into mojibake and, in
    /// windows-1251, into bytes with no character at all.
    static func overUTF8(_ declared: DetectedCharset, _ bytes: UnsafeBufferPointer<UInt8>) -> DetectedCharset {
        guard isSingleByte(declared.name), hasHighByte(bytes), isValidUTF8(bytes) else { return declared }
        let place = declared.source == .httpHeader ? "the HTTP header" : "<meta>"
        return DetectedCharset(name: "UTF-8", source: .utf8OverDeclaration, bomLength: 0,
                               declared: "\(declared.name) (in \(place))")
    }

    /// Whether any byte is 0x80 or above, eight bytes at a time.
    static func hasHighByte(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        var i = 0
        while i + 8 <= b.count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return true }
            i += 8
        }
        while i < b.count {
            if b[i] >= 0x80 { return true }
            i += 1
        }
        return false
    }

    /// Encodings with one byte per character (windows-125x, ISO-8859-x, KOI8-x, ...): all
    /// but Unicode's and the East Asian multi-byte ones.
    static func isSingleByte(_ name: String) -> Bool {
        let upper = name.uppercased()
        return !["UTF-", "UCS-", "GB", "BIG5", "SHIFT_JIS", "EUC-", "ISO-2022", "CP932", "CP936", "CP949", "CP950"]
            .contains { upper.hasPrefix($0) }
    }

    static func byteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> DetectedCharset? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF {
            return DetectedCharset(name: "UTF-8", source: .byteOrderMark, bomLength: 3)
        }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 {
            return DetectedCharset(name: "UTF-32LE", source: .byteOrderMark, bomLength: 4)
        }
        if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF {
            return DetectedCharset(name: "UTF-32BE", source: .byteOrderMark, bomLength: 4)
        }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE {
            return DetectedCharset(name: "UTF-16LE", source: .byteOrderMark, bomLength: 2)
        }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF {
            return DetectedCharset(name: "UTF-16BE", source: .byteOrderMark, bomLength: 2)
        }
        return nil
    }

    /// `text/html; charset="windows-1251"` → `windows-1251`.
    public static func charsetParameter(ofContentType value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2,
                  parts[0].trimmingASCIIWhitespace().lowercased() == "charset" else { continue }
            let raw = parts[1].trimmingASCIIWhitespace()
            let unquoted = raw.trimmingCharacters(in: "\"'")
            if !unquoted.isEmpty { return unquoted }
        }
        return nil
    }

    /// Maps the labels pages use to names libxml2's iconv accepts, following the WHATWG
    /// label table where browsers decode differently from the label's letter (latin1 and
    /// ascii are decoded as windows-1252, gb2312 as GBK, tis-620 as windows-874).
    /// Built once: as a literal inside `canonicalName` it was rebuilt for every page.
    static let labelAliases: [String: String] = [
        "utf8": "UTF-8", "utf-8": "UTF-8", "unicode-1-1-utf-8": "UTF-8", "x-unicode20utf8": "UTF-8",
        "utf-16": "UTF-16LE", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE",
        "utf-32": "UTF-32LE", "utf-32le": "UTF-32LE", "utf-32be": "UTF-32BE",
        "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "latin1": "windows-1252",
        "l1": "windows-1252", "ascii": "windows-1252", "us-ascii": "windows-1252",
        "cp1252": "windows-1252", "windows-1252": "windows-1252", "x-cp1252": "windows-1252",
        "cp1251": "windows-1251", "windows-1251": "windows-1251", "x-cp1251": "windows-1251",
        "win-1251": "windows-1251",
        "koi8-r": "KOI8-R", "koi8r": "KOI8-R", "koi8": "KOI8-R", "cskoi8r": "KOI8-R",
        "koi8-u": "KOI8-U", "koi8-ru": "KOI8-U",
        "gb2312": "GBK", "gbk": "GBK", "x-gbk": "GBK", "gb18030": "GB18030",
        "tis-620": "windows-874", "iso-8859-11": "windows-874", "windows-874": "windows-874",
        "shift_jis": "SHIFT_JIS", "shift-jis": "SHIFT_JIS", "sjis": "SHIFT_JIS", "x-sjis": "SHIFT_JIS",
        "euc-jp": "EUC-JP", "euc-kr": "EUC-KR", "big5": "BIG5",
        "iso-8859-9": "windows-1254", "latin5": "windows-1254",
    ]

    /// The name libxml2 decodes a label with; nil for a label nothing can decode
    /// (`utf---`), so detection goes on.
    static func canonicalName(_ label: String, isSupported: (String) -> Bool) -> String? {
        let key = label.lowercased().filter { !$0.isWhitespace }
        let name = labelAliases[key] ?? label.trimmingASCIIWhitespace()
        guard !name.isEmpty, name.utf8.count < 40, isSupported(name) else { return nil }
        return name
    }

    /// The charset a `<meta charset>` or `<meta http-equiv="Content-Type" content="...;
    /// charset=...">` declares near the top of the document. This is the byte-level
    /// pre-scan of the WHATWG encoding-sniffing algorithm (attributes of `<meta` tags
    /// only), run before any parser exists because the parser needs its result.
    static func metaCharset(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let end = min(b.count, metaScanLimit)
        var i = 0
        while i + 5 < end {
            // "<meta" followed by whitespace or "/"
            if b[i] == UInt8(ascii: "<"), lower(b[i + 1]) == UInt8(ascii: "m"), lower(b[i + 2]) == UInt8(ascii: "e"),
               lower(b[i + 3]) == UInt8(ascii: "t"), lower(b[i + 4]) == UInt8(ascii: "a"),
               i + 5 < end, isSpace(b[i + 5]) || b[i + 5] == UInt8(ascii: "/") {
                let tagEnd = b[(i + 5)..<end].firstIndex(of: UInt8(ascii: ">")) ?? end
                // "charset" in the tag's bytes, any case, is a necessary condition for it in
                // the lower-cased tag (no other character lower-cases to these letters), so
                // most <meta> tags are passed over without a String and Foundation's search.
                if containsCharsetWord(b, (i + 5)..<tagEnd) {
                    let tag = String(decoding: b[(i + 5)..<tagEnd], as: UTF8.self).lowercased()
                    if let value = metaTagCharset(tag) { return value }
                }
                i = tagEnd
                continue
            }
            i += 1
        }
        return nil
    }

    private static func containsCharsetWord(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let word: StaticString = "charset"
        return word.withUTF8Buffer { w in
            guard range.count >= w.count else { return false }
            var start = range.lowerBound
            while start + w.count <= range.upperBound {
                var k = 0
                while k < w.count, lower(b[start + k]) == w[k] { k += 1 }
                if k == w.count { return true }
                start += 1
            }
            return false
        }
    }

    /// From the inside of one meta tag: `charset=...`, or `content="...charset=..."`.
    /// Both spellings reduce to finding `charset` then `=` then a value.
    private static func metaTagCharset(_ tag: String) -> String? {
        guard let range = tag.range(of: "charset") else { return nil }
        var rest = tag[range.upperBound...].drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
        let value = rest.prefix(while: { !($0 == "\"" || $0 == "'" || $0 == ";" || $0 == " " || $0 == "/" || $0 == ">" || $0.isNewline) })
        return value.isEmpty ? nil : String(value)
    }

    public static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        guard let base = b.baseAddress else { return true }
        while i < n {
            // Pages are mostly ASCII markup: 32 bytes at a time, then eight, while no high
            // bit is set.
            while i + 32 <= n {
                let p = UnsafeRawPointer(base + i)
                let any = p.loadUnaligned(as: UInt64.self) | p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | p.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if any & 0x8080_8080_8080_8080 != 0 { break }
                i += 32
            }
            while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let length: Int
            if c >= 0xC2 && c <= 0xDF { length = 2 }
            else if c >= 0xE0 && c <= 0xEF { length = 3 }
            else if c >= 0xF0 && c <= 0xF4 { length = 4 }
            else { return false }
            if i + length > n { return false }
            for k in 1..<length where b[i + k] & 0xC0 != 0x80 { return false }
            // Overlongs and surrogates.
            if c == 0xE0 && b[i + 1] < 0xA0 { return false }
            if c == 0xED && b[i + 1] > 0x9F { return false }
            if c == 0xF0 && b[i + 1] < 0x90 { return false }
            if c == 0xF4 && b[i + 1] > 0x8F { return false }
            i += length
        }
        return true
    }

    /// Cyrillic single-byte text has most of its high bytes in 0xC0...0xFF. Russian text
    /// is mostly lower case, which windows-1251 puts at 0xE0...0xFF and KOI8-R at
    /// 0xC0...0xDF, so the half that dominates tells the two apart.
    static func guessCyrillic(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var high = 0, upperHalf = 0, lowerHalf = 0
        guard let base = b.baseAddress else { return nil }
        var i = 0
        while i < b.count {
            // ASCII markup passed over eight bytes at a time.
            if i + 8 <= b.count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = b[i]
            i += 1
            guard c >= 0x80 else { continue }
            high += 1
            if c >= 0xE0 { upperHalf += 1 } else if c >= 0xC0 { lowerHalf += 1 }
        }
        guard high >= 8, upperHalf + lowerHalf >= high * 3 / 4 else { return nil }
        return upperHalf >= lowerHalf ? "windows-1251" : "KOI8-R"
    }

    @inline(__always) private static func lower(_ c: UInt8) -> UInt8 {
        c >= 0x41 && c <= 0x5A ? c | 0x20 : c
    }
    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> String {
        // Most attribute values need no trimming: answer from the two end bytes, without
        // walking the scalars. (StringProtocol's UTF8View is only a Collection: its
        // `reversed()` was Sequence's, which copied every byte into an array first.)
        let asciiEnds = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first > 0x20 && last > 0x20 && first < 0x80 && last < 0x80
        }
        if asciiEnds == true { return String(self) }
        let scalars = unicodeScalars
        // Neither end is whitespace (a non-ASCII letter ends many links): nothing to trim,
        // without walking the scalars up to the ends.
        if let first = scalars.first, let last = scalars.last, !first.properties.isWhitespace, !last.properties.isWhitespace {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
