import Foundation
import PhoneNumbers

/// Runs libphonenumber's matcher once over many blocks instead of once per block:
/// each `PhoneNumberMatcher` builds and tears down its own regex machinery, which cost
/// more than the matching itself on pages with many short digit-bearing blocks.
///
/// Blocks are joined with a separator no number can span (a newline, "§", a newline:
/// not a digit, not a separator libphonenumber accepts inside a number, not a letter
/// that would make it reject a neighbouring match, not an extension marker), and the
/// matches are mapped back to their block and to offsets in the block's original text.
enum BatchedPhoneMatcher {
    struct Item {
        var index: Int
        var folded: TypographicFolding
        /// Ranges of the block's original text already read as numbers: a second try in
        /// other regions looks only at the rest.
        var read: [Range<Int>] = []
    }

    static let separator = Array("\n\u{00A7}\n".utf8)

    /// libphonenumber's matcher re-encodes the rest of its text for every candidate, so
    /// its cost grows with the square of the text: batches stay below this many bytes.
    static let batchBytes = 8 * 1024

    /// A stretch of one block's folded text: a whole block, or a piece of a long one.
    struct Piece {
        var item: Item
        var start: Int
        var bytes: ArraySlice<UInt8>
    }

    /// Bytes of context kept before and after a stretch of digits: enough for what
    /// libphonenumber looks at around a candidate (a letter or currency sign right before
    /// it, an opening bracket or `+`, an extension such as "доб. 1234" or "ext. 12", a
    /// time's ":30" right after it).
    static let contextBefore = 24
    static let contextAfter = 48

