internal import CCurl
import Gzip

/// All calls into libcurl go through this file: the easy handle (one transfer), the multi
/// handle (the crawler's event loop) and the callbacks libcurl calls back into.
enum Curl {
    static let globalInit: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    static var version: String {
        String(cString: curl_version())
    }

    static var versionNumber: String? {
        guard let info = ca_version_info(), let version = info.pointee.version else { return nil }
        return String(cString: version)
    }

    static func describe(_ code: Int32) -> String {
        String(cString: curl_easy_strerror(CURLcode(rawValue: UInt32(bitPattern: code))))
    }

    // libcurl codes the crawler reasons about, named so callers need not import CCurl.
    static let writeError = Int32(CURLE_WRITE_ERROR.rawValue)
    static let operationTimedOut = Int32(CURLE_OPERATION_TIMEDOUT.rawValue)
    static let tooManyRedirects = Int32(CURLE_TOO_MANY_REDIRECTS.rawValue)
    static let unsupportedProtocol = Int32(CURLE_UNSUPPORTED_PROTOCOL.rawValue)
    static let badContentEncoding = Int32(CURLE_BAD_CONTENT_ENCODING.rawValue)
    static let couldNotConnect = Int32(CURLE_COULDNT_CONNECT.rawValue)
    static let couldNotResolveHost = Int32(CURLE_COULDNT_RESOLVE_HOST.rawValue)
    /// Failures worth another attempt: the connection broke, not the content.
    static let connectionFailures: Set<Int32> = [
        CURLE_COULDNT_CONNECT, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
        CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_SSL_CONNECT_ERROR,
    ].reduce(into: []) { $0.insert(Int32($1.rawValue)) }
}

/// Collects a transfer's body and headers; handed to libcurl's callbacks as an opaque
/// pointer. Stops the transfer (by returning a short count) once a limit is passed.
final class TransferSink {
    var body: [UInt8] = []
    /// Header lines of the last response only (a redirect chain resets them).
    var headers: [String] = []
    var limit: Int
    var truncated = false
    /// URL of every response seen, in order: the redirect chain.
    var visited: [String] = []
    var redirectLoop = false
    var headersTooLarge = false
    var redirectGuard: (@Sendable (String) -> String?)?
    var redirectRefusal: RedirectRefusal?
    var connectionGuard: (@Sendable (ConnectionAttempt) -> String?)?
    var connectionRefusal: ConnectionRefusal?
    /// The request's URL as given and normalised (`TransferRequest.target`).
    var requestURL = ""
    var requestTarget: CrawlURL?
    /// Set when the exchange is captured for an archive: every hop's request and response
    /// lines, in order.
    var capture = false
    var hops: [CapturedExchange.Hop] = []
    /// The request header block libcurl sent last, waiting for its response.
    var sentRequest: [String] = []
    private var headerBytes = 0
    private var lastStatus = 0
    /// Set when the sink serves an easy handle, so the header callback can ask which URL
    /// the response belongs to. Not owned.
    fileprivate var handle: UnsafeMutableRawPointer?

    /// A hostile server can send endless header lines; libcurl caps each line, we cap the sum.
    static let maxHeaderBytes = 256 * 1024

    init(limit: Int) { self.limit = limit }

