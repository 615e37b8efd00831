import ContactModel

/// One discrepancy a reader acts on, with the records that show it, so the URL, DOM
/// path and text travel with the finding and can be checked in seconds.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: String
    public var severity: Severity
    public var channel: Channel
    /// The value the finding is about (a number, an address, a schedule); together with
    /// `rule` and each source it is what a baseline matches, never the message.
    public var value: String
    public var message: String
    /// Sorted, without duplicates.
    public var sources: [String]
    public var evidence: [ContactRecord]
    /// Which side an official source is on ("official sources state 24/7"), nil when no
    /// official source is involved.
    public var official: String?
    /// `first_seen`: the day (`YYYY-MM-DD`, UTC) a run first reported this finding, from
    /// the snapshot directory's findings history; nil when no history is kept.
    public var firstSeen: String?

    enum CodingKeys: String, CodingKey {
        case rule, severity, channel, value, message, sources, evidence, official
        case firstSeen = "first_seen"
    }

    public init(rule: String, severity: Severity, channel: Channel, value: String, message: String,
                sources: [String], evidence: [ContactRecord], official: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.channel = channel
        self.value = value
        self.message = message
        self.sources = Self.sortedUnique(sources)
        self.evidence = evidence.sortedByContent()
        self.official = official
    }

    /// A finding built from the records that show it: sources come from the records.
    public init(rule: String, severity: Severity, channel: Channel, value: String, message: String,
                evidence: [ContactRecord], official: String? = nil) {
        self.init(rule: rule, severity: severity, channel: channel, value: value, message: message,
                  sources: evidence.map(\.source), evidence: evidence, official: official)
    }

    /// A finding whose sources and evidence the caller took in content order from the
    /// audit's sorted records: sorting them again would only confirm the order.
    init(rule: String, severity: Severity, channel: Channel, value: String, message: String,
         sortedSources: [String], sortedEvidence: [ContactRecord], official: String?) {
        self.rule = rule
        self.severity = severity
        self.channel = channel
        self.value = value
        self.message = message
        self.sources = sortedSources
        self.evidence = sortedEvidence
        self.official = official
    }

    /// `Array(Set(sources)).sorted()`. Evidence is sorted by source first, so sources
    /// usually arrive in order and duplicates are neighbours: no hashing, no sort.
    static func sortedUnique(_ sources: [String]) -> [String] {
        var unique: [String] = []
        for source in sources {
            if let last = unique.last {
                if source == last { continue }
                if source < last { return Array(Set(sources)).sorted() }
            }
            unique.append(source)
        }
        return unique
    }
}

extension Finding: Comparable {
    /// Most severe first, then by rule and content, so reports never depend on the order
    /// pages were read in.
    public static func < (a: Finding, b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.value != b.value { return a.value < b.value }
        if a.channel != b.channel { return a.channel < b.channel }
        if a.sources != b.sources { return a.sources.lexicographicallyPrecedes(b.sources) }
        return a.message < b.message
    }
}
