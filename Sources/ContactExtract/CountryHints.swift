/// Countries a page names in its text ("Sydney NSW 2000, Australia", "Москва, Россия"),
/// as region codes. Used only as a last resort for numbers that no region the page
/// declares could read.
enum CountryHints {
    static let names: [(String, String)] = [
        ("australia", "AU"), ("united kingdom", "GB"), ("england", "GB"), ("scotland", "GB"), ("wales", "GB"),
        ("london", "GB"), ("canada", "CA"), ("india", "IN"), ("mumbai", "IN"), ("sweden", "SE"), ("sverige", "SE"),
        ("stockholm", "SE"), ("philippines", "PH"), ("manila", "PH"), ("hong kong", "HK"), ("china", "CN"),
        ("germany", "DE"), ("deutschland", "DE"), ("france", "FR"), ("netherlands", "NL"), ("nederland", "NL"),
        ("spain", "ES"), ("españa", "ES"), ("italy", "IT"), ("italia", "IT"), ("ireland", "IE"), ("dublin", "IE"),
        ("new zealand", "NZ"), ("singapore", "SG"), ("south africa", "ZA"), ("mexico", "MX"), ("méxico", "MX"),
        ("brazil", "BR"), ("brasil", "BR"), ("japan", "JP"), ("russia", "RU"), ("россия", "RU"), ("москва", "RU"),
        ("ukraine", "UA"), ("украина", "UA"), ("україна", "UA"), ("belarus", "BY"), ("беларусь", "BY"),
        ("kazakhstan", "KZ"), ("казахстан", "KZ"), ("switzerland", "CH"), ("schweiz", "CH"), ("austria", "AT"),
        ("österreich", "AT"), ("belgium", "BE"), ("belgië", "BE"), ("denmark", "DK"), ("danmark", "DK"),
        ("norway", "NO"), ("norge", "NO"), ("finland", "FI"), ("suomi", "FI"), ("poland", "PL"), ("polska", "PL"),
        ("israel", "IL"), ("lebanon", "LB"), ("united arab emirates", "AE"), ("dubai", "AE"),
    ]

    /// Names by their first word, so one pass over the words of a page finds them all.
    private static let byFirstWord: [Substring: [(words: [Substring], region: String)]] = {
        var table: [Substring: [(words: [Substring], region: String)]] = [:]
        for (name, region) in names {
            let words = name.split(separator: " ")
            table[words[0], default: []].append((words, region))
        }
        return table
    }()

    /// Regions named in the text, most mentioned first.
    static func regions(in lowercasedText: String) -> [String] {
        regions(inWords: LetterRuns.of(lowercasedText))
    }

    /// The same for text already cut into its letter runs (lower-cased).
    static func regions(inWords words: [Substring]) -> [String] {
        var counts: [String: Int] = [:]
        for (index, word) in words.enumerated() {
            guard let candidates = byFirstWord[word] else { continue }
            for candidate in candidates where words[index...].starts(with: candidate.words) {
                counts[candidate.region, default: 0] += 1
            }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}
