import ContactArchive
import ContactFetch
import Foundation
import Gzip

/// An archive written by `audit --archive`, read back: the crawl's outcomes in their
/// order, each with the body it had, so a run can be repeated with no network
/// (`--from-archive`) and a 304 can be answered with the page it revisits.
public struct ArchiveReplay: Sendable {
    public struct Entry: Sendable {
        public var outcome: FetchOutcome
        /// The response (or revisit) record the outcome describes, when it had an answer.
        public var answerID: String?
        /// The audit it belongs to ("" when the archive does not say).
        public var audit: String
    }

    public let path: String
    /// The run's outcomes in the order the run recorded them (its crawl order).
    public private(set) var entries: [Entry] = []
    /// robots.txt verdicts by site.
    public private(set) var robots: [String: String] = [:]
    /// The budget that stopped the recorded crawl.
    public private(set) var budget: BudgetExhaustion?
    /// Local sources (as the audit file spells them) and their bytes.
    public private(set) var files: [String: [UInt8]] = [:]
    /// What `warcinfo` says (software, versions, audit).
    public private(set) var info: [HeaderField] = []
    private var byID: [String: WARCRecord] = [:]
    /// The outcome that goes with a response, by the response's record ID.
    private var outcomeOfResponse: [String: FetchOutcome] = [:]
    /// The request that went with a response, by the response's record ID.
    private var requestOfResponse: [String: WARCRecord] = [:]
    /// Every response in file order (for `extract FILE.warc.gz`).
    public private(set) var responses: [WARCRecord] = []
    public private(set) var resources: [WARCRecord] = []

