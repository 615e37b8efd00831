import ContactDocument
import ContactModel

/// Options of one extraction run.
public struct ExtractOptions: Sendable {
    public var regions: RegionResolver
    public init(regions: RegionResolver = RegionResolver()) { self.regions = regions }
}

/// Document → records: runs every extractor over a parsed page and returns its records
/// sorted and without duplicates (same value, channel, method and path).
public struct ContactExtractor: Sendable {
    public var options: ExtractOptions

    public init(options: ExtractOptions = ExtractOptions()) { self.options = options }

    public func extract(from document: HTMLDocument) -> [ContactRecord] {
        var collector = RecordCollector()
        PhoneExtractor(regions: options.regions).extract(from: document, into: &collector)
        EmailExtractor().extract(from: document, into: &collector)
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

    private struct Key: Hashable {
        var kind: RecordKind, value: String, channel: Channel, source: String
    }

    func finish() -> [ContactRecord] {
        var groups: [Key: [(record: ContactRecord, position: Int)]] = [:]
        for item in items {
            let r = item.record
            groups[Key(kind: r.kind, value: r.value, channel: r.channel, source: r.source), default: []].append(item)
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
