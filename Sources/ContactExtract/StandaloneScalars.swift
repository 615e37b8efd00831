/// Scalars that never join a grapheme cluster with a neighbour (no combining marks,
/// joiners, variation selectors, prepended marks, Hangul jamo, regional indicators or
/// skin-tone modifiers), in the blocks pages use most: Latin, Greek, Cyrillic,
/// punctuation, symbols, fullwidth forms and emoji. Between two of them a text breaks
/// into characters exactly where it breaks into scalars, except CR LF, so byte walks over
/// such text agree with `Character` walks.
enum StandaloneScalars {
    @inline(__always)
    static func contains(_ value: UInt32) -> Bool {
        switch value {
        case 0x0000...0x02FF,          // ASCII, Latin-1, Latin Extended, IPA, spacing modifiers
             0x0370...0x0482,          // Greek, Cyrillic (before its combining marks)
             0x048A...0x052F,          // Cyrillic, Cyrillic Supplement
             0x2000...0x200B,          // spaces, zero width space
             0x200E...0x20CF,          // marks, punctuation, super/subscripts, currency
             0x2100...0x27BF,          // letterlike, arrows, math, technical, shapes, dingbats
             0x3000...0x3003,          // ideographic space and punctuation
             0xFF01...0xFF60,          // fullwidth ASCII
             0xFFFD,
             0x1F000...0x1F1E5,        // game symbols, enclosed alphanumerics
             0x1F200...0x1F3FA,        // pictographs before the skin-tone modifiers
             0x1F400...0x1FAFF:        // pictographs, emoticons, transport, symbols
            return true
        default:
            return false
        }
    }

    /// The scalar value starting at byte `offset` of well-formed UTF-8, and its length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return (lead, 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard offset + length <= bytes.count else { return (0xFFFD, 1) }
        var value = lead & (0x7F >> UInt32(length))
        for k in 1..<length { value = value << 6 | (UInt32(bytes[offset + k]) & 0x3F) }
        return (value, length)
    }
}
