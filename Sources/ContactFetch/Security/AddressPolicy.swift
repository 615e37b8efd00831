/// Which addresses the crawler may connect to. Pages it does not trust can link or
/// redirect anywhere, so every connection is checked on the address libcurl actually
/// connected to (after DNS, on every redirect hop and every connection): a name that
/// resolves to 127.0.0.1 today (DNS rebinding) is caught as surely as the literal.
///
/// Public addresses are allowed. Any other kind is refused unless the audit named it:
/// - a host in `allowPrivateHosts` (`crawl.allow_private`) may use any address;
/// - a source named by a literal non-public address (`http://127.0.0.1:8080/`) is
///   allowed for that address and port only, so a local test server works without
///   opening the rest of the machine;
/// - the proxy named by the environment may be connected to (its address is what a
///   proxied transfer connects to), but a URL whose host is a literal non-public address
///   is refused even then.
public struct AddressPolicy: Sendable, Hashable {
    /// Host names (lower-case) or address literals allowed on non-public addresses.
    public var allowPrivateHosts: Set<String>
    /// Address-and-port pairs allowed because a source names them literally.
    public var allowedEndpoints: Set<Endpoint>
    /// Addresses of the proxies from the environment.
    public var proxyAddresses: Set<IPAddress>

    public struct Endpoint: Sendable, Hashable {
        public var address: IPAddress
        public var port: Int

        public init(address: IPAddress, port: Int) {
            self.address = address
            self.port = port
        }
    }

    public init(allowPrivateHosts: [String] = [], allowedEndpoints: Set<Endpoint> = [],
                proxyAddresses: Set<IPAddress> = []) {
        self.allowPrivateHosts = Set(allowPrivateHosts.map(Self.hostKey))
        self.allowedEndpoints = allowedEndpoints
        self.proxyAddresses = proxyAddresses
    }

    /// Everything either policy allows: for what several audits share (their sites'
    /// robots.txt), never for one audit's pages.
    public func union(_ other: AddressPolicy) -> AddressPolicy {
        var policy = self
        policy.allowPrivateHosts.formUnion(other.allowPrivateHosts)
        policy.allowedEndpoints.formUnion(other.allowedEndpoints)
        policy.proxyAddresses.formUnion(other.proxyAddresses)
        return policy
    }

    /// The policy widened by the sources an audit names: each source whose host is a
    /// literal loopback address (a test server, a local mirror) is allowed for that
    /// address and port. Only loopback: a literal link-local, private or other address
    /// (169.254.169.254 is cloud metadata) needs its host in `crawl.allow_private`.
    public func allowing(seeds: [CrawlURL]) -> AddressPolicy {
        var policy = self
        for seed in seeds {
            guard let address = IPAddress(seed.host), IPAddressClassifier.classify(address).kind == .loopback else { continue }
            policy.allowedEndpoints.insert(Endpoint(address: address, port: seed.port ?? Self.defaultPort(seed.scheme)))
        }
        return policy
    }

    /// Why a connection to `address`:`port` for `url` must not be used, or nil.
    /// `url` is the URL being requested on it (a redirect hop's own URL).
    public func refusal(url: String, address: String, port: Int) -> AddressRefusal? {
        refusal(target: nil, url: url, address: address, port: port)
    }

    /// The same, with `url` already normalised as `target` when the caller has it (the
    /// crawler does for every request that was not redirected): parsing it again for each
    /// connection was a tenth of a crawl's time.
    public func refusal(target: CrawlURL?, url: String, address: String, port: Int) -> AddressRefusal? {
        let target = target ?? URLNormalizer.normalize(url)
        let host = target.map { Self.hostKey($0.host) } ?? ""
        if allowPrivateHosts.contains(host) { return nil }
        // The URL's own host, when it is an address: refused without looking further, so a
        // proxy (which connects for us) is not asked for http://169.254.169.254/ either.
        if let literal = IPAddress(host), case let verdict = IPAddressClassifier.classify(literal), !verdict.isPublic {
            let targetPort = target.map { $0.port ?? Self.defaultPort($0.scheme) } ?? port
            if allowedEndpoints.contains(Endpoint(address: literal, port: targetPort)) {
                // Named by the audit: the literal connects to itself, nothing to resolve.
                let connected = IPAddress(address)
                if connected == literal || connected.map(proxyAddresses.contains) == true { return nil }
            }
            return AddressRefusal(url: url, address: literal.description, port: targetPort, classification: verdict)
        }
        guard let connected = IPAddress(address) else {
            // libcurl always reports the address; an unreadable one is not trusted.
            return AddressRefusal(url: url, address: address, port: port,
                                  classification: AddressClassification(kind: .reserved, block: "unreadable address"))
        }
        if proxyAddresses.contains(connected) { return nil }
        let verdict = IPAddressClassifier.classify(connected)
        return verdict.isPublic ? nil
            : AddressRefusal(url: url, address: connected.description, port: port, classification: verdict)
    }

    /// Hosts compare lower-case and without IPv6 brackets, so `[::1]` and `::1` are one.
    static func hostKey(_ host: String) -> String {
        var key = host.lowercased()
        if key.hasPrefix("["), key.hasSuffix("]") { key = String(key.dropFirst().dropLast()) }
        if let address = IPAddress(key) { return address.description }
        return key.hasSuffix(".") ? String(key.dropLast()) : key
    }

    static func defaultPort(_ scheme: String) -> Int { scheme == "https" ? 443 : 80 }
}

/// A connection the address policy refused: which URL, which address, and why.
public struct AddressRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public var url: String
    public var address: String
    public var port: Int
    public var classification: AddressClassification

    /// "127.0.0.2 is a loopback address (127.0.0.0/8); add the host to crawl.allow_private to allow it"
    public var reason: String {
        var text = "\(address) is \(classification.kind.phrase)"
        if let block = classification.block { text += " (\(block))" }
        if address == "169.254.169.254" || classification.embeddedIPv4 == "169.254.169.254" {
            text += ", where cloud providers serve instance credentials"
        }
        let host = URLNormalizer.normalize(url).map { AddressPolicy.hostKey($0.host) } ?? address
        return text + "; add \(host) to crawl.allow_private (extract: --allow-private \(host)) to allow it"
    }

    public var description: String { "\(url): refused: \(reason)" }
}
