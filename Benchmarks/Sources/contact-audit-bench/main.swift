// Prints throughput figures; asserts nothing. Run through scripts/bench.
import ContactAudit
import ContactDocument
import ContactExtract
import ContactModel
import ContactSnapshot
import Dispatch
import Foundation

func loadCorpus(_ directory: String) -> [(name: String, bytes: [UInt8])] {
    let root = URL(fileURLWithPath: directory)
    let names = (FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? [])
        .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted()
    return names.compactMap { name in
        (try? Data(contentsOf: root.appendingPathComponent(name))).map { (name, [UInt8]($0)) }
    }
}

/// Best of `rounds` wall-clock times of `body`, in seconds.
func best(_ rounds: Int, _ body: () -> Void) -> Double {
    var fastest = Double.infinity
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return fastest
}

func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

func extractBench(_ arguments: [String]) {
    let directory = arguments.first ?? "Benchmarks/corpus"
    let rounds = Int(arguments.dropFirst().first ?? "") ?? 3
    let pages = loadCorpus(directory)
    let megabytes = Double(pages.reduce(0) { $0 + $1.bytes.count }) / 1e6
    let charsets = pages.map { ParserProbe.charset(of: $0.bytes) }
    let extractor = ContactExtractor(options: ExtractOptions(regions: RegionResolver(fallbackRegion: "US")))
    var sink = 0

    let parse = best(rounds) {
        for (page, charset) in zip(pages, charsets) where ParserProbe.parseAndFree(page.bytes, charset: charset) { sink += 1 }
    }
    let scan = best(rounds) {
        for (page, charset) in zip(pages, charsets) where ParserProbe.parseWithoutTree(page.bytes, charset: charset) { sink += 1 }
    }
    let blocks = best(rounds) {
        for page in pages { sink += (try? HTMLDocument(bytes: page.bytes, source: page.name))?.blocks.count ?? 0 }
    }
    let full = best(rounds) {
        // Each pass as a fresh process would run it (the matcher's memo of pieces starts empty).
        ContactExtractor.forgetEarlierPages()
        for page in pages {
            guard let document = try? HTMLDocument(bytes: page.bytes, source: page.name) else { continue }
            sink += extractor.extract(from: document).count
        }
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let parallel = best(rounds) {
        ContactExtractor.forgetEarlierPages()
        // Each iteration writes its own slot, so the buffer is shared without a lock.
        nonisolated(unsafe) let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: pages.count)
        defer { counts.deallocate() }
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let page = pages[index]
            let document = try? HTMLDocument(bytes: page.bytes, source: page.name)
            counts[index] = document.map { extractor.extract(from: $0).count } ?? 0
        }
        sink += counts.reduce(0, +)
    }
    let a = megabytes / parse, b = megabytes / blocks, c = megabytes / full, d = megabytes / parallel
    print(String(format: "corpus: %d pages, %.2f MB (%@), best of %d", pages.count, megabytes, directory, rounds))
    print(String(format: "(a) libxml2 parse only          %7.1f MB/s", a))
    print(String(format: "    libxml2 parse, no tree      %7.1f MB/s   (the floor under our streaming read)", megabytes / scan))
    print(String(format: "(b) parse + text blocks         %7.1f MB/s   b/a = %.2f", b, b / a))
    print(String(format: "(c) full extract, 1 thread      %7.1f MB/s   c/a = %.2f   (target >= 0.60)", c, c / a))
    print(String(format: "(d) full extract, %d threads     %7.1f MB/s   d/a = %.2f   (target >= 1.00)", cores, d, d / a))
    print(String(format: "peak RSS %.0f MB  (checksum %d)", peakRSSMegabytes(), sink))
}

/// Records of `count` pages-worth of a realistic mix, against the example's catalog.
func auditBench(_ arguments: [String]) {
    let sizes = arguments.compactMap(Int.init)
    for size in sizes.isEmpty ? [10_000, 100_000, 1_000_000] : sizes {
        var records: [ContactRecord] = []
        records.reserveCapacity(size)
        let schedules = ["24/7", "Mo-Fr 08:00-20:00", "Mo-Fr 09:00-21:00", "08:00-20:00", "unspecified"]
        for index in 0..<size {
            let source = "https://site\(index % 5_000).example.ru/help"
            let evidence = Evidence(method: .text, path: "/html/body/p[\(index % 40)]", text: "Телефон горячей линии")
            switch index % 4 {
            case 0: records.append(ContactRecord(kind: .phone, value: "+7800\(1_000_000 + index % 900_000)", channel: .hotline,
                                                 source: source, evidence: evidence))
            case 1: records.append(ContactRecord(kind: .phone, value: "+78001007010", channel: .hotline, source: source, evidence: evidence))
            case 2: records.append(ContactRecord(kind: .email, value: "user\(index % 1000)@example.ru", channel: .email,
                                                 source: source, evidence: evidence))
            default: records.append(ContactRecord(kind: .hours, value: schedules[index % schedules.count],
                                                  channel: index % 8 == 3 ? .chat : .hotline, source: source, evidence: evidence))
            }
        }
        var catalog = Catalog()
        catalog.phones = [CatalogPhone(number: "+78001007010", channel: .hotline)]
        let statuses = Set(records.map(\.source)).map { SourceStatus(url: $0, official: false, records: 1) }
        let file = AuditFile(path: "bench/audit.yaml", name: "bench", region: "RU", catalog: catalog)
        let auditor = Auditor(settings: [:])
        var findings = 0
        let seconds = best(1) { findings = auditor.run(file.context(records: records, sources: statuses)).count }
        print(String(format: "audit rules: %8d records  %7.3f s  (%d findings)", size, seconds, findings))
    }
}

