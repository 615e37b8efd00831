import ContactHours
import ContactModel

/// Builders for the rules' own examples: a small catalog like the Gosuslugi one and
/// hand-made records, so each example reads as one line.
enum Example {
    static let hotline = "+78001007010"
    static let abroad = "+74957274747"
    static let short = "115"
    static let retired = "+74995501839"
    static let email = "support@example.ru"
    static let retiredEmail = "old@example.ru"
    static let official = "https://www.example.ru/help"
    static let thirdParty = "https://blog.example.com/contacts"

    static let catalog = Catalog(
        phones: [
            CatalogPhone(number: hotline, channel: .hotline, hours: .alwaysOpen),
            CatalogPhone(number: abroad, channel: .hotline, hours: .alwaysOpen),
            CatalogPhone(number: short, channel: .hotline),
        ],
        emails: [CatalogEmail(address: email)],
        hours: [.chat: .alwaysOpen],
        deprecatedPhones: [retired],
        deprecatedEmails: [retiredEmail]
    )

    static func phone(_ value: String, channel: Channel = .hotline, source: String = thirdParty,
                      method: EvidenceMethod = .text, path: String = "/html/body/p",
                      text: String? = nil) -> ContactRecord {
        ContactRecord(kind: .phone, value: value, channel: channel, source: source,
                      evidence: Evidence(method: method, path: path, text: text ?? value))
    }

    static func email(_ value: String, source: String = thirdParty, method: EvidenceMethod = .mailto,
                      path: String = "/html/body/p/a", text: String? = nil) -> ContactRecord {
        ContactRecord(kind: .email, value: value, channel: .email, source: source,
                      evidence: Evidence(method: method, path: path, text: text ?? value))
    }

    static func hours(_ value: String, channel: Channel = .hotline, source: String = thirdParty,
                      path: String = "/html/body/p", text: String? = nil) -> ContactRecord {
        ContactRecord(kind: .hours, value: value, channel: channel, source: source,
                      evidence: Evidence(method: .text, path: path, text: text ?? value))
    }

    static func context(_ records: [ContactRecord], official: Set<String> = [official],
                        read: Set<String>? = nil, unreadable: [UnreadableSource] = []) -> AuditContext {
        var context = AuditContext(records: records, catalog: catalog, officialSources: official, readSources: read,
                                   serviceNumbers: ["112"])
        context.unreadableSources = unreadable
        return context
    }
}
