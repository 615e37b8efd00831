import ContactHours
import ContactModel

/// One check from records and catalog to findings. A new rule is one new file with one
/// struct conforming to this, plus a line in `AllRules`.
public protocol AuditRule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings at the rule's default severity; the auditor applies per-audit settings.
    func check(_ context: AuditContext) -> [Finding]
}

extension AuditRule {
    var id: String { Self.description.id }

    /// A finding of this rule at its default severity, sources taken from the evidence.
    func finding(channel: Channel, value: String, message: String, evidence: [ContactRecord],
                 official: String? = nil) -> Finding {
        Finding(rule: Self.description.id, severity: Self.description.severity, channel: channel,
                value: value, message: message, evidence: evidence, official: official)
    }
}

/// What a rule is, for `--help`-like listings, the docs and the self-test: every rule
/// proves its own examples.
public struct RuleDescription: Sendable {
    public var id: String
    public var severity: Severity
    public var summary: String
    /// Why a reader should care.
    public var rationale: String
    /// Contexts on which the rule must stay silent.
    public var passing: [AuditContext]
    /// Contexts on which the rule must report at least one finding.
    public var failing: [AuditContext]

    public init(id: String, severity: Severity, summary: String, rationale: String,
                passing: [AuditContext], failing: [AuditContext]) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.passing = passing
        self.failing = failing
    }
}

/// Everything a rule may look at: the records of every page read, the normalised
/// catalog, and which sources are official and were read.
public struct AuditContext: Sendable {
    public var records: [ContactRecord]
    public var catalog: Catalog
    /// Sources marked `official: true` in the audit file.
    public var officialSources: Set<String>
    /// Sources that were read; a rule about what a page lacks must not fire on a page
    /// that could not be fetched.
    public var readSources: Set<String>
    /// Service short numbers (`112`, `115`, the audit's `short_numbers`) that are never
    /// "unknown".
    public var serviceNumbers: Set<String>

    /// The records by kind and every distinct schedule parsed once, so that a million
    /// records cost each rule one pass, not a filter and a parse per record.
    public let phones: [ContactRecord]
    public let emails: [ContactRecord]
    public let hours: [ContactRecord]
    private let schedules: [String: WeeklySchedule]

    public init(records: [ContactRecord], catalog: Catalog, officialSources: Set<String> = [],
                readSources: Set<String>? = nil, serviceNumbers: Set<String> = []) {
        self.records = records.sorted()
        self.catalog = catalog
        self.officialSources = officialSources
        self.readSources = readSources ?? Set(records.map(\.source))
        self.serviceNumbers = serviceNumbers
        var phones: [ContactRecord] = [], emails: [ContactRecord] = [], hours: [ContactRecord] = []
        var schedules: [String: WeeklySchedule] = [:]
        var unparsed: Set<String> = []
        for record in self.records {
            switch record.kind {
            case .phone: phones.append(record)
            case .email: emails.append(record)
            case .hours:
                hours.append(record)
                if schedules[record.value] == nil, !unparsed.contains(record.value) {
                    if let schedule = record.schedule { schedules[record.value] = schedule } else { unparsed.insert(record.value) }
                }
            }
        }
        self.phones = phones
        self.emails = emails
        self.hours = hours
        self.schedules = schedules
    }

    /// The schedule an hours record states (nil for `unspecified` and values outside our
    /// OSM subset), from the parse done once per distinct value.
    public func schedule(of record: ContactRecord) -> WeeklySchedule? {
        record.kind == .hours ? schedules[record.value] : nil
    }

    public func isOfficial(_ source: String) -> Bool { officialSources.contains(source) }

    /// "official sources state X" when an official source is among `records`.
    func officialNote(_ records: [ContactRecord], stating value: String) -> String? {
        records.contains { isOfficial($0.source) } ? "official sources state \(value)" : nil
    }

    /// Records grouped by value, in value order: one finding per value, carrying every
    /// page that states it.
    static func grouped(_ records: [ContactRecord]) -> [(value: String, records: [ContactRecord])] {
        Dictionary(grouping: records, by: \.value).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The channel a group of records is reported under: the first known one, else the
    /// rule's natural channel (e-mail for addresses).
    static func channel(of records: [ContactRecord], default fallback: Channel = .unknown) -> Channel {
        records.map(\.channel).filter { $0 != .unknown }.min() ?? fallback
    }
}

extension Collection where Element == String {
    /// "a, b and c" — for messages.
    var listed: String {
        let items = Array(self)
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