    /// The URL libcurl is working on: the current redirect hop's, not the first request's.
    fileprivate var currentURL: String {
        var effective: UnsafeMutablePointer<CChar>?
        if let handle { _ = ca_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective) }
        return effective.map { String(cString: $0) } ?? ""
    }

    /// Sizes the body buffer once from Content-Length (capped at the limit), so a page is
    /// not copied again each time the buffer outgrows itself. A hint only: a compressed
    /// body decodes to more, and a lying server just costs the usual growth.
    fileprivate func reserveForContentLength() {
        guard let handle else { return }
        var length: curl_off_t = -1
        _ = ca_easy_getinfo_off_t(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length)
        if length > 0 { body.reserveCapacity(min(Int(length), limit)) }
    }

    /// Asks the connection guard; records the first refusal. True when refused.
    fileprivate func refuses(address: String, port: Int) -> Bool {
        guard let connectionGuard else { return false }
        let url = currentURL
        let attempt = ConnectionAttempt(url: url, address: address, port: port,
                                        target: url == requestURL ? requestTarget : nil)
        guard let reason = connectionGuard(attempt) else { return false }
        if connectionRefusal == nil {
            connectionRefusal = ConnectionRefusal(url: attempt.url, address: address, port: port, reason: reason)
        }
        return true
    }

    /// One header line as libcurl passes it (CRLF included). Read as bytes, and made a
    /// String once, trimmed: every page has a dozen of these.
    fileprivate func receiveHeader(_ raw: UnsafeRawBufferPointer) -> Bool {
        headerBytes += raw.count
        if headerBytes > Self.maxHeaderBytes {
            headersTooLarge = true
            return false
        }
        let trimmed = trimmedASCII(raw)
        if raw.starts(with: "HTTP/".utf8) {
            // A new status line starts the headers of the next response in a redirect chain.
            headers.removeAll()
            let status = Self.statusCode(trimmed)
            var effective: UnsafeMutablePointer<CChar>?
            if let handle { _ = ca_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective) }
            let url = effective.map { String(cString: $0) } ?? ""
            // Only a hop after a 3xx is a redirect; a proxy's CONNECT answer or a 100
            // Continue belongs to the same URL and is not a loop.
            if visited.isEmpty || (300..<400).contains(lastStatus) {
                if visited.contains(url) {
                    visited.append(url)
                    redirectLoop = true
                    return false
                }
                visited.append(url)
            }
            lastStatus = status
            if capture { hops.append(CapturedExchange.Hop(url: url, requestLines: sentRequest, responseLines: [])) }
        }
        if capture, !trimmed.isEmpty, !hops.isEmpty { hops[hops.count - 1].responseLines.append(trimmed) }
        // The blank line ends a response's headers: libcurl follows a redirect right after.
        if trimmed.isEmpty, (300..<400).contains(lastStatus), let redirectGuard,
           let location = EasyHandle.header("location", in: headers) {
            let target = visited.last.flatMap(URLNormalizer.normalize)
                .flatMap { URLNormalizer.resolve(location, against: $0) }?.string ?? location
            if let reason = redirectGuard(target) {
                redirectRefusal = RedirectRefusal(target: target, reason: reason)
                return false
            }
        }
        headers.append(trimmed)
        return true
    }

    /// The code of a status line (`HTTP/1.1 200 OK`, `HTTP/2 200`), 0 when unreadable.
    private static func statusCode(_ line: String) -> Int {
        let bytes = line.utf8
        guard let space = bytes.firstIndex(of: UInt8(ascii: " ")) else { return 0 }
        let rest = bytes[bytes.index(after: space)...]
        let code = rest.prefix { $0 != UInt8(ascii: " ") }
        return Int(Substring(code)) ?? 0
    }
}

private let writeCallback: ca_write_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    if sink.body.isEmpty { sink.reserveForContentLength() }
    let room = sink.limit - sink.body.count
    if length > room {
        sink.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: max(room, 0)))
        sink.truncated = true
        return 0  // CURLE_WRITE_ERROR: we asked to stop.
    }
    sink.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
    return length
}

