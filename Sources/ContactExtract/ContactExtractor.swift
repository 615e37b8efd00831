import ContactDocument
import ContactModel

/// Options of one extraction run.
public struct ExtractOptions: Sendable {
    public var regions: RegionResolver
    public var shortNumbers: ShortNumberTable

    public init(regions: RegionResolver = RegionResolver(), shortNumbers: ShortNumberTable = .builtIn) {
        self.regions = regions
        self.shortNumbers = shortNumbers
    }
}

/// Document → records: runs every extractor over a parsed page and returns its records
/// sorted and without duplicates (same value, channel, method and path).
public struct ContactExtractor: Sendable {
    public var options: ExtractOptions

    public init(options: ExtractOptions = ExtractOptions()) { self.options = options }

    public func extract(from document: HTMLDocument) -> [ContactRecord] {
        extract(from: document, stages: .all)
    }

    /// The extractors `extract(from:)` runs; the benchmark times each one alone
    /// (`contact-audit-bench extract-stages`). Hours without phones see no phone channels.
    public struct Stages: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let phones = Stages(rawValue: 1 << 0)
        public static let emails = Stages(rawValue: 1 << 1)
        public static let structuredData = Stages(rawValue: 1 << 2)
        public static let hours = Stages(rawValue: 1 << 3)
        public static let all: Stages = [.phones, .emails, .structuredData, .hours]
    }

    /// Forgets what earlier pages taught the process (the matcher's pieces read before), so
    /// that a benchmark's every pass costs what a fresh process's would. Output never depends
    /// on it.
    public static func forgetEarlierPages() {
        PieceMemo.shared.removeAll()
    }

    public func extract(from document: HTMLDocument, stages: Stages) -> [ContactRecord] {
        var collector = RecordCollector()
        var page = PageContext(document: document)
        if stages.contains(.phones) {
            PhoneExtractor(regions: options.regions, shortNumbers: options.shortNumbers).extract(from: document, page: &page, into: &collector)
        }
        if stages.contains(.emails) { EmailExtractor().extract(from: document, page: &page, into: &collector) }
        if stages.contains(.structuredData) {
            StructuredDataExtractor(regions: options.regions).extract(from: document, page: &page, into: &collector)
        }
        if stages.contains(.hours) {
            HoursExtractor().extract(from: document, page: &page, phoneChannels: collector.phoneChannelsByPosition(),
                                     into: &collector)
        }
        return collector.finish()
    }
}

/// Gathers records with their position in the page, then states each value once per
/// page and channel: the first place in page order is the record's evidence, the
/// others go into `repeats`.
struct RecordCollector {
    private var items: [(record: ContactRecord, position: Int)] = []

    mutating func add(_ record: ContactRecord, at position: Int) {
        items.append((record, position))
    }

    /// An extension is part of what a page tells you to dial: "доб. 55" and "доб. 123"
    /// are two contact points.
    /// Phone values already recorded for a block.
    func phoneValues(at position: Int) -> Set<String> {
        Set(items.lazy.filter { $0.position == position && $0.record.kind == .phone }.map(\.record.value))
    }

    /// The channel of the first phone found in each block, for the hours next to it.
    func phoneChannelsByPosition() -> [Int: Channel] {
        var channels: [Int: Channel] = [:]
        for item in items where item.record.kind == .phone && channels[item.position] == nil {
            channels[item.position] = item.record.channel
        }
        return channels
    }

    private struct Key: Hashable {
        var kind: RecordKind, value: String, channel: Channel, source: String, extensionDigits: String?
    }

    func finish() -> [ContactRecord] {
        var groups: [Key: [(record: ContactRecord, position: Int)]] = [:]
        for item in items {
            let r = item.record
            groups[Key(kind: r.kind, value: r.value, channel: r.channel, source: r.source, extensionDigits: r.extension),
                   default: []].append(item)
        }
        var records: [ContactRecord] = []
        records.reserveCapacity(groups.count)
        for (_, group) in groups {
            let ordered = group.sorted { a, b in
                if a.position != b.position { return a.position < b.position }
                return a.record < b.record
            }
            var primary = ordered[0].record
            var seen: Set<Evidence> = [primary.evidence]
            var repeats: [Evidence] = []
            for item in ordered.dropFirst() where seen.insert(item.record.evidence).inserted {
                repeats.append(item.record.evidence)
            }
            primary.repeats = repeats.isEmpty ? nil : repeats
            records.append(primary)
        }
        return records.sorted()
    }
}