/// Two snapshots of `count` records over 5,000 sources, the second with 1% of values
/// changed, 0.5% of records removed and as many added; times `SnapshotDiff` alone.
func diffBench(_ arguments: [String]) {
    let sizes = arguments.compactMap(Int.init)
    for size in sizes.isEmpty ? [10_000, 100_000, 1_000_000] : sizes {
        func snapshot(changed: Bool) -> Snapshot {
            var bySource: [String: [ContactRecord]] = [:]
            for index in 0..<size {
                if changed, index % 200 == 7 { continue }
                let value = changed && index % 100 == 3 ? "+7800\(2_000_000 + index)" : "+7800\(1_000_000 + index)"
                let source = "https://site\(index % 5_000).example.ru/help"
                bySource[source, default: []].append(ContactRecord(
                    kind: .phone, value: value, channel: .hotline, source: source,
                    evidence: Evidence(method: .text, path: "/html/body/p[\(index / 5_000)]", text: "Тел. \(value)")))
            }
            if changed {
                for index in stride(from: 11, to: size, by: 200) {
                    let source = "https://site\(index % 5_000).example.ru/help"
                    bySource[source, default: []].append(ContactRecord(
                        kind: .email, value: "new\(index)@example.ru", channel: .email, source: source,
                        evidence: Evidence(method: .text, path: "/html/body/footer", text: "new\(index)@example.ru")))
                }
            }
            return Snapshot(sources: bySource.map { SourceSnapshot(source: $0.key, official: false,
                                                                   fetch: FetchState(result: "fetched"), records: $0.value.sorted()) },
                            label: changed ? "after" : "before")
        }
        let before = snapshot(changed: false), after = snapshot(changed: true)
        var changes = 0
        let seconds = best(1) { changes = SnapshotDiff(before: before, after: after).sources.count }
        print(String(format: "diff:        %8d records  %7.3f s  (%d sources changed)", size, seconds, changes))
    }
}

/// Stage (c) alone, ROUNDS times, for a profiler (`perf record`) to see only extraction.
func profileBench(_ arguments: [String]) {
    let pages = loadCorpus(arguments.first ?? "Benchmarks/corpus")
    let rounds = Int(arguments.dropFirst().first ?? "") ?? 5
    let extractor = ContactExtractor(options: ExtractOptions(regions: RegionResolver(fallbackRegion: "US")))
    var sink = 0
    for _ in 0..<rounds {
        ContactExtractor.forgetEarlierPages()
        for page in pages {
            guard let document = try? HTMLDocument(bytes: page.bytes, source: page.name) else { continue }
            sink += extractor.extract(from: document).count
        }
    }
    print("records: \(sink)")
    // Where extraction (beyond parsing) costs most: the ten slowest pages.
    let clock = ContinuousClock()
    var costs: [(name: String, parse: Duration, extract: Duration)] = []
    for page in pages {
        var document: HTMLDocument?
        let parse = clock.measure { document = try? HTMLDocument(bytes: page.bytes, source: page.name) }
        guard let document else { continue }
        let extract = clock.measure { sink += extractor.extract(from: document).count }
        costs.append((page.name, parse, extract))
    }
    for cost in costs.sorted(by: { $0.extract > $1.extract }).prefix(10) {
        print(String(format: "%8.1f ms extract %8.1f ms parse+blocks  %@", cost.extract / .milliseconds(1),
                     cost.parse / .milliseconds(1), cost.name))
    }
}

/// Stage (b) alone (parse + text blocks, no extraction), ROUNDS times, for a profiler to
/// see only the document layer and libxml2 under it.
func profileBlocksBench(_ arguments: [String]) {
    let pages = loadCorpus(arguments.first ?? "Benchmarks/corpus")
    let rounds = Int(arguments.dropFirst().first ?? "") ?? 5
    var sink = 0
    for _ in 0..<rounds {
        for page in pages { sink += (try? HTMLDocument(bytes: page.bytes, source: page.name))?.blocks.count ?? 0 }
    }
    print("blocks: \(sink)")
}

