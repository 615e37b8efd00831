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

    /// Matches per block index, with UTF-8 ranges in the block's original text.
    static func find(in items: [Item], region: String) -> [Int: [PhoneNumberMatch]] {
        guard !items.isEmpty else { return [:] }
        var joined: [UInt8] = []
        var starts: [Int] = []
        for item in items {
            if !joined.isEmpty { joined += separator }
            starts.append(joined.count)
            joined += item.folded.text.utf8
        }
        let text = String(decoding: joined, as: UTF8.self)
        var found: [Int: [PhoneNumberMatch]] = [:]
        for var match in PhoneNumberService.findNumbers(in: text, region: region) {
            // The last block starting at or before the match.
            var low = 0, high = starts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= match.utf8Range.lowerBound { low = middle } else { high = middle - 1 }
            }
            let item = items[low]
            let local = (match.utf8Range.lowerBound - starts[low])..<(match.utf8Range.upperBound - starts[low])
            guard local.upperBound <= item.folded.text.utf8.count else { continue }
            match.utf8Range = item.folded.originalRange(local)
            found[item.index, default: []].append(match)
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
