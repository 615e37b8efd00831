import ContactHours
import ContactModel
import PhoneNumbers

/// The first `audit.yaml` of an organisation, from what its own pages state (`contact-audit
/// init`): every number, address and schedule found, each under a YAML comment saying
/// where the page states it, for a person to review. Nothing is guessed: a channel whose
/// pages disagree on hours gets the schedules as comments, not a value.
public struct AuditFileDraft: Sendable {
    public struct Source: Sendable {
        /// As the audit file will write it: a URL, or a path relative to the audit file.
        public var url: String
        public var records: [ContactRecord]
        /// Why the page could not be read, written as a comment; nil when it was.
        public var failure: String?

        public init(url: String, records: [ContactRecord], failure: String? = nil) {
            self.url = url
            self.records = records
            self.failure = failure
        }
    }

    public var name: String
    public var sources: [Source]
    /// `--region`; else the region most of the numbers found belong to.
    public var region: String?

    public init(name: String, sources: [Source], region: String? = nil) {
        self.name = name
        self.sources = sources
        self.region = region
    }

    /// When one value is stated on several channels, the catalog gets it once, under the
    /// most specific line.
    static let channelPreference: [Channel] = [.hotline, .business, .sales, .press, .fax, .messenger, .office, .phone,
                                               .chat, .form, .email, .unknown]

    private struct Place {
        var source: String
        var evidence: Evidence
        var raw: String?
    }

    private struct Value {
        var value: String
        var channels: [Channel] = []
        var places: [Place] = []
        var channel: Channel {
            Self.preferred(channels)
        }
        static func preferred(_ channels: [Channel]) -> Channel {
            AuditFileDraft.channelPreference.first(where: channels.contains) ?? .phone
        }
    }

