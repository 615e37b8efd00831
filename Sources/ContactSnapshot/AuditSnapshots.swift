import ContactAudit
import Foundation

/// What a path given to `diff` holds: one snapshot (a source file, or a directory with
/// `run.json` or source files), or a directory of audit snapshots (what `audit DIR
/// --snapshot ROOT` writes: `ROOT/<audit name>/`). A directory that is neither is an
/// error, never an empty snapshot: diffed, it would say "no differences" whatever changed.
public enum SnapshotLayout: Sendable, Hashable {
    case snapshot
    /// Audit names (subdirectories holding a snapshot), sorted.
    case audits([String])

    public static func of(_ path: String) throws(SnapshotError) -> SnapshotLayout {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path: path) }
        guard isDirectory.boolValue else { return .snapshot }
        let names = try entries(path)
        if holdsSnapshot(names) { return .snapshot }
        var audits: [String] = []
        for name in names where !name.hasPrefix(".") {
            let child = (path as NSString).appendingPathComponent(name)
            var childIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &childIsDirectory), childIsDirectory.boolValue else { continue }
            if holdsSnapshot(try entries(child)) { audits.append(name) }
        }
        guard !audits.isEmpty else { throw .notASnapshot(path: path) }
        return .audits(audits.sorted())
    }

    /// A snapshot directory: its run metadata or at least one source file.
    static func holdsSnapshot(_ names: [String]) -> Bool {
        names.contains(RunMetadata.fileName) || names.contains(where: Snapshot.isSourceFile)
    }

    private static func entries(_ path: String) throws(SnapshotError) -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
    }
}

/// `diff` of two directories of audit snapshots: each audit's snapshots compared by name.
public struct AuditSnapshotsDiff: Sendable, Hashable {
    public enum Change: String, Sendable, Hashable, Codable {
        /// Only in AFTER: every source of it is `added`.
        case added
        /// Only in BEFORE: every source of it is `removed`.
        case removed
        /// On both sides.
        case compared
    }

    public struct Audit: Sendable, Hashable {
        public var name: String
        public var change: Change
        /// BEFORE/AFTER labels are the audit's own directories; a missing side is empty.
        public var diff: SnapshotDiff

        public init(name: String, change: Change, diff: SnapshotDiff) {
            self.name = name
            self.change = change
            self.diff = diff
        }

        /// An audit added or removed differs even when it has no sources.
        public var differs: Bool { change != .compared || !diff.isEmpty }
    }

    public var before: String
    public var after: String
    /// Every audit of either side, sorted by name.
    public var audits: [Audit]

    public init(before: String, after: String, audits: [Audit]) {
        self.before = before
        self.after = after
        self.audits = audits.sorted { $0.name < $1.name }
    }

    public var isEmpty: Bool { !audits.contains(where: \.differs) }

    /// Both roots read audit by audit, one at a time: `load(isBefore, name)` gives that
    /// side's snapshot of the audit (called only for a side that has it); `findings`, when
    /// given, compares the audit's findings on the two sides.
    public init(before: String, after: String, names: (before: [String], after: [String]),
                load: (_ isBefore: Bool, _ name: String) throws(SnapshotError) -> Snapshot,
                findings: (_ name: String, _ before: Snapshot, _ after: Snapshot) -> FindingChanges? = { _, _, _ in nil })
        throws(SnapshotError) {
        var audits: [Audit] = []
        let old = Set(names.before), new = Set(names.after)
        for name in old.union(new).sorted() {
            let change: Change = !old.contains(name) ? .added : !new.contains(name) ? .removed : .compared
            let a = old.contains(name) ? try load(true, name) : Snapshot(sources: [], label: (before as NSString).appendingPathComponent(name))
            let b = new.contains(name) ? try load(false, name) : Snapshot(sources: [], label: (after as NSString).appendingPathComponent(name))
            var diff = SnapshotDiff(before: a, after: b)
            diff.findings = findings(name, a, b)
            audits.append(Audit(name: name, change: change, diff: diff))
        }
        self.init(before: before, after: after, audits: audits)
    }
}
