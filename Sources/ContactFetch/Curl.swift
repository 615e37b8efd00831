internal import CCurl

/// All calls into libcurl go through this file.
enum Curl {
    static let globalInit: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    static var version: String {
        String(cString: curl_version())
    }
}

/// Collects a transfer's body and headers; handed to libcurl's callbacks as an opaque
/// pointer. Stops the transfer (by returning a short count) once the limit is passed.
final class TransferSink {
    var body: [UInt8] = []
    var headers: [String] = []
    var limit: Int
    var truncated = false

    init(limit: Int) { self.limit = limit }
}

private let writeCallback: ca_write_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let sink = Unmanaged<TransferSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
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
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    // A new status line starts the headers of the next response in a redirect chain.
    if line.hasPrefix("HTTP/") { sink.headers.removeAll() }
    sink.headers.append(trimmedASCII(line[...]))
    return length
}

/// One libcurl easy handle, owned: cleaned up in `deinit`.
final class EasyHandle {
    private let handle: UnsafeMutableRawPointer
    private var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

    init() throws(FetchError) {
        guard Curl.globalInit, let handle = curl_easy_init() else { throw .setup("curl_easy_init failed") }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    /// Runs one blocking transfer. Used for `file://` inputs and single pages; the crawler
    /// drives many handles through the multi interface instead.
    func perform(url: String, limits: FetchLimits, userAgent: String) throws(FetchError) -> FetchedPage {
        let sink = TransferSink(limit: limits.maxBodyBytes)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        var setupFailure: CURLcode = CURLE_OK
        func check(_ code: CURLcode) { if code != CURLE_OK, setupFailure == CURLE_OK { setupFailure = code } }
        errorBuffer.withUnsafeMutableBufferPointer { buffer in
            check(ca_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress))
        }
        check(ca_easy_setopt_string(handle, CURLOPT_URL, url))
        check(ca_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https,file"))
        check(ca_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        check(ca_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1))
        check(ca_easy_setopt_long(handle, CURLOPT_MAXREDIRS, limits.maxRedirects))
        check(ca_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, limits.connectTimeoutSeconds))
        check(ca_easy_setopt_long(handle, CURLOPT_TIMEOUT, limits.transferTimeoutSeconds))
        check(ca_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, limits.lowSpeedBytesPerSecond))
        check(ca_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, limits.lowSpeedSeconds))
        check(ca_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        check(ca_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        check(ca_easy_setopt_string(handle, CURLOPT_USERAGENT, userAgent))
        check(ca_easy_setopt_write_function(handle, writeCallback))
        check(ca_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        check(ca_easy_setopt_header_function(handle, headerCallback))
        check(ca_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
        if setupFailure != CURLE_OK {
            throw .setup(String(cString: curl_easy_strerror(setupFailure)))
        }
        let code = withExtendedLifetime(sink) { curl_easy_perform(handle) }
        if code != CURLE_OK, !(code == CURLE_WRITE_ERROR && sink.truncated) {
            let detail = errorBuffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            throw .transfer(url: url, code: Int(code.rawValue), message: message)
        }
        var status = 0
        _ = ca_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var redirects = 0
        _ = ca_easy_getinfo_long(handle, CURLINFO_REDIRECT_COUNT, &redirects)
        var effective: UnsafeMutablePointer<CChar>?
        _ = ca_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        var contentType: UnsafeMutablePointer<CChar>?
        _ = ca_easy_getinfo_string(handle, CURLINFO_CONTENT_TYPE, &contentType)
        return FetchedPage(
            requestedURL: url,
            finalURL: effective.map { String(cString: $0) } ?? url,
            status: status,
            contentType: contentType.map { String(cString: $0) },
            body: sink.body,
            redirects: redirects,
            truncated: sink.truncated,
            etag: Self.header("etag", in: sink.headers),
            lastModified: Self.header("last-modified", in: sink.headers))
    }

    static func header(_ name: String, in lines: [String]) -> String? {
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == name {
                return trimmedASCII(line[line.index(after: colon)...])
            }
        }
        return nil
    }
}

/// Header lines end in CRLF and values may be padded with spaces or tabs.
func trimmedASCII(_ text: Substring) -> String {
    var s = text
    while let f = s.first, f == " " || f == "\t" || f == "\r\n" || f == "\n" || f == "\r" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r\n" || l == "\n" || l == "\r" { s = s.dropLast() }
    return String(s)
}
