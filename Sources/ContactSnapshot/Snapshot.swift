import ContactModel
import Foundation

/// A whole snapshot as read back: one `SourceSnapshot` per source, from a directory, a
/// single file, or a git revision.
public struct Snapshot: Sendable, Hashable {
    /// Keyed by `SourceSnapshot.source`.
    public var sources: [String: SourceSnapshot]
    /// Where it was read from, for messages ("Snapshots/gosuslugi", "HEAD:Snapshots/gosuslugi").
    public var label: String

    public init(sources: [SourceSnapshot], label: String) {
        self.sources = Dictionary(sources.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        self.label = label
    }

    /// A snapshot directory (every `*.json` but `run.json`) or one source file.
    public static func load(_ path: String) throws(SnapshotError) -> Snapshot {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(path: path)
        }
        guard isDirectory.boolValue else {
            return Snapshot(sources: [try decode(try contents(of: path), path: path)], label: path)
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
        var files: [(path: String, data: Data)] = []
        for name in names.sorted() where isSourceFile(name) {
            let file = "\(directory)/\(name)"
            files.append((file, try contents(of: file)))
        }
        return try assemble(files, label: path)
    }

    /// Source files in a snapshot directory: JSON, not run metadata, not hidden.
    static func isSourceFile(_ name: String) -> Bool {
        name.hasSuffix(".json") && name != RunMetadata.fileName && name != FindingsHistory.fileName && !name.hasPrefix(".")
    }

    /// Decoded files; two files claiming the same source is an error rather than a guess.
    static func assemble(_ files: [(path: String, data: Data)], label: String) throws(SnapshotError) -> Snapshot {
        var byPath: [String: String] = [:]
        var sources: [SourceSnapshot] = []
        for file in files {
            let source = try decode(file.data, path: file.path)
            if let other = byPath[source.source] {
                throw .duplicateSource(source: source.source, paths: [other, file.path])
            }
            byPath[source.source] = file.path
            sources.append(source)
        }
        return Snapshot(sources: sources, label: label)
    }

    public static func decode(_ data: Data, path: String) throws(SnapshotError) -> SourceSnapshot {
        let snapshot: SourceSnapshot
        do { snapshot = try JSONDecoder().decode(SourceSnapshot.self, from: data) } catch {
            throw .malformed(path: path, reason: Self.reason(error))
        }
        guard snapshot.version <= SourceSnapshot.currentVersion else {
            throw .malformed(path: path, reason: "version \(snapshot.version) is newer than this contact-audit reads "
                             + "(\(SourceSnapshot.currentVersion))")
        }
        return snapshot
    }

    private static func contents(of path: String) throws(SnapshotError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or not a regular file")
        }
        return data
    }

    /// DecodingError's own text is long and generic; say which key is wrong.
    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing '\(pathText(context.codingPath + [key]))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at '\(pathText(context.codingPath))'"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "invalid value at '\(pathText(context.codingPath))'"
        default:
            return "\(error)"
        }
    }

    private static func pathText(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