/// CPU time of the calling thread, in seconds: the benchmark's figures on a shared machine.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Each extractor alone over the pages parsed beforehand (anew for each pass), one thread: the least thread CPU
/// time of ROUNDS passes, in ms per MB of HTML. "none" is the page context and the record
/// collector alone; each extractor's line is less "none". The extractors share the page's
/// memos (lower-cased blocks, channel signals), so the lines add up to more than "all".
func extractStagesBench(_ arguments: [String]) {
    let directory = arguments.first ?? "Benchmarks/corpus"
    let rounds = Int(arguments.dropFirst().first ?? "") ?? 5
    let only = arguments.dropFirst(2).first
    let pages = loadCorpus(directory)
    let megabytes = Double(pages.reduce(0) { $0 + $1.bytes.count }) / 1e6
    // Fresh documents for every pass: a string keeps what Foundation worked out about it
    // (UTF-16 breadcrumbs), so a second pass over the same documents would cost less than
    // a run does.
    func parsed() -> [HTMLDocument] { pages.compactMap { try? HTMLDocument(bytes: $0.bytes, source: $0.name) } }
    let extractor = ContactExtractor(options: ExtractOptions(regions: RegionResolver(fallbackRegion: "US")))
    _ = parsed().first.map { extractor.extract(from: $0) }  // one-time tables
    let stages: [(String, ContactExtractor.Stages)] = [("none", []), ("phones", .phones), ("emails", .emails),
                                                       ("structured", .structuredData), ("hours", .hours), ("all", .all)]
    var sink = 0
    var none = 0.0
    print(String(format: "corpus: %d pages, %.2f MB (%@), least thread CPU of %d", pages.count, megabytes, directory, rounds))
    for (name, stage) in stages where only == nil || only == name || name == "none" {
        var least = Double.infinity
        for _ in 0..<rounds {
            let documents = parsed()
            ContactExtractor.forgetEarlierPages()
            let start = threadCPUSeconds()
            for document in documents { sink += extractor.extract(from: document, stages: stage).count }
            least = min(least, threadCPUSeconds() - start)
        }
        if name == "none" { none = least }
        let extra = name == "none" ? "" : String(format: "   (%.2f ms/MB beyond none)", (least - none) * 1000 / megabytes)
        print(name.padding(toLength: 11, withPad: " ", startingAt: 0)
              + String(format: " %8.1f ms  %6.2f ms/MB", least * 1000, least * 1000 / megabytes) + extra)
    }
    // The same passes as `extract`'s (b) and (c), in thread CPU time: each page parsed, then
    // extracted, then freed.
    if only == nil {
        var parseOnly = Double.infinity, parseAndExtract = Double.infinity
        for _ in 0..<rounds {
            var start = threadCPUSeconds()
            for page in pages { sink += (try? HTMLDocument(bytes: page.bytes, source: page.name))?.blocks.count ?? 0 }
            parseOnly = min(parseOnly, threadCPUSeconds() - start)
            ContactExtractor.forgetEarlierPages()
            start = threadCPUSeconds()
            for page in pages {
                guard let document = try? HTMLDocument(bytes: page.bytes, source: page.name) else { continue }
                sink += extractor.extract(from: document).count
            }
            parseAndExtract = min(parseAndExtract, threadCPUSeconds() - start)
        }
        print(String(format: "page by page: parse + blocks %.1f ms (%.2f ms/MB), parse + extract %.1f ms (%.2f ms/MB)",
                     parseOnly * 1000, parseOnly * 1000 / megabytes, parseAndExtract * 1000, parseAndExtract * 1000 / megabytes))
    }
    print("checksum \(sink)")
}

/// Bare libxml2 as a whole process, for `scripts/bench cores`: reads each file named,
/// detects its charset as `HTMLDocument` does and parses it with `htmlReadMemory` +
/// `xmlFreeDoc`, one thread, nothing else; the same files and reads as `extract`'s.
func parseFilesBench(_ paths: [String]) {
    var documents = 0
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        let bytes = [UInt8](data)
        if ParserProbe.parseAndFree(bytes, charset: ParserProbe.charset(of: bytes)) { documents += 1 }
    }
    print("parsed \(documents) of \(paths.count)")
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "extract": extractBench(Array(arguments.dropFirst()))
case "profile-extract": profileBench(Array(arguments.dropFirst()))
case "profile-blocks": profileBlocksBench(Array(arguments.dropFirst()))
case "extract-stages": extractStagesBench(Array(arguments.dropFirst()))
case "parse-files": parseFilesBench(Array(arguments.dropFirst()))
case "audit": auditBench(Array(arguments.dropFirst()))
case "diff": diffBench(Array(arguments.dropFirst()))
default:
    print("usage: contact-audit-bench extract [DIR] [ROUNDS] | profile-extract [DIR] [ROUNDS] | profile-blocks [DIR] [ROUNDS] | extract-stages [DIR] [ROUNDS] [STAGE] | parse-files FILE... | audit [N...] | diff [N...]")
    exit(2)
}
