import Testing
@testable import ContactFetch

/// Every special-purpose block, at its edges and inside, and the public addresses beside
/// them. No connection is made: this is text in, verdict out.
@Suite struct IPAddressClassifierTests {
    struct Case: Sendable, CustomStringConvertible {
        var address: String
        var kind: AddressKind
        var description: String { "\(address) → \(kind.rawValue)" }
        init(_ address: String, _ kind: AddressKind) {
            self.address = address
            self.kind = kind
        }
    }

    static let ipv4: [Case] = [
        Case("0.0.0.0", .unspecified), Case("0.255.255.255", .unspecified),
        Case("1.1.1.1", .public), Case("8.8.8.8", .public), Case("9.255.255.255", .public),
        Case("10.0.0.0", .private), Case("10.1.2.3", .private), Case("10.255.255.255", .private),
        Case("11.0.0.0", .public),
        Case("100.63.255.255", .public), Case("100.64.0.0", .sharedAddressSpace),
        Case("100.127.255.255", .sharedAddressSpace), Case("100.128.0.0", .public),
        Case("126.255.255.255", .public), Case("127.0.0.1", .loopback), Case("127.0.0.2", .loopback),
        Case("127.255.255.254", .loopback), Case("128.0.0.0", .public),
        Case("169.253.255.255", .public), Case("169.254.0.1", .linkLocal), Case("169.254.169.254", .linkLocal),
        Case("169.255.0.0", .public),
        Case("172.15.255.255", .public), Case("172.16.0.0", .private), Case("172.31.255.255", .private),
        Case("172.32.0.0", .public),
        Case("192.0.0.8", .protocolAssignment), Case("192.0.1.1", .public), Case("192.0.2.10", .documentation),
        Case("192.88.99.1", .reserved),
        Case("192.167.255.255", .public), Case("192.168.0.1", .private), Case("192.168.255.255", .private),
        Case("192.169.0.0", .public),
        Case("198.17.255.255", .public), Case("198.18.0.1", .benchmarking), Case("198.19.255.255", .benchmarking),
        Case("198.20.0.0", .public), Case("198.51.100.7", .documentation), Case("203.0.113.9", .documentation),
        Case("223.255.255.255", .public), Case("224.0.0.1", .multicast), Case("239.255.255.250", .multicast),
        Case("240.0.0.1", .reserved), Case("255.255.255.254", .reserved), Case("255.255.255.255", .broadcast),
    ]

    static let ipv6: [Case] = [
        Case("::", .unspecified), Case("::1", .loopback), Case("[::1]", .loopback),
        Case("0:0:0:0:0:0:0:1", .loopback),
        // IPv4-mapped and -compatible forms are judged by the IPv4 address they carry.
        Case("::ffff:127.0.0.1", .loopback), Case("::ffff:7f00:1", .loopback), Case("::FFFF:10.0.0.1", .private),
        Case("::ffff:169.254.169.254", .linkLocal), Case("::ffff:8.8.8.8", .public),
        Case("::127.0.0.1", .loopback), Case("::ffff:0.0.0.0", .unspecified),
        Case("64:ff9b::a9fe:a9fe", .linkLocal), Case("64:ff9b::8.8.8.8", .public), Case("64:ff9b:1::1", .private),
        Case("2002:7f00:1::", .loopback), Case("2002:0808:0808::1", .public),
        Case("100::1", .reserved),
        Case("2001:db8::1", .documentation), Case("2001::1", .protocolAssignment),
        Case("2001:1ff:ffff::1", .protocolAssignment), Case("2001:200::1", .public),
        Case("2606:4700:4700::1111", .public), Case("2a00:1450:4001:80b::200e", .public),
        Case("fc00::1", .private), Case("fd12:3456:789a::1", .private), Case("fbff::1", .reserved),
        Case("fe80::1", .linkLocal), Case("fe80::1%eth0", .linkLocal), Case("febf:ffff::1", .linkLocal),
        Case("fec0::1", .private),
        Case("ff02::1", .multicast), Case("ff05::1:3", .multicast),
        Case("4000::1", .reserved), Case("1fff::1", .reserved),
    ]

    @Test(arguments: ipv4 + ipv6) func classifies(_ test: Case) throws {
        let verdict = try #require(IPAddressClassifier.classify(test.address), "\(test.address) should parse")
        #expect(verdict.kind == test.kind)
        #expect(verdict.isPublic == (test.kind == .public))
        #expect((verdict.block == nil) == verdict.isPublic)
    }

    @Test(arguments: ["", "localhost", "127.0.0", "127.0.0.1.1", "256.0.0.1", "127.0.0.01", "0x7f.0.0.1",
                      "1::2::3", "::ffff:127.0.0.256", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "g::1",
                      "[::1", "127.0.0.1:80"])
    func rejectsWhatIsNotAnAddress(_ text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test func mappedFormsNameTheAddressTheyCarry() throws {
        let verdict = try #require(IPAddressClassifier.classify("::ffff:127.0.0.1"))
        #expect(verdict.embeddedIPv4 == "127.0.0.1")
        #expect(verdict.block == "::ffff:0:0/96 (IPv4-mapped) carrying 127.0.0.0/8")
    }

    @Test(arguments: [("0:0:0:0:0:0:0:1", "::1"), ("2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
                      ("::ffff:127.0.0.1", "::ffff:7f00:1"), ("fe80::1%lo", "fe80::1"), ("1:0:0:2:0:0:0:3", "1:0:0:2::3"), ("1:0:0:2:0:0:3:4", "1::2:0:0:3:4"),
                      ("10.0.0.1", "10.0.0.1")])
    func printsTheCanonicalForm(_ pair: (String, String)) throws {
        #expect(try #require(IPAddress(pair.0)).description == pair.1)
    }
}
