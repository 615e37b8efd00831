import Foundation

/// Service short numbers (115, 112, 900) where the text presents them as a number to
/// call: a known short number of the region, standing alone, after words such as
/// "по номеру", "короткий номер", "call", "dial". A bare "115" elsewhere (a price, a
/// page count) is not a phone number.
public struct ShortNumberTable: Sendable {
    public private(set) var numbersByRegion: [String: Set<String>]
    /// Numbers recognised in every region: the audit catalog's own short numbers and its
    /// `short_numbers:` list.
    public var everywhere: Set<String> = []

    public init(numbersByRegion: [String: Set<String>], everywhere: Set<String> = []) {
        self.numbersByRegion = numbersByRegion
        self.everywhere = everywhere
    }

    /// The table shipped in the package (Resources/short-numbers.json).
    public static let builtIn: ShortNumberTable = {
        guard let url = Bundle.module.url(forResource: "short-numbers", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return ShortNumberTable(numbersByRegion: [:])
        }
        var table: [String: Set<String>] = [:]
        for (region, value) in object where !region.hasPrefix("_") {
            if let numbers = value as? [String] { table[region] = Set(numbers) }
        }
        return ShortNumberTable(numbersByRegion: table)
    }()

    public func contains(_ digits: String, region: String) -> Bool {
        everywhere.contains(digits) || numbersByRegion[region]?.contains(digits) == true
    }

    var longest: Int {
        max(everywhere.map(\.count).max() ?? 0, numbersByRegion.values.flatMap { $0 }.map(\.count).max() ?? 0)
    }
}

struct ShortNumberFinder {
    let table: ShortNumberTable
    /// Computed once per page, not once per block.
    private let longest: Int

    init(table: ShortNumberTable) {
        self.table = table
        self.longest = table.longest
    }

    /// Words that, shortly before a short number, say it is a number to call.
    static let triggers = ["номер", "телефон", "тел.", "тел ", "тел:", "звон", "набрать", "наберите", "набрав",
                           "короткий", "горяч", "линии", "линия", "call", "dial", "phone", "tel.", "tel:", "hotline",
                           "ruf", "wähl", "anruf", "notruf", "bel ", "bellen", "appel", "composez", "дзвон",
                           "экстрен", "спасател", "скорая", "скорой", "полици", "пожарн", "emergency", "police",
                           "nummer", "telefon", "bereitschaftsdienst"]

    static let extensionWords = ["доб", "ext", "вн.", "внутр", "durchwahl", "x "]

    /// Digit runs of short-number length in `text` that the table knows for `region` and
    /// that the words before them present as a number to call, with UTF-8 ranges.
    func find(in text: String, region: String) -> [(digits: String, utf8Range: Range<Int>)] {
        guard longest > 0 else { return [] }
        let bytes = Array(text.utf8)
        var results: [(String, Range<Int>)] = []
        var i = 0
        while i < bytes.count {
            guard isDigit(bytes[i]) else { i += 1; continue }
            var j = i
            while j < bytes.count, isDigit(bytes[j]) { j += 1 }
            defer { i = j }
            let length = j - i
            guard length >= 2, length <= longest else { continue }
            // The table lookup first: most digit runs are not a known short number, and
            // `standsAlone` builds a string to look at the words after one.
            var digits = String(decoding: bytes[i..<j], as: UTF8.self)
            if !table.contains(digits, region: region) {
                // Longer service numbers are written in groups: "116 117".
                guard let grouped = groupedNumber(bytes, from: i, firstEnd: j, region: region) else { continue }
                digits = grouped.digits
                j = grouped.end
            }
            guard standsAlone(bytes, i, j) else { continue }
            let windowStart = max(0, i - 48)
            let before = String(decoding: bytes[windowStart..<i], as: UTF8.self).lowercased()
            guard Self.triggers.contains(where: { ByteSearch.contains(before, $0) }) else { continue }
            // "доб. 123", "ext. 12": an extension of the number before it.
            let label = String(before.suffix(8))
            guard !Self.extensionWords.contains(where: { ByteSearch.contains(label, $0) }) else { continue }
            results.append((digits, i..<j))
        }
        return results
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The digit groups from `start` joined by single spaces, when together they spell a
    /// short number of the table ("116 117"), with the end of the last group.
    private func groupedNumber(_ b: [UInt8], from start: Int, firstEnd: Int,
                               region: String) -> (digits: String, end: Int)? {
        var digits = Array(b[start..<firstEnd])
        var end = firstEnd
        while end + 1 < b.count, b[end] == 0x20, isDigit(b[end + 1]) {
            var next = end + 1
            while next < b.count, isDigit(b[next]) { next += 1 }
            digits += b[(end + 1)..<next]
            guard digits.count <= longest else { return nil }
            end = next
            let joined = String(decoding: digits, as: UTF8.self)
            if table.contains(joined, region: region) { return (joined, end) }
        }
        return nil
    }

    /// Not part of a longer number, a time, a date, a price or an amount ("115 руб.").
    private func standsAlone(_ b: [UInt8], _ start: Int, _ end: Int) -> Bool {
        if start > 0 {
            let p = b[start - 1]
            if p == UInt8(ascii: "-") || p == UInt8(ascii: ".") || p == UInt8(ascii: ",") || p == UInt8(ascii: ":")
                || p == UInt8(ascii: "/") || p == UInt8(ascii: "+") || p == UInt8(ascii: "#")
                || (p >= 0x41 && p <= 0x5A) || (p >= 0x61 && p <= 0x7A) { return false }
            // "3 115" reads as part of a spaced number.
            if p == 0x20, start > 1, isDigit(b[start - 2]) { return false }
        }
        if end < b.count {
            let n = b[end]
            if n == UInt8(ascii: "%") || n == UInt8(ascii: ":") || n == UInt8(ascii: "-") || n == UInt8(ascii: "/")
                || (n >= 0x41 && n <= 0x5A) || (n >= 0x61 && n <= 0x7A) { return false }
            if (n == UInt8(ascii: ".") || n == UInt8(ascii: ",")), end + 1 < b.count, isDigit(b[end + 1]) { return false }
            if n == 0x20, end + 1 < b.count, isDigit(b[end + 1]) { return false }
            let rest = String(decoding: b[end..<min(b.count, end + 12)], as: UTF8.self).lowercased()
            for unit in [" руб", " ₽", " р.", " $", " €", " мин", " сек", " час", " дн", " км", " кг", " шт", " лет", " год"]
                where rest.hasPrefix(unit) { return false }
        }
        return true
    }
}
