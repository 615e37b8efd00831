@testable import ContactPipeline
import ContactModel
import Foundation
import Testing

/// The warm-up builds the extractor's tables by extracting its sample page: the page must
/// reach every extractor whose tables are built lazily, or the first real page still waits.
@Suite struct ExtractorWarmUpTests {
    @Test func sampleReachesPhonesEmailsAndHours() {
        let records = ExtractorWarmUp.sampleRecords()
        let kinds = Set(records.map(\.kind))
        #expect(kinds.contains(.phone))
        #expect(kinds.contains(.email))
        #expect(kinds.contains(.hours))
        // The national number under the country heading is read in that country's region
        // (CountryLabels' CLDR names), the table row's through its first cell.
        #expect(records.contains { $0.kind == .phone && $0.value.hasPrefix("+4930") })
        #expect(records.contains { $0.kind == .phone && $0.value.hasPrefix("+431") })
    }

    /// Work started heaviest first still comes back in the elements' order.
    @Test func heaviestFirstKeepsTheElementsOrder() {
        let sizes = [3, 900, 1, 50, 900, 7, 0, 12_000, 4]
        let started = Locked<[Int]>([])
        let doubled = sizes.concurrentMap(heaviestFirst: { $0 }) { size in
            started.withLock { $0.append(size) }
            return size * 2
        }
        #expect(doubled == sizes.map { $0 * 2 })
        let order = started.withLock { $0 }
        #expect(order.sorted() == sizes.sorted())
        // Each worker takes the next heaviest when it is free: the heaviest is among the
        // first ones started, whatever the number of cores.
        #expect(order.prefix(ProcessInfo.processInfo.activeProcessorCount).contains(12_000))
    }
}
