import ContactDocument
import ContactExtract
import ContactFetch
import ContactModel
import Foundation

/// Why an input produced no document, in words that name the input.
public enum SourceError: Error, Sendable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case fetch(FetchError)
    case document(DocumentError)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): return "\(path): \(reason)"
        case .fetch(let error): return error.description
        case .document(let error): return error.description
        }
    }
}

/// How inputs are told apart and bytes become a document, for `SourceIntake`. Plain-text
/// inputs (scraped pages saved as `.txt`, `text/plain` answers) become one block per line.
public enum SourceReader {
    /// http(s) inputs: what the crawler reads (robots.txt, address policy, limits).
    public static func isWeb(_ input: String) -> Bool {
        let lower = input.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    public static func isURL(_ input: String) -> Bool {
        isWeb(input) || input.lowercased().hasPrefix("file://")
    }

    /// A local file's bytes as read before (from an archive), named as the file was.
    public static func document(bytes: [UInt8], name: String) throws(SourceError) -> HTMLDocument {
        try document(bytes: bytes, source: name, contentType: nil, plainText: looksLikePlainText(bytes, name: name))
    }

    static func document(bytes: [UInt8], source: String, contentType: String?, plainText: Bool) throws(SourceError) -> HTMLDocument {
        do {
            if plainText { return try HTMLDocument(plainText: bytes, source: source) }
            return try HTMLDocument(bytes: bytes, source: source, contentType: contentType)
        } catch {
            throw .document(error)
        }
    }

    /// The size of a local file in bytes, 0 for a URL or a file that cannot be looked at
    /// (for the order work is started in; reading reports what is wrong with it).
    static func localSize(_ location: String) -> Int {
        guard !isURL(location) else { return 0 }
        var info = stat()
        return stat(location, &info) == 0 ? Int(info.st_size) : 0
    }

    /// A file's bytes read straight into the array the page is kept in (as
    /// `FileManager.contents(atPath:)` read them, without its `Data` and the copy out of
    /// it); nil when the file cannot be opened or read.
    static func contents(ofFile path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        let expected = fstat(descriptor, &info) == 0 && info.st_size > 0 ? Int(info.st_size) : 0
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            while initialized < expected, let base = buffer.baseAddress {
                let count = read(descriptor, base + initialized, expected - initialized)
                if count > 0 {
                    initialized += count
                } else if count == 0 {
                    break
                } else if errno != EINTR {
                    failed = true
                    break
                }
            }
        }
        // Whatever the size did not announce (a file that grew, a pipe, /proc).
        let more = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { chunk -> Bool in
            while let base = chunk.baseAddress {
                let count = read(descriptor, base, chunk.count)
                if count > 0 {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
                } else if count == 0 {
                    return true
                } else if errno != EINTR {
                    return false
                }
            }
            return false
        }
        return failed || !more ? nil : bytes
    }

    /// `.txt` files are text; otherwise a page is HTML when its first non-blank
    /// character (after a byte-order mark) is `<`.
    static func looksLikePlainText(_ bytes: [UInt8], name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") { return true }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return false }
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x00].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] != UInt8(ascii: "<")
    }
}
