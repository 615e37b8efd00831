import Foundation

/// Addresses people write so that harvesters miss them: `name [at] host [dot] ru`,
/// `name(at)host.ru`, `name собака host точка ru`, `name @ host . ru`,
/// `john at example dot com`. Works on a block's text, never on markup.
enum EmailDeobfuscator {
    private static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are literals of this file; a typo is a programming error.
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    private static let bracketedAt = regex(#"\s*[\[\(\{<]\s*(?:at|собака|эт|@)\s*[\]\)\}>]\s*"#)
    private static let bracketedDot = regex(#"\s*[\[\(\{<]\s*(?:dot|точка|тчк|\.)\s*[\]\)\}>]\s*"#)
    private static let wordAt = regex(#"\s+(?:собака|at)\s+"#)
    private static let wordDot = regex(#"\s+(?:точка|dot)\s+"#)
    private static let spacedAt = regex(#"(?<=[\p{L}\p{N}_.+-])\s+@\s+(?=[\p{L}\p{N}])"#)
    static let spacedDot = regex(#"(?<=[\p{L}\p{N}])\s+\.\s+(?=[\p{L}]{2,})"#)

    /// Cheap test: does the text carry any of the markers above?
    /// One pass over the bytes for the markers of the spellings above: "at" next to a
    /// bracket, "собак", " @ ", or both " at " and " dot " as words.
    static func mightHide(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mightHide(bytes:))
    }

    private static func mightHide(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous2: UInt8 = 0, previous1: UInt8 = 0
        var wordAt = false, wordDot = false
        var window: UInt64 = 0
        for byte in bytes {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            window = window << 8 | UInt64(lower)
            switch lower {
            case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"), UInt8(ascii: ">"):
                if previous1 == UInt8(ascii: "t") && previous2 == UInt8(ascii: "a") { return true }
                if previous1 == UInt8(ascii: "@") { return true }
            case 0x20:
                if previous1 == UInt8(ascii: "@") && previous2 == 0x20 { return true }
                // " at " and " dot ": the last 4 / 5 bytes of the window.
                if window & 0xFFFF_FFFF == 0x2061_7420 { wordAt = true }
                if window & 0xFF_FFFF_FFFF == 0x20_646F_7420 { wordDot = true }
                if wordAt && wordDot { return true }
            case 0xBA:
                if window & 0xFFFF_FFFF_FFFF_FFFF == 0xD0BE_D0B1_D0B0_D0BA { return true }  // "обак"
            default:
                break
            }
            previous2 = previous1
            previous1 = lower
        }
        return false
    }

    /// Addresses that appear only once the obfuscation is undone.
    static func reveal(in text: String) -> [String] {
        guard mightHide(text) else { return [] }
        let lower = text.lowercased()
        var rewritten = text
        // Each pattern needs bytes a text may lack (an opening and a closing bracket; an
        // "@"; a "." right after white space), and a pattern that cannot match leaves the
        // text as it is: those are not run. The tests read the text as it stands before
        // each replacement (the replacements write only "@" and ".").
        let brackets = "[({<".utf8.contains { ByteSearch.contains(byte: $0, in: text) }
            && "])}>".utf8.contains { ByteSearch.contains(byte: $0, in: text) }
        if brackets { rewritten = replace(bracketedAt, in: rewritten, with: "@") }
        // Bare words are ordinary words too ("meet at noon"): only an address that
        // validates after both replacements counts, and only with both words present.
        let hasWordAt = lower.contains(" at ") || lower.contains(" собака ")
        // An address needs an "@": past this point only the word "at" can bring one (the
        // other replacements write "." or need an "@" already), so a text with neither
        // reveals nothing, whatever its dots.
        guard hasWordAt || ByteSearch.contains(byte: UInt8(ascii: "@"), in: rewritten) else { return [] }
        if brackets { rewritten = replace(bracketedDot, in: rewritten, with: ".") }
        if ByteSearch.contains(byte: UInt8(ascii: "@"), in: rewritten) { rewritten = replace(spacedAt, in: rewritten, with: "@") }
        if hasDotAfterSpace(rewritten) { rewritten = replace(spacedDot, in: rewritten, with: ".") }
        let hasWordDot = lower.contains(" dot ") || lower.contains(" точка ")
        if hasWordAt && hasWordDot {
            rewritten = replace(wordAt, in: rewritten, with: "@")
            rewritten = replace(wordDot, in: rewritten, with: ".")
        } else if hasWordAt, rewritten.contains(".") {
            rewritten = replace(wordAt, in: rewritten, with: "@")
        }
        guard rewritten != text else { return [] }
        let plain = Set(EmailAddress.find(in: text).map(\.value))
        var seen = Set<String>()
        return EmailAddress.find(in: rewritten).map(\.value).filter { !plain.contains($0) && seen.insert($0).inserted }
    }

    /// Whether a "." follows what may be the last byte of a white-space character as ICU's
    /// `\s` has them (tab, line feed, form feed, carriage return, `\p{Z}`): an ASCII
    /// control or space, or a byte of 0x80 or more after 0xC2 (U+00A0), 0x9A (U+1680),
    /// 0x80 or 0x81 (U+2000...U+205F, U+3000). A superset: `spacedDot` cannot match where
    /// this is false.
    static func hasDotAfterSpace(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "."), index >= 1 {
                    let previous = bytes[index - 1]
                    if previous == 0x20 || (0x09...0x0D).contains(previous) { return true }
                    if previous >= 0x80, index >= 2, [0xC2, 0x9A, 0x80, 0x81].contains(bytes[index - 2]) { return true }
                }
                index += 1
            }
            return false
        }
    }

    private static func replace(_ regex: NSRegularExpression, in text: String, with template: String) -> String {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.stringByReplacingMatches(in: text, range: range, withTemplate: template)
    }
}
