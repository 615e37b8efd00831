/// The kind of line a number belongs to, as libphonenumber's metadata classifies it;
/// `short` is ours, for service numbers such as 112 or 115.
public enum PhoneNumberType: String, Sendable, Hashable, Codable, CaseIterable {
    case fixedLine = "fixed-line"
    case mobile
    case fixedLineOrMobile = "fixed-line-or-mobile"
    case tollFree = "toll-free"
    case premiumRate = "premium-rate"
    case sharedCost = "shared-cost"
    case voip
    case personalNumber = "personal-number"
    case pager
    case uan
    case voicemail
    case short
    case unknown
}
