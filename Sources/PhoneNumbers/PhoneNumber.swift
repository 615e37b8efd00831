/// A number libphonenumber has parsed and validated.
public struct PhoneNumber: Sendable, Hashable {
    /// E.164 form: "+78001007010".
    public var e164: String
    /// Digits after "доб." / "ext.", nil when none.
    public var extensionDigits: String?
    /// ISO 3166 region of the number ("RU"), nil when the country code spans several
    /// regions and the number fits none in particular.
    public var region: String?
    public var countryCode: Int
    public var type: PhoneNumberType

    public init(e164: String, extensionDigits: String? = nil, region: String? = nil,
                countryCode: Int, type: PhoneNumberType) {
        self.e164 = e164
        self.extensionDigits = extensionDigits
        self.region = region
        self.countryCode = countryCode
        self.type = type
    }
}

/// A number found in running text: where it stands (UTF-8 byte offsets) and what it is.
public struct PhoneNumberMatch: Sendable, Hashable {
    public var utf8Range: Range<Int>
    public var number: PhoneNumber

    public init(utf8Range: Range<Int>, number: PhoneNumber) {
        self.utf8Range = utf8Range
        self.number = number
    }
}

/// Why a string is not a valid phone number, in words a user can act on.
public enum PhoneNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidCountryCode
    case notANumber
    case tooShortAfterInternationalPrefix
    case tooShort
    case tooLong
    case notValid(e164: String)
    case unsupportedRegion(String)

    public var description: String {
        switch self {
        case .invalidCountryCode: return "the country code is missing or unknown (write it as +CC or set a region)"
        case .notANumber: return "this is not a phone number"
        case .tooShortAfterInternationalPrefix: return "too few digits after the international prefix"
        case .tooShort: return "too few digits for a phone number"
        case .tooLong: return "too many digits for a phone number"
        case .notValid(let e164): return "\(e164) is not a number in use according to libphonenumber's metadata"
        case .unsupportedRegion(let region): return "unknown region code '\(region)' (use an ISO 3166 code such as RU or GB)"
        }
    }
}
