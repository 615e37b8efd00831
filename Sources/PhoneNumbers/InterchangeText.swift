/// libphonenumber's C++ matcher reads nothing at all from a text holding one code point
/// it does not count as "interchange-valid" (its `UniLib::IsInterchangeValidCodepoint`:
/// C0 controls other than tab, line feed, form feed and carriage return; U+007F...U+009F;
/// non-characters U+FDD0...U+FDEF and U+xxFFFE/U+xxFFFF): `HasNext` answers false for
/// the whole text. One stray control in one paragraph of a page would lose every number
/// of the page's other paragraphs that share the call. Such code points are replaced here
/// by as many ASCII spaces as they have bytes, which is what the library's own
/// `UnicodeText` does with them, and keeps every byte offset of a match where it was.
enum InterchangeText {
    /// The text's UTF-8 with the code points libphonenumber refuses spaced out; nil when
    /// it has none (the usual case: no copy).
    static func spacedOut(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var copy: [UInt8]?
        var index = 0
        while index < utf8.count {
            let lead = utf8[index]
            let width: Int
            let scalar: UInt32
            if lead < 0x80 {
                width = 1
                scalar = UInt32(lead)
            } else {
                // A Swift String's UTF-8 is well-formed: the lead byte gives the width.
                width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                for k in 1..<width where index + k < utf8.count { value = value << 6 | UInt32(utf8[index + k] & 0x3F) }
                scalar = value
            }
            if !isInterchangeValid(scalar) {
                if copy == nil { copy = Array(utf8) }
                for k in index..<min(index + width, utf8.count) { copy?[k] = 0x20 }
            }
            index += width
        }
        return copy
    }

    static func isInterchangeValid(_ c: UInt32) -> Bool {
        !(c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || (c >= 0x7F && c <= 0x9F)
            || (c >= 0xD800 && c <= 0xDFFF) || (c >= 0xFDD0 && c <= 0xFDEF) || c & 0xFFFE == 0xFFFE)
    }
}
