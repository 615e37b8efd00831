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
    }

    static let separator = Array("\n\u{00A7}\n".utf8)

    /// libphonenumber's matcher re-encodes the rest of its text for every candidate, so
    /// its cost grows with the square of the text: batches stay below this many bytes.
    static let batchBytes = 8 * 1024

    /// A stretch of one block's folded text: a whole block, or a piece of a long one.
    private struct Piece {
        var item: Item
        var start: Int
        var bytes: ArraySlice<UInt8>
    }

    /// Long blocks are cut at a space into pieces of at most `batchBytes`; a number
    /// never contains the long runs of words that pieces are cut in.
    private static func pieces(of item: Item) -> [Piece] {
        let bytes = Array(item.folded.text.utf8)
        guard bytes.count > batchBytes else { return [Piece(item: item, start: 0, bytes: bytes[...])] }
        var result: [Piece] = []
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + batchBytes)
            if end < bytes.count, let space = bytes[(start + batchBytes / 2)..<end].lastIndex(of: 0x20) { end = space }
            result.append(Piece(item: item, start: start, bytes: bytes[start..<end]))
            start = end
        }
        return result
    }

    /// Matches per block index, with UTF-8 ranges in the block's original text.
    static func find(in items: [Item], region: String) -> [Int: [PhoneNumberMatch]] {
        var found: [Int: [PhoneNumberMatch]] = [:]
        var batch: [Piece] = []
        var size = 0
        for piece in items.flatMap(pieces(of:)) {
            let length = piece.bytes.count + separator.count
            if !batch.isEmpty, size + length > batchBytes {
                found.merge(findInOneCall(batch, region: region)) { $0 + $1 }
                batch = []
                size = 0
            }
            batch.append(piece)
            size += length
        }
        if !batch.isEmpty { found.merge(findInOneCall(batch, region: region)) { $0 + $1 } }
        return found
    }

    private static func findInOneCall(_ pieces: [Piece], region: String) -> [Int: [PhoneNumberMatch]] {
        guard !pieces.isEmpty else { return [:] }
        var joined: [UInt8] = []
        var starts: [Int] = []
        for piece in pieces {
            if !joined.isEmpty { joined += separator }
            starts.append(joined.count)
            joined += piece.bytes
        }
        let text = String(decoding: joined, as: UTF8.self)
        var found: [Int: [PhoneNumberMatch]] = [:]
        for var match in PhoneNumberService.findNumbers(in: text, region: region) {
            // The last piece starting at or before the match.
            var low = 0, high = starts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= match.utf8Range.lowerBound { low = middle } else { high = middle - 1 }
            }
            let piece = pieces[low]
            let offset = piece.start - starts[low]
            let local = (match.utf8Range.lowerBound + offset)..<(match.utf8Range.upperBound + offset)
            guard local.upperBound <= piece.start + piece.bytes.count else { continue }
            match.utf8Range = piece.item.folded.originalRange(local)
            found[piece.item.index, default: []].append(match)
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
}
