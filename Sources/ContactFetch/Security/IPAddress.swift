/// An IPv4 or IPv6 address parsed from text, as libcurl reports the address it connected
/// to (`CURLINFO_PRIMARY_IP`, the pre-request callback) or as a URL names its host.
/// Pure Swift and strict: only the dotted quad for IPv4 (libcurl itself rewrites
/// `127.1` or `0x7f.0.0.1` to it before connecting), RFC 4291 text for IPv6, with an
/// optional zone (`fe80::1%eth0`, dropped) and optional brackets (`[::1]`, as in URLs).
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    case v4(UInt32)
    /// Sixteen bytes, network order.
    case v6([UInt8])

    public init?(_ text: some StringProtocol) {
        // Byte-wise: the crawler parses the peer's address for every request.
        var body = Substring(text)
        if body.utf8.first == UInt8(ascii: "["), body.utf8.last == UInt8(ascii: "]") { body = body.dropFirst().dropLast() }
        if let zone = body.utf8.firstIndex(of: UInt8(ascii: "%")) { body = body[..<zone] }
        if body.utf8.contains(UInt8(ascii: ":")) {
            guard let bytes = Self.parseIPv6(body) else { return nil }
            self = .v6(bytes)
        } else {
            guard let value = Self.parseIPv4(body) else { return nil }
            self = .v4(value)
        }
    }

    public var description: String {
        switch self {
        case .v4(let value): return Self.dottedQuad(value)
        case .v6(let bytes):
            // Lower-case hex groups without leading zeros; the longest run of zero groups
            // (two or more) becomes `::`, as RFC 5952 recommends.
            let groups = stride(from: 0, to: 16, by: 2).map { Int(bytes[$0]) << 8 | Int(bytes[$0 + 1]) }
            var best: Range<Int>?
            var index = 0
            while index < 8 {
                guard groups[index] == 0 else { index += 1; continue }
                var end = index
                while end < 8, groups[end] == 0 { end += 1 }
                if end - index >= 2, end - index > (best?.count ?? 0) { best = index..<end }
                index = end
            }
            let hex = groups.map { String($0, radix: 16) }
            guard let best else { return hex.joined(separator: ":") }
            return hex[..<best.lowerBound].joined(separator: ":") + "::" + hex[best.upperBound...].joined(separator: ":")
        }
    }

    static func dottedQuad(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    /// Four decimal parts 0...255, no leading zeros (`010` is octal to some parsers).
    static func parseIPv4(_ text: Substring) -> UInt32? {
        var value: UInt32 = 0
        var parts = 0
        var part: UInt32 = 0
        var digits = 0
        var leadingZero = false
        func endPart() -> Bool {
            guard digits > 0, part <= 255, !(leadingZero && digits > 1) else { return false }
            value = value << 8 | part
            parts += 1
            return true
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits == 0 { leadingZero = byte == UInt8(ascii: "0") }
                digits += 1
                guard digits <= 3 else { return nil }
                part = part * 10 + UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "."):
                guard parts < 3, endPart() else { return nil }
                part = 0
                digits = 0
            default:
                return nil
            }
        }
        guard parts == 3, endPart() else { return nil }
        return value
    }

    /// Up to eight hex groups, at most one `::`, and an IPv4 dotted quad as the last
    /// 32 bits (`::ffff:127.0.0.1`).
    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, allowIPv4Tail: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, allowIPv4Tail, piece.contains(".") {
                    guard let v4 = parseIPv4(piece) else { return nil }
                    result += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
                } else {
                    guard (1...4).contains(piece.count), let group = UInt16(piece, radix: 16) else { return nil }
                    result.append(group)
                }
            }
            return result
        }
        guard let head = groups(halves[0], allowIPv4Tail: halves.count == 1) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1], allowIPv4Tail: true), head.count + tail.count <= 7 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}
