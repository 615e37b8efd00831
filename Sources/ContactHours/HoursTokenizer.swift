/// One lexical unit of free text. Words are lower-cased (ё folded to е, typographic apostrophes
/// to `'`), every dash variant becomes `-`, fullwidth digits/colons become ASCII, so the grammar
/// compares plain strings.
struct HoursToken: Sendable {
    enum Kind: Sendable { case word, number, symbol }
    var kind: Kind
    /// Word: lower-cased text. Number: its digits. Symbol: the normalised character.
    var text: WordKey
    /// Numeric value for numbers (saturated, so a 100 KB digit run cannot overflow).
    var value: Int
    var digitCount: Int
    var range: Range<String.Index>
    /// Whitespace directly before the token; times like `9:00` must not have gaps.
    var spaceBefore: Bool
    var isCapitalized: Bool
}

enum HoursTokenizer {
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    static func isDash(_ v: UInt32) -> Bool {
        switch v {
        case 0x2D, 0x2010...0x2015, 0x2212, 0x2500, 0x2501, 0xFE58, 0xFE63, 0xFF0D, 0x7E, 0xFF5E, 0x301C:
            return true
        default:
            return false
        }
    }

    static func digitValue(_ v: UInt32) -> Int? {
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        return nil
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if v >= 0x400 && v <= 0x4FF { return true }
        return s.properties.isAlphabetic
    }

    static func isApostrophe(_ v: UInt32) -> Bool { v == 0x27 || v == 0x2019 || v == 0x2BC || v == 0x60 }

