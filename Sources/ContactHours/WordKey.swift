/// A folded token text compared byte-wise.
///
/// `String` equality and hashing normalise non-ASCII text (Unicode canonical equivalence), which
/// made Cyrillic word lookups the hottest part of parsing. Tokens are already folded to one
/// spelling, so plain UTF-8 comparison is both correct here and an order of magnitude faster.
struct WordKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    let raw: String

    init(_ raw: String) { self.raw = raw }
    init(stringLiteral value: String) { raw = value }

    static func == (lhs: WordKey, rhs: WordKey) -> Bool {
        lhs.raw.utf8.count == rhs.raw.utf8.count && lhs.raw.utf8.elementsEqual(rhs.raw.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var copy = raw
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    func hasPrefix(_ prefix: String) -> Bool {
        let p = prefix.utf8
        guard p.count <= raw.utf8.count else { return false }
        var copy = raw
        return copy.withUTF8 { mine in
            var i = 0
            for b in p {
                if mine[i] != b { return false }
                i += 1
            }
            return true
        }
    }

    var utf8Count: Int { raw.utf8.count }

    var description: String { raw }
}