    /// The stretches of a block's folded text that could hold a number, with some context:
    /// libphonenumber's matcher re-encodes the rest of its text for each candidate and
    /// verifies every digit group it meets (years, prices, counts), so handing it only
    /// the neighbourhood of digit stretches long enough to be a number, instead of whole
    /// paragraphs, saves most of its work. A stretch is a run of digits and the
    /// punctuation numbers are written with; letters end it (`stretches(in:)`).
    /// Windows are widened so that they never cut a run of digits, merged when they
    /// meet, and cut at a space into pieces of at most `batchBytes`.
    static func pieces(of item: Item) -> [Piece] {
        let bytes = Array(item.folded.text.utf8)
        var windows: [Range<Int>] = []
        for stretch in stretches(in: bytes) {
            if !item.read.isEmpty {
                let original = item.folded.originalRange(stretch)
                if item.read.contains(where: { $0.overlaps(original) }) { continue }
            }
            var lower = max(0, stretch.lowerBound - contextBefore)
            while lower < stretch.lowerBound, isContinuation(bytes[lower]) { lower += 1 }
            while lower > 0, lower < stretch.lowerBound, isDigit(bytes[lower]), isDigit(bytes[lower - 1]) { lower += 1 }
            var upper = min(bytes.count, stretch.upperBound + contextAfter)
            while upper < bytes.count, isContinuation(bytes[upper]) { upper += 1 }
            while upper < bytes.count, isDigit(bytes[upper]) { upper += 1 }
            if let last = windows.last, last.upperBound >= lower {
                windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, upper)
            } else {
                windows.append(lower..<upper)
            }
        }
        var result: [Piece] = []
        for window in windows {
            var start = window.lowerBound
            while start < window.upperBound {
                var end = min(window.upperBound, start + batchBytes)
                if end < window.upperBound, let space = bytes[(start + batchBytes / 2)..<end].lastIndex(of: 0x20) { end = space }
                result.append(Piece(item: item, start: start, bytes: bytes[start..<end]))
                start = end
            }
        }
        return result
    }

    /// Byte ranges from the first to the last digit of each stretch with at least
    /// `PhoneExtractor.minimumDigits` digits. Digits, ASCII space and `-x.()[]/~+` join
    /// a stretch, as do non-ASCII characters that are not letters (other scripts'
    /// digits, brackets and dashes libphonenumber accepts); any other character ends it.
    static func stretches(in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var first = -1, end = 0, digits = 0
        func close() {
            if digits >= PhoneExtractor.minimumDigits { result.append(first..<end) }
            first = -1
            digits = 0
        }
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if isDigit(byte) {
                    if first < 0 { first = index }
                    digits += 1
                    end = index + 1
                    index += 1
                } else if byte < 0x80 {
                    if !PhoneExtractor.joinsCandidate(byte) { close() }
                    index += 1
                } else {
                    // The folded text is a String's UTF-8: well-formed.
                    let (value, width) = StandaloneScalars.decode(bytes, at: index)
                    let scalar = Unicode.Scalar(value)
                    if let scalar, scalar.properties.numericType == .decimal {
                        if first < 0 { first = index }
                        digits += 1
                        end = index + width
                    } else if scalar.map({ $0.properties.isAlphabetic }) ?? true {
                        close()
                    }
                    index += width
                }
            }
        }
        close()
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Matches per block index, with UTF-8 ranges in the block's original text.
    ///
    /// A piece's matches depend on its bytes and the region alone (see `matchesInOneCall`),
    /// so a piece read before in the same region (a site's footer on each of its pages, a
    /// number written in the same words twice on one page) is answered from `PieceMemo`;
    /// the others go to the library, in batches of at most `batchBytes`.
    static func find(in items: [Item], region: String) -> [Int: [PhoneNumberMatch]] {
        let pieces = items.flatMap(pieces(of:))
        var local = PieceMemo.shared.matches(of: pieces.map(\.bytes), region: region)
        var missing: [Int] = []
        var firstOfBytes: [PieceMemo.Key: Int] = [:]
        var sameAs: [(index: Int, first: Int)] = []
        for (index, piece) in pieces.enumerated() where local[index] == nil {
            let key = PieceMemo.Key(region: region, bytes: piece.bytes)
            if let first = firstOfBytes[key] { sameAs.append((index, first)); continue }
            firstOfBytes[key] = index
            missing.append(index)
        }
        var batch: [Int] = []
        var size = 0
        func flush() {
            let read = matchesInOneCall(batch.map { pieces[$0].bytes }, region: region)
            for (index, matches) in zip(batch, read) { local[index] = matches }
            PieceMemo.shared.store(zip(batch, read).map { (pieces[$0.0].bytes, $0.1) }, region: region)
            batch = []
            size = 0
        }
        for index in missing {
            let length = pieces[index].bytes.count + separator.count
            if !batch.isEmpty, size + length > batchBytes { flush() }
            batch.append(index)
            size += length
        }
        if !batch.isEmpty { flush() }
        for (index, first) in sameAs { local[index] = local[first] }
        var found: [Int: [PhoneNumberMatch]] = [:]
        for (piece, matches) in zip(pieces, local) {
            for var match in matches ?? [] {
                let range = (match.utf8Range.lowerBound + piece.start)..<(match.utf8Range.upperBound + piece.start)
                match.utf8Range = piece.item.folded.originalRange(range)
                found[piece.item.index, default: []].append(match)
            }
        }
        return found
    }

    /// The matches of each piece, read in one call of the library over the pieces joined by
    /// `separator`, with UTF-8 ranges in the piece. What the matcher decides about a
    /// candidate depends on the candidate, the character before and after it (a newline of
    /// the separator or the text's start or end: neither a Latin letter nor an invalid
    /// punctuation, neither `*` nor a time's `:30`) and the region; no candidate spans a
    /// separator (none of its characters is a digit, punctuation or an extension mark the
    /// library's pattern takes), and a citation mark or refused code point spaced out by
    /// `findNumbers` lies within one piece. So each piece's matches are those it has alone.
    static func matchesInOneCall(_ pieces: [ArraySlice<UInt8>], region: String) -> [[PhoneNumberMatch]] {
        guard !pieces.isEmpty else { return [] }
        var joined: [UInt8] = []
        var starts: [Int] = []
        for piece in pieces {
            if !joined.isEmpty { joined += separator }
            starts.append(joined.count)
            joined += piece
        }
        let text = String(decoding: joined, as: UTF8.self)
        var found = [[PhoneNumberMatch]](repeating: [], count: pieces.count)
        for var match in PhoneNumberService.findNumbers(in: text, region: region) {
            // The last piece starting at or before the match.
            var low = 0, high = starts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= match.utf8Range.lowerBound { low = middle } else { high = middle - 1 }
            }
            let local = (match.utf8Range.lowerBound - starts[low])..<(match.utf8Range.upperBound - starts[low])
            guard local.upperBound <= pieces[low].count else { continue }
            match.utf8Range = local
            found[low].append(match)
        }
        return found
    }

    /// Tries each block's candidate regions in order, all blocks that still need one in a
    /// single call per region, until a region finds something in the block.
    static func find(in items: [(item: Item, regions: [String])]) -> [Int: [PhoneNumberMatch]] {
        var results: [Int: [PhoneNumberMatch]] = [:]
        var remaining = items
        var round = 0
        while !remaining.isEmpty {
            var groups: [String: [Item]] = [:]
            for entry in remaining where round < entry.regions.count {
                groups[entry.regions[round], default: []].append(entry.item)
            }
            guard !groups.isEmpty else { break }
            for region in groups.keys.sorted() {
                for (index, matches) in find(in: groups[region] ?? [], region: region) where !matches.isEmpty {
                    results[index] = matches
                }
            }
            remaining = remaining.filter { results[$0.item.index] == nil }
            round += 1
        }
        return results
    }

    /// Reads each block in every one of its regions and keeps the numbers they agree on: a
    /// stretch of text that two regions read as different numbers ("0341 25 18 76" is
    /// German and Belgian) gives nothing, since nothing on the page says which it is. For
    /// the last-resort regions (countries a page dials or names around a number), which are
    /// guesses rather than what the page declares.
    static func findAgreed(in items: [(item: Item, regions: [String])]) -> [Int: [PhoneNumberMatch]] {
        var groups: [String: [Item]] = [:]
        for entry in items {
            for region in entry.regions { groups[region, default: []].append(entry.item) }
        }
        var readings: [Int: [Range<Int>: Set<String>]] = [:]
        var firstReading: [Int: [Range<Int>: PhoneNumberMatch]] = [:]
        for region in groups.keys.sorted() {
            for (index, matches) in find(in: groups[region] ?? [], region: region) {
                for match in matches {
                    readings[index, default: [:]][match.utf8Range, default: []].insert(match.number.e164)
                    if firstReading[index]?[match.utf8Range] == nil { firstReading[index, default: [:]][match.utf8Range] = match }
                }
            }
        }
        var results: [Int: [PhoneNumberMatch]] = [:]
        for (index, byRange) in readings {
            let agreed = byRange.filter { range, values in
                // One reading of this text, and no other region read an overlapping stretch otherwise.
                values.count == 1 && !byRange.contains { $0.key != range && $0.key.overlaps(range) }
            }
            let matches = agreed.keys.sorted { $0.lowerBound < $1.lowerBound }.compactMap { firstReading[index]?[$0] }
            if !matches.isEmpty { results[index] = matches }
        }
        return results
    }
}

