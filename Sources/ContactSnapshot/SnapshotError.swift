/// Why a snapshot could not be read or written, naming the path.
public enum SnapshotError: Error, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case duplicateSource(source: String, paths: [String])
    /// A directory with no snapshot in it nor in any subdirectory.
    case notASnapshot(path: String)
    /// One side a snapshot, the other a directory of audit snapshots.
    case mixedLayouts(snapshot: String, audits: String)
    case git(path: String, revision: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such snapshot file or directory"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .malformed(let path, let reason): return "\(path): not a contact-audit snapshot: \(reason)"
        case .duplicateSource(let source, let paths):
            return "\(paths.joined(separator: " and ")): both hold the snapshot of \(source)"
        case .notASnapshot(let path):
            return "\(path): neither a snapshot (no run.json or source .json file in it) nor a directory of audit "
                + "snapshots (no subdirectory holding one)"
        case .mixedLayouts(let snapshot, let audits):
            return "\(snapshot) is one snapshot but \(audits) is a directory of audit snapshots; give two of the same kind "
                + "(or \(audits)/<audit name>)"
        case .git(let path, let revision, let reason): return "\(path) at \(revision): \(reason)"
        case .cannotWrite(let path, let reason): return "\(path): cannot write the snapshot: \(reason)"
        }
    }
}
