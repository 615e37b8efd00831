#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Decodes a page's bytes to UTF-8 before the parser sees them, replacing each byte the
/// encoding cannot decode by U+FFFD and going on, as browsers do. Handing libxml2 the
/// page in its declared encoding instead let one undecodable byte end the read: under
/// `windows-1251`, byte 0x98 (the second byte of UTF-8 "И") has no character, iconv
/// refused it and libxml2 stopped there, losing every number and `mailto:` after it.
/// iconv is the C library's, the converter libxml2 itself would have used.
enum Transcoder {
    /// UTF-8 for `bytes` read as `encoding` (an iconv name); nil when iconv knows no such
    /// encoding, for the caller to hand the bytes over as they are.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: String) -> [UInt8]? {
        if let table = SingleByteTable.of(encoding) { return table.utf8(bytes) }
        return streamed(bytes, from: encoding)
    }

    /// Through iconv, chunk by chunk.
    static func streamed(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: String) -> [UInt8]? {
        guard let converter = iconv_open("UTF-8", encoding), converter != UnsafeMutableRawPointer(bitPattern: -1) else {
            return nil
        }
        defer { iconv_close(converter) }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = UnsafeMutablePointer(mutating: base).withMemoryRebound(to: CChar.self, capacity: bytes.count) { $0 }
        var inputLeft = bytes.count
        while inputLeft > 0 {
            let (result, written) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int, Int) in
                var out = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { Optional($0) }
                var outLeft = buffer.count
                var inPointer: UnsafeMutablePointer<CChar>? = input
                let result = iconv(converter, &inPointer, &inputLeft, &out, &outLeft)
                input = inPointer!
                return (result, buffer.count - outLeft)
            }
            output.append(contentsOf: chunk[..<written])
            guard result == -1 else { continue }
            switch errno {
            case E2BIG:
                continue
            default:
                // EILSEQ (no character for these bytes) or EINVAL (a sequence cut by the
                // end of the page): one replacement character, then the next byte.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                input += 1
                inputLeft -= 1
                // A stateful encoding starts over from its initial state.
                iconv(converter, nil, nil, nil, nil)
            }
        }
        return output
    }
}

/// What iconv makes of each of the 256 bytes of a single-byte encoding, alone. For the
/// encodings below iconv reads every byte by itself, with no state (one byte is one
/// character, or none), so a page decoded through the table is byte for byte what
/// `Transcoder.streamed` makes of it, U+FFFD for a byte with no character included, at
/// a table look-up per byte instead of iconv's conversion loop. Not for windows-1255 and
/// windows-1258, which iconv composes with the following combining mark.
struct SingleByteTable: Sendable {
    /// UTF-8 of byte `b` at `4 * b`, its length at `b`.
    private let utf8: [UInt8]
    private let lengths: [UInt8]
    private let longest: Int
    /// Bytes 0x00...0x7F decode to themselves (every encoding above is ASCII-compatible,
    /// but the table says so only after iconv has): runs of them are copied as they are.
    private let keepsASCII: Bool

    static let stateless: Set<String> = {
        var names: Set<String> = ["WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1252", "WINDOWS-1253", "WINDOWS-1254",
                                  "WINDOWS-1256", "WINDOWS-1257", "WINDOWS-874", "KOI8-R", "KOI8-U"]
        for part in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16] { names.insert("ISO-8859-\(part)") }
        return names
    }()

    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var tables: [String: SingleByteTable?] = [:]
    }
    private static let cache = Cache()

    /// The table of `encoding` (built once per process), nil when it is not one of the
    /// stateless single-byte encodings or iconv does not know it.
    static func of(_ encoding: String) -> SingleByteTable? {
        guard stateless.contains(encoding.uppercased()) else { return nil }
        return cache.lock.withLock {
            if let known = cache.tables[encoding] { return known }
            let table = SingleByteTable(encoding)
            cache.tables[encoding] = table
            return table
        }
    }

    private init?(_ encoding: String) {
        var utf8 = [UInt8](repeating: 0, count: 256 * 4)
        var lengths = [UInt8](repeating: 0, count: 256)
        for byte in 0...255 {
            guard let decoded = [UInt8(byte)].withUnsafeBufferPointer({ Transcoder.streamed($0, from: encoding) }),
                  (1...4).contains(decoded.count) else { return nil }
            for (k, unit) in decoded.enumerated() { utf8[4 * byte + k] = unit }
            lengths[byte] = UInt8(decoded.count)
        }
        self.utf8 = utf8
        self.lengths = lengths
        longest = Int(lengths.max() ?? 1)
        keepsASCII = (0..<0x80).allSatisfy { lengths[$0] == 1 && utf8[4 * $0] == UInt8($0) }
    }

    func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        utf8.withUnsafeBufferPointer { table in
            lengths.withUnsafeBufferPointer { lengths in
                [UInt8](unsafeUninitializedCapacity: max(1, bytes.count * longest)) { out, written in
                    var o = 0
                    var i = 0
                    let count = bytes.count
                    while i < count {
                        // Markup is mostly ASCII: eight bytes at a time while no high bit is set.
                        if keepsASCII, i + 8 <= count, let source = bytes.baseAddress, let target = out.baseAddress {
                            let eight = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
                            if eight & 0x8080_8080_8080_8080 == 0 {
                                UnsafeMutableRawPointer(target + o).storeBytes(of: eight, as: UInt64.self)
                                i += 8
                                o += 8
                                continue
                            }
                        }
                        let b = Int(bytes[i])
                        i += 1
                        let length = Int(lengths[b])
                        out[o] = table[4 * b]
                        if length > 1 {
                            for k in 1..<length { out[o + k] = table[4 * b + k] }
                        }
                        o += length
                    }
                    written = o
                }
            }
        }
    }
}