/// The matches of pieces already read, per region and piece bytes, for the whole process (both
/// worker threads; pages of one site repeat their header and footer). Exact: a piece's matches
/// are a function of its bytes and the region (`BatchedPhoneMatcher.matchesInOneCall`). Bounded:
/// emptied when it would hold more than `capacity` pieces or `byteCapacity` bytes of them (a
/// piece may be up to `batchBytes` long, so a count alone would not bound a long run's memory).
final class PieceMemo: @unchecked Sendable {
    static let shared = PieceMemo()
    static let capacity = 20_000
    static let byteCapacity = 4 << 20

    struct Key: Hashable {
        var region: String
        var bytes: ArraySlice<UInt8>

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.region == rhs.region && lhs.bytes.elementsEqual(rhs.bytes) }

        func hash(into hasher: inout Hasher) {
            hasher.combine(region)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private let lock = NSLock()
    private var known: [Key: [PhoneNumberMatch]] = [:]
    private var bytes = 0

    func matches(of pieces: [ArraySlice<UInt8>], region: String) -> [[PhoneNumberMatch]?] {
        lock.lock()
        defer { lock.unlock() }
        return pieces.map { known[Key(region: region, bytes: $0)] }
    }

    /// Bytes of the pieces held, for the tests of the bound.
    var storedBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }

    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        known.removeAll()
        bytes = 0
    }

    func store(_ read: [(bytes: ArraySlice<UInt8>, matches: [PhoneNumberMatch])], region: String) {
        lock.lock()
        defer { lock.unlock() }
        let added = read.reduce(0) { $0 + $1.bytes.count }
        if known.count + read.count > Self.capacity || bytes + added > Self.byteCapacity {
            known.removeAll(keepingCapacity: true)
            bytes = 0
        }
        // A copy of the bytes: the key must not keep the whole block's folded text alive.
        for entry in read { known[Key(region: region, bytes: ArraySlice(Array(entry.bytes)))] = entry.matches }
        bytes += added
    }
}
