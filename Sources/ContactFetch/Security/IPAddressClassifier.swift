/// What kind of address an IP address is, by the IANA special-purpose registries
/// (RFC 6890 and successors). Only `.public` addresses are fair game for a crawler that
/// follows links from pages it does not trust; everything else reaches this machine, its
/// network, its cloud provider's metadata service or nobody at all.
public enum AddressKind: String, Sendable, Hashable, Codable, CaseIterable {
    case `public`
    case `private`
    case loopback
    case linkLocal = "link-local"
    case multicast
    case unspecified
    case broadcast
    /// 100.64.0.0/10: carrier-grade NAT, the provider's side of this network.
    case sharedAddressSpace = "shared-address-space"
    /// 192.0.0.0/24 and 2001::/23: protocol machinery (DS-Lite, Teredo, PCP anycast).
    case protocolAssignment = "protocol-assignment"
    /// 198.18.0.0/15: network benchmarking.
    case benchmarking
    case documentation
    /// Never allocated (240.0.0.0/4, IPv6 outside 2000::/3) or deprecated for use.
    case reserved

    /// Phrase for messages: "127.0.0.2 is a loopback address".
    public var phrase: String {
        switch self {
        case .public: "a public address"
        case .private: "a private address"
        case .loopback: "a loopback address"
        case .linkLocal: "a link-local address"
        case .multicast: "a multicast address"
        case .unspecified: "an unspecified address"
        case .broadcast: "the broadcast address"
        case .sharedAddressSpace: "a carrier-grade NAT address"
        case .protocolAssignment: "a protocol-assignment address"
        case .benchmarking: "a benchmarking address"
        case .documentation: "a documentation address"
        case .reserved: "a reserved address"
        }
    }
}

/// The verdict on one address: its kind, the block that decided it, and for IPv6 forms
/// that carry an IPv4 address (`::ffff:127.0.0.1`, NAT64, 6to4) the IPv4 address judged.
public struct AddressClassification: Sendable, Hashable {
    public var kind: AddressKind
    /// The special-purpose block, `127.0.0.0/8`; `nil` for public addresses.
    public var block: String?
    /// The IPv4 address inside an IPv6 one, when that is what was classified.
    public var embeddedIPv4: String?

    public var isPublic: Bool { kind == .public }
}

public enum IPAddressClassifier {
    /// nil when `text` is not an IP address.
    public static func classify(_ text: some StringProtocol) -> AddressClassification? {
        IPAddress(text).map(classify)
    }

    public static func classify(_ address: IPAddress) -> AddressClassification {
        switch address {
        case .v4(let value):
            return classifyIPv4(value)
        case .v6(let bytes):
            return classifyIPv6(bytes)
        }
    }

    private struct Block4 {
        var base: UInt32
        var prefix: Int
        var kind: AddressKind
        var text: String

        init(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ prefix: Int, _ kind: AddressKind) {
            base = a << 24 | b << 16 | c << 8 | d
            self.prefix = prefix
            self.kind = kind
            text = "\(a).\(b).\(c).\(d)/\(prefix)"
        }

        func contains(_ value: UInt32) -> Bool {
            let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << (32 - prefix)
            return value & mask == base
        }
    }

    /// Most specific first: the first block that contains an address decides.
    private static let ipv4Blocks: [Block4] = [
        Block4(255, 255, 255, 255, 32, .broadcast),
        Block4(0, 0, 0, 0, 8, .unspecified),
        Block4(10, 0, 0, 0, 8, .private),
        Block4(100, 64, 0, 0, 10, .sharedAddressSpace),
        Block4(127, 0, 0, 0, 8, .loopback),
        Block4(169, 254, 0, 0, 16, .linkLocal),
        Block4(172, 16, 0, 0, 12, .private),
        Block4(192, 0, 0, 0, 24, .protocolAssignment),
        Block4(192, 0, 2, 0, 24, .documentation),
        Block4(192, 88, 99, 0, 24, .reserved),  // the 6to4 relay anycast, deprecated (RFC 7526)
        Block4(192, 168, 0, 0, 16, .private),
        Block4(198, 18, 0, 0, 15, .benchmarking),
        Block4(198, 51, 100, 0, 24, .documentation),
        Block4(203, 0, 113, 0, 24, .documentation),
        Block4(224, 0, 0, 0, 4, .multicast),
        Block4(240, 0, 0, 0, 4, .reserved),
    ]

    static func classifyIPv4(_ value: UInt32) -> AddressClassification {
        guard let block = ipv4Blocks.first(where: { $0.contains(value) }) else {
            return AddressClassification(kind: .public)
        }
        return AddressClassification(kind: block.kind, block: block.text)
    }

    static func classifyIPv6(_ bytes: [UInt8]) -> AddressClassification {
        func prefix(_ expected: [UInt8]) -> Bool { bytes.starts(with: expected) }
        func ipv4(at offset: Int) -> UInt32 {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        /// The IPv4 address carried inside decides; the block names the IPv6 form.
        func embedded(_ value: UInt32, _ block: String) -> AddressClassification {
            var verdict = classifyIPv4(value)
            verdict.embeddedIPv4 = IPAddress.dottedQuad(value)
            verdict.block = verdict.kind == .public ? nil : "\(block) carrying \(verdict.block ?? "")"
            return verdict
        }
        let zero10 = [UInt8](repeating: 0, count: 10)
        let zero12 = [UInt8](repeating: 0, count: 12)
        if bytes == [UInt8](repeating: 0, count: 16) { return .init(kind: .unspecified, block: "::/128") }
        if bytes == zero12 + [0, 0, 0, 1] { return .init(kind: .loopback, block: "::1/128") }
        if prefix(zero10 + [0xFF, 0xFF]) { return embedded(ipv4(at: 12), "::ffff:0:0/96 (IPv4-mapped)") }
        if prefix(zero12) { return embedded(ipv4(at: 12), "::/96 (IPv4-compatible)") }
        if prefix([0x00, 0x64, 0xFF, 0x9B] + [UInt8](repeating: 0, count: 8)) {
            return embedded(ipv4(at: 12), "64:ff9b::/96 (NAT64)")
        }
        if prefix([0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01]) { return .init(kind: .private, block: "64:ff9b:1::/48") }
        if prefix([0x01, 0x00] + [UInt8](repeating: 0, count: 6)) { return .init(kind: .reserved, block: "100::/64") }
        if prefix([0x20, 0x01, 0x0D, 0xB8]) { return .init(kind: .documentation, block: "2001:db8::/32") }
        if bytes[0] == 0x20, bytes[1] == 0x01, bytes[2] & 0xFE == 0 {
            return .init(kind: .protocolAssignment, block: "2001::/23")
        }
        if prefix([0x20, 0x02]) { return embedded(ipv4(at: 2), "2002::/16 (6to4)") }
        if bytes[0] == 0xFF { return .init(kind: .multicast, block: "ff00::/8") }
        if bytes[0] & 0xFE == 0xFC { return .init(kind: .private, block: "fc00::/7") }
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0x80 { return .init(kind: .linkLocal, block: "fe80::/10") }
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0xC0 { return .init(kind: .private, block: "fec0::/10 (site-local)") }
        // Global unicast is 2000::/3; the rest of the space is unallocated.
        if bytes[0] & 0xE0 != 0x20 { return .init(kind: .reserved, block: "outside 2000::/3") }
        return AddressClassification(kind: .public)
    }
}
