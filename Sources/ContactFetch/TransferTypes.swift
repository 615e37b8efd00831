/// One transfer as the engine runs it: what to ask for and within which limits.
struct TransferRequest: Sendable {
    var url: String
    /// `url` already normalised, when the caller has it: the connection guard then need
    /// not parse the URL again for each connection.
    var target: CrawlURL?
    var limits: FetchLimits
    var userAgent: String
    /// Extra request headers (`If-None-Match: "abc"`).
    var headers: [String] = []
    /// Keep the exchange as it went over the wire (`TransferResponse.exchange`) for an
    /// archive: libcurl then leaves the body in its Content-Encoding and we decode it.
    var capture = false
    /// Schemes the first request may use; redirects are always limited to http(s).
    var protocols = "http,https"
    /// Asked before each redirect is followed, with the absolute target; a non-nil answer
    /// (the reason) stops the transfer there. Runs on the transfer thread.
    var redirectGuard: (@Sendable (String) -> String?)?
    /// Asked with each address libcurl is about to connect to (before the socket is
    /// opened) and again with the peer of every connection (each redirect hop, each reuse)
    /// before a request is sent on it; a non-nil answer (the reason) refuses it. Runs on
    /// the transfer thread. Where the address policy plugs in.
    var connectionGuard: (@Sendable (ConnectionAttempt) -> String?)?
}

/// A connection about to be made or used: for which URL (the redirect hop's own) and to
/// which address and port.
struct ConnectionAttempt: Sendable, Hashable {
    var url: String
    var address: String
    var port: Int
    /// `url` normalised, when it is the request's own URL (not a redirect hop's) and the
    /// request came with it.
    var target: CrawlURL?
}

/// A connection the request's guard refused. When a name has several addresses, libcurl
/// tries the next after a refusal; this matters only when the transfer then failed.
struct ConnectionRefusal: Sendable, Hashable {
    /// The URL being requested: the redirect hop's when it happened on a redirect.
    var url: String
    var address: String
    var port: Int
    var reason: String
}

/// A redirect the request's guard refused to follow.
struct RedirectRefusal: Sendable, Hashable {
    var target: String
    var reason: String
}

/// What one transfer gave, copied out of libcurl so it can cross threads.
struct TransferResponse: Sendable {
    struct Failure: Sendable, Hashable {
        /// libcurl's CURLcode.
        var code: Int32
        /// The error-buffer text, or libcurl's description of the code.
        var message: String
        /// The system's errno behind a failed connect (ECONNREFUSED…), 0 when none.
        var osErrno: Int = 0
    }

    var requestedURL: String
    var finalURL: String
    /// HTTP status of the last response, 0 when none arrived.
    var status: Int
    var contentType: String?
    /// Header lines of the last response.
    var headers: [String]
    var body: [UInt8]
    var redirects: Int
    /// URL of every response, the requested one first.
    var redirectChain: [String]
    var truncated: Bool
    var redirectLoop: Bool
    var headersTooLarge: Bool
    /// False when no connection was ever established (for retry decisions).
    var connected: Bool
    var failure: Failure?
    var redirectRefusal: RedirectRefusal?
    var connectionRefusal: ConnectionRefusal?
    var cancelled = false
    /// The exchange as sent and received, when the request asked to capture it.
    var exchange: CapturedExchange? = nil

    func header(_ name: String) -> String? { EasyHandle.header(name, in: headers) }

    static func cancelled(_ url: String) -> TransferResponse {
        TransferResponse(requestedURL: url, finalURL: url, status: 0, contentType: nil, headers: [], body: [],
                         redirects: 0, redirectChain: [], truncated: false, redirectLoop: false,
                         headersTooLarge: false, connected: false,
                         failure: .init(code: -1, message: "cancelled"), cancelled: true)
    }

    static func setupFailed(_ url: String, _ error: FetchError) -> TransferResponse {
        TransferResponse(requestedURL: url, finalURL: url, status: 0, contentType: nil, headers: [], body: [],
                         redirects: 0, redirectChain: [], truncated: false, redirectLoop: false,
                         headersTooLarge: false, connected: false,
                         failure: .init(code: -2, message: error.description))
    }
}

extension EasyHandle {
    /// The value of the first header line named `name` (case-insensitive).
    /// `name` is lower-case; header names are ASCII, so bytes compare without allocating.
    static func header(_ name: String, in lines: [String]) -> String? {
        let wanted = name.utf8
        for line in lines {
            let bytes = line.utf8
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
                  bytes.distance(from: bytes.startIndex, to: colon) == wanted.count,
                  zip(bytes[..<colon], wanted).allSatisfy({ lowercasedASCII($0) == $1 }) else { continue }
            return trimmedASCII(line[bytes.index(after: colon)...])
        }
        return nil
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
