import ContactAudit
import ContactFetch
import ContactModel
import ContactPipeline
import ContactSnapshot
import Foundation

/// Where `audit` meets the snapshot store: the previous snapshot's validators go to the
/// crawler, a 304 gets the stored records back, and every source becomes a snapshot file.
/// Kept in the command-line layer so the snapshot module never depends on fetching.
struct AuditSnapshot {
    /// The previous run's sources, by source; empty when there is none.
    var previous: [String: SourceSnapshot]

    /// A previous snapshot that cannot be read costs the conditional requests only, so it
    /// is a warning, not a failure: this run replaces it.
    static func loadPrevious(_ directory: String?) -> AuditSnapshot {
        guard let directory, FileManager.default.fileExists(atPath: directory) else { return AuditSnapshot(previous: [:]) }
        do {
            return AuditSnapshot(previous: try Snapshot.load(directory).sources)
        } catch {
            StandardError.print("contact-audit: warning: \(error); fetching every page in full")
            return AuditSnapshot(previous: [:])
        }
    }

    /// `If-None-Match` / `If-Modified-Since` for every http(s) page the last run read.
    var validators: [String: Validators] {
        var result: [String: Validators] = [:]
        for (source, snapshot) in previous where snapshot.isRead {
            guard snapshot.fetch.etag != nil || snapshot.fetch.lastModified != nil else { continue }
            result[source] = Validators(etag: snapshot.fetch.etag, lastModified: snapshot.fetch.lastModified)
        }
        return result
    }

    /// A crawled page as a snapshot; a 304 keeps the stored page (records, hash, bytes),
    /// taking any new validators the server sent with it. Nil for a 304 with nothing
    /// stored, which cannot happen unless the snapshot changed under us.
    func page(_ page: SourceCrawler.Page, official: Bool) -> SourceSnapshot? {
        let outcome = page.outcome
        if outcome.result == .notModified {
            guard var stored = previous[outcome.url] ?? revisited(page) else { return nil }
            stored.official = official
            if let etag = outcome.etag { stored.fetch.etag = etag }
            if let lastModified = outcome.lastModified { stored.fetch.lastModified = lastModified }
            return stored
        }
        let error = page.documentError ?? (outcome.succeeded ? nil : "\(outcome.result.rawValue): \(outcome.error ?? "no answer")")
        let fetch = FetchState(result: outcome.result.rawValue, finalURL: outcome.finalURL, status: outcome.status,
                               error: error, redirects: outcome.redirects, redirectChain: outcome.redirectChain,
                               bytes: outcome.bytes, contentType: outcome.contentType, truncated: outcome.truncated,
                               etag: outcome.etag, lastModified: outcome.lastModified, sha256: page.contentSHA256)
        let records = page.records.map { record in
            var record = record
            record.source = outcome.url
            return record
        }
        return SourceSnapshot(source: outcome.url, official: official, fetch: fetch, records: records)
    }

    /// A 304 replayed from an archive with no snapshot to take the page from: the page as
    /// its archived fetch gave it, which is what that fetch's snapshot held.
    private func revisited(_ page: SourceCrawler.Page) -> SourceSnapshot? {
        guard let fetched = page.revisited else { return nil }
        var snapshot = self.page(SourceCrawler.Page(outcome: fetched, records: page.records, documentError: page.documentError,
                                                    contentSHA256: page.contentSHA256), official: false)
        snapshot?.source = page.outcome.url
        return snapshot
    }

    /// A local file (a path or `file://` URL) and the records read from it; the hash is of
    /// the file's bytes as they are on disk (or as an archive kept them: `bytes`).
    static func localFile(_ source: AuditSource, records: [ContactRecord], error: String?,
                          bytes: [UInt8]? = nil) -> SourceSnapshot {
        var fetch = FetchState(result: "read")
        if let error {
            fetch.result = "failed"
            fetch.error = error
        } else if let bytes {
            fetch = .read(bytes: bytes)
        } else {
            let path = source.location.lowercased().hasPrefix("file://")
                ? URL(string: source.location)?.path ?? source.location : source.location
            if let data = FileManager.default.contents(atPath: path) { fetch = .read(bytes: [UInt8](data)) }
        }
        return SourceSnapshot(source: source.url, official: source.official, fetch: fetch, records: records)
    }
}
