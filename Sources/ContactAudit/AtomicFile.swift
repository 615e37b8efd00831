import ContactModel
import Foundation

public enum AtomicFileError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    /// A file written earlier in the run (a spool of report parts) that cannot be read back.
    case cannotRead(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        case .cannotRead(let path, let reason): return "\(path): cannot read: \(reason)"
        }
    }
}

/// Writes whole files so that a reader (a CI step, a person with the file open) sees the
/// old content or the new one, never half: a temporary file in the same directory (same
/// file system, so the rename is atomic), then a rename over the target. A path that is a
/// device or a pipe (`--output /dev/null`, `/dev/stdout`, a FIFO) is written straight to:
/// renaming over it would replace the device with a file (as root, `/dev/null` itself).
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(AtomicFileError) {
        try replace(path) { handle in try handle.write(contentsOf: data) }
    }

    /// Writes a file made in pieces (`body` calls its argument with each) as `write`
    /// does. Pieces are gathered into large writes.
    public static func stream(to path: String, _ body: (_ write: (String) throws -> Void) throws -> Void) throws(AtomicFileError) {
        try replace(path) { handle in try ChunkedWriter.write(to: handle, body) }
    }
}

extension AtomicFile {
    /// The one way both writers reach the disk: `fill` writes the content to a staged
    /// file (a temporary file renamed over `path`, or a device or pipe written straight to).
    private static func replace(_ path: String, fill: (FileHandle) throws -> Void) throws(AtomicFileError) {
        let file: StagedFile
        do { file = try StagedFile(path: path) } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
        do {
            try fill(file.handle)
        } catch let error as AtomicFileError {
            file.abandon()
            throw error
        } catch {
            file.abandon()
            throw .cannotWrite(path: path, reason: file.temporaryPath == nil ? "\(error)" : error.localizedDescription)
        }
        do { try file.commit() } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
    }
}

/// Pieces of text gathered into writes of about a megabyte.
public enum ChunkedWriter {
    public static func write(to handle: FileHandle, _ body: (_ write: (String) throws -> Void) throws -> Void) throws {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        try body { piece in
            buffer.append(contentsOf: piece.utf8)
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try handle.write(contentsOf: buffer) }
    }
}

/// Pieces of text kept in a temporary file under keys and read back in key order: what
/// a long run writes as each part is done when the whole must come out sorted. Holds
/// only the keys and offsets in memory; the file goes when the spool does.
public final class Spool {
    private let path: String
    private let handle: FileHandle
    private var entries: [(key: String, offset: UInt64, length: Int)] = []
    private var size: UInt64 = 0

    /// A spool file in `directory` (the system's temporary directory by default).
    public init(directory: String? = nil) throws(AtomicFileError) {
        let base = directory ?? NSTemporaryDirectory()
        path = (base as NSString).appendingPathComponent(".contact-audit-spool.\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forUpdatingAtPath: path) else {
            throw .cannotWrite(path: path, reason: "cannot create a spool file")
        }
        self.handle = handle
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    public var count: Int { entries.count }

    public func append(_ text: String, key: String) throws(AtomicFileError) {
        let bytes = Array(text.utf8)
        do {
            try handle.seek(toOffset: size)
            try handle.write(contentsOf: bytes)
        } catch {
            throw .cannotWrite(path: path, reason: "\(error)")
        }
        entries.append((key, size, bytes.count))
        size += UInt64(bytes.count)
    }

    /// The pieces in key order (equal keys in the order they came), read one at a time.
    /// A piece that cannot be read whole is an error naming the spool file and the
    /// piece's key, never a piece left out. The spool file is checked to hold every piece
    /// before the first is read, so a writer that streams to standard output fails before
    /// it has written anything when the file was cut short.
    public func sorted() throws(AtomicFileError) -> Reader {
        let end: UInt64
        do { end = try handle.seekToEnd() } catch {
            throw .cannotRead(path: path, reason: "\(error)")
        }
        guard end >= size else {
            throw .cannotRead(path: path, reason: "it holds \(end) bytes, the \(entries.count) spooled parts \(size)")
        }
        let all = entries
        let order = all.indices.sorted { (all[$0].key, $0) < (all[$1].key, $1) }
        return Reader(path: path, handle: handle, entries: order.map { all[$0] })
    }

    /// Reads a spool's pieces in order; `next()` is nil after the last.
    public struct Reader {
        let path: String
        let handle: FileHandle
        let entries: [(key: String, offset: UInt64, length: Int)]
        var position = 0

        public mutating func next() throws(AtomicFileError) -> String? {
            guard position < entries.count else { return nil }
            let entry = entries[position]
            position += 1
            let data: Data?
            do {
                try handle.seek(toOffset: entry.offset)
                data = try handle.read(upToCount: entry.length)
            } catch {
                throw .cannotRead(path: path, reason: "the part of '\(entry.key)': \(error)")
            }
            let read = data?.count ?? 0
            guard read == entry.length else {
                throw .cannotRead(path: path, reason: "the part of '\(entry.key)' (\(entry.length) bytes at \(entry.offset)) "
                                  + "is cut short: \(read) bytes read")
            }
            return String(decoding: data ?? Data(), as: UTF8.self)
        }
    }
}
