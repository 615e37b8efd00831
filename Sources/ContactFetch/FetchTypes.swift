/// Limits of one transfer; each is configurable under `crawl:` in an audit file.
public struct FetchLimits: Sendable, Hashable, Codable {
    public var connectTimeout: Duration = .seconds(10)
    /// The whole transfer, redirects included.
    public var transferTimeout: Duration = .seconds(30)
    /// Abort when slower than `lowSpeedBytesPerSecond` for `lowSpeedSeconds`.
    public var lowSpeedBytesPerSecond: Int = 100
    public var lowSpeedSeconds: Int = 15
    public var maxRedirects: Int = 5
    /// Decoded body bytes kept at most; the transfer stops when more arrive.
    public var maxBodyBytes: Int = 5 * 1024 * 1024

    public init() {}

    /// Whole seconds, for callers written before the limits took a `Duration`.
    public var connectTimeoutSeconds: Int {
        get { Int(connectTimeout.components.seconds) }
        set { connectTimeout = .seconds(newValue) }
    }
    public var transferTimeoutSeconds: Int {
        get { Int(transferTimeout.components.seconds) }
        set { transferTimeout = .seconds(newValue) }
    }
}

/// What a fetch gave: the body when there is one, and everything a report needs to say
/// what happened.
public struct FetchedPage: Sendable, Hashable {
    public var requestedURL: String
    public var finalURL: String
    /// HTTP status, or 0 for `file://` and failed transfers.
    public var status: Int
    public var contentType: String?
    public var body: [UInt8]
    public var redirects: Int
    /// True when the body was cut at `maxBodyBytes`.
    public var truncated: Bool
    public var etag: String?
    public var lastModified: String?
    /// The exchange as it went over the wire, when the crawl captures them (for an archive).
    public var exchange: CapturedExchange?
    /// The response's headers that name a bot-protection service or say the answer is a
    /// challenge (`server`, `cf-mitigated`, `x-amzn-waf-action`), as `name: value` with
    /// the name lower-cased.
    public var protectionHeaders: [String] = []

    /// Header names `protectionHeaders` keeps.
    public static let protectionHeaderNames = ["server", "cf-mitigated", "x-amzn-waf-action"]

    public init(requestedURL: String, finalURL: String, status: Int, contentType: String?, body: [UInt8],
                redirects: Int = 0, truncated: Bool = false, etag: String? = nil, lastModified: String? = nil,
                exchange: CapturedExchange? = nil) {
        self.exchange = exchange
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.status = status
        self.contentType = contentType
        self.body = body
        self.redirects = redirects
        self.truncated = truncated
        self.etag = etag
        self.lastModified = lastModified
    }
}

public enum FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libcurl's code and its error-buffer text.
    case transfer(url: String, code: Int, message: String)
    case httpStatus(url: String, status: Int)
    case unsupportedScheme(url: String)
    case setup(String)

    public var description: String {
        switch self {
        case .transfer(let url, let code, let message): return "\(url): \(message) (curl error \(code))"
        case .httpStatus(let url, let status): return "\(url): the server answered HTTP \(status)"
        case .unsupportedScheme(let url): return "\(url): only http, https and file URLs can be read"
        case .setup(let message): return "libcurl could not be set up: \(message)"
        }
    }
}

/// One HTTP exchange as it went over the wire, redirects included, for an archive that
/// must hold what was received rather than what we made of it.
public struct CapturedExchange: Sendable, Hashable {
    public struct Hop: Sendable, Hashable {
        /// The URL this request went to.
        public var url: String
        /// The request line and header lines as libcurl sent them.
        public var requestLines: [String]
        /// The status line and header lines as received, in order.
        public var responseLines: [String]

        public init(url: String, requestLines: [String], responseLines: [String]) {
            self.url = url
            self.requestLines = requestLines
            self.responseLines = responseLines
        }

        public var statusLine: String { responseLines.first ?? "" }
        /// Header lines, the status line left out.
        public var responseHeaders: [String] { Array(responseLines.dropFirst()) }
    }

    /// Every response in order, the last one the page's; a redirect's own body is not
    /// passed on by libcurl and is not kept.
    public var hops: [Hop]
    /// The last response's body as received: still in its Content-Encoding (gzip, deflate),
    /// after libcurl undid the chunked transfer coding.
    public var body: [UInt8]
    /// The address the last response came from.
    public var remoteAddress: String?
    /// True when the body stopped at the size limit.
    public var bodyTruncated: Bool

    public init(hops: [Hop], body: [UInt8], remoteAddress: String?, bodyTruncated: Bool) {
        self.hops = hops
        self.body = body
        self.remoteAddress = remoteAddress
        self.bodyTruncated = bodyTruncated
    }
}
