import ContactModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a snapshot directory all at once: every file goes into a fresh staging directory
/// beside the target, which then takes the target's place in one rename. A crash or a
/// kill before that rename leaves the previous snapshot as it was (plus a hidden staging
/// directory, removed by the next run).
public struct SnapshotWriter: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    }

    /// `history`: the findings history to keep beside the sources (see `FindingsHistory`).
    public func write(_ sources: [SourceSnapshot], run: RunMetadata, history: FindingsHistory? = nil) throws(SnapshotError) {
        let target = URL(fileURLWithPath: directory)
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let manager = FileManager.default
        do { try manager.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(path: parent.path, reason: error.localizedDescription)
        }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .cannotWrite(path: directory, reason: "exists and is not a directory")
        }
        removeAbandonedStaging(in: parent, name: name)

        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            let names = SnapshotNaming.fileNames(for: sources.map(\.source))
            for source in sources {
                guard let file = names[source.source] else { continue }
                try JSONOutput.encode(source).write(to: staging.appendingPathComponent(file))
            }
            try JSONOutput.encode(run).write(to: staging.appendingPathComponent(RunMetadata.fileName))
            // No findings, no file: an audit that finds nothing keeps only its sources.
            if let history, !history.entries.isEmpty {
                try JSONOutput.encode(history).write(to: staging.appendingPathComponent(FindingsHistory.fileName))
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw .cannotWrite(path: directory, reason: "\(error.localizedDescription) (writing \(staging.path))")
        }
        try swap(staging, into: target)
    }

    /// The staging directory becomes the target. With an existing target, Linux swaps the
    /// two in one step (`RENAME_EXCHANGE`), so the path is never missing; elsewhere the old
    /// directory is moved aside first, a window of two renames.
    private func swap(_ staging: URL, into target: URL) throws(SnapshotError) {
        let manager = FileManager.default
        defer { try? manager.removeItem(at: staging) }
        guard manager.fileExists(atPath: target.path) else {
            guard rename(staging.path, target.path) == 0 else {
                throw .cannotWrite(path: directory, reason: String(cString: strerror(errno)))
            }
            return
        }
        if let exchange = Self.renameExchange, exchange(AT_FDCWD, staging.path, AT_FDCWD, target.path, 2 /* RENAME_EXCHANGE */) == 0 {
            return
        }
        let aside = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).previous-\(UUID().uuidString)")
        guard rename(target.path, aside.path) == 0 else {
            throw .cannotWrite(path: directory, reason: String(cString: strerror(errno)))
        }
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside.path, target.path)
            throw .cannotWrite(path: directory, reason: reason)
        }
        try? manager.removeItem(at: aside)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2` (2.28+), looked up at run time: Swift's Glibc module does not
    /// export it (it sits behind `_GNU_SOURCE`), and a C target for one call is more weight
    /// than this. Nil elsewhere; the writer then falls back to two renames.
    private static let renameExchange: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// Staging directories of runs that were killed: their process is gone. A live
    /// process's (a concurrent run) is left alone.
    private func removeAbandonedStaging(in parent: URL, name: String) {
        let prefix = ".\(name).staging-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let pid = entry.dropFirst(prefix.count).prefix { $0 != "-" }
            if let pid = Int32(pid), pid != getpid(), kill(pid, 0) == 0 || errno != ESRCH { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
