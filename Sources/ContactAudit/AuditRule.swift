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
    /// Phones and e-mails by value, in value order: most rules report one finding per
    /// value, and grouping once spares each of them a dictionary and a sort.
    let phonesByValue: [ValueGroup]
    let emailsByValue: [ValueGroup]

    public init(records: [ContactRecord], catalog: Catalog, officialSources: Set<String> = [],
                readSources: Set<String>? = nil, serviceNumbers: Set<String> = []) {
        self.records = records.sortedByContent()
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
        self.phonesByValue = ValueGroup.byValue(phones)
        self.emailsByValue = ValueGroup.byValue(emails)
    }

    /// The schedule an hours record states (nil for `unspecified` and values outside our
    /// OSM subset), from the parse done once per distinct value.
    public func schedule(of record: ContactRecord) -> WeeklySchedule? {
        record.kind == .hours ? schedules[record.value] : nil
    }

    public func isOfficial(_ source: String) -> Bool { officialSources.contains(source) }

    /// "official sources state X" when an official source is among `records`.
    func officialNote(_ records: some Sequence<ContactRecord>, stating value: String) -> String? {
        records.contains { isOfficial($0.source) } ? "official sources state \(value)" : nil
    }

    /// The phones `source` states, in context order. Records are sorted by source first,
    /// so they are one run, found by binary search rather than a pass over every phone.
    func phones(from source: String) -> ArraySlice<ContactRecord> {
        func firstIndex(where isPast: (String) -> Bool) -> Int {
            var low = 0, high = phones.count
            while low < high {
                let middle = (low + high) / 2
                if isPast(phones[middle].source) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        let start = firstIndex { !($0 < source) }
        let end = firstIndex { source < $0 }
        return phones[start..<max(start, end)]
    }

    /// The channel a group of records is reported under: the first known one, else the
    /// rule's natural channel (e-mail for addresses).
    static func channel(of records: [ContactRecord], default fallback: Channel = .unknown) -> Channel {
        var first: Channel?
        for record in records where record.channel != .unknown && record.channel != first {
            if first.map({ record.channel < $0 }) ?? true { first = record.channel }
        }
        return first ?? fallback
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
