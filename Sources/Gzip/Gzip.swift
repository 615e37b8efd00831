internal import CZlib

/// Why zlib refused a stream: its return code and message, and where in the input.
public enum GzipError: Error, Sendable, Hashable, CustomStringConvertible {
    case corrupt(offset: Int, message: String)
    case truncated(offset: Int)
    case setup(String)

    public var description: String {
        switch self {
        case .corrupt(let offset, let message): return "compressed data at byte \(offset) is corrupt: \(message)"
        case .truncated(let offset): return "compressed data starting at byte \(offset) ends early"
        case .setup(let message): return "zlib could not be set up: \(message)"
        }
    }
}

/// gzip and deflate through zlib; the only module that sees zlib's C API.
public enum Gzip {
    /// zlib's own version string (`1.2.13`).
    public static var zlibVersion: String { String(cString: CZlib.zlibVersion()) }

    /// `bytes` as one gzip member (RFC 1952). A WARC file is a sequence of these, one per
    /// record, so a reader can seek to a record and inflate it alone.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) throws(GzipError) -> [UInt8] {
        var stream = z_stream()
        // 15 bits of window, +16 for the gzip wrapper instead of zlib's.
        guard cz_deflate_init(&stream, level, 15 + 16) == Z_OK else { throw .setup("deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        let code: Int32 = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard code == Z_STREAM_END else { throw .corrupt(offset: 0, message: "deflate returned \(code)") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// How a stream is wrapped.
    public enum Format: Sendable {
        /// RFC 1952, one member.
        case gzip
        /// RFC 1950 (zlib header), what HTTP's `deflate` means.
        case zlib
        /// RFC 1951 with no header, what some servers send as `deflate` all the same.
        case raw

        var windowBits: Int32 {
            switch self {
            case .gzip: return 15 + 16
            case .zlib: return 15
            case .raw: return -15
            }
        }
    }

    /// One decoded stream and where it ended.
    public struct Inflated: Sendable {
        public var bytes: [UInt8]
        /// Input bytes the stream took (for gzip: the whole member, trailer included).
        public var consumed: Int
        /// True when output stopped at the limit before the stream ended.
        public var truncated: Bool
    }

    /// Inflates the one stream that starts at `offset`, stopping after `limit` output bytes
    /// (a small compressed body can decode to gigabytes: the cap holds on the output).
    /// With `acceptingEnd`, input that ends before the stream does (a body cut at a size
    /// limit) gives what it held, marked truncated, instead of an error.
    public static func inflate(_ input: [UInt8], from offset: Int = 0, format: Format = .gzip,
                               limit: Int = .max, acceptingEnd: Bool = false) throws(GzipError) -> Inflated {
        guard offset >= 0, offset < input.count else { throw .truncated(offset: offset) }
        var stream = z_stream()
        guard cz_inflate_init(&stream, format.windowBits) == Z_OK else { throw .setup("inflateInit2 failed") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(4096, (input.count - offset) * 4)))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var code = Z_OK
        var truncated = false
        input.withUnsafeBufferPointer { whole in
            stream.next_in = UnsafeMutablePointer(mutating: whole.baseAddress! + offset)
            stream.avail_in = uInt(whole.count - offset)
            while true {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    code = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return buffer.count - Int(stream.avail_out)
                }
                let room = limit - output.count
                if produced > room {
                    output += chunk[0..<max(room, 0)]
                    truncated = true
                    return
                }
                output += chunk[0..<produced]
                if code != Z_OK { return }
                if stream.avail_in == 0 && produced == 0 { return }
            }
        }
        if truncated { return Inflated(bytes: output, consumed: Int(stream.total_in), truncated: true) }
        switch code {
        case Z_STREAM_END:
            return Inflated(bytes: output, consumed: Int(stream.total_in), truncated: false)
        case Z_OK, Z_BUF_ERROR:
            if acceptingEnd { return Inflated(bytes: output, consumed: Int(stream.total_in), truncated: true) }
            throw .truncated(offset: offset)
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(code)"
            throw .corrupt(offset: offset + Int(stream.total_in), message: message)
        }
    }

    /// Every gzip member of `input`, one after the other (a `.warc.gz` file, or a
    /// multi-member `.gz`).
    public static func inflateMembers(_ input: [UInt8], limit: Int = .max) throws(GzipError) -> [UInt8] {
        var output: [UInt8] = []
        var offset = 0
        while offset < input.count {
            let member = try inflate(input, from: offset, format: .gzip, limit: limit - output.count)
            output += member.bytes
            if member.truncated || member.consumed == 0 { break }
            offset += member.consumed
        }
        return output
    }

    /// True when `bytes` start with gzip's magic number.
    public static func isGzip<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        bytes.starts(with: [0x1F, 0x8B])
    }

    /// An HTTP body in its `Content-Encoding` (`gzip`, `x-gzip`, `deflate`), decoded up to
    /// `limit` bytes; nil for an encoding zlib does not speak (`br`, `zstd`).
    public static func decodeContent(_ body: [UInt8], encoding: String, limit: Int,
                                     acceptingEnd: Bool = false) throws(GzipError) -> Inflated? {
        switch encoding.lowercased().trimmingSpaces {
        case "", "identity":
            return Inflated(bytes: Array(body.prefix(limit)), consumed: body.count, truncated: body.count > limit)
        case "gzip", "x-gzip":
            if body.isEmpty { return Inflated(bytes: [], consumed: 0, truncated: false) }
            return try inflate(body, format: .gzip, limit: limit, acceptingEnd: acceptingEnd)
        case "deflate":
            if body.isEmpty { return Inflated(bytes: [], consumed: 0, truncated: false) }
            // RFC 9110 says zlib-wrapped; servers that send raw deflate are common enough.
            do { return try inflate(body, format: .zlib, limit: limit, acceptingEnd: acceptingEnd) } catch {
                return try inflate(body, format: .raw, limit: limit, acceptingEnd: acceptingEnd)
            }
        default:
            return nil
        }
    }
}

private extension String {
    var trimmingSpaces: Substring {
        let utf8 = self.utf8
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? utf8.endIndex
        let end = utf8.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { utf8.index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
