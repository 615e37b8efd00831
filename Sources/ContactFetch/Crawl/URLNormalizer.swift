/// An absolute http(s) URL in normal form, so that two spellings of one page compare
/// equal: scheme and host lower-cased, default port dropped, empty path made `/`, dot
/// segments removed, percent-encoding normalised (unreserved characters decoded, hex digits
/// upper-cased, spaces and non-ASCII encoded as UTF-8), fragment dropped.
public struct CrawlURL: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    /// nil for the scheme's default port.
    public let port: Int?
    /// Path, starting with `/`.
    public let path: String
    /// Query without `?`, nil when absent (an empty query `?` is kept: servers may differ).
    public let query: String?

    /// `scheme://host[:port]`: what robots.txt and politeness apply to. Stored, since the
    /// scheduler asks for it on every pass over the frontier.
    public let origin: String
    /// The whole URL. Stored too: it is the request's URL, the outcome's, and the key of
    /// several lookups for every page.
    public let string: String

    public init(scheme: String, host: String, port: Int?, path: String, query: String?) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        let origin = port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
        self.origin = origin
        self.string = query.map { "\(origin)\(path)?\($0)" } ?? "\(origin)\(path)"
    }

    public var description: String { string }
    public var pathAndQuery: String { query.map { "\(path)?\($0)" } ?? path }
    public var robotsURL: String { "\(origin)/robots.txt" }

    public static func < (lhs: CrawlURL, rhs: CrawlURL) -> Bool { lhs.string < rhs.string }
}

/// Parses and resolves URLs the way RFC 3986 says, then puts them in `CrawlURL`'s normal
/// form. Pure Swift so the result does not depend on a platform's URL parser.
public enum URLNormalizer {
    /// `reference` resolved against `base` (itself absolute) and normalised; nil when the
    /// result is not an http(s) URL with a host (mailto:, javascript:, tel:, garbage).
    public static func resolve(_ reference: String, against base: CrawlURL) -> CrawlURL? {
        let trimmed = reference.trimmingWhitespaceAndControls()
        let parts = URIParts.parse(encodeInvalid(trimmed))
        let target: URIParts
        if parts.scheme != nil {
            target = parts
        } else {
            var resolved = URIParts(scheme: base.scheme)
            if let authority = parts.authority {
                resolved.authority = authority
                resolved.path = removeDotSegments(parts.path)
                resolved.query = parts.query
            } else {
                resolved.authority = base.port.map { "\(base.host):\($0)" } ?? base.host
                if parts.path.isEmpty {
                    resolved.path = base.path
                    resolved.query = parts.query ?? base.query
                } else {
                    resolved.path = parts.path.hasPrefix("/")
                        ? removeDotSegments(parts.path)
                        : removeDotSegments(merge(base: base.path, reference: parts.path))
                    resolved.query = parts.query
                }
            }
            target = resolved
        }
        return normalize(target)
    }

    /// An absolute URL in normal form; nil when not http(s) with a host.
    public static func normalize(_ absolute: String) -> CrawlURL? {
        normalize(URIParts.parse(encodeInvalid(absolute.trimmingWhitespaceAndControls())))
    }

    private static func normalize(_ parts: URIParts) -> CrawlURL? {
        guard let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let authority = parts.authority else { return nil }
        // Credentials in a link are dropped: the crawler never sends them.
        let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        var host = hostPort
        var port: Int?
        if let colon = hostPort.lastIndex(of: ":"), !hostPort[colon...].contains("]") {
            host = String(hostPort[..<colon])
            let digits = hostPort[hostPort.index(after: colon)...]
            if !digits.isEmpty {
                guard digits.allSatisfy(\.isASCIIDigit), let number = Int(digits), number > 0, number < 65536 else {
                    return nil
                }
                port = number
            }
        }
        host = host.lowercased()
        while host.hasSuffix(".") { host.removeLast() }
        guard !host.isEmpty else { return nil }
        if port == (scheme == "https" ? 443 : 80) { port = nil }
        var path = normalizePercentEncoding(removeDotSegments(parts.path))
        if path.isEmpty { path = "/" }
        return CrawlURL(scheme: scheme, host: host, port: port, path: path,
                        query: parts.query.map(normalizePercentEncoding))
    }

    /// RFC 3986 §5.2.3.
    private static func merge(base: String, reference: String) -> String {
        guard let slash = base.lastIndex(of: "/") else { return "/" + reference }
        return String(base[...slash]) + reference
    }

    /// RFC 3986 §5.2.4: `/a/b/../c/./d` → `/a/c/d`.
    static func removeDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        var result = output.joined(separator: "/")
        if path.hasPrefix("/"), !result.hasPrefix("/") { result = "/" + result }
        return result
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Characters a URL may hold unencoded (unreserved, reserved and `%`).
    private static func isAllowed(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || "!$&'()*+,;=:@/?#[]%".utf8.contains(byte)
    }

    /// Percent-encodes what browsers encode before sending: spaces, non-ASCII (as UTF-8),
    /// quotes, angle brackets and the like.
    static func encodeInvalid(_ text: String) -> String {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if isAllowed(byte) {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `%7e` → `~`, `%d0%bf` → `%D0%BF`; a `%` not followed by two hex digits becomes `%25`.
    static func normalizePercentEncoding(_ text: String) -> String {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%") {
                if index + 2 < input.count, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                    let decoded = high << 4 | low
                    if isUnreserved(decoded) {
                        output.append(decoded)
                    } else {
                        output.append(contentsOf: [byte, hexDigits[Int(high)], hexDigits[Int(low)]])
                    }
                    index += 3
                    continue
                }
                output.append(contentsOf: Array("%25".utf8))
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Percent-decoded text for matching keywords (`/%D0%BA%D0%BE...` → `/ко...`).
    static func percentDecoded(_ text: String) -> String {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The five components of a URI reference (RFC 3986 appendix B), fragment dropped.
struct URIParts {
    var scheme: String?
    var authority: String?
    var path = ""
    var query: String?

    static func parse(_ text: String) -> URIParts {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var parts = URIParts()
        if let colon = rest.firstIndex(of: ":"), let first = rest.first, first.isLetter,
           rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }),
           !rest[..<colon].contains(where: { "/?".contains($0) }) {
            parts.scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if let question = rest.firstIndex(of: "?") {
            parts.query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            parts.authority = String(rest[..<end])
            rest = rest[end...]
        }
        parts.path = String(rest)
        return parts
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Browsers strip leading and trailing C0 controls and spaces from hrefs, and drop
    /// tabs and newlines inside them.
    func trimmingWhitespaceAndControls() -> String {
        // Most URLs have nothing to strip: no scalar at or below the space.
        if !utf8.contains(where: { $0 <= 0x20 }) { return self }
        let kept = unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        var scalars = Substring(String(String.UnicodeScalarView(kept)))
        while let first = scalars.unicodeScalars.first, first.value <= 0x20 { scalars = scalars.dropFirst() }
        while let last = scalars.unicodeScalars.last, last.value <= 0x20 { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
