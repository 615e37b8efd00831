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

    /// Regions to read a block's national-format numbers in, most likely first. An
    /// explicit region is the only one. Otherwise: a region the `lang` tag names
    /// (`en-GB`), the country of the page's host (`.co.uk`, `.ru`), the language's
    /// main country (`ru` → RU), then the fallback. Templates often carry a language
    /// they were not written for (a Farmington, NM firm's page says `lang="en-gb"`), so
    /// later candidates are tried when earlier ones find nothing.
    public func candidateRegions(forLanguage language: String?, host: String? = nil) -> [String] {
        if let explicitRegion { return [explicitRegion] }
        var regions: [String] = []
        func add(_ region: String?) { if let region, !regions.contains(region) { regions.append(region) } }
        if let language { add(Self.region(fromLanguageTag: language, subtagOnly: true)) }
        if let host { add(Self.region(fromHost: host)) }
        if let language { add(Self.region(fromLanguageTag: language)) }
        add(fallbackRegion)
        return regions.isEmpty ? ["ZZ"] : regions
    }

    /// How many of `candidateRegions` lead as equals: 2 when the `lang` region subtag and the
    /// host's country both speak and disagree (an Austrian `.at` site whose template says
    /// `de-DE`), else 1. Neither outranks the other: a number is read in both, and kept only
    /// where they agree on it (`0664 1183226` is an Austrian mobile and a German fixed line).
    public func leadingEquals(forLanguage language: String?, host: String?) -> Int {
        guard explicitRegion == nil, let language, let host,
              let subtag = Self.region(fromLanguageTag: language, subtagOnly: true),
              let hostRegion = Self.region(fromHost: host) else { return 1 }
        return subtag == hostRegion ? 1 : 2
    }

    /// Country-code top-level domains that are sold worldwide and say nothing about the
    /// country (`.io`, `.tv`, `.me`, ...).
    static let genericCountryDomains: Set<String> = ["io", "tv", "me", "fm", "ai", "co", "cc", "ws", "am", "gg", "ly",
                                                    "to", "la", "sh", "ac", "vc", "nu", "tk", "ms", "gl", "im", "is", "it"]

    /// `www.example.co.uk` → GB, `gosuslugi.ru` → RU; nil for .com and friends.
    public static func region(fromHost host: String) -> String? {
        guard let tld = host.lowercased().split(separator: ".").last.map(String.init), tld.count == 2,
              !genericCountryDomains.contains(tld) else { return nil }
        let region = tld == "uk" ? "GB" : tld.uppercased()
        return PhoneNumberService.isSupported(region: region) ? region : nil
    }

    /// `https://www.example.co.uk/contact` → `www.example.co.uk`.
    public static func host(ofURL url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@").last ?? authority
        let host = hostPort.split(separator: ":").first.map(String.init) ?? ""
        return host.isEmpty ? nil : host
    }

    public func region(forLanguage language: String?) -> String {
        if let explicitRegion { return explicitRegion }
        if let language, let region = Self.region(fromLanguageTag: language) { return region }
        return fallbackRegion ?? "ZZ"
    }

    /// Regions that share one calling code and one language, so that neither a `+CC` nor the
    /// language tells them apart: Russia and Kazakhstan (+7, Russian written in both).
    static let sharedZone: Set<String> = ["RU", "KZ"]

    /// The region whose service short numbers a block means (`1414` in Kazakhstan, `115` in
    /// Russia). The language's region, as before, except inside the shared +7 zone, where a
    /// Russian-language page says nothing about the country: there a country label on the
    /// line (`Казахстан: …`), then the page's host (`.kz`), decide. Nothing else is guessed:
    /// with neither, the language's region stays.
    public func serviceRegion(forLanguage language: String?, host: String?, label: String?) -> String {
        let region = region(forLanguage: language)
        guard explicitRegion == nil, Self.sharedZone.contains(region) else { return region }
        if let label, Self.sharedZone.contains(label) { return label }
        // A region subtag ("ru-KZ") was already read by `region(forLanguage:)`.
        if let language, Self.region(fromLanguageTag: language, subtagOnly: true) != nil { return region }
        if let host, let hostRegion = Self.region(fromHost: host), Self.sharedZone.contains(hostRegion) { return hostRegion }
        return region
    }

    /// Languages whose main country is not spelled like the language code.
    static let languageRegions: [String: String] = [
        "en": "US", "ru": "RU", "uk": "UA", "be": "BY", "kk": "KZ", "de": "DE", "fr": "FR", "es": "ES",
        "it": "IT", "nl": "NL", "pt": "PT", "pl": "PL", "cs": "CZ", "ja": "JP", "zh": "CN", "ko": "KR",
        "sv": "SE", "da": "DK", "nb": "NO", "no": "NO", "fi": "FI", "el": "GR", "he": "IL", "ar": "SA",
        "tr": "TR", "hy": "AM", "ka": "GE", "uz": "UZ", "et": "EE", "lv": "LV", "lt": "LT", "sr": "RS",
    ]

    static func region(fromLanguageTag tag: String, subtagOnly: Bool = false) -> String? {
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" })
        // A region subtag is two letters or three digits after the language.
        for part in parts.dropFirst() where part.count == 2 && part.allSatisfy(\.isLetter) {
            let region = part.uppercased()
            if PhoneNumberService.isSupported(region: region) { return region }
        }
        if subtagOnly { return nil }
        guard let language = parts.first?.lowercased(), language.count == 2 || language.count == 3 else { return nil }
        if let region = languageRegions[language] { return region }
        let guess = language.uppercased()
        return PhoneNumberService.isSupported(region: guess) ? guess : nil
    }
}
