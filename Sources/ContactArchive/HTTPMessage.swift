/// An HTTP/1.x message as kept in a WARC block: start line, header lines in the order
/// they came, body bytes as transferred (still in their Content-Encoding).
public struct HTTPMessage: Sendable, Hashable {
    /// `HTTP/1.1 200 OK`, or `GET /help HTTP/1.1`.
    public var startLine: String
    public var headers: [HeaderField]
    public var body: [UInt8]

    public init(startLine: String, headers: [HeaderField], body: [UInt8] = []) {
        self.startLine = startLine
        self.headers = headers
        self.body = body
    }

    /// From header lines as libcurl hands them (`Name: value`); lines without a colon
    /// (a status line, the blank end) are left out.
    public init(startLine: String, headerLines: [String], body: [UInt8] = []) {
        self.init(startLine: startLine, headers: Self.parseFields(headerLines.joined(separator: "\r\n")), body: body)
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The status of a response (`200`), nil for a request.
    public var status: Int? {
        guard startLine.hasPrefix("HTTP/") else { return nil }
        let parts = startLine.split(separator: " ", maxSplits: 2)
        return parts.count >= 2 ? Int(parts[1]) : nil
    }

    public var serialized: [UInt8] {
        var head = startLine + "\r\n"
        for field in headers { head += "\(field.name): \(field.value)\r\n" }
        head += "\r\n"
        return Array(head.utf8) + body
    }

    /// A block split at its first blank line; nil when it has none.
    public static func parse(_ block: [UInt8]) -> HTTPMessage? {
        guard let end = headerEnd(block) else { return nil }
        let head = String(decoding: block[..<end.start], as: UTF8.self)
        let firstBreak = head.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) ?? head.endIndex
        let startLine = String(head[..<firstBreak]).trimmingCharacters(in: [" ", "\r"])
        let rest = firstBreak < head.endIndex ? String(head[head.index(after: firstBreak)...]) : ""
        return HTTPMessage(startLine: startLine, headers: parseFields(rest), body: Array(block[end.bodyStart...]))
    }

    /// `Name: value` lines (CRLF or LF), values trimmed.
    static func parseFields(_ text: String) -> [HeaderField] {
        var fields: [HeaderField] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: [" ", "\t"])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t", "\r"])
            if !name.isEmpty { fields.append(HeaderField(name, value)) }
        }
        return fields
    }

    /// Where the head ends (CRLFCRLF, or LFLF from a sloppy writer) and the body starts.
    static func headerEnd(_ bytes: [UInt8]) -> (start: Int, bodyStart: Int)? {
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { return (index, index + 2) }
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A {
                    return (index > 0 && bytes[index - 1] == 0x0D ? index - 1 : index, index + 3)
                }
                if index + 1 == bytes.count { return (index, index + 1) }
            }
            index += 1
        }
        return nil
    }
}
