import ContactModel
import Foundation
import Gzip

/// Why an archive could not be written or read, naming the file.
public enum ArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case malformed(path: String, offset: Int, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "\(path): cannot write the archive: \(reason)"
        case .cannotRead(let path, let reason): return "\(path): cannot read the archive: \(reason)"
        case .malformed(let path, let offset, let reason):
            return "\(path): not a readable WARC file at byte \(offset): \(reason)"
        }
    }
}

/// Writes a `.warc.gz`: each record one gzip member, appended to a staged file (a
/// temporary file beside the target that `finish()` renames over it, so a reader never sees
/// half an archive and a failed run leaves the previous archive in place; `/dev/null` or a
/// pipe written straight to, never replaced). Thread-safe: the crawler hands pages over
/// from several tasks at once.
public final class WARCWriter: @unchecked Sendable {
    public let path: String
    /// Compressed bytes the archive may take; records that would pass it are left out
    /// (and counted), the way a page body stops at the body cap.
    public let maxBytes: Int
    private let file: StagedFile
    private let lock = NSLock()
    private var written = 0
    private var dropped = 0
    private var finished = false

    public static let defaultMaxBytes = 1 << 30

    public init(path: String, maxBytes: Int = WARCWriter.defaultMaxBytes) throws(ArchiveError) {
        self.path = path
        self.maxBytes = maxBytes
        do { file = try StagedFile(path: path) } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
    }

    deinit {
        if !finished { abandon() }
    }

    /// Bytes written so far (compressed).
    public var size: Int { lock.withLock { written } }
    /// Records left out because the archive reached `maxBytes`.
    public var droppedRecords: Int { lock.withLock { dropped } }

    /// Appends `records` together (a request with its response): all of them, or none
    /// when they would pass the cap. False when they were left out.
    @discardableResult
    public func write(_ records: [WARCRecord]) throws(ArchiveError) -> Bool {
        var members: [UInt8] = []
        for record in records {
            do { members += try Gzip.compress(record.serialized) } catch {
                throw .cannotWrite(path: path, reason: error.description)
            }
        }
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { throw .cannotWrite(path: path, reason: "already finished") }
        if written + members.count > maxBytes {
            dropped += records.count
            return false
        }
        do { try file.handle.write(contentsOf: members) } catch {
            throw .cannotWrite(path: path, reason: "\(error)")
        }
        written += members.count
        return true
    }

    /// Flushes to disk and renames the temporary file over `path`.
    public func finish() throws(ArchiveError) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        do { try file.commit(sync: true) } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
    }

    /// Drops what was written (the run failed before the end).
    public func abandon() {
        lock.withLock {
            guard !finished else { return }
            finished = true
            file.abandon()
        }
    }
}

/// Reads a WARC file: gzip members one after another (`.warc.gz`, one per record or
/// not), or plain `.warc`.
public enum WARCReader {
    /// Every record of the file at `path`. `maxBytes` caps the decompressed size.
    public static func read(path: String, maxBytes: Int = 4 << 30) throws(ArchiveError) -> [WARCRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read (permissions?)" : "no such file"
            throw .cannotRead(path: path, reason: reason)
        }
        return try records(in: [UInt8](data), path: path, maxBytes: maxBytes)
    }


    /// Member by member: each gzip member is inflated and the records it completes are
    /// parsed before the next, so memory holds the file and the records, not a second
    /// copy of everything decompressed. A record spanning members (allowed, if unusual)
    /// waits for the rest.
    public static func records(in bytes: [UInt8], path: String = "archive",
                               maxBytes: Int = 4 << 30) throws(ArchiveError) -> [WARCRecord] {
        guard Gzip.isGzip(bytes) else {
            var records: [WARCRecord] = []
            let rest = try parse(bytes, base: 0, into: &records, path: path)
            if rest < bytes.count { throw .malformed(path: path, offset: rest, reason: "a record's block ends early") }
            return records
        }
        var records: [WARCRecord] = []
        var pending: [UInt8] = []
        var pendingStart = 0
        var offset = 0
        var total = 0
        while offset < bytes.count {
            let member: Gzip.Inflated
            do { member = try Gzip.inflate(bytes, from: offset, format: .gzip, limit: maxBytes - total) } catch {
                throw .malformed(path: path, offset: offset, reason: error.description)
            }
            if member.truncated { throw .malformed(path: path, offset: offset, reason: "more than \(maxBytes) bytes decompressed") }
            if member.consumed == 0 { break }
            total += member.bytes.count
            if pending.isEmpty { pendingStart = total - member.bytes.count }
            pending += member.bytes
            offset += member.consumed
            let used = try parse(pending, base: pendingStart, into: &records, path: path)
            pending.removeFirst(used)
            pendingStart += used
        }
        if !pending.isEmpty, pending.contains(where: { $0 != 0x0D && $0 != 0x0A }) {
            throw .malformed(path: path, offset: pendingStart, reason: "a record's block ends early")
        }
        return records
    }

    /// Parses the complete records at the start of `plain`; returns how many bytes they took.
    /// `base` is where `plain` starts in the decompressed stream, for error offsets.
    private static func parse(_ plain: [UInt8], base: Int, into records: inout [WARCRecord],
                              path: String) throws(ArchiveError) -> Int {
        var offset = 0
        while offset < plain.count {
            // Blank lines between records (the two CRLFs that end each one).
            if plain[offset] == 0x0D || plain[offset] == 0x0A {
                offset += 1
                continue
            }
            let remaining = plain.count - offset
            let magic = Array("WARC/".utf8)
            guard plain[offset..<(offset + min(remaining, magic.count))].elementsEqual(magic.prefix(remaining)) else {
                throw .malformed(path: path, offset: base + offset, reason: "a record does not start with WARC/1.x")
            }
            guard let end = HTTPMessage.headerEnd(Array(plain[offset..<min(plain.count, offset + 64 * 1024)])) else {
                if remaining < 64 * 1024 { return offset }  // the header goes on in the next member
                throw .malformed(path: path, offset: base + offset, reason: "a record's header has no end")
            }
            let head = String(decoding: plain[offset..<(offset + end.start)], as: UTF8.self)
            var fields = HTTPMessage.parseFields(head)
            guard let lengthText = fields.first(where: {
                $0.name.caseInsensitiveCompare("Content-Length") == .orderedSame })?.value,
                let length = Int(lengthText), length >= 0 else {
                throw .malformed(path: path, offset: base + offset, reason: "a record has no valid Content-Length")
            }
            fields.removeAll { $0.name.caseInsensitiveCompare("Content-Length") == .orderedSame }
            let blockStart = offset + end.bodyStart
            guard blockStart + length <= plain.count else { return offset }  // the rest comes later
            records.append(WARCRecord(fields: fields, block: Array(plain[blockStart..<(blockStart + length)])))
            offset = blockStart + length
        }
        return offset
    }
}
