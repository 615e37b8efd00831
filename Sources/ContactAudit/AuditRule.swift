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

    /// A finding whose evidence is the records at `positions` (ascending) in `context`:
    /// already in content order, so neither evidence nor sources need sorting.
    func finding(channel: Channel, value: String, message: String, evidence positions: some Collection<Int32>,
                 in context: AuditContext, official: String? = nil) -> Finding {
        Finding(rule: Self.description.id, severity: Self.description.severity, channel: channel,
                value: value, message: message, sortedSources: context.sources(at: positions),
                sortedEvidence: context.records(at: positions), official: official)
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
    /// Sorted by content. Set once: the tables below hold positions in it.
    public private(set) var records: [ContactRecord]
    public var catalog: Catalog
    /// Sources marked `official: true` in the audit file. Set once: whether each page is
    /// official is looked up at init.
    public private(set) var officialSources: Set<String>
    /// Sources that were read; a rule about what a page lacks must not fire on a page
    /// that could not be fetched.
    public var readSources: Set<String>
    /// Service short numbers (`112`, `115`, the audit's `short_numbers`) that are never
    /// "unknown".
    public var serviceNumbers: Set<String>
    /// Sources that could not be read, with how many runs in a row (`source-unreadable`).
    public var unreadableSources: [UnreadableSource] = []
    /// Runs in a row after which an unreadable official source is an error, not a warning
    /// (`rules: {source-unreadable: {runs: N}}`).
    public var unreadableRunsForError = AuditFile.defaultUnreadableRuns

    /// Positions in `records` of each kind, ascending, so in content order. Positions, not
    /// copies: copying a record retains each of its strings, and freeing it releases them,
    /// which at a million records cost more than the rules.
    let phones: [Int32]
    let emails: [Int32]
    let hours: [Int32]
    /// For each record, its page's number: records are sorted by source, so a page is one
    /// run, and comparing page numbers spares hashing or comparing URLs per record.
    let pageOfRecord: [Int32]
    let isOfficialPage: [Bool]
    /// For each entry of `hours`, its schedule's number in `distinctSchedules`, -1 for none.
    /// Values that parse to equal schedules (`24/7`, `Mo-Su 00:00-24:00`) share a number.
    let scheduleOfHours: [Int32]
    let distinctSchedules: [WeeklySchedule]
    private let schedules: [String: WeeklySchedule]
    /// Phones and e-mails by value, in value order: most rules report one finding per
    /// value, and grouping once spares each of them a dictionary and a sort.
    let phonesByValue: [ValueGroup]
    let emailsByValue: [ValueGroup]

    public init(records: [ContactRecord], catalog: Catalog, officialSources: Set<String> = [],
                readSources: Set<String>? = nil, serviceNumbers: Set<String> = []) {
        let stated = records
        let records = stated.sortedByContent()
        self.records = records
        self.catalog = catalog
        self.officialSources = officialSources
        self.serviceNumbers = serviceNumbers
        var phones: [Int32] = [], emails: [Int32] = [], hours: [Int32] = []
        var pageOfRecord: [Int32] = [], isOfficialPage: [Bool] = []
        var scheduleOfHours: [Int32] = []
        var distinctSchedules: [WeeklySchedule] = []
        var schedules: [String: WeeklySchedule] = [:]
        var scheduleOfValue: [String: Int32] = [:]
        var numberOfSchedule: [WeeklySchedule: Int32] = [:]
        pageOfRecord.reserveCapacity(records.count)
        records.withUnsafeBufferPointer { records in
            for index in records.indices {
                let position = Int32(index)
                if index == 0 || records[index].source != records[index - 1].source {
                    isOfficialPage.append(officialSources.contains(records[index].source))
                }
                pageOfRecord.append(Int32(isOfficialPage.count - 1))
                switch records[index].kind {
                case .phone: phones.append(position)
                case .email: emails.append(position)
                case .hours:
                    hours.append(position)
                    let value = records[index].value
                    let number = scheduleOfValue[value] ?? {
                        var number: Int32 = -1
                        if let schedule = records[index].schedule {
                            schedules[value] = schedule
                            number = numberOfSchedule[schedule] ?? {
                                distinctSchedules.append(schedule)
                                let number = Int32(distinctSchedules.count - 1)
                                numberOfSchedule[schedule] = number
                                return number
                            }()
                        }
                        scheduleOfValue[value] = number
                        return number
                    }()
                    scheduleOfHours.append(number)
                }
            }
        }
        self.readSources = readSources ?? Set(stated.map(\.source))
        self.phones = phones
        self.emails = emails
        self.hours = hours
        self.pageOfRecord = pageOfRecord
        self.isOfficialPage = isOfficialPage
        self.scheduleOfHours = scheduleOfHours
        self.distinctSchedules = distinctSchedules
        self.schedules = schedules
        self.phonesByValue = ValueGroup.byValue(phones, in: records)
        self.emailsByValue = ValueGroup.byValue(emails, in: records)
    }

    /// The schedule an hours record states (nil for `unspecified` and values outside our
    /// OSM subset), from the parse done once per distinct value.
    public func schedule(of record: ContactRecord) -> WeeklySchedule? {
        record.kind == .hours ? schedules[record.value] : nil
    }

    public func isOfficial(_ source: String) -> Bool { officialSources.contains(source) }

    func isOfficial(at position: Int32) -> Bool { isOfficialPage[Int(pageOfRecord[Int(position)])] }

    /// The records at `positions`, as a finding's evidence.
    func records(at positions: some Sequence<Int32>) -> [ContactRecord] {
        records.withUnsafeBufferPointer { records in positions.map { records[Int($0)] } }
    }

    /// "official sources state X" when an official source is among `positions`.
    func officialNote(_ positions: some Sequence<Int32>, stating value: String) -> String? {
        Self.officialNote(positions.contains { isOfficial(at: $0) }, stating: value)
    }

    /// "official sources state X" when an official source is among `records`.
    func officialNote(_ records: some Sequence<ContactRecord>, stating value: String) -> String? {
        Self.officialNote(records.contains { isOfficial($0.source) }, stating: value)
    }

    private static func officialNote(_ official: Bool, stating value: String) -> String? {
        official ? "official sources state \(value)" : nil
    }

    /// The positions of the phones `source` states. Records are sorted by source first,
    /// so they are one run, found by binary search rather than a pass over every phone.
    func phones(from source: String) -> ArraySlice<Int32> {
        func firstIndex(where isPast: (String) -> Bool) -> Int {
            var low = 0, high = phones.count
            while low < high {
                let middle = (low + high) / 2
                if isPast(records[Int(phones[middle])].source) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        let start = firstIndex { !($0 < source) }
        let end = firstIndex { source < $0 }
        return phones[start..<max(start, end)]
    }

    /// The channel a group of records is reported under: the first known one, else the
    /// rule's natural channel (e-mail for addresses).
    func channel(of positions: some Sequence<Int32>, default fallback: Channel = .unknown) -> Channel {
        records.withUnsafeBufferPointer { records in
            Self.reportedChannel(positions.lazy.map { records[Int($0)].channel }, default: fallback)
        }
    }

    /// The channel a group of records is reported under: the first known one, else the
    /// rule's natural channel (e-mail for addresses).
    static func channel(of records: [ContactRecord], default fallback: Channel = .unknown) -> Channel {
        reportedChannel(records.lazy.map(\.channel), default: fallback)
    }

    /// The smallest known channel; a loop rather than `filter`/`min`, which cost a tenth of
    /// the million-record audit through their generic layers.
    @inline(__always)
    private static func reportedChannel(_ channels: some Sequence<Channel>, default fallback: Channel) -> Channel {
        var first: Channel?
        for channel in channels where channel != .unknown && channel != first {
            if first.map({ channel < $0 }) ?? true { first = channel }
        }
        return first ?? fallback
    }

    /// The sources of the records at `positions` (ascending), sorted and without
    /// duplicates, as `Finding` would derive them: pages are runs, so one URL per run.
    func sources(at positions: some Sequence<Int32>) -> [String] {
        var sources: [String] = []
        var lastPage: Int32 = -1
        for position in positions where pageOfRecord[Int(position)] != lastPage {
            lastPage = pageOfRecord[Int(position)]
            sources.append(records[Int(position)].source)
        }
        return sources
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
