/// `ClauseWindow`'s sentence bounds found by walking UTF-8 bytes instead of characters,
/// which costs a grapheme break test per character on long blocks. The answer is the
/// character walk's as long as every scalar that could end a sentence, and the scalars
/// on both sides of it and of the value, are `StandaloneScalars`; otherwise nil, and the
/// character walk decides.
enum SentenceBytes {
    static func bounds(_ text: String, lower: Int, upper: Int) -> (start: Int, end: Int)? {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            let walk = Walk(bytes: bytes, text: text)
            guard walk.isClean(lower), walk.isClean(upper),
                  let start = walk.sentenceStart(before: lower), let end = walk.sentenceEnd(after: upper) else { return nil }
            return (start, end)
        }
    }

    /// The same answer as `bounds(_:lower:upper:)`, from an index of the text's sentence ends
    /// built once (`SentenceIndex`); an index of another text is not used (the walk answers).
    static func bounds(_ text: String, lower: Int, upper: Int, index: SentenceIndex) -> (start: Int, end: Int)? {
        guard text.utf8.count == index.byteCount else { return bounds(text, lower: lower, upper: upper) }
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            let walk = Walk(bytes: bytes, text: text)
            guard walk.isClean(lower), walk.isClean(upper) else { return nil }
            return index.bounds(lower: lower, upper: upper)
        }
    }

    /// The scalars of `text` where the walk stops: a sentence end (`true`) or a scalar the
    /// byte walk cannot judge (`nil`), in text order.
    static func stops(of text: String) -> [SentenceIndex.Stop] {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            let walk = Walk(bytes: bytes, text: text)
            var stops: [SentenceIndex.Stop] = []
            var i = 0
            while i < bytes.count {
                let length = StandaloneScalars.decode(bytes, at: i).length
                let boundary = walk.isBoundary(at: i, length: length)
                if boundary != false { stops.append(SentenceIndex.Stop(offset: i, length: length, boundary: boundary)) }
                i += length
            }
            return stops
        }
    }

    fileprivate struct Walk {
        let bytes: UnsafeBufferPointer<UInt8>
        let text: String

        private static let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

        /// Byte offset of the scalar that ends right before `offset`.
        func scalarStart(before offset: Int) -> Int {
            var q = offset - 1
            while q > 0 && bytes[q] & 0xC0 == 0x80 { q -= 1 }
            return q
        }

        func isStandalone(at offset: Int) -> Bool {
            offset >= bytes.count || StandaloneScalars.contains(StandaloneScalars.decode(bytes, at: offset).value)
        }

        func isStandalone(before offset: Int) -> Bool {
            offset <= 0 || isStandalone(at: scalarStart(before: offset))
        }

        /// A character boundary between standalone scalars, not inside CR LF.
        func isClean(_ offset: Int) -> Bool {
            guard offset < bytes.count else { return isStandalone(before: offset) }
            guard bytes[offset] & 0xC0 != 0x80, isStandalone(at: offset), isStandalone(before: offset) else { return false }
            return !(offset > 0 && bytes[offset - 1] == Self.cr && bytes[offset] == Self.lf)
        }

        /// `ClauseWindow.isBoundary` for the scalar at `offset` (of `length` bytes); nil
        /// when the scalars around it could make a character the byte walk does not see.
        func isBoundary(at offset: Int, length: Int) -> Bool? {
            let byte = bytes[offset]
            let isBullet = byte == 0xE2 && length == 3 && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0xA2
            let isStop = byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
            guard byte == UInt8(ascii: ";") || byte == Self.lf || isBullet || isStop else { return false }
            let next = offset + length
            guard isStandalone(before: offset), isStandalone(at: next) else { return nil }
            if byte == Self.lf { return !(offset > 0 && bytes[offset - 1] == Self.cr) }  // "\r\n" is one character
            guard isStop else { return true }
            guard next < bytes.count, bytes[next] == 0x20 else { return next == bytes.count }
            let after = next + 1
            guard after < bytes.count else { return false }
            guard isStandalone(at: after) else { return nil }
            let utf8 = text.utf8
            return text[utf8.index(utf8.startIndex, offsetBy: after)].isUppercase
        }

        func sentenceStart(before offset: Int) -> Int? {
            var i = offset
            while i > 0 {
                let previous = scalarStart(before: i)
                guard let boundary = isBoundary(at: previous, length: i - previous) else { return nil }
                if boundary { return i }
                i = previous
            }
            return 0
        }

        func sentenceEnd(after offset: Int) -> Int? {
            var i = offset
            while i < bytes.count {
                let length = StandaloneScalars.decode(bytes, at: i).length
                guard let boundary = isBoundary(at: i, length: length) else { return nil }
                if boundary { return i }
                i += length
            }
            return bytes.count
        }
    }
}

/// The sentence ends of one text, found in one pass: `ClauseWindow` asks for the sentence of
/// each value of a block, and walking from each value to its sentence's ends cost a block of
/// thousands of statements with no sentence end (a flattened timetable, a hostile page) the
/// whole block per value, quadratic. Lookups are binary searches over the stops the walk
/// would meet, so the answers are the walk's (nil where the walk gives up, and the character
/// walk decides as before).
struct SentenceIndex {
    struct Stop {
        let offset: Int
        let length: Int
        let boundary: Bool?
    }

    let byteCount: Int
    private let stops: [Stop]

    init(_ text: String) {
        byteCount = text.utf8.count
        stops = SentenceBytes.stops(of: text)
    }

    /// `lower` and `upper` are scalar starts (the caller checked them clean).
    func bounds(lower: Int, upper: Int) -> (start: Int, end: Int)? {
        // The first stop at or after an offset.
        func firstAtOrAfter(_ offset: Int) -> Int {
            var lo = 0, hi = stops.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if stops[mid].offset < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let before = firstAtOrAfter(lower) - 1
        var start = 0
        if before >= 0 {
            guard let boundary = stops[before].boundary else { return nil }
            if boundary { start = stops[before].offset + stops[before].length }
        }
        let after = firstAtOrAfter(upper)
        var end = byteCount
        if after < stops.count {
            guard let boundary = stops[after].boundary else { return nil }
            if boundary { end = stops[after].offset }
        }
        return (start, end)
    }
}
