/// Word stems that can start a statement without any digit. Kept next to the recogniser's word
/// lists on purpose: every digit-free phrase `HoursRecognizer` accepts must contain one of these,
/// otherwise `mightContainHours` would hide it.
enum HoursTriggers {
    static let stems: [String] = [
        "круглосуточ", "цілодоб", "денонощ", "nonstop", "uhr", "clock", "noon", "midnight", "mitternacht",
        "полноч", "полуноч", "полден", "mittag", "выходн", "вихідн", "closed", "geschl", "закрыт", "зачинен",
        "почив", "ruhetag", "off", "праздн", "holiday", "feiertag", "свят", "празни", "рабоч", "работ",
        "робоч", "працю", "hours", "zeit", "час", "години", "geöffnet", "ведет", "принима", "време",
    ]

    /// Stems folded to scalars, bucketed by first scalar so most positions cost one lookup.
    private static let byFirst: [UInt32: [[UInt32]]] = {
        var map: [UInt32: [[UInt32]]] = [:]
        for stem in stems {
            let scalars = stem.unicodeScalars.map { $0.value }
            guard let first = scalars.first else { continue }
            map[first, default: []].append(scalars)
        }
        return map
    }()

    static func containsTrigger(_ text: String, asciiOnly: Bool) -> Bool {
        var folded: [UInt32] = []
        folded.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            let v = s.value
            if v >= 0xFF10 && v <= 0xFF19 { return true } // fullwidth digits
            if v < 0x80 {
                folded.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
            } else {
                folded.append(HoursTokenizer.fold(s).value)
            }
        }
        let n = folded.count
        var i = 0
        while i < n {
            if let candidates = byFirst[folded[i]] {
                for stem in candidates where i + stem.count <= n {
                    var match = true
                    var k = 1
                    while k < stem.count {
                        if folded[i + k] != stem[k] { match = false; break }
                        k += 1
                    }
                    if match { return true }
                }
            }
            i += 1
        }
        return false
    }
}
