#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
