import Testing
@testable import ContactFetch

@Suite struct AddressPolicyTests {
    private func seed(_ url: String) throws -> CrawlURL { try #require(URLNormalizer.normalize(url)) }

    @Test func publicAddressesPass() {
        #expect(AddressPolicy().refusal(url: "https://example.ru/", address: "93.184.216.34", port: 443) == nil)
        #expect(AddressPolicy().refusal(url: "https://example.ru/", address: "2a00:1450::1", port: 443) == nil)
    }

    @Test func aNameResolvingToLoopbackIsRefusedWithTheAddressAndTheWayOut() throws {
        let refusal = try #require(AddressPolicy().refusal(url: "http://rebind.example/x", address: "127.0.0.1", port: 80))
        #expect(refusal.address == "127.0.0.1")
        #expect(refusal.classification.kind == .loopback)
        #expect(refusal.reason
            == "127.0.0.1 is a loopback address (127.0.0.0/8); add rebind.example to crawl.allow_private (extract: --allow-private rebind.example) to allow it")
        #expect(refusal.description.hasPrefix("http://rebind.example/x: refused: "))
    }

    @Test func cloudMetadataIsNamed() throws {
        let refusal = try #require(AddressPolicy().refusal(url: "http://169.254.169.254/latest/meta-data/",
                                                           address: "169.254.169.254", port: 80))
        #expect(refusal.reason.contains("link-local"))
        #expect(refusal.reason.contains("instance credentials"))
    }

    @Test func allowPrivateOpensThatHostOnly() {
        let policy = AddressPolicy(allowPrivateHosts: ["Intranet.Corp."])
        #expect(policy.refusal(url: "http://intranet.corp/help", address: "10.1.2.3", port: 80) == nil)
        #expect(policy.refusal(url: "http://other.corp/help", address: "10.1.2.3", port: 80) != nil)
    }

    @Test func aLiteralLoopbackSourceIsAllowedForThatAddressAndPortOnly() throws {
        let policy = AddressPolicy().allowing(seeds: [try seed("http://127.0.0.1:8080/help")])
        #expect(policy.refusal(url: "http://127.0.0.1:8080/contacts", address: "127.0.0.1", port: 8080) == nil)
        #expect(policy.refusal(url: "http://127.0.0.2:8080/", address: "127.0.0.2", port: 8080)?.address == "127.0.0.2")
        #expect(policy.refusal(url: "http://127.0.0.1:6379/", address: "127.0.0.1", port: 6379) != nil)
        // A name for the same address is not the literal the audit named.
        #expect(policy.refusal(url: "http://localhost:8080/", address: "127.0.0.1", port: 8080) != nil)
    }

    /// Only a loopback literal is let through by being named: cloud metadata or a
    /// private address needs `crawl.allow_private`, even when typed as a literal.
    @Test func aLiteralNonLoopbackSourceIsStillRefused() throws {
        let policy = AddressPolicy().allowing(seeds: [try seed("http://169.254.169.254/latest/meta-data/"),
                                                      try seed("http://10.0.0.5:8080/")])
        #expect(policy.refusal(url: "http://169.254.169.254/latest/meta-data/", address: "169.254.169.254", port: 80) != nil)
        #expect(policy.refusal(url: "http://10.0.0.5:8080/", address: "10.0.0.5", port: 8080) != nil)
    }

    @Test func ipv6LiteralSourcesAndMappedAddresses() throws {
        let policy = AddressPolicy().allowing(seeds: [try seed("http://[::1]:8080/")])
        #expect(policy.refusal(url: "http://[::1]:8080/a", address: "::1", port: 8080) == nil)
        #expect(policy.refusal(url: "http://mapped.example/", address: "::ffff:127.0.0.1", port: 80)?
            .classification.kind == .loopback)
    }

    @Test func theProxyMayBeConnectedToButNotAskedForALiteralPrivateHost() throws {
        let proxy = try #require(IPAddress("10.0.0.5"))
        let policy = AddressPolicy(proxyAddresses: [proxy])
        #expect(policy.refusal(url: "https://example.ru/", address: "10.0.0.5", port: 3128) == nil)
        #expect(policy.refusal(url: "http://169.254.169.254/", address: "10.0.0.5", port: 3128)?.address
            == "169.254.169.254")
        #expect(policy.refusal(url: "https://example.ru/", address: "10.0.0.6", port: 443) != nil)
    }

    @Test func anUnreadableAddressIsNotTrusted() {
        #expect(AddressPolicy().refusal(url: "http://example.ru/", address: "", port: 80) != nil)
    }

    @Test(arguments: [("http://user:pw@proxy.corp:3128/", "proxy.corp"), ("proxy:8080", "proxy"),
                      ("http://[fd00::5]:3128", "fd00::5"), ("10.0.0.5", "10.0.0.5"), ("", nil)])
    func proxyHostsAreReadLikeLibcurlReadsThem(_ pair: (String, String?)) {
        #expect(ProxyEnvironment.host(ofProxy: pair.0) == pair.1)
    }

    @Test func proxyAddressesComeFromTheEnvironmentLibcurlReads() throws {
        let addresses = ProxyEnvironment.addresses(environment: ["https_proxy": "http://10.0.0.5:3128",
                                                                 "HTTP_PROXY": "http://10.9.9.9:1"])
        // HTTP_PROXY (upper case) is ignored by libcurl, so it does not widen the policy either.
        #expect(addresses == [try #require(IPAddress("10.0.0.5"))])
    }
}
