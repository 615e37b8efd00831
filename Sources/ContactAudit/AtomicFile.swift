import Foundation

public enum AtomicFileError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        }
    }
}

/// Writes whole files so that a reader (a CI step, a person with the file open) sees the
/// old content or the new one, never half: a temporary file in the same directory (same
/// file system, so the rename is atomic), then a rename over the target.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(AtomicFileError) {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        // Foundation's own words for this ("The file doesn't exist") name neither file.
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw .cannotWrite(path: path, reason: "its directory \(directory.path) does not exist (create it first)")
        }
        do {
            try data.write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw AtomicFileError.cannotWrite(path: path, reason: reason)
            }
        } catch let error as AtomicFileError {
            throw error
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