    /// Lower-case for the scripts we parse without going through `String.lowercased()`.
    @inline(__always)
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        var out = v
        switch v {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: out = v + 0x20
        case 0x410...0x42F: out = v + 0x20
        case 0x400...0x40F: out = v + 0x50
        case 0x490: out = 0x491
        default:
            // 0x460…0x4FF: the Cyrillic letters of Kazakh, Ukrainian, Belarusian ("Үзіліс", "Ґ").
            if v >= 0x80 && v < 0x400 || v >= 0x460 {
                if s.properties.changesWhenLowercased, let first = s.properties.lowercaseMapping.unicodeScalars.first {
                    return first
                }
            }
        }
        if out == 0x451 { out = 0x435 } // ё → е
        if isApostrophe(out) { out = 0x27 }
        return Unicode.Scalar(out) ?? s
    }

    @inline(__always)
    static func append(_ s: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    static func removeLast(_ s: Unicode.Scalar, from bytes: inout [UInt8]) {
        let width = s.value < 0x80 ? 1 : s.value < 0x800 ? 2 : s.value < 0x10000 ? 3 : 4
        bytes.removeLast(min(width, bytes.count))
    }

    /// "CБ" typed with a Latin C: in a word that is otherwise Cyrillic, Latin lookalikes are Cyrillic.
    static func latinLookalikesToCyrillic(_ word: String) -> String {
        let map: [UInt32: UInt32] = [0x61: 0x430, 0x63: 0x441, 0x65: 0x435, 0x6F: 0x43E, 0x70: 0x440, 0x78: 0x445,
                                     0x79: 0x443, 0x6B: 0x43A, 0x6D: 0x43C, 0x74: 0x442, 0x68: 0x43D, 0x62: 0x432, 0x69: 0x456]
        var out = String.UnicodeScalarView()
        for s in word.unicodeScalars {
            if let m = map[s.value], let c = Unicode.Scalar(m) { out.append(c) } else { out.append(s) }
        }
        return String(out)
    }

    static func compose(_ base: Unicode.Scalar, _ mark: UInt32) -> Unicode.Scalar? {
        switch (base.value, mark) {
        case (0x438, 0x306): return "й"
        case (0x456, 0x308): return "ї"
        case (0x435, 0x308): return "е"
        case (0x61, 0x308): return "ä"
        case (0x6F, 0x308): return "ö"
        case (0x75, 0x308): return "ü"
        default: return nil
        }
    }

    static func tokenize(_ text: String) -> [HoursToken] {
        let scalars = text.unicodeScalars
        var tokens: [HoursToken] = []
        var i = scalars.startIndex
        let end = scalars.endIndex
        var spaceBefore = true
        // One buffer for every word's folded bytes: a fresh array per word costs an allocation.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        while i < end {
            let c = scalars[i]
            let v = c.value
            if isSpace(v) || (v < 0x20) {
                spaceBefore = true
                i = scalars.index(after: i)
                continue
            }
            let start = i
            if let d = digitValue(v) {
                var value = d
                var count = 1
                bytes.removeAll(keepingCapacity: true)
                bytes.append(UInt8(0x30 + d))
                i = scalars.index(after: i)
                while i < end, let d2 = digitValue(scalars[i].value) {
                    if value < 100_000_000 { value = value * 10 + d2 }
                    count += 1
                    if count <= 12 { bytes.append(UInt8(0x30 + d2)) }
                    i = scalars.index(after: i)
                }
                let digits = String(decoding: bytes, as: UTF8.self)
                tokens.append(HoursToken(kind: .number, text: WordKey(digits), value: value, digitCount: count,
                                         range: start..<i, spaceBefore: spaceBefore, isCapitalized: false))
            } else if isLetter(c) {
                // Build the folded word as UTF-8 bytes: appending scalars to a String is slow.
                bytes.removeAll(keepingCapacity: true)
                var length = 0
                var lastScalar = fold(c)
                let capitalized = v < 0x80 ? (v >= 0x41 && v <= 0x5A) : (v >= 0x400 && v <= 0x42F) || (v > 0x4FF && c.properties.isUppercase)
                i = scalars.index(after: i)
                var pending: Unicode.Scalar? = lastScalar
                while true {
                    if let p = pending { append(p, to: &bytes); length += 1; lastScalar = p; pending = nil }
                    guard i < end else { break }
                    let n = scalars[i]
                    if (n.value == 0x306 || n.value == 0x308), let composed = compose(lastScalar, n.value) {
                        // Decomposed й/ї/ä/ö/ü (NFD text) must match the precomposed lexicon.
                        removeLast(lastScalar, from: &bytes)
                        pending = composed
                        i = scalars.index(after: i)
                        continue
                    }
                    if isLetter(n) || (n.value >= 0x300 && n.value <= 0x36F) {
                        pending = fold(n)
                        i = scalars.index(after: i)
                    } else if isApostrophe(n.value) {
                        let next = scalars.index(after: i)
                        guard next < end, isLetter(scalars[next]) else { break }
                        pending = "'"
                        i = next
                    } else {
                        break
                    }
                    if length > 64 { // pathological runs: keep scanning, stop growing
                        pending = nil
                        while i < end, isLetter(scalars[i]) { i = scalars.index(after: i) }
                        break
                    }
                }
                var text = String(decoding: bytes, as: UTF8.self)
                if bytes.contains(where: { $0 >= 0xD0 && $0 <= 0xD3 }) && bytes.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) {
                    text = latinLookalikesToCyrillic(text)
                }
                tokens.append(HoursToken(kind: .word, text: WordKey(text), value: 0, digitCount: 0,
                                         range: start..<i, spaceBefore: spaceBefore, isCapitalized: capitalized))
            } else {
                let symbol: String
                if isDash(v) {
                    symbol = "-"
                } else if v == 0xFF1A {
                    symbol = ":"
                } else if v == 0xFF0C || v == 0x3001 {
                    symbol = ","
                } else if v == 0xFF1B {
                    symbol = ";"
                } else if v == 0xFF08 {
                    symbol = "("
                } else if v == 0xFF09 {
                    symbol = ")"
                } else if v == 0x2022 || v == 0x00B7 {
                    symbol = ","
                } else {
                    symbol = String(c)
                }
                i = scalars.index(after: i)
                tokens.append(HoursToken(kind: .symbol, text: WordKey(symbol), value: 0, digitCount: 0,
                                         range: start..<i, spaceBefore: spaceBefore, isCapitalized: false))
            }
            spaceBefore = false
        }
        return tokens
    }
}
