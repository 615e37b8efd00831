import PhoneNumbers

/// Which region numbers written without a country code belong to: the user's
/// `--region`, else the block's or page's `lang` (`en-GB` → GB, `ru` → RU), else the
/// audit's region, else none ("ZZ": only numbers with a country code are read).
public struct RegionResolver: Sendable {
    public var explicitRegion: String?
    public var fallbackRegion: String?

    public init(explicitRegion: String? = nil, fallbackRegion: String? = nil) {
        self.explicitRegion = explicitRegion?.uppercased()
        self.fallbackRegion = fallbackRegion?.uppercased()
    }

    public func region(forLanguage language: String?) -> String {
        if let explicitRegion { return explicitRegion }
        if let language, let region = Self.region(fromLanguageTag: language) { return region }
        return fallbackRegion ?? "ZZ"
    }

    /// Languages whose main country is not spelled like the language code.
    static let languageRegions: [String: String] = [
        "en": "US", "ru": "RU", "uk": "UA", "be": "BY", "kk": "KZ", "de": "DE", "fr": "FR", "es": "ES",
        "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL", "cs": "CZ", "ja": "JP", "zh": "CN", "ko": "KR",
        "sv": "SE", "da": "DK", "nb": "NO", "no": "NO", "fi": "FI", "el": "GR", "he": "IL", "ar": "SA",
        "tr": "TR", "hy": "AM", "ka": "GE", "uz": "UZ", "et": "EE", "lv": "LV", "lt": "LT", "sr": "RS",
    ]

    static func region(fromLanguageTag tag: String) -> String? {
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" })
        // A region subtag is two letters or three digits after the language.
        for part in parts.dropFirst() where part.count == 2 && part.allSatisfy(\.isLetter) {
            let region = part.uppercased()
            if PhoneNumberService.isSupported(region: region) { return region }
        }
        guard let language = parts.first?.lowercased(), language.count == 2 || language.count == 3 else { return nil }
        if let region = languageRegions[language] { return region }
        let guess = language.uppercased()
        return PhoneNumberService.isSupported(region: guess) ? guess : nil
    }
}
