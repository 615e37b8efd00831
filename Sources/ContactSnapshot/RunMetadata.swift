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

    public init(version: String, audit: String, started: Date, duration: Duration, sources: Int,
                notModified: [String]) {
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
