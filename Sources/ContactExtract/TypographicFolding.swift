/// Pages set numbers with typographic spaces and hyphens (U+202F between digit groups,
/// U+2011 non-breaking hyphens) that libphonenumber does not all accept as separators.
/// Folding them to ASCII before matching, with a map back to the original UTF-8
/// offsets, keeps evidence exact.
///
/// Markup also glues the next line's label to a number ("(202) 623-3900Fax: …", where a
/// `<br>` was dropped, or "1-610-282-3800</span><span><b>Customer Service", two elements'
/// texts joined), and libphonenumber rejects a candidate followed by a letter: a space
/// goes between a digit and a capitalised contact label or word.
///
/// Vanity numbers spell their last digits ("1-877-SOV-BANK", "(734) 668-TIME",
/// "1.888.LUTRON1 (588-7661)"), which libphonenumber's matcher does not read: capital
/// letters that continue a number's digit groups are given to it as their keypad digits
/// (`vanityLetters`), one byte for one byte, so offsets and the evidence stay the page's.
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
        let vanity = Self.vanityLetters(bytes)
        var offset = 0
        for scalar in original.unicodeScalars {
            let width = UTF8.width(scalar)
            if Self.startsGluedLabel(bytes, at: offset) {
                folded.append(0x20)
                origins.append(offset)
            }
            if scalar == "/", Self.startsAlternateEnding(bytes, at: offset) {
                folded.append(UInt8(ascii: ","))
                origins.append(offset)
            } else if !vanity.isEmpty, vanity.contains(offset) {
                folded.append(Self.keypadDigit(bytes[offset]))
                origins.append(offset)
            } else if let replacement = Self.replacement(for: scalar) {
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
            if byte == 0x2F, previous >= 0x30, previous <= 0x39, startsAlternateEnding(Array(text.utf8), at: index) { return true }
            if byte >= 0x41, byte <= 0x5A, previous == 0x2D || previous == 0x2E || previous == 0x20,
               !vanityLetters(Array(text.utf8)).isEmpty { return true }
            previous = byte
            index += 1
        }
        return false
    }

    /// Labels that start the next line of a contact block, lower-cased after their capital.
    private static let gluedLabels: [[UInt8]] = ["fax", "tel", "t\u{E9}l", "phone", "e-mail", "email", "mobile", "mob",
                                                 "cell", "toll"].map { Array($0.utf8) }

    /// A capital letter right after an ASCII digit that begins one of `gluedLabels`
    /// ("3900Fax", "3900FAX", "3900E-Mail") or a capitalised word ("3800Customer Service":
    /// a capital and two small letters; all capitals stay, they may spell a vanity number).
    private static func startsGluedLabel(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index > 0, index < bytes.count, bytes[index] >= 0x41, bytes[index] <= 0x5A,
              bytes[index - 1] >= 0x30, bytes[index - 1] <= 0x39 else { return false }
        if index + 2 < bytes.count, (0x61...0x7A).contains(bytes[index + 1]), (0x61...0x7A).contains(bytes[index + 2]) {
            return true
        }
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

    /// A slash that lists other last digits of the number before it, as switchboards write
    /// their lines ("+91-22-33074700/01/02/03/04", "6177 4200/4201"): five or more digits
    /// before it, one to four after it that end the run. libphonenumber takes the whole
    /// list for one candidate and refuses it; a comma there ends the first number where it
    /// ends. Dates and "0421/12 34 56" (an area code, then the number) do not qualify.
    static func startsAlternateEnding(_ bytes: [UInt8], at index: Int) -> Bool {
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        guard index < bytes.count, bytes[index] == 0x2F else { return false }
        var before = index - 1
        while isDigit(before) { before -= 1 }
        guard index - 1 - before >= 5 else { return false }
        var after = index + 1
        while isDigit(after) { after += 1 }
        guard (1...4).contains(after - index - 1) else { return false }
        if after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x2D || bytes[after] == 0x2E, isDigit(after + 1) {
            return false
        }
        return true
    }

    /// Words in capitals that are labels, not spelled digits ("555-1234 FAX 555-1235").
    private static let labelWords: Set<[UInt8]> = Set(["FAX", "TEL", "PHONE", "CELL", "MOBILE", "TOLL", "FREE", "EMAIL",
                                                       "EXT", "TTY", "TDD", "USA", "CALL", "OR", "AND"].map { Array($0.utf8) })

    /// Offsets of the capital letters that spell the end of a vanity number: runs of
    /// capitals (3 to 7 letters in all, a digit may follow: "LUTRON1") that continue a
    /// number's digit groups after "-", "." or a space ("668-TIME", "1-877-SOV-BANK",
    /// "(212) NEW-YORK", "(520) 494 STAR") and end it: no digit group or word follows them
    /// (a bracket repeating the digits may: "(588-7661)"), so a word between two numbers or
    /// a line in capitals is never read as digits.
    static func vanityLetters(_ bytes: [UInt8]) -> Set<Int> {
        func isCapital(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x41 && bytes[i] <= 0x5A }
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        var found: Set<Int> = []
        var index = 1
        while index < bytes.count {
            // A chain starts with capitals after a separator that follows a digit or ")".
            guard isCapital(index), !isCapital(index - 1), [0x2D, 0x2E, 0x20].contains(bytes[index - 1]),
                  index >= 2, isDigit(index - 2) || bytes[index - 2] == 0x29 else {
                index += 1
                continue
            }
            var letters: [Int] = []
            var end = index
            var words = 0
            while true {
                var wordEnd = end
                while isCapital(wordEnd) { wordEnd += 1 }
                let word = Array(bytes[end..<wordEnd])
                if labelWords.contains(word) || wordEnd - end < 2 { break }
                letters += Array(end..<wordEnd)
                words += 1
                end = wordEnd
                // "SOV-BANK", "NEW-YORK": another word after a hyphen.
                if end + 1 < bytes.count, bytes[end] == 0x2D, isCapital(end + 1) { end += 1 } else { break }
            }
            if words > 0, bytes.indices.contains(letters[letters.count - 1]) {
                var after = letters[letters.count - 1] + 1
                while isDigit(after) { after += 1 }
                if after < bytes.count, isCapital(after) || (bytes[after] >= 0x61 && bytes[after] <= 0x7A) {
                    letters = []
                }
                var next = after
                while next < bytes.count, bytes[next] == 0x20 { next += 1 }
                // Digits or another word follow: text in capitals ("300 NORTH TOWER"), not a number's end.
                if isDigit(next) || (next > after && next < bytes.count && (isCapital(next) || (0x61...0x7A).contains(bytes[next]))) {
                    letters = []
                }
                if (3...7).contains(letters.count) { found.formUnion(letters) }
                index = after
            } else {
                index = end + 1
            }
        }
        return found
    }

    /// The digit a telephone keypad puts a capital letter on (E.161).
    static func keypadDigit(_ capital: UInt8) -> UInt8 {
        let keys: [UInt8] = Array("22233344455566677778889999".utf8)
        return keys[Int(capital - 0x41)]
    }
}
