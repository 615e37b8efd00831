import ContactAudit
import ContactModel
import Foundation

/// `{"findings": [...], "summary": {...}}` exactly as CONTRACTS.md shows, plus each
/// source's fetch status and expired waivers.
public struct JSONReporter: Reporter {
    public static let id = "json"

    public init() {}

    struct Document: Encodable {
        var name: String
        var findings: [Finding]
        var summary: ReportSummary
        var sources: [SourceStatus]
        var expired_waivers: [BaselineEntry]
        /// Omitted when empty, so reports of complete runs keep their shape.
        var notes: [String]?
    }

    static func document(_ report: AuditReport) -> Document {
        Document(name: report.name, findings: report.findings, summary: report.summary,
                 sources: report.sources, expired_waivers: report.expiredWaivers,
                 notes: report.notes.isEmpty ? nil : report.notes)
    }

    public func render(_ report: AuditReport) -> String {
        let document = Self.document(report)
        // Encoding plain strings, numbers and enums cannot fail; an empty object keeps
        // the output parseable should it ever do so.
        guard let data = try? JSONOutput.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self)
    }
}