private let headerCallback: ca_write_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    return sink.receiveHeader(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

/// libcurl's trace: only the request headers it sent are kept (CURLINFO_HEADER_OUT, the
/// whole block of one request at once).
private let debugCallback: ca_debug_callback = { _, type, data, size, context in
    guard type == CURLINFO_HEADER_OUT, let data, let context else { return 0 }
    let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    sink.sentRequest = text.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
    return 0
}

/// Called for every request, on a new or a reused connection, before anything is sent:
/// the last word on the address actually connected to.
private let prereqCallback: ca_prereq_callback = { context, primaryIP, _, primaryPort, _ in
    guard let context else { return Int32(CURL_PREREQFUNC_ABORT) }
    let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
    let address = primaryIP.map { String(cString: $0) } ?? ""
    return sink.refuses(address: address, port: Int(primaryPort)) ? Int32(CURL_PREREQFUNC_ABORT) : Int32(CURL_PREREQFUNC_OK)
}

/// Called with each address libcurl is about to connect to: a refused address gets no
/// socket, so not even a TCP handshake reaches it (libcurl tries the name's next address).
private let openSocketCallback: ca_opensocket_callback = { context, _, address in
    guard let context, let address else { return CURL_SOCKET_BAD }
    let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
    var text = [CChar](repeating: 0, count: Int(ca_address_text_size) + 1)
    var port: Int32 = 0
    let numeric = ca_sockaddr_numeric(address, &text, &port) == 0
        ? String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    if sink.refuses(address: numeric, port: Int(port)) { return CURL_SOCKET_BAD }
    return ca_socket_open(address)
}

/// One libcurl easy handle, owned: cleaned up in `deinit`. Not Sendable: a handle is used
/// by one thread at a time (the caller of `perform`, or the multi loop's thread).
final class EasyHandle {
    fileprivate let handle: UnsafeMutableRawPointer
    /// libcurl writes its error text here and keeps the pointer for the handle's life, so
    /// it is allocated once (not a Swift array, whose storage may move) and freed in deinit.
    private let errorBuffer: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        buffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        return buffer
    }()
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// Kept alive while libcurl holds a pointer to it (WRITEDATA / HEADERDATA).
    private(set) var sink = TransferSink(limit: 0)
    private(set) var request: TransferRequest?

    init() throws(FetchError) {
        guard Curl.globalInit, let handle = curl_easy_init() else { throw .setup("curl_easy_init failed") }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)
        if let headerList { curl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    /// Runs one blocking transfer. Used for `file://` inputs and single pages; the crawler
    /// drives many handles through the multi interface instead.
    func perform(url: String, limits: FetchLimits, userAgent: String) throws(FetchError) -> FetchedPage {
        var request = TransferRequest(url: url, limits: limits, userAgent: userAgent)
        request.protocols = "http,https,file"
        try configure(request)
        let code = curl_easy_perform(handle)
        let response = self.response(code: Int32(code.rawValue))
        if let failure = response.failure, !(response.truncated && failure.code == Curl.writeError) {
            throw .transfer(url: url, code: Int(failure.code), message: failure.message)
        }
        return FetchedPage(
            requestedURL: url, finalURL: response.finalURL, status: response.status,
            contentType: response.contentType, body: response.body, redirects: response.redirects,
            truncated: response.truncated, etag: response.header("etag"), lastModified: response.header("last-modified"))
    }

    /// Forgets the last transfer's options and sink so the handle can serve another;
    /// libcurl keeps what is worth keeping (its DNS and TLS session caches).
    func reset() {
        curl_easy_reset(handle)
        request = nil
        sink = TransferSink(limit: 0)
    }

    /// Sets every option of one transfer. Throws the first option libcurl refused.
    func configure(_ request: TransferRequest) throws(FetchError) {
        self.request = request
        sink = TransferSink(limit: request.limits.maxBodyBytes)
        sink.handle = handle
        sink.redirectGuard = request.redirectGuard
        sink.connectionGuard = request.connectionGuard
        sink.requestURL = request.url
        sink.requestTarget = request.target
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let limits = request.limits
        var setupFailure: CURLcode = CURLE_OK
        func check(_ code: CURLcode) { if code != CURLE_OK, setupFailure == CURLE_OK { setupFailure = code } }
        errorBuffer[0] = 0
        check(ca_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        check(ca_easy_setopt_string(handle, CURLOPT_URL, request.url))
        check(ca_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, request.protocols))
        // A redirect may only lead to http(s): never to file://, ftp:// or gopher://.
        check(ca_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        check(ca_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1))
        check(ca_easy_setopt_long(handle, CURLOPT_MAXREDIRS, limits.maxRedirects))
        check(ca_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(limits.connectTimeout)))
        check(ca_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(limits.transferTimeout)))
        check(ca_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, limits.lowSpeedBytesPerSecond))
        check(ca_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, limits.lowSpeedSeconds))
        // Timeouts must not use signals: the crawler runs transfers on a background thread.
        check(ca_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        // "" offers every encoding this libcurl decodes (gzip, deflate, br); the write
        // callback sees decoded bytes, so the body limit holds against compression bombs.
        // Captured for an archive, the body must stay as it was sent: libcurl passes it on
        // undecoded and `response(code:)` decodes it with zlib, which speaks gzip and
        // deflate only, so only those are offered.
        if request.capture {
            check(ca_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "gzip, deflate"))
            check(ca_easy_setopt_long(handle, CURLOPT_HTTP_CONTENT_DECODING, 0))
            sink.capture = true
            check(ca_easy_setopt_debug_function(handle, debugCallback))
            check(ca_easy_setopt_pointer(handle, CURLOPT_DEBUGDATA, context))
            check(ca_easy_setopt_long(handle, CURLOPT_VERBOSE, 1))
        } else {
            check(ca_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        }
        check(ca_easy_setopt_string(handle, CURLOPT_USERAGENT, request.userAgent))
        if let headerList { curl_slist_free_all(headerList) }
        headerList = nil
        for header in request.headers { headerList = curl_slist_append(headerList, header) }
        check(ca_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
        check(ca_easy_setopt_write_function(handle, writeCallback))
        check(ca_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        check(ca_easy_setopt_header_function(handle, headerCallback))
        check(ca_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
        if request.connectionGuard != nil {
            check(ca_easy_setopt_opensocket_function(handle, openSocketCallback))
            check(ca_easy_setopt_pointer(handle, CURLOPT_OPENSOCKETDATA, context))
            check(ca_easy_setopt_prereq_function(handle, prereqCallback))
            check(ca_easy_setopt_pointer(handle, CURLOPT_PREREQDATA, context))
        }
        if setupFailure != CURLE_OK {
            throw .setup("\(request.url): \(String(cString: curl_easy_strerror(setupFailure)))")
        }
    }

    /// What the finished transfer gave; `code` is the transfer's CURLcode.
    func response(code: Int32) -> TransferResponse {
        let url = request?.url ?? ""
        var status = 0
        _ = ca_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var redirects = 0
        _ = ca_easy_getinfo_long(handle, CURLINFO_REDIRECT_COUNT, &redirects)
        var effective: UnsafeMutablePointer<CChar>?
        _ = ca_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        var contentType: UnsafeMutablePointer<CChar>?
        _ = ca_easy_getinfo_string(handle, CURLINFO_CONTENT_TYPE, &contentType)
        var connectTime: curl_off_t = 0
        _ = ca_easy_getinfo_off_t(handle, CURLINFO_CONNECT_TIME_T, &connectTime)
        var failure: TransferResponse.Failure?
        if code != Int32(CURLE_OK.rawValue) {
            let detail = String(cString: errorBuffer)
            var osErrno = 0
            _ = ca_easy_getinfo_long(handle, CURLINFO_OS_ERRNO, &osErrno)
            failure = .init(code: code, message: detail.isEmpty ? Curl.describe(code) : detail, osErrno: osErrno)
        }
        var body = sink.body
        var truncated = sink.truncated
        var exchange: CapturedExchange?
        if sink.capture {
            var address: UnsafeMutablePointer<CChar>?
            _ = ca_easy_getinfo_string(handle, CURLINFO_PRIMARY_IP, &address)
            exchange = CapturedExchange(hops: sink.hops, body: sink.body,
                                        remoteAddress: address.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 },
                                        bodyTruncated: sink.truncated)
            let usable = failure == nil || (truncated && failure?.code == Curl.writeError)
            let encoding = EasyHandle.header("content-encoding", in: sink.headers) ?? ""
            if usable, !body.isEmpty {
                let limit = request?.limits.maxBodyBytes ?? Int.max
                do {
                    if let decoded = try Gzip.decodeContent(body, encoding: encoding, limit: limit, acceptingEnd: truncated) {
                        body = decoded.bytes
                        truncated = truncated || decoded.truncated
                    } else {
                        body = []
                        failure = .init(code: Curl.badContentEncoding,
                                        message: "the body's Content-Encoding '\(encoding)' is not gzip or deflate")
                    }
                } catch {
                    body = []
                    failure = .init(code: Curl.badContentEncoding, message: "the \(encoding) body: \(error)")
                }
            }
        }
        return TransferResponse(
            requestedURL: url,
            finalURL: effective.map { String(cString: $0) } ?? url,
            status: status,
            contentType: contentType.map { String(cString: $0) },
            headers: sink.headers,
            body: body,
            redirects: redirects,
            redirectChain: sink.visited,
            truncated: truncated,
            redirectLoop: sink.redirectLoop,
            headersTooLarge: sink.headersTooLarge,
            connected: connectTime > 0,
            failure: failure,
            redirectRefusal: sink.redirectRefusal,
            connectionRefusal: sink.connectionRefusal,
            exchange: exchange)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}

/// One libcurl multi handle, owned: cleaned up in `deinit` after its easy handles are
/// removed. Used only on the transfer engine's thread, except `wakeup()`, which libcurl
/// documents as callable from any thread.
final class MultiHandle {
    private let handle: UnsafeMutableRawPointer
    /// Easy handles currently added, by their C pointer (how libcurl names finished ones).
    private var transfers: [UnsafeMutableRawPointer: EasyHandle] = [:]

    init(maxConnections: Int) throws(FetchError) {
        guard Curl.globalInit, let handle = curl_multi_init() else { throw .setup("curl_multi_init failed") }
        self.handle = handle
        _ = ca_multi_setopt_long(handle, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections)
        // Idle connections kept for reuse. Left alone, libcurl keeps four per easy handle
        // added at the moment, so whenever few transfers were in flight it closed the
        // connections the next ones would have reused (232 connects for 10,000 pages).
        _ = ca_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, maxConnections)
    }

    deinit {
        for easy in transfers.keys { curl_multi_remove_handle(handle, easy) }
        transfers.removeAll()
        curl_multi_cleanup(handle)
    }

    var count: Int { transfers.count }

    func add(_ easy: EasyHandle) throws(FetchError) {
        let code = curl_multi_add_handle(handle, easy.handle)
        guard code == CURLM_OK else { throw .setup(String(cString: curl_multi_strerror(code))) }
        transfers[easy.handle] = easy
    }

    /// Stops a transfer before it finished (cancellation); the handle is freed with its owner.
    func remove(_ easy: EasyHandle) {
        guard transfers.removeValue(forKey: easy.handle) != nil else { return }
        curl_multi_remove_handle(handle, easy.handle)
    }

    /// Drives every transfer as far as it can go without blocking.
    func perform() {
        var running: Int32 = 0
        _ = curl_multi_perform(handle, &running)
    }

    /// Removes and returns the transfers that finished, each with its CURLcode.
    func takeFinished() -> [(EasyHandle, Int32)] {
        var finished: [(EasyHandle, Int32)] = []
        var easy: UnsafeMutableRawPointer?
        var result = CURLE_OK
        while ca_multi_next_done(handle, &easy, &result) == 1 {
            guard let pointer = easy, let owner = transfers.removeValue(forKey: pointer) else { continue }
            curl_multi_remove_handle(handle, pointer)
            finished.append((owner, Int32(result.rawValue)))
        }
        return finished
    }

    /// Sleeps until a socket is ready, a timer is due, `wakeup()` is called or the timeout passes.
    func poll(timeoutMilliseconds: Int32) {
        var ready: Int32 = 0
        _ = curl_multi_poll(handle, nil, 0, timeoutMilliseconds, &ready)
    }

    /// Interrupts `poll` from another thread.
    func wakeup() {
        _ = curl_multi_wakeup(handle)
    }
}

/// Header lines end in CRLF and values may be padded with spaces or tabs. Works on bytes:
/// every header line of every page passes through here.
func trimmedASCII(_ text: Substring) -> String {
    let bytes = text.utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, isPadding(bytes[start]) { start = bytes.index(after: start) }
    while start < end, isPadding(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
    return String(Substring(bytes[start..<end]))
}

/// The same for a header line straight from libcurl.
func trimmedASCII(_ bytes: UnsafeRawBufferPointer) -> String {
    var start = 0
    var end = bytes.count
    while start < end, isPadding(bytes[start]) { start += 1 }
    while start < end, isPadding(bytes[end - 1]) { end -= 1 }
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
}

private func isPadding(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
}
