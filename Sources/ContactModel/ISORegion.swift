import Foundation

/// ISO 3166-1 region codes, from Foundation's CLDR data (`Locale.Region.isoRegions`),
/// not a hand list: `--region`, `--default-region` and the audit file's `region` accept
/// these and nothing else (`ZZ`, CLDR's "unknown region", is not one).
public enum ISORegion {
    public static let codes: Set<String> = Set(Locale.Region.isoRegions.map(\.identifier).filter {
        $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } && $0 != "ZZ"
    })

    /// The code upper-cased when it is an ISO 3166 region, nil otherwise.
    public static func normalized(_ text: String) -> String? {
        let upper = text.uppercased()
        return codes.contains(upper) ? upper : nil
    }

    /// The usage error for a value that is not one.
    public static func problem(_ flag: String, _ value: String) -> String? {
        normalized(value) == nil
            ? "\(flag) takes an ISO 3166 region code such as RU, GB or US; '\(value)' is not one" : nil
    }
}
