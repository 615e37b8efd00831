import ContactModel
import Foundation

/// One named field of a WARC record's header or of an HTTP message, in the order written.
public struct HeaderField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One WARC 1.1 record (ISO 28500:2017): its named fields and its content block.
/// `Content-Length` is computed when the record is written, never stored here.
public struct WARCRecord: Sendable, Hashable {
    public var fields: [HeaderField]
    public var block: [UInt8]

    public init(fields: [HeaderField], block: [UInt8]) {
        self.fields = fields
        self.block = block
    }

    /// The first field named `name`, compared without regard to case.
    public func field(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// `warcinfo`, `request`, `response`, `revisit`, `metadata`, `resource`, …
    public var type: String { field("WARC-Type") ?? "" }
    /// `<urn:uuid:…>`, angle brackets included, as other records refer to it.
    public var id: String { field("WARC-Record-ID") ?? "" }
    public var targetURI: String? { field("WARC-Target-URI") }
    public var date: String? { field("WARC-Date") }

    /// The block as an HTTP message, for `request`, `response` and `revisit` records of
    /// type `application/http`.
    public var http: HTTPMessage? {
        guard field("Content-Type")?.lowercased().hasPrefix("application/http") == true else { return nil }
        return HTTPMessage.parse(block)
    }

    /// The record as written: header, block, and the two CRLFs that end every record.
    public var serialized: [UInt8] {
        var head = "WARC/1.1\r\n"
        for field in fields where field.name.caseInsensitiveCompare("Content-Length") != .orderedSame {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(block.count)\r\n\r\n"
        var bytes = Array(head.utf8)
        bytes.reserveCapacity(bytes.count + block.count + 4)
        bytes += block
        bytes += [0x0D, 0x0A, 0x0D, 0x0A]
        return bytes
    }
}

// MARK: - Building records

extension WARCRecord {
    /// `<urn:uuid:…>` for a new record.
    public static func newID() -> String { "<urn:uuid:\(UUID().uuidString.lowercased())>" }

    /// W3C ISO 8601 in UTC, to the second, as WARC-Date wants it.
    public static func date(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// `sha256:` and the digest in base32 (RFC 4648), the encoding warcio and pywb write;
    /// warcio verifies any hashlib algorithm, so SHA-256 (already in ContactModel) serves.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        "sha256:" + Base32.encode(SHA256.digest(bytes))
    }

    private static func common(type: String, id: String, date: Date, targetURI: String?) -> [HeaderField] {
        var fields = [HeaderField("WARC-Type", type), HeaderField("WARC-Record-ID", id),
                      HeaderField("WARC-Date", Self.date(date))]
        if let targetURI { fields.append(HeaderField("WARC-Target-URI", targetURI)) }
        return fields
    }

    /// The archive's first record: what wrote it and for what (`application/warc-fields`).
    public static func warcinfo(filename: String, date: Date, info: [HeaderField]) -> WARCRecord {
        var fields = common(type: "warcinfo", id: newID(), date: date, targetURI: nil)
        fields.append(HeaderField("WARC-Filename", filename))
        fields.append(HeaderField("Content-Type", "application/warc-fields"))
        return withBlockDigest(WARCRecord(fields: fields, block: warcFields(info)))
    }

    /// The request as sent (`application/http;msgtype=request`).
    public static func request(targetURI: String, date: Date, http: HTTPMessage, concurrentTo: String?,
                               warcinfo: String?) -> WARCRecord {
        var fields = common(type: "request", id: newID(), date: date, targetURI: targetURI)
        if let concurrentTo { fields.append(HeaderField("WARC-Concurrent-To", concurrentTo)) }
        if let warcinfo { fields.append(HeaderField("WARC-Warcinfo-ID", warcinfo)) }
        fields.append(HeaderField("Content-Type", "application/http;msgtype=request"))
        return withBlockDigest(WARCRecord(fields: fields, block: http.serialized))
    }

    /// The response as received: status line, header lines, body.
    public static func response(targetURI: String, date: Date, ipAddress: String?, http: HTTPMessage,
                                truncated: String? = nil, warcinfo: String?) -> WARCRecord {
        var fields = common(type: "response", id: newID(), date: date, targetURI: targetURI)
        if let ipAddress, !ipAddress.isEmpty { fields.append(HeaderField("WARC-IP-Address", ipAddress)) }
        if let warcinfo { fields.append(HeaderField("WARC-Warcinfo-ID", warcinfo)) }
        if let truncated { fields.append(HeaderField("WARC-Truncated", truncated)) }
        fields.append(HeaderField("Content-Type", "application/http;msgtype=response"))
        fields.append(HeaderField("WARC-Payload-Digest", digest(http.body)))
        return withBlockDigest(WARCRecord(fields: fields, block: http.serialized))
    }

    /// A 304: the server said the page is the one `refersTo` holds. The block is the 304's
    /// status line and headers (WARC 1.1 §6.7.2, profile server-not-modified).
    public static func revisit(targetURI: String, date: Date, ipAddress: String?, http: HTTPMessage,
                               refersTo: WARCRecord?, warcinfo: String?) -> WARCRecord {
        var fields = common(type: "revisit", id: newID(), date: date, targetURI: targetURI)
        if let ipAddress, !ipAddress.isEmpty { fields.append(HeaderField("WARC-IP-Address", ipAddress)) }
        if let warcinfo { fields.append(HeaderField("WARC-Warcinfo-ID", warcinfo)) }
        fields.append(HeaderField("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/server-not-modified"))
        if let refersTo {
            fields.append(HeaderField("WARC-Refers-To", refersTo.id))
            if let uri = refersTo.targetURI { fields.append(HeaderField("WARC-Refers-To-Target-URI", uri)) }
            if let date = refersTo.date { fields.append(HeaderField("WARC-Refers-To-Date", date)) }
            if let payload = refersTo.field("WARC-Payload-Digest") {
                fields.append(HeaderField("WARC-Payload-Digest", payload))
            }
        }
        fields.append(HeaderField("Content-Type", "application/http;msgtype=response"))
        var headersOnly = http
        headersOnly.body = []
        return withBlockDigest(WARCRecord(fields: fields, block: headersOnly.serialized))
    }

    /// Named fields about a URL (a robots.txt decision, a refusal), `application/warc-fields`.
    public static func metadata(targetURI: String, date: Date, info: [HeaderField], concurrentTo: String? = nil,
                                warcinfo: String?) -> WARCRecord {
        var fields = common(type: "metadata", id: newID(), date: date, targetURI: targetURI)
        if let concurrentTo { fields.append(HeaderField("WARC-Concurrent-To", concurrentTo)) }
        if let warcinfo { fields.append(HeaderField("WARC-Warcinfo-ID", warcinfo)) }
        fields.append(HeaderField("Content-Type", "application/warc-fields"))
        return withBlockDigest(WARCRecord(fields: fields, block: warcFields(info)))
    }

    /// A document read without HTTP (a local file), as its bytes.
    public static func resource(targetURI: String, date: Date, contentType: String, bytes: [UInt8],
                                warcinfo: String?) -> WARCRecord {
        var fields = common(type: "resource", id: newID(), date: date, targetURI: targetURI)
        if let warcinfo { fields.append(HeaderField("WARC-Warcinfo-ID", warcinfo)) }
        fields.append(HeaderField("Content-Type", contentType))
        fields.append(HeaderField("WARC-Payload-Digest", digest(bytes)))
        return withBlockDigest(WARCRecord(fields: fields, block: bytes))
    }

    private static func withBlockDigest(_ record: WARCRecord) -> WARCRecord {
        var record = record
        record.fields.append(HeaderField("WARC-Block-Digest", digest(record.block)))
        return record
    }

    /// `name: value` lines; line breaks inside a value would start a new field, so they
    /// become spaces.
    static func warcFields(_ info: [HeaderField]) -> [UInt8] {
        var text = ""
        for field in info {
            let value = field.value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            text += "\(field.name): \(value)\r\n"
        }
        return Array(text.utf8)
    }

    /// The fields of an `application/warc-fields` block.
    public var warcFields: [HeaderField] {
        HTTPMessage.parseFields(String(decoding: block, as: UTF8.self))
    }
}

/// RFC 4648 base32, upper case with padding (what warcio compares against).
enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let group = Array(bytes[index..<min(index + 5, bytes.count)])
            var buffer: UInt64 = 0
            for position in 0..<5 { buffer = buffer << 8 | UInt64(position < group.count ? group[position] : 0) }
            let characters = [0, 2, 4, 5, 7, 8][group.count]
            for position in 0..<8 {
                output.append(position < characters ? alphabet[Int(buffer >> UInt64(35 - position * 5) & 31)]
                                                    : UInt8(ascii: "="))
            }
            index += 5
        }
        return String(decoding: output, as: UTF8.self)
    }
}
