/// Pages set numbers with typographic spaces and hyphens (U+202F between digit groups,
/// U+2011 non-breaking hyphens) that libphonenumber does not all accept as separators.
/// Folding them to ASCII before matching, with a map back to the original UTF-8
/// offsets, keeps evidence exact.
///
/// Markup also glues the next line's label to a number ("(202) 623-3900Fax: …", where a
/// `<br>` was dropped), and libphonenumber rejects a candidate followed by a letter: a
/// space goes between a digit and a capitalised contact label.
struct TypographicFolding {
    /// The folded text.
    let text: String
    /// For each UTF-8 offset of `text` (and its end), the offset in the original.
    private let origins: [Int]?

    init(_ original: String) {
        guard Self.needsFolding(original) else {
            text = original
            origins = nil
            return
        }
        var folded: [UInt8] = []
        var origins: [Int] = []
        folded.reserveCapacity(original.utf8.count)
        let bytes = Array(original.utf8)
        var offset = 0
        for scalar in original.unicodeScalars {
            let width = UTF8.width(scalar)
            if Self.startsGluedLabel(bytes, at: offset) {
                folded.append(0x20)
                origins.append(offset)
            }
            if let replacement = Self.replacement(for: scalar) {
                if let byte = replacement {
                    folded.append(byte)
                    origins.append(offset)
                }
            } else {
                var buffer: [UInt8] = []
                UTF8.encode(scalar) { buffer.append($0) }
                for byte in buffer {
                    folded.append(byte)
                    origins.append(offset)
                }
            }
            offset += width
        }
        origins.append(offset)
        self.text = String(decoding: folded, as: UTF8.self)
        self.origins = origins
    }

    func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard let origins else { return range }
        let lower = origins[min(range.lowerBound, origins.count - 1)]
        let upper = origins[min(range.upperBound, origins.count - 1)]
        return lower..<max(lower, upper)
    }

    /// nil: keep the scalar; .some(nil): drop it; .some(byte): replace it.
    private static func replacement(for scalar: Unicode.Scalar) -> UInt8?? {
        switch scalar.value {
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .some(0x20)
        case 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D: return .some(UInt8(ascii: "-"))
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return .some(nil)
        default: return nil
        }
    }

    /// A byte scan: every character folded above starts with 0xC2, 0xE2, 0xE3, 0xEF; a
    /// glued label starts with a capital right after a digit.
    private static func needsFolding(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var index = 0
        for byte in text.utf8 {
            if byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF { return true }
            if byte >= 0x41, byte <= 0x5A, previous >= 0x30, previous <= 0x39,
               startsGluedLabel(Array(text.utf8), at: index) { return true }
            previous = byte
            index += 1
        }
        return false
    }

    /// Labels that start the next line of a contact block, lower-cased after their capital.
    private static let gluedLabels: [[UInt8]] = ["fax", "tel", "t\u{E9}l", "phone", "e-mail", "email", "mobile", "mob",
                                                 "cell", "toll"].map { Array($0.utf8) }

    /// A capital letter right after an ASCII digit that begins one of `gluedLabels`
    /// ("3900Fax", "3900FAX", "3900E-Mail").
    private static func startsGluedLabel(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index > 0, index < bytes.count, bytes[index] >= 0x41, bytes[index] <= 0x5A,
              bytes[index - 1] >= 0x30, bytes[index - 1] <= 0x39 else { return false }
        return gluedLabels.contains { label in
            guard index + label.count <= bytes.count else { return false }
            for (k, expected) in label.enumerated() {
                let byte = bytes[index + k]
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                guard lower == expected else { return false }
            }
            return true
        }
    }
}
