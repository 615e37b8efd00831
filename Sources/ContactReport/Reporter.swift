import ContactAudit
import Foundation

/// Report → text in one format. One reporter per file; the CLI picks one by its id.
public protocol Reporter: Sendable {
    static var id: String { get }
    func render(_ report: AuditReport) -> String
}

public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, markdown, junit, html

    /// `colour` only matters for text, and only when writing to a terminal; `catalog`
    /// only for html, which shows it as the matrix's first row.
    public func reporter(colour: Bool = false, catalog: Catalog? = nil) -> any Reporter {
        switch self {
        case .text: return TextReporter(colour: colour)
        case .json: return JSONReporter()
        case .markdown: return MarkdownReporter()
        case .junit: return JUnitReporter()
        case .html: return HTMLReporter(catalog: catalog)
        }
    }
}

/// Colour when a person reads standard output on a terminal and has not asked for none
/// (https://no-color.org).
public enum TerminalColour {
    public static func wanted(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard environment["NO_COLOR"].map({ $0.isEmpty }) ?? true else { return false }
        return isatty(STDOUT_FILENO) != 0
    }
}

/// Writes a rendered report to `--output FILE` atomically, or to standard output.
public enum ReportOutput {
    public static func write(_ text: String, to path: String?) throws(AtomicFileError) {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try AtomicFile.write(Data(text.utf8), to: path)
    }
}

extension Finding {
    /// The channel as the person-facing formats show it. A finding about a whole source
    /// (`source-unreadable`) concerns no channel: JSON keeps the contract's `unknown`, the
    /// other formats show a dash rather than suggest a value of unknown channel was found.
    var channelLabel: String {
        rule == SourceUnreadableRule.description.id ? Finding.noChannel : channel.rawValue
    }

    static let noChannel = "—"
}
