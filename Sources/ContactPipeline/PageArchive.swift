import ContactArchive
import ContactFetch
import ContactModel
import Foundation
import Gzip

/// Field names of the `metadata` records the audit writes beside the exchanges. With them
/// an archive holds the whole crawl (what was fetched, skipped, refused, and why), so
/// `--from-archive` replays it without deciding anything again.
public enum ArchiveField {
    /// The crawl's outcome for one URL, as JSON (`FetchOutcome`); the record is
    /// concurrent to the response or revisit it describes.
    public static let outcome = "outcome"
    /// The outcome of an earlier run's response that a 304 revisits, copied along with it.
    public static let previousOutcome = "previous-outcome"
    /// robots.txt's verdict for a site (`robots-site` names it) or a URL it refused.
    public static let robots = "robots"
    public static let robotsSite = "robots-site"
    /// Why a URL was not fetched (a refusal, a failure), for people reading the archive.
    public static let error = "error"
    /// A local source as the audit file spells it, on its `resource` record.
    public static let source = "Contact-Audit-Source"
    /// The audit an outcome belongs to (several audits share one crawl and one archive).
    public static let audit = "audit"
    /// The whole-run budget that stopped the crawl, as JSON (`BudgetExhaustion`).
    public static let budget = "budget"
}

/// `audit --archive FILE.warc.gz`: every exchange of the run as WARC 1.1, written as pages
/// arrive. A 304 is a `revisit` of the response an earlier archive (the file being
/// replaced) holds for the URL; that response is copied in, so each archive stands alone
/// and the 304's page can be read again (records and links).
public final class PageArchive: @unchecked Sendable {
    public let path: String
    private let writer: WARCWriter
    private let warcinfoID: String
    private let previous: ArchiveReplay?
    private let lock = NSLock()
    /// The response or revisit record written for each audit's URL (the outcome's `url`).
    private var answers: [AnswerKey: String] = [:]
    private struct AnswerKey: Hashable {
        var audit: String
        var url: String
    }
    /// Previous responses already copied in, by their record ID.
    private var copied: Set<String> = []
    /// The first write that failed (a full disk): `finish()` reports it instead of
    /// renaming a partial archive into place.
    private var failure: ArchiveError?
    /// Worth telling the user: a previous archive that could not be read (its 304s then
    /// fall back to the snapshot).
    public let warnings: [String]

    /// `info` goes into `warcinfo` (software, versions, audit). The file at `path`, when
    /// there is one, is read first as the previous archive.
    public init(path: String, maxBytes: Int = WARCWriter.defaultMaxBytes, info: [HeaderField],
                date: Date = Date()) throws(ArchiveError) {
        self.path = path
        var warnings: [String] = []
        // A device or a pipe (`--archive /dev/null`, a FIFO to a compressor) holds no
        // previous archive: reading a FIFO would wait for a writer that is this run.
        if FileManager.default.fileExists(atPath: path), !StagedFile.isDeviceOrPipe(path) {
            do { previous = try ArchiveReplay(path: path) } catch {
                previous = nil
                warnings.append("\(error); it is replaced, and pages answering 304 are not read again from it")
            }
        } else {
            previous = nil
        }
        self.warnings = warnings
        writer = try WARCWriter(path: path, maxBytes: maxBytes)
        let warcinfo = WARCRecord.warcinfo(filename: URL(fileURLWithPath: path).lastPathComponent, date: date,
                                           info: [HeaderField("format", "WARC File Format 1.1"),
                                                  HeaderField("conformsTo", "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/")] + info)
        warcinfoID = warcinfo.id
        try writer.write([warcinfo])
    }

    /// Records left out at the size cap.
    public var droppedRecords: Int { writer.droppedRecords }

    /// The body an earlier archive holds for `url` (decoded), for a 304.
    public func previousPage(for url: String) -> FetchedPage? { previous?.revisitedPage(for: url) }

