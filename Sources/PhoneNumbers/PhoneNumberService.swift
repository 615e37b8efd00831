internal import CPhoneNumber
import ContactModel
import Foundation

/// Swift face of libphonenumber. All calls into the C shim live in this file.
/// Stateless: libphonenumber's metadata is an immutable process-wide singleton, so the
/// functions may be called from any thread.
public enum PhoneNumberService {
    /// Every valid number in `text` (PhoneNumberMatcher at leniency VALID); numbers
    /// written without a country code are read as numbers of `region`.
    /// Code points libphonenumber refuses are read as spaces (`InterchangeText`), so that
    /// one of them cannot cost the numbers in the rest of the text.
    public static func findNumbers(in text: String, region: String) -> [PhoneNumberMatch] {
        var text = text
        if let spaced = text.withUTF8(InterchangeText.spacedOut) { text = String(decoding: spaced, as: UTF8.self) }
        if let spaced = text.withUTF8(CitationMarks.spacedOut) { text = String(decoding: spaced, as: UTF8.self) }
        return text.withUTF8 { bytes -> [PhoneNumberMatch] in
            guard let base = bytes.baseAddress else { return [] }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                var capacity = 16
                while true {
                    var buffer = [cpn_match](repeating: cpn_match(), count: capacity)
                    let total = region.withCString { cpn_find_numbers(chars, bytes.count, $0, &buffer, capacity) }
                    if total <= capacity {
                        return buffer.prefix(total).map { match in
                            PhoneNumberMatch(utf8Range: Int(match.start)..<Int(match.end),
                                             number: PhoneNumber(match.number))
                        }
                    }
                    capacity = total
                }
            }
        }
    }

    /// Longer text is refused without asking the library.
    public static let maximumInputLength = 250

    /// Parses one number written any way a person writes it ("8 800 100-70-10",
    /// "+7 (800) 100-70-10", "88001007010") and returns it if libphonenumber accepts it.
    public static func parse(_ text: String, region: String) throws(PhoneNumberError) -> PhoneNumber {
        // The C++ library, unlike the Java one, has no length check before its regexes,
        // which take seconds on a page-long "telephone" (an unclosed microdata element);
        // nothing this long is a number. 250 is the Java library's MAX_INPUT_STRING_LENGTH.
        guard text.utf8.count <= maximumInputLength else { throw .tooLong }
        var out = cpn_number()
        var text = text
        if let spaced = text.withUTF8(InterchangeText.spacedOut) { text = String(decoding: spaced, as: UTF8.self) }
        let status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                region.withCString { cpn_parse(chars.baseAddress, chars.count, $0, &out) }
            }
        }
        switch status {
        case CPN_OK: return PhoneNumber(out)
        case CPN_INVALID_COUNTRY_CODE:
            if !isSupported(region: region), region != "ZZ" { throw .unsupportedRegion(region) }
            throw .invalidCountryCode
        case CPN_TOO_SHORT_AFTER_IDD: throw .tooShortAfterInternationalPrefix
        case CPN_TOO_SHORT_NSN: throw .tooShort
        case CPN_TOO_LONG_NSN: throw .tooLong
        case CPN_NOT_VALID: throw .notValid(e164: PhoneNumber(out).e164)
        default: throw .notANumber
        }
    }

    /// True when libphonenumber's short-number metadata lists `digits` for the region.
    public static func isValidShortNumber(_ digits: String, region: String) -> Bool {
        cpn_is_valid_short_number(digits, region) != 0
    }

    public static func isEmergencyNumber(_ digits: String, region: String) -> Bool {
        cpn_is_emergency_number(digits, region) != 0
    }

    public static func isSupported(region: String) -> Bool {
        cpn_is_supported_region(region) != 0
    }
}

extension PhoneNumber {
    fileprivate init(_ raw: cpn_number) {
        let e164 = fixedString(raw.e164)
        let ext = fixedString(raw.extension)
        let region = fixedString(raw.region)
        self.init(e164: e164,
                  extensionDigits: ext.isEmpty ? nil : ext,
                  region: region.isEmpty || region == "ZZ" || region == "001" ? nil : region,
                  countryCode: Int(raw.country_code),
                  type: PhoneNumberType(raw.type))
    }
}

extension PhoneNumberType {
    fileprivate init(_ raw: cpn_number_type) {
        switch raw {
        case CPN_TYPE_FIXED_LINE: self = .fixedLine
        case CPN_TYPE_MOBILE: self = .mobile
        case CPN_TYPE_FIXED_LINE_OR_MOBILE: self = .fixedLineOrMobile
        case CPN_TYPE_TOLL_FREE: self = .tollFree
        case CPN_TYPE_PREMIUM_RATE: self = .premiumRate
        case CPN_TYPE_SHARED_COST: self = .sharedCost
        case CPN_TYPE_VOIP: self = .voip
        case CPN_TYPE_PERSONAL_NUMBER: self = .personalNumber
        case CPN_TYPE_PAGER: self = .pager
        case CPN_TYPE_UAN: self = .uan
        case CPN_TYPE_VOICEMAIL: self = .voicemail
        default: self = .unknown
        }
    }
}

/// Reads a NUL-terminated C char array imported as a tuple.
private func fixedString<T>(_ tuple: T) -> String {
    withUnsafeBytes(of: tuple) { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        let length = bytes.firstIndex(of: 0) ?? bytes.count
        return String(decoding: bytes.prefix(length), as: UTF8.self)
    }
}

extension PhoneNumberService {
    /// The loaded libphonenumber's version as its file name gives it (`8.12` from
    /// `libphonenumber.so.8.12`); nil when the name says none. Debian's file names stop at
    /// major.minor, so `metadataFingerprint` tells metadata releases apart.
    public static let libraryVersion: String? = {
        let path = String(cString: cpn_library_path())
        guard !path.isEmpty else { return nil }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().lastPathComponent
        guard let range = resolved.range(of: ".so.") else { return nil }
        let version = resolved[range.upperBound...]
        return version.isEmpty || !version.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : String(version)
    }()

    /// `sha256:` and 16 hex digits over every region's calling code and example numbers:
    /// changes when the compiled-in metadata does (libphonenumber has no version API).
    public static let metadataFingerprint: String = {
        "sha256:" + SHA256.hex(Array(String(cString: cpn_metadata_summary()).utf8)).prefix(16)
    }()
}
