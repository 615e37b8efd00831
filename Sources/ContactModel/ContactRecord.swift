/// What a record states: a phone number, an e-mail address or a schedule.
public enum RecordKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case phone, email, hours

    /// Declaration order, without building `allCases` for every comparison.
    public static func < (a: RecordKind, b: RecordKind) -> Bool { a.rank < b.rank }

    var rank: Int {
        switch self {
        case .phone: return 0
        case .email: return 1
        case .hours: return 2
        }
    }
}

/// The contact channel a value belongs to. `hotline` is the main phone support line,
/// other phone lines are `phone`; `business` (lines for business customers, legal
/// entities), `sales` and `press` are lines for an audience or a department.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case hotline, phone, chat, email, messenger, form, fax, office, press, business, sales, unknown

    public static func < (a: Channel, b: Channel) -> Bool { a.rawValue < b.rawValue }
}

/// How a value was found.
public enum EvidenceMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case telLink = "tel-link"
    /// A WhatsApp or Viber link that opens a chat with a number (`https://wa.me/7916…`).
    case messengerLink = "messenger-link"
    case mailto
    case text
    case jsonLD = "json-ld"
    case microdata
    case microformat
    case cfemail
    case obfuscated
    case table
    case hidden
}

/// Where a reader can check a record: the DOM path and the text around the value.
public struct Evidence: Sendable, Hashable, Codable {
    public var method: EvidenceMethod
    public var path: String
    public var text: String

    public init(method: EvidenceMethod, path: String, text: String) {
        self.method = method
        self.path = path
        self.text = text
    }
}

/// One contact fact a page states, with its evidence.
public struct ContactRecord: Sendable, Hashable, Codable {
    public var kind: RecordKind
    /// Phones in E.164 (short numbers as written digits), e-mails lower-cased, hours in
    /// OSM `opening_hours` syntax or `unspecified`.
    public var value: String
    public var channel: Channel
    /// The page's URL (or the path it was read from).
    public var source: String
    public var evidence: Evidence
    /// Phones: toll-free, fixed-line, mobile, short, ...
    public var type: String?
    /// The value as the page writes it ("8‑800‑555‑35‑35").
    public var raw: String?
    /// Phones: the extension ("доб. 123" → "123").
    public var `extension`: String?
    /// Hours: the IANA time zone the page states them in.
    public var timezone: String?
    /// The nearest heading above the value.
    public var section: String?
    /// Where else on the same page the same value is stated for the same channel, in
    /// page order; nil when only once.
    public var repeats: [Evidence]?

    public init(kind: RecordKind, value: String, channel: Channel, source: String, evidence: Evidence,
                type: String? = nil, raw: String? = nil, extension: String? = nil,
                timezone: String? = nil, section: String? = nil) {
        self.kind = kind
        self.value = value
        self.channel = channel
        self.source = source
        self.evidence = evidence
        self.type = type
        self.raw = raw
        self.extension = `extension`
        self.timezone = timezone
        self.section = section
    }
}

extension ContactRecord: Comparable {
    /// A total order on content, so that the same pages always give the same files.
    /// `sortedByContent()` sorts by the same order from precomputed keys.
    public static func < (a: ContactRecord, b: ContactRecord) -> Bool {
        if a.source != b.source { return a.source < b.source }
        if a.kind != b.kind { return a.kind < b.kind }
        if a.value != b.value { return a.value < b.value }
        if a.channel != b.channel { return a.channel < b.channel }
        if a.evidence.path != b.evidence.path { return a.evidence.path < b.evidence.path }
        if a.evidence.method != b.evidence.method { return a.evidence.method.rawValue < b.evidence.method.rawValue }
        if a.evidence.text != b.evidence.text { return a.evidence.text < b.evidence.text }
        return (a.raw ?? "") < (b.raw ?? "")
    }
}

/// The `{"records": [...]}` document of `extract --format json` and of snapshots.
public struct RecordList: Sendable, Hashable, Codable {
    public var records: [ContactRecord]
    public init(records: [ContactRecord]) { self.records = records }
}
