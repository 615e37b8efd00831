import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A request as the test server saw it.
public struct TestRequest: Sendable {
    public var method: String
    public var path: String
    /// Header names lower-cased.
    public var headers: [String: String]
    public var time: ContinuousClock.Instant
}

/// What the test server answers.
public struct TestResponse: Sendable {
    public var status: Int = 200
    public var headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")]
    public var body: [UInt8] = []
    /// When set, the body is sent one byte at a time with this pause (a slow drip).
    public var drip: Duration?

    public init(status: Int = 200, headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
                body: [UInt8] = [], drip: Duration? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.drip = drip
    }

    public static func html(_ text: String, status: Int = 200) -> TestResponse {
        TestResponse(status: status, body: Array(text.utf8))
    }

    public static func text(_ text: String, status: Int = 200) -> TestResponse {
        TestResponse(status: status, headers: [("Content-Type", "text/plain")], body: Array(text.utf8))
    }

    public static func redirect(_ location: String, status: Int = 302) -> TestResponse {
        TestResponse(status: status, headers: [("Location", location)], body: [])
    }

    public static let notFound = TestResponse(status: 404, headers: [("Content-Type", "text/plain")], body: Array("not found".utf8))
}

/// A small HTTP/1.1 server on a loopback address (127.0.0.1 unless told; Linux routes all of
/// 127.0.0.0/8 to the loopback interface) and an ephemeral port, for tests only: one thread
/// per connection, one response per connection (`Connection: close`). Raw sockets are fine
/// here; the client under test is libcurl.
public final class TestHTTPServer: @unchecked Sendable {
    public typealias Handler = @Sendable (TestRequest, _ hit: Int) -> TestResponse

    public let port: Int
    public let address: String
    private let listener: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var log: [TestRequest] = []
    private var stopped = false

    public var base: String { "http://\(address):\(port)" }

    /// Requests received so far, in arrival order.
    public var requests: [TestRequest] { lock.withLock { log } }

    public func requests(for path: String) -> [TestRequest] { requests.filter { $0.path == path } }

    public init(address: String = "127.0.0.1", handler: @escaping Handler) throws {
        precondition(address.hasPrefix("127."), "tests stay on loopback")
        let bindAddress = address
        self.handler = handler
        self.address = address
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr(bindAddress)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listener = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Stops accepting: the listening socket is shut down, which ends a waiting `accept`.
    /// Only the accept loop closes it, once it no longer uses its number: closed here, the
    /// number went to the next server's socket while the loop (descheduled between two
    /// `accept`s) still held it, and the stopped server answered the next one's requests
    /// with its own handler (robots.txt 404, "all allowed", for a test expecting 503).
    public func stop() {
        let already = lock.withLock {
            defer { stopped = true }
            return stopped
        }
        if already { return }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    deinit { stop() }

    private func acceptLoop() {
        defer { close(listener) }
        while !lock.withLock({ stopped }) {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            if lock.withLock({ stopped }) {
                close(connection)
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = readRequest(connection) else { return }
        let hit: Int = lock.withLock {
            log.append(request)
            return log.count { $0.path == request.path }
        }
        let response = handler(request, hit)
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if response.drip == nil { head += "Content-Length: \(response.body.count)\r\n" }
        head += "Connection: close\r\n\r\n"
        guard send(connection, Array(head.utf8)) else { return }
        if request.method == "HEAD" { return }
        if let drip = response.drip {
            for byte in response.body {
                guard send(connection, [byte]) else { return }
                Thread.sleep(forTimeInterval: Double(drip.components.attoseconds) / 1e18 + Double(drip.components.seconds))
            }
        } else {
            _ = send(connection, response.body)
        }
    }

    private func send(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                Glibc.send(connection, raw.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    private func readRequest(_ connection: Int32) -> TestRequest? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !data.containsHeaderEnd {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            data.append(contentsOf: buffer[..<count])
            if data.count > 64 * 1024 { return nil }
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return TestRequest(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers,
                           time: .now)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

private extension [UInt8] {
    var containsHeaderEnd: Bool {
        guard count >= 4 else { return false }
        for index in 0...(count - 4) where self[index] == 13 && self[index + 1] == 10 && self[index + 2] == 13 && self[index + 3] == 10 {
            return true
        }
        return false
    }
}