    public func yaml() -> String {
        var phones: [String: Value] = [:], emails: [String: Value] = [:]
        // Per channel, schedules in the order first stated; values that are one schedule
        // (`24/7`, schema.org's `00:00-23:59`) are one entry, written as the text says it.
        var hours: [Channel: [(value: String, schedule: WeeklySchedule?, visible: Bool, places: [Place])]] = [:]
        var zones: [String: Int] = [:]
        for source in sources {
            for record in source.records {
                let places = ([record.evidence] + (record.repeats ?? [])).map { Place(source: source.url, evidence: $0, raw: record.raw) }
                switch record.kind {
                case .phone:
                    phones[record.value, default: Value(value: record.value)].channels.append(record.channel)
                    phones[record.value]?.places += places
                case .email:
                    guard record.evidence.method != .hidden else { continue }
                    emails[record.value, default: Value(value: record.value)].channels.append(record.channel)
                    emails[record.value]?.places += places
                case .hours:
                    guard record.value != "unspecified", record.channel != .unknown else { continue }
                    let schedule = record.schedule
                    let visible = record.evidence.method != .jsonLD && record.evidence.method != .microdata
                    var entries = hours[record.channel] ?? []
                    if let index = entries.firstIndex(where: { entry in
                        entry.value == record.value || schedule.flatMap { a in
                            entry.schedule.map { StructuredDataMismatchRule.agree(a, $0) } } == true
                    }) {
                        entries[index].places += places
                        if visible, !entries[index].visible { (entries[index].value, entries[index].visible) = (record.value, true) }
                    } else {
                        entries.append((record.value, schedule, visible, places))
                    }
                    hours[record.channel] = entries
                    if let zone = record.timezone { zones[zone, default: 0] += 1 }
                }
            }
        }
        var lines = [
            "# Started by `contact-audit init` from the pages below: every value is what a page states,",
            "# with where it states it. Review each one: remove what is not the organisation's, move",
            "# retired numbers to deprecated, then run `contact-audit check` on this file.",
            "name: \(Self.quoted(name))",
        ]
        if let region = region ?? Self.mostCommonRegion(Array(phones.keys)) { lines.append("region: \(region)") }
        if let zone = zones.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key {
            lines.append("timezone: \(zone)")
        }
        lines.append("catalog:")
        lines.append("  phones:" + (phones.isEmpty ? " []" : ""))
        // A channel's schedule goes on its numbers (`hours:` beside `number:`, as the audit
        // file's contract has it); catalog.hours keeps the channels without a number (chat, form).
        var numbered = Set<Channel>()
        for value in phones.values.sorted(by: { Self.order($0, $1) }) {
            let channel = value.channel == .unknown ? Channel.phone : value.channel
            lines += Self.comments(value.places, indent: "    ")
            lines.append("    - number: \(Self.quoted(value.value))")
            lines.append("      channel: \(channel.rawValue)")
            if let entries = hours[channel] {
                lines += Self.scheduleLines(entries, channel: channel, key: "hours", indent: "      ")
                numbered.insert(channel)
            }
        }
        lines.append("  emails:" + (emails.isEmpty ? " []" : ""))
        for value in emails.values.sorted(by: { Self.order($0, $1) }) {
            lines += Self.comments(value.places, indent: "    ")
            lines.append("    - address: \(Self.quoted(value.value))")
            lines.append("      channel: \(value.channel == .unknown ? Channel.email.rawValue : value.channel.rawValue)")
        }
        let unnumbered = hours.filter { !numbered.contains($0.key) }
        if !unnumbered.isEmpty {
            // Only agreed schedules are values; an empty mapping keeps the file valid when
            // every channel's schedules are left to the reviewer.
            lines.append(unnumbered.values.contains { $0.count == 1 } ? "  hours:" : "  hours: {}")
            for channel in unnumbered.keys.sorted() {
                lines += Self.scheduleLines(unnumbered[channel] ?? [], channel: channel, key: channel.rawValue, indent: "    ")
            }
        }
        lines.append("  deprecated:")
        lines.append("    phones: []")
        lines.append("    emails: []")
        lines.append("sources:")
        // An official page is expected to show a hotline number (missing-official-contact);
        // a page that showed none when the audit was started (a press or business contacts
        // page) is official without that duty, or the new audit would fail on its own pages.
        let hotlines = Set(phones.values.filter { $0.channel == .hotline }.map(\.value))
        for source in sources {
            if let failure = source.failure { lines.append("  # could not be read: \(Self.commentText(failure))") }
            lines.append("  - url: \(Self.quoted(source.url))")
            if source.failure == nil, !hotlines.isEmpty,
               !source.records.contains(where: { $0.kind == .phone && hotlines.contains($0.value) }) {
                lines.append("    # shows no hotline number: official, but not expected to show one (official: true would expect it)")
                lines.append("    official: []")
            } else {
                lines.append("    official: true")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Catalog order: by channel preference, then by value.
    private static func order(_ a: Value, _ b: Value) -> Bool {
        let (ra, rb) = (channelPreference.firstIndex(of: a.channel) ?? 99, channelPreference.firstIndex(of: b.channel) ?? 99)
        return ra != rb ? ra < rb : a.value < b.value
    }

    /// `key: "schedule"` under the comments saying where pages state it; schedules the
    /// pages disagree on are comments only, for the reviewer to pick.
    private static func scheduleLines(_ entries: [(value: String, schedule: WeeklySchedule?, visible: Bool, places: [Place])],
                                      channel: Channel, key: String, indent: String) -> [String] {
        if entries.count == 1, let entry = entries.first {
            return comments(entry.places, indent: indent) + ["\(indent)\(key): \(quoted(entry.value))"]
        }
        var lines = ["\(indent)# The pages disagree on \(channel.rawValue) hours; keep the right one:"]
        for entry in entries {
            lines += comments(entry.places, indent: indent)
            lines.append("\(indent)# \(key): \(quoted(entry.value))")
        }
        return lines
    }

    /// Up to three places, then how many more.
    private static func comments(_ places: [Place], indent: String) -> [String] {
        var lines = places.prefix(3).map { place in
            "\(indent)# \(commentText(place.source)) \(commentText(place.evidence.path)) (\(place.evidence.method.rawValue)): "
                + EvidenceQuote.quoted(excerpt(place.evidence.text, around: place.raw))
        }
        if places.count > 3 { lines.append("\(indent)# … and \(places.count - 3) more") }
        return lines
    }

    /// One line of a comment: page text with no line breaks or control characters.
    static func commentText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? " " : scalar
        }))
    }

    /// About 100 characters of the evidence, around the value as written.
    static func excerpt(_ text: String, around raw: String?, limit: Int = 100) -> String {
        let flat = commentText(text).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        guard flat.count > limit else { return flat }
        var start = flat.startIndex
        if let raw, let found = flat.range(of: raw) {
            let offset = flat.distance(from: flat.startIndex, to: found.lowerBound)
            start = flat.index(flat.startIndex, offsetBy: max(0, min(offset - 30, flat.count - limit)))
        }
        let end = flat.index(start, offsetBy: limit)
        return (start > flat.startIndex ? "…" : "") + flat[start..<end] + (end < flat.endIndex ? "…" : "")
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func mostCommonRegion(_ numbers: [String]) -> String? {
        var counts: [String: Int] = [:]
        for number in numbers where number.hasPrefix("+") {
            if let region = (try? PhoneNumberService.parse(number, region: "ZZ"))?.region { counts[region, default: 0] += 1 }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