    public init(path: String) throws(ArchiveError) {
        self.path = path
        let decoder = JSONDecoder()
        for record in try WARCReader.read(path: path) {
            byID[record.id] = record
            switch record.type {
            case "warcinfo":
                if info.isEmpty { info = record.warcFields }
            case "response":
                responses.append(record)
            case "resource":
                resources.append(record)
                if let source = record.field(ArchiveField.source) { files[source] = record.block }
            case "request":
                if let answer = record.field("WARC-Concurrent-To") { requestOfResponse[answer] = record }
            case "metadata":
                let fields = record.warcFields
                func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }
                if let site = value(ArchiveField.robotsSite) { robots[site] = value(ArchiveField.robots) ?? "" }
                // A field that does not decode is an error naming the record, never a page
                // left out of the replay (or a budget that was spent read as unspent).
                func decoded<T: Decodable>(_ type: T.Type, _ json: String, _ field: String) throws(ArchiveError) -> T {
                    do { return try decoder.decode(type, from: Data(json.utf8)) } catch {
                        throw .cannotRead(path: path, reason: "metadata record \(record.id) (\(record.targetURI ?? "no target URI")): "
                                          + "its \(field) field does not decode (\(error))")
                    }
                }
                if let json = value(ArchiveField.budget) {
                    budget = try decoded(BudgetExhaustion.self, json, ArchiveField.budget)
                }
                let answer = record.field("WARC-Concurrent-To")
                if let json = value(ArchiveField.outcome) {
                    let outcome = Self.withoutPageName(try decoded(FetchOutcome.self, json, ArchiveField.outcome))
                    entries.append(Entry(outcome: outcome, answerID: answer, audit: value(ArchiveField.audit) ?? ""))
                    if let answer, outcome.result != .notModified { outcomeOfResponse[answer] = outcome }
                } else if let json = value(ArchiveField.previousOutcome), let answer {
                    outcomeOfResponse[answer] = Self.withoutPageName(try decoded(FetchOutcome.self, json, ArchiveField.previousOutcome))
                }
            default:
                break
            }
        }
    }

    /// An outcome as the crawler now records it: archives written before its errors stopped
    /// naming their page have "URL: " in front, which every printer adds again.
    static func withoutPageName(_ outcome: FetchOutcome) -> FetchOutcome {
        var outcome = outcome
        if let error = outcome.error, error.hasPrefix(outcome.url + ": ") {
            outcome.error = String(error.dropFirst(outcome.url.count + 2))
        }
        return outcome
    }

    /// The page an entry's outcome read: its own response, or for a 304 the response it
    /// revisits, decoded as the run decoded it. Nil without a body.
    /// A body that does not decode is an error (`BodyError`), never a page read as empty.
    public func page(for entry: Entry) throws(BodyError) -> FetchedPage? {
        guard let answerID = entry.answerID, let answer = byID[answerID] else { return nil }
        if answer.type == "revisit" {
            guard let refers = answer.field("WARC-Refers-To"), let response = byID[refers] else { return nil }
            return try page(of: response)
        }
        // An error answer's body is read too, as the crawl reads it: a bot wall often
        // answers 403 or 503.
        guard entry.outcome.result == .fetched || entry.outcome.result == .httpError else { return nil }
        return try page(of: answer, outcome: entry.outcome)
    }

    /// The response the previous run's page for `url` is in, and the records to copy into
    /// a new archive that revisits it (its request, itself, its outcome).
    func revisitedResponse(for url: String) -> (response: WARCRecord, copies: [WARCRecord])? {
        guard let entry = entries.last(where: { $0.outcome.url == url && $0.outcome.succeeded }),
              let answerID = entry.answerID, var answer = byID[answerID] else { return nil }
        if answer.type == "revisit" {
            guard let refers = answer.field("WARC-Refers-To"), let response = byID[refers] else { return nil }
            answer = response
        }
        guard answer.type == "response", let outcome = outcomeOfResponse[answer.id] else { return nil }
        var copies: [WARCRecord] = []
        if let request = requestOfResponse[answer.id] { copies.append(request) }
        copies.append(answer)
        let date = answer.date.flatMap { try? Date($0, strategy: .iso8601) } ?? Date()
        copies.append(.metadata(targetURI: outcome.url, date: date,
                                info: [HeaderField(ArchiveField.previousOutcome, PageArchive.json(outcome))],
                                concurrentTo: answer.id, warcinfo: nil))
        return (answer, copies)
    }

    /// The previous run's page for `url`, decoded: what a 304 says is still current.
    /// Nil when the body does not decode either: the previous archive is a cache of what a
    /// 304 stands for, and a page it cannot give is fetched again next time.
    func revisitedPage(for url: String) -> FetchedPage? {
        revisitedResponse(for: url).flatMap { try? page(of: $0.response) }
    }

    /// The outcome of the fetch whose response a revisit refers to (a 304's page as it was
    /// last fetched).
    public func revisitedOutcome(for entry: Entry) -> FetchOutcome? {
        guard let answerID = entry.answerID, let answer = byID[answerID], answer.type == "revisit",
              let refers = answer.field("WARC-Refers-To") else { return nil }
        return outcomeOfResponse[refers]
    }

    /// The crawl outcome recorded for a response, when the archive was written by an audit.
    public func outcome(ofResponse id: String) -> FetchOutcome? { outcomeOfResponse[id] }

    private func page(of response: WARCRecord, outcome: FetchOutcome? = nil) throws(BodyError) -> FetchedPage? {
        let outcome = outcome ?? outcomeOfResponse[response.id]
        return try Self.decodedPage(response, outcome: outcome)
    }

    /// An archived response whose body does not decode from its Content-Encoding.
    public struct BodyError: Error, Sendable, CustomStringConvertible {
        public var record: String
        public var reason: String
        public var description: String { "the archived response \(record) does not decode (\(reason))" }
    }

    /// A response record's body decoded from its Content-Encoding, cut where the run cut it.
    public static func decodedPage(_ response: WARCRecord, outcome: FetchOutcome?) throws(BodyError) -> FetchedPage? {
        guard let http = response.http, let status = http.status else { return nil }
        let url = response.targetURI ?? ""
        let limit = outcome.map { $0.truncated ? $0.bytes : Int.max } ?? Int.max
        let truncated = response.field("WARC-Truncated") != nil
        let encoding = http.header("content-encoding") ?? ""
        let inflated: Gzip.Inflated?
        do { inflated = try Gzip.decodeContent(http.body, encoding: encoding, limit: limit, acceptingEnd: truncated) } catch {
            throw BodyError(record: response.id, reason: "\(error)")
        }
        guard let decoded = inflated else {
            throw BodyError(record: response.id, reason: "Content-Encoding '\(encoding)' is not one zlib decodes")
        }
        var page = FetchedPage(requestedURL: outcome?.url ?? url, finalURL: outcome?.finalURL ?? url, status: status,
                               contentType: outcome?.contentType ?? http.header("content-type"), body: decoded.bytes,
                               redirects: outcome?.redirects ?? 0,
                               truncated: (outcome?.truncated ?? false) || decoded.truncated,
                               etag: http.header("etag"), lastModified: http.header("last-modified"))
        // What the crawl kept of the headers to recognise a bot wall, read from the same answer.
        page.protectionHeaders = FetchedPage.protectionHeaderNames.compactMap { name in
            http.header(name).map { "\(name): \($0)" }
        }
        return page
    }
}