    /// A crawled page's exchange: a request and a response per hop (a revisit for a 304).
    public func record(_ crawled: CrawledPage, audit: String = "", date: Date = Date()) {
        guard let exchange = crawled.exchange else { return }
        var records: [WARCRecord] = []
        var last: String?
        for (index, hop) in exchange.hops.enumerated() {
            let final = index == exchange.hops.count - 1
            let response = HTTPMessage(startLine: hop.statusLine,
                                       headerLines: hop.responseHeaders.filter { !Self.isTransferEncoding($0) },
                                       body: final ? exchange.body : [])
            let answer: WARCRecord
            if final, crawled.outcome.result == .notModified {
                let revisited = previous?.revisitedResponse(for: crawled.outcome.url)
                if let revisited {
                    lock.withLock {
                        if copied.insert(revisited.response.id).inserted { records += revisited.copies }
                    }
                }
                answer = .revisit(targetURI: hop.url, date: date, ipAddress: exchange.remoteAddress, http: response,
                                  refersTo: revisited?.response, warcinfo: warcinfoID)
            } else {
                // A redirect's body never reaches us (libcurl skips it): said so, not faked.
                let truncated = !final ? "unspecified" : exchange.bodyTruncated ? "length" : nil
                answer = .response(targetURI: hop.url, date: date, ipAddress: final ? exchange.remoteAddress : nil,
                                   http: response, truncated: truncated, warcinfo: warcinfoID)
            }
            if let requestLine = hop.requestLines.first {
                records.append(.request(targetURI: hop.url, date: date,
                                        http: HTTPMessage(startLine: requestLine, headerLines: Array(hop.requestLines.dropFirst())),
                                        concurrentTo: answer.id, warcinfo: warcinfoID))
            }
            records.append(answer)
            last = answer.id
        }
        if let last { lock.withLock { answers[AnswerKey(audit: audit, url: crawled.outcome.url)] = last } }
        write(records)
    }

    /// Every outcome of the crawl as a `metadata` record (concurrent to its response when
    /// there is one), and each site's robots.txt verdict; one result per audit, named.
    public func record(_ results: [CrawlResult], audits: [String], date: Date = Date()) {
        var records: [WARCRecord] = []
        var robots: [String: String] = [:]
        for result in results { robots.merge(result.robots) { first, _ in first } }
        for site in robots.keys.sorted() {
            records.append(.metadata(targetURI: site + "/robots.txt", date: date,
                                     info: [HeaderField(ArchiveField.robotsSite, site),
                                            HeaderField(ArchiveField.robots, robots[site] ?? "")],
                                     warcinfo: warcinfoID))
        }
        if let budget = results.first?.budget {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = (try? encoder.encode(budget)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            records.append(.metadata(targetURI: "urn:contact-audit:budget", date: date,
                                     info: [HeaderField(ArchiveField.budget, json)], warcinfo: warcinfoID))
        }
        let answers = lock.withLock { self.answers }
        for (result, audit) in zip(results, audits) {
            for outcome in result.outcomes {
                var info = [HeaderField(ArchiveField.outcome, Self.json(outcome))]
                if !audit.isEmpty { info.append(HeaderField(ArchiveField.audit, audit)) }
                if let error = outcome.error {
                    let name = outcome.result == .skippedByRobots ? ArchiveField.robots : ArchiveField.error
                    info.append(HeaderField(name, error))
                }
                records.append(.metadata(targetURI: outcome.url, date: date, info: info,
                                         concurrentTo: answers[AnswerKey(audit: audit, url: outcome.url)],
                                         warcinfo: warcinfoID))
            }
        }
        write(records)
    }

    /// A local file read as a source, as its bytes.
    public func recordFile(source: String, location: String, bytes: [UInt8], date: Date = Date()) {
        let absolute = location.lowercased().hasPrefix("file://") ? location : URL(fileURLWithPath: location).absoluteString
        var record = WARCRecord.resource(targetURI: absolute, date: date, contentType: Self.contentType(location),
                                         bytes: bytes, warcinfo: warcinfoID)
        record.fields.insert(HeaderField(ArchiveField.source, source), at: record.fields.count - 1)
        write([record])
    }

    private func write(_ records: [WARCRecord]) {
        do { try writer.write(records) } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
    }

    public func finish() throws(ArchiveError) {
        if let failure = lock.withLock({ self.failure }) {
            writer.abandon()
            throw failure
        }
        try writer.finish()
    }
    public func abandon() { writer.abandon() }

    static func json(_ outcome: FetchOutcome) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(outcome)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static func contentType(_ location: String) -> String {
        let lower = location.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") { return "text/plain" }
        return "text/html"
    }

    /// The body is kept after libcurl undid the chunking, so the header that announced
    /// chunks would make a reader look for them.
    private static func isTransferEncoding(_ line: String) -> Bool {
        line.lowercased().hasPrefix("transfer-encoding:")
    }
}
