import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct StagedFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot write: \(reason)" }
}

/// A file written in pieces that a reader (a CI step, a person with the file open) sees
/// whole or not at all: the pieces go to a temporary file in the same directory (same
/// file system, so the rename is atomic) that `commit()` renames over the target, and
/// `abandon()` removes. A path that is a device or a pipe (`/dev/null`, `/dev/stdout`, a
/// FIFO) is written straight to: renaming over it would replace the device with a file
/// (as root, `/dev/null` itself). The one step every writer of whole files takes:
/// AtomicFile (reports, baselines, shard results) and the WARC writer (a run's archive).
public final class StagedFile: @unchecked Sendable {
    public let path: String
    /// Where the pieces go until `commit()`; nil when they go straight to a device or pipe.
    public let temporaryPath: String?
    public let handle: FileHandle
    private var settled = false

    public init(path: String) throws(StagedFileError) {
        self.path = path
        if Self.isDeviceOrPipe(path) {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw StagedFileError(path: path, reason: "cannot open it for writing")
            }
            self.handle = handle
            temporaryPath = nil
            return
        }
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        // Foundation's own words for a missing directory ("The file doesn't exist") name
        // neither file.
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw StagedFileError(path: path, reason: "its directory \(directory.path) does not exist (create it first)")
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw StagedFileError(path: path, reason: "cannot create \(temporary)")
        }
        self.handle = handle
        temporaryPath = temporary
    }

    deinit { abandon() }

    /// Makes the written content the file's: the temporary file is closed (flushed to
    /// disk first with `sync`) and renamed over the target.
    public func commit(sync: Bool = false) throws(StagedFileError) {
        guard !settled else { return }
        settled = true
        guard let temporaryPath else {
            try? handle.close()
            return
        }
        do {
            if sync { try handle.synchronize() }
            try handle.close()
        } catch {
            unlink(temporaryPath)
            throw StagedFileError(path: path, reason: "\(error)")
        }
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw StagedFileError(path: path, reason: reason)
        }
    }

    /// Drops what was written: the target stays as it was.
    public func abandon() {
        guard !settled else { return }
        settled = true
        try? handle.close()
        if let temporaryPath { unlink(temporaryPath) }
    }

    public static func isDeviceOrPipe(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG && (status.st_mode & S_IFMT) != S_IFDIR
    }
}
