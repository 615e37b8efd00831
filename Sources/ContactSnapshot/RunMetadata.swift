import Foundation

/// `run.json`: when and how a snapshot was made. Kept apart from the source files because
/// it changes every run; `diff` ignores it.
public struct RunMetadata: Sendable, Hashable, Codable {
    public static let fileName = "run.json"

    public var tool: String
    public var version: String
    public var audit: String
    /// ISO 8601, UTC.
    public var started: String
    public var durationSeconds: Double
    public var sources: Int
    /// Sources a 304 answered; their stored records were reused.
    public var notModified: [String]
    /// What read the pages: `contact-audit`, `libcurl`, `libxml2`, `libphonenumber` and
    /// `libphonenumber-metadata` (a fingerprint: the library has no metadata version), each
    /// asked of the loaded library by its wrapper module. Absent in snapshots made before.
    public var versions: [String: String]?
    /// The archive this run wrote (`--archive`), or read instead of the network (`--from-archive`).
    public var archive: String?
    public var fromArchive: String?

    public init(version: String, audit: String, started: Date, versions: [String: String]? = nil,
                archive: String? = nil, fromArchive: String? = nil, duration: Duration, sources: Int,
                notModified: [String]) {
        self.versions = versions
        self.archive = archive
        self.fromArchive = fromArchive
        self.tool = "contact-audit"
        self.version = version
        self.audit = audit
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.started = formatter.string(from: started)
        let (seconds, attoseconds) = duration.components
        // Milliseconds are plenty for a person reading it.
        self.durationSeconds = ((Double(seconds) + Double(attoseconds) / 1e18) * 1000).rounded() / 1000
        self.sources = sources
        self.notModified = notModified.sorted()
    }
}
