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

    /// Regions named in the text, most mentioned first.
    static func regions(in lowercasedText: String) -> [String] {
        var counts: [String: Int] = [:]
        for (name, region) in names {
            var searchRange = lowercasedText.startIndex..<lowercasedText.endIndex
            while let found = lowercasedText.range(of: name, range: searchRange) {
                counts[region, default: 0] += 1
                searchRange = found.upperBound..<lowercasedText.endIndex
            }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}
