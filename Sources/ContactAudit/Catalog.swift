import ContactHours
import ContactModel

/// A phone number the organisation publishes, normalised like extracted numbers
/// (E.164, or digits for short numbers).
public struct CatalogPhone: Sendable, Hashable {
    public var number: String
    public var channel: Channel
    public var hours: WeeklySchedule?

    public init(number: String, channel: Channel, hours: WeeklySchedule? = nil) {
        self.number = number
        self.channel = channel
        self.hours = hours
    }
}

public struct CatalogEmail: Sendable, Hashable {
    public var address: String
    public var channel: Channel

    public init(address: String, channel: Channel = .email) {
        self.address = address.lowercased()
        self.channel = channel
    }
}

/// The canonical contacts, normalised, as rules compare against them.
public struct Catalog: Sendable, Hashable {
    public var phones: [CatalogPhone]
    public var emails: [CatalogEmail]
    /// Per channel, for channels without a number (chat, form) or to state a channel's
    /// hours once.
    public var hours: [Channel: WeeklySchedule]
    public var deprecatedPhones: Set<String>
    public var deprecatedEmails: Set<String>

    public init(phones: [CatalogPhone] = [], emails: [CatalogEmail] = [], hours: [Channel: WeeklySchedule] = [:],
                deprecatedPhones: Set<String> = [], deprecatedEmails: Set<String> = []) {
        self.phones = phones
        self.emails = emails
        self.hours = hours
        self.deprecatedPhones = deprecatedPhones
        self.deprecatedEmails = Set(deprecatedEmails.map { $0.lowercased() })
    }

    public var currentPhoneNumbers: Set<String> { Set(phones.map(\.number)) }
    public var currentEmailAddresses: Set<String> { Set(emails.map(\.address)) }

    public var hotlineNumbers: [String] {
        phones.filter { $0.channel == .hotline }.map(\.number)
    }

    /// The schedules a page may state for `channel`. Phone lines answer on the hotline's
    /// hours unless the catalog gives the channel its own.
    public func expectedHours(for channel: Channel) -> Set<WeeklySchedule> {
        // By meaning, as records' schedules are (`WeeklySchedule.byMeaning`).
        Set(statedHours(for: channel).map(\.byMeaning))
    }

    private func statedHours(for channel: Channel) -> Set<WeeklySchedule> {
        if let own = hours[channel] { return [own] }
        switch channel {
        case .hotline, .phone:
            var schedules = Set(phones.filter { $0.channel == .hotline }.compactMap(\.hours))
            if let hotline = hours[.hotline] { schedules.insert(hotline) }
            return schedules
        default:
            return Set(phones.filter { $0.channel == channel }.compactMap(\.hours))
        }
    }
}
