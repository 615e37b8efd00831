import Foundation

/// Audit files as the tests write them: most are the same header (a name, region RU, the
/// hotline 8 800 100-70-10 in the catalog) with their own sources and crawl settings.
public enum AuditFiles {
    public struct Source: Sendable {
        public var url: String
        public var official: Bool

        public init(_ url: String, official: Bool = false) {
            self.url = url
            self.official = official
        }

        public static func official(_ url: String) -> Source { Source(url, official: true) }
    }

    /// The text of an audit file. `crawl` is written in the order given.
    public static func yaml(name: String = "web", hotline: String = "8 800 100-70-10", hotlineHours: String? = nil,
                            sources: [Source], crawl: KeyValuePairs<String, String> = ["depth": "0", "delay": "0"]) -> String {
        var lines = ["name: \(name)", "region: RU", "catalog:", "  phones:",
                     "    - number: \"\(hotline)\"", "      channel: hotline"]
        if let hotlineHours { lines.append("      hours: \"\(hotlineHours)\"") }
        lines.append("sources:")
        for source in sources {
            lines.append("  - url: \(source.url)")
            if source.official { lines.append("    official: true") }
        }
        if !crawl.isEmpty {
            lines.append("crawl:")
            lines += crawl.map { "  \($0.key): \($0.value)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `text` as `directory/audit.yaml` (the directory made when missing); the file's URL.
    @discardableResult
    public static func write(_ text: String, in directory: URL) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("audit.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// A new empty directory under the system's temporary directory, named `prefix-UUID`;
    /// the caller removes it.
    public static func temporaryDirectory(_ prefix: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
