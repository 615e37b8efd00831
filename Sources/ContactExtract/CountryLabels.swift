import ContactDocument
import ContactHours
import ContactModel
import Foundation

/// A line, table row or heading labelled with a country ("Germany: toll-free 0800 330 4455",
/// "France (FR): 0 805 12 34 56", a row whose first cell is "Österreich", a heading "Україна")
/// decides the region of the national-format numbers under it. Country names come from CLDR
/// (`Locale.localizedString(forRegionCode:)`) in English and in every language the hours reader
/// has a data file for, built once per process.
enum CountryLabels {
    /// Folded country name (lower case, letters and single spaces) → region code.
    static let names: [String: String] = {
        var table: [String: String] = [:]
        let regions = Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 && $0.allSatisfy(\.isLetter) }
        let languages = ["en"] + HoursLanguages.codes
        // The CLDR look-ups of each language on both cores (the first page's numbers wait for
        // this table, and the other thread with them); merged below in the same order as one
        // loop would, so the same names come out shared.
        let perLanguage = languages.concurrentMap { language in
            let locale = Locale(identifier: language)
            return regions.compactMap { region in
                locale.localizedString(forRegionCode: region).map { (key: fold($0), region: region) }
            }
        }
        for (key, region) in perLanguage.joined() {
            // A name two regions share (rare aliases) decides nothing.
            if let existing = table[key], existing != region { table[key] = "" } else if !key.isEmpty { table[key] = region }
        }
        // Names pages write that Foundation's CLDR names lack: it names CN "China mainland"
        // ("China, Festland", "Китай континентальный"), and addresses write the short forms
        // USA and UK, which CLDR has only as "US" and "UK" alternates.
        for (name, region) in aliases where table[name] == nil { table[name] = region }
        return table.filter { !$0.value.isEmpty }
    }()

    static let aliases: [String: String] = ["china": "CN", "китай": "CN", "chine": "CN", "usa": "US", "u s a": "US",
                                            "сша": "US", "uk": "GB", "u k": "GB"]

    static let regionCodes: Set<String> = Set(names.values)

    static let longestName: Int = names.keys.map { $0.split(separator: " ").count }.max() ?? 1

    static func fold(_ text: some StringProtocol) -> String {
        if let ascii = foldASCII(text) { return ascii }
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic { current.unicodeScalars.append(scalar) } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    /// `fold` of ASCII text, byte by byte (nil for any other text): lower-casing and
    /// `isAlphabetic` of ASCII are A-Z → a-z and the letters, so the result is the same,
    /// without a lower-cased copy and a Unicode property lookup per character. `label(of:)`
    /// folds up to `longestName` prefixes of every block that may hold a number.
    static func foldASCII(_ text: some StringProtocol) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case 0x41...0x5A, 0x61...0x7A:
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append(byte | 0x20)
            default:
                if !bytes.isEmpty { pendingSpace = true }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What a block's own text says: `.none` when it names no country as a label, one region,
    /// or `.conflict` when it labels itself with two.
    enum Label: Equatable { case none, region(String), conflict }

    /// "Germany: …", "Germany – …", "France (FR): …", "(GB) 020 …", or a cell or heading that
    /// is only a country's name.
    static func label(of text: String) -> Label { label(of: text, byBytes: true) }

    /// `byBytes`: a text led by an ASCII word that starts no country's name is settled from
    /// its bytes (`leadingASCIIWord`) instead of the walk over its first characters; false
    /// for the walk alone, the reference the tests hold the bytes to.
    static func label(of text: String, byBytes: Bool) -> Label {
        var found: Set<String> = []
        // A bracketed ISO code: "(FR)", "(GB)".
        // All four are ASCII, so four bytes in a row of the UTF-8 are four scalars in a row:
        // the bytes are read in place, with no array of the block's scalars.
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var k = 0
            while k + 3 < bytes.count {
                if bytes[k] == 0x28, bytes[k + 3] == 0x29, (65...90).contains(bytes[k + 1]), (65...90).contains(bytes[k + 2]) {
                    let code = String(decoding: bytes[(k + 1)...(k + 2)], as: UTF8.self)
                    if regionCodes.contains(code) { found.insert(code) }
                }
                k += 1
            }
        } ?? {
            let scalars = Array(text.unicodeScalars)
            var k = 0
            while k + 3 < scalars.count {
                if scalars[k] == "(", scalars[k + 3] == ")", (65...90).contains(scalars[k + 1].value), (65...90).contains(scalars[k + 2].value) {
                    let code = String(String.UnicodeScalarView(scalars[(k + 1)...(k + 2)]))
                    if regionCodes.contains(code) { found.insert(code) }
                }
                k += 1
            }
        }()
        if byBytes, let word = leadingASCIIWord(text), firstWords[word] == nil {
            return found.count > 1 ? .conflict : found.first.map { .region($0) } ?? .none
        }
        // A name that starts the text and is followed by a label mark or nothing.
        let head = text.prefix(80)
        var end = head.startIndex
        var cut: [(String.Index, Character?)] = []
        var words = 0
        while end < head.endIndex && words < longestName {
            while end < head.endIndex && !head[end].isLetter { end = head.index(after: end) }
            guard end < head.endIndex else { break }
            while end < head.endIndex && (head[end].isLetter || head[end] == "-" && head.index(after: end) < head.endIndex && head[head.index(after: end)].isLetter) {
                end = head.index(after: end)
            }
            words += 1
            // Every name's first word is in `firstWords`, and the fold of a longer prefix
            // starts with the fold of this one (a cut never falls inside a folded word: it
            // stands before a character that is not a letter): when the first word names
            // no country's start, no prefix is a name, and the rest need not be folded.
            if words == 1, let first = fold(head[head.startIndex..<end]).split(separator: " ").first,
               firstWords[String(first)] == nil {
                break
            }
            var next = end
            while next < head.endIndex && head[next] == " " { next = head.index(after: next) }
            cut.append((end, next < head.endIndex ? head[next] : nil))
        }
        for (position, following) in cut.reversed() {
            guard let region = names[fold(head[head.startIndex..<position])] else { continue }
            let whole = following == nil && head.endIndex == text.endIndex
            if whole || [":", "(", "–", "—", "-", "|"].contains(following) { found.insert(region) }
            break
        }
        if found.count > 1 { return .conflict }
        return found.first.map { .region($0) } ?? .none
    }

    /// The first word `label(of:)`'s walk reads, folded, where the bytes give it: the text's
    /// first run of ASCII letters, lower-cased, when every byte before it and the byte after
    /// it are ASCII (so each of those characters is one byte and one `Character`, a letter
    /// exactly when it is A-Z or a-z, and no combining mark or other letter extends the
    /// word) and it ends within the walk's first 80 characters. nil: the walk decides.
    static func leadingASCIIWord(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var start = 0
            while start < bytes.count, !isASCIILetter(bytes[start]) {
                if bytes[start] >= 0x80 { return nil }
                start += 1
            }
            guard start < bytes.count else { return nil }
            var end = start
            while end < bytes.count, isASCIILetter(bytes[end]) { end += 1 }
            guard end <= 80, end == bytes.count || bytes[end] < 0x80 else { return nil }
            return String(decoding: bytes[start..<end].map { $0 | 0x20 }, as: UTF8.self)
        }
    }

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// The label deciding a block's numbers: its own text, else an address's country line
    /// above it in the same element, else its table row's first cell, else its nearest heading.
    static func label(ofBlock index: Int, in blocks: [TextBlock],
                      headingLabel: (String) -> Label = { label(of: $0) }) -> Label {
        let block = blocks[index]
        let own = label(of: block.text)
        if own != .none { return own }
        if let country = addressCountry(ofBlock: index, in: blocks) { return .region(country) }
        if let row = block.tableRow {
            var first = index
            while first > 0, blocks[first - 1].tableRow == row { first -= 1 }
            if first != index {
                let cell = label(of: blocks[first].text)
                if cell != .none { return cell }
            }
        }
        if let heading = block.headings.last { return headingLabel(heading) }
        return .none
    }

    /// `label(ofBlock:in:)` of one page's blocks, each block's worked out once and each
    /// heading's text once: a page's blocks under one heading all ask for its label, and a
    /// block in a shared dialling zone asks twice (its short numbers' region, its candidates').
    struct PageCache {
        let blocks: [TextBlock]
        private var byBlock: [Int: Label] = [:]
        private var byHeading: [String: Label] = [:]

        init(blocks: [TextBlock]) { self.blocks = blocks }

        mutating func label(ofBlock index: Int) -> Label {
            if let known = byBlock[index] { return known }
            let found = CountryLabels.label(ofBlock: index, in: blocks) { heading in
                if let known = byHeading[heading] { return known }
                let label = CountryLabels.label(of: heading)
                byHeading[heading] = label
                return label
            }
            byBlock[index] = found
            return found
        }
    }

    /// The first word of every country name → the most words a name starting with it has:
    /// `mentions(in:)` looks a word up once and builds longer keys only after a hit.
    static let firstWords: [String: Int] = {
        var table: [String: Int] = [:]
        for name in names.keys {
            let words = name.split(separator: " ")
            if let first = words.first { table[String(first), default: 0] = max(table[String(first)] ?? 0, words.count) }
        }
        return table
    }()

    /// Names too short or too common to count as a mention anywhere on a line: "того" is
    /// Togo in Russian and a common pronoun; one-word names under four letters ("usa" is
    /// Italian and Spanish for "uses", "uk").
    static let notMentions: Set<String> = ["того", "czad", "chad", "jordan", "georgia", "jersey", "turkey", "china"]

    /// Every country a text names anywhere, not only as a leading label ("Aus der Schweiz:
    /// 044 …", "Kunden in der Schweiz wählen 044 …"): the countries a number on the line
    /// may belong to instead of the page's region (`PhoneExtractor` reads the line in
    /// them and never keeps a default-region reading they contradict).
    static func mentions(in text: String) -> Set<String> {
        let words = fold(text).split(separator: " ")
        var found: Set<String> = []
        var i = 0
        while i < words.count {
            var matched = 1
            if let most = firstWords[String(words[i])] {
                for length in stride(from: min(most, words.count - i), through: 1, by: -1) {
                    let key = words[i..<(i + length)].joined(separator: " ")
                    guard let region = names[key] else { continue }
                    if length > 1 || key.count >= 4 && !notMentions.contains(key) { found.insert(region) }
                    matched = length
                    break
                }
            }
            i += matched
        }
        return found
    }

    /// How many lines above a number an address's country line may stand.
    static let addressLines = 8

    /// An address ends with its country on a line of its own, and the telephone follows
    /// ("Fahaheel<br>Kuwait<br>Tel: 965 2397 0072", "Yokohama<br>Japan<br>Tel: 45 263 9851"):
    /// the nearest line above the block in the same element (lines cut by `<br>`) that is
    /// only a country's name decides the block's national numbers, as a label would.
    static func addressCountry(ofBlock index: Int, in blocks: [TextBlock]) -> String? {
        let node = blocks[index].node
        var line = index - 1
        while line >= 0, index - line <= addressLines, blocks[line].node == node {
            // A line with digits is a street, a postcode or another number, not a country line.
            if blocks[line].text.utf8.count <= 60, !blocks[line].text.contains(where: \.isNumber),
               let region = names[fold(blocks[line].text)] {
                return region
            }
            line -= 1
        }
        return nil
    }
}
