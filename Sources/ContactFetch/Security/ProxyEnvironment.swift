#if canImport(Glibc)
import Glibc
#endif

/// The proxies libcurl will use, as it reads them from the environment (`http_proxy`,
/// `https_proxy`, `all_proxy`, upper-case too except `HTTP_PROXY`). A proxied transfer
/// connects to the proxy, so the proxy's own address, private or not, must pass the
/// address policy; the operator who set the variable chose it. Resolved once per crawl.
enum ProxyEnvironment {
    static let variables = ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]

    /// Host names or literals of the configured proxies.
    static func proxyHosts(environment: [String: String]) -> [String] {
        variables.compactMap { environment[$0] }.compactMap(host(ofProxy:))
    }

    /// `http://user:pass@proxy.corp:3128/` → `proxy.corp`; a bare `proxy:3128` works too.
    static func host(ofProxy value: String) -> String? {
        var rest = Substring(value.trimmingCharacters(in: .whitespaces))
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            return String(rest[rest.index(after: rest.startIndex)..<close])
        }
        if let colon = rest.firstIndex(of: ":") { rest = rest[..<colon] }
        return rest.isEmpty ? nil : String(rest)
    }

    /// Every address the proxies resolve to now.
    static func addresses(environment: [String: String]) -> Set<IPAddress> {
        var result: Set<IPAddress> = []
        for host in proxyHosts(environment: environment) {
            if let literal = IPAddress(host) {
                result.insert(literal)
            } else {
                result.formUnion(resolve(host))
            }
        }
        return result
    }

    /// getaddrinfo, numeric results only; an unresolvable proxy simply adds nothing (the
    /// transfers through it will fail on their own, with libcurl's message).
    static func resolve(_ host: String) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [IPAddress] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let entry = node {
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if let address = entry.pointee.ai_addr,
               getnameinfo(address, entry.pointee.ai_addrlen, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0,
               let parsed = IPAddress(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)) {
                addresses.append(parsed)
            }
            node = entry.pointee.ai_next
        }
        return addresses
    }
}
