import ContactHours
import ContactModel

/// One page of a rule's example, written the way sites write their pages. The test suite
/// reads it through the HTML parser and the extractor, like a page the audit fetched, so
/// an example proves the rule on the records extraction really gives (paths, repeats,
/// channels), not on records shaped to suit the rule.
public struct ExamplePage: Sendable {
    public var url: String
    /// A whole document: `<html lang="ru">…</html>`.
    public var html: String
    /// Declared official in the audit file.
    public var official: Bool
    /// False for a page that could not be fetched: it is a source without records.
    public var read: Bool
    /// Reached by a link from an official source rather than named in the audit file:
    /// official for trust, not expected to show the hotline.
    public var crawled: Bool
    /// Why an unread page could not be read, as the run reports it (`source-unreadable`).
    public var failure: ExampleFailure?

    public init(url: String, html: String, official: Bool = false, read: Bool = true, crawled: Bool = false,
                failure: ExampleFailure? = nil) {
        self.url = url
        self.html = html
        self.official = official
        self.read = read
        self.crawled = crawled
        self.failure = failure
    }
}

/// An example page the run could not read: its status (`error`, `blocked`, `not-html`),
/// the reason, and on how many runs in a row.
public struct ExampleFailure: Sendable {
    public var status: String
    public var reason: String
    public var runs: Int

    public init(status: String, reason: String, runs: Int = 1) {
        self.status = status
        self.reason = reason
        self.runs = runs
    }
}

/// A rule example: some pages audited against `Example.catalog`.
public struct RuleExample: Sendable {
    public var pages: [ExamplePage]
    /// Values the findings must name, for failing examples (empty: any finding will do).
    public var values: [String]

    public init(pages: [ExamplePage], values: [String] = []) {
        self.pages = pages
        self.values = values
    }

    public var catalog: Catalog { Example.catalog }

    /// The catalog's short numbers, which extraction must recognise as the audit's own.
    public var shortNumbers: [String] { catalog.phones.map(\.number).filter { !$0.hasPrefix("+") } }

    /// The audit context over the records extraction found on `pages` (named by URL).
    public func context(records: [ContactRecord]) -> AuditContext {
        var context = AuditContext(records: records, catalog: catalog,
                                   officialSources: Set(pages.filter(\.official).map(\.url)),
                                   readSources: Set(pages.filter(\.read).map(\.url)),
                                   serviceNumbers: ["112"],
                                   hotlineSources: Set(pages.filter { $0.official && !$0.crawled }.map(\.url)))
        context.unreadableSources = pages.compactMap { page in
            page.failure.map { UnreadableSource(source: page.url, official: page.official, status: $0.status,
                                                reason: $0.reason, runs: $0.runs) }
        }
        return context
    }
}

/// Builders for the rules' own examples (a small catalog like the Gosuslugi one and
/// pages in Russian), and for hand-made records in unit tests.
public enum Example {
    public static let hotline = "+78001007010"
    public static let abroad = "+74957274747"
    public static let short = "115"
    public static let retired = "+74995501839"
    public static let email = "support@example.ru"
    public static let retiredEmail = "old@example.ru"
    public static let official = "https://www.example.ru/help"
    public static let thirdParty = "https://blog.example.com/contacts"

    public static let catalog = Catalog(
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

    /// A page whose `<body>` is `body`.
    public static func page(_ body: String, url: String = thirdParty, official: Bool = false,
                            read: Bool = true) -> ExamplePage {
        ExamplePage(url: url, html: """
            <!DOCTYPE html>
            <html lang="ru"><head><meta charset="utf-8"><title>Контакты</title></head>
            <body>
            \(body)
            </body></html>
            """, official: official, read: read)
    }

    /// A page the run could not read (a fetch error, a bot wall, a body that is not a page).
    public static func unreadablePage(url: String = thirdParty, official: Bool = false, status: String,
                                      reason: String, runs: Int = 1) -> ExamplePage {
        ExamplePage(url: url, html: "", official: official, read: false,
                    failure: ExampleFailure(status: status, reason: reason, runs: runs))
    }

    /// The organisation's own help page.
    public static func officialPage(_ body: String, url: String = official) -> ExamplePage {
        page(body, url: url, official: true)
    }

    public static func audit(_ pages: ExamplePage..., values: [String] = []) -> RuleExample {
        RuleExample(pages: pages, values: values)
    }

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
