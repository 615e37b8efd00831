/// Finding and normalising e-mail addresses in plain text (never in markup: the
/// document layer has already turned the page into text).
enum EmailAddress {
    /// Lower-cased; the domain kept in Unicode (IDN), trailing dots dropped. nil when the
    /// string is not an address.
    static func normalise(_ candidate: String) -> String? {
        let trimmed = candidate.trimmingCharacters(in: "<>()[]\"'.,;:")
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."),
              local.unicodeScalars.allSatisfy(isLocalScalar) else { return nil }
        guard isDomain(domain) else { return nil }
        let unicode = Punycode.unicodeDomain(domain)
        // A decoded label must still be one a domain can hold; otherwise keep the ASCII form.
        let readable = unicode.unicodeScalars.allSatisfy { $0 == "." || isDomainScalar($0) } ? unicode : String(domain)
        return (String(local) + "@" + readable).lowercased()
    }

    static func isDomain(_ domain: Substring) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, domain.utf8.count <= 253 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.unicodeScalars.allSatisfy(isDomainScalar) else { return false }
        }
        guard let tld = labels.last, !fileExtensions.contains(tld.lowercased()), tld.count >= 2, tld.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
                || tld.lowercased().hasPrefix("xn--") else { return false }
        return true
    }

    /// `logo@2x.png` is a retina image name, not an address.
    static let fileExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js", "ico", "bmp", "tif", "tiff", "avif"]

    static func isLocalScalar(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "%", "+", "-", "'", "!", "#", "$", "&", "*", "/", "=", "?",
             "^", "`", "{", "|", "}", "~":
            return true
        default:
            return false
        }
    }

    static func isDomainScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            switch s {
            case "a"..."z", "A"..."Z", "0"..."9", "-": return true
            default: return false
            }
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Left-hand characters worth scanning over: a conservative subset of the local part,
    /// so punctuation before an address ("почта:user@x.ru") is not swallowed.
    static func isScanLocalScalar(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "%", "+", "-": return true
        default: return false
        }
    }

    /// Every address in a text, with the UTF-8 range it occupies.
    static func find(in text: String) -> [(value: String, utf8Range: Range<Int>)] {
        guard ByteSearch.contains(byte: UInt8(ascii: "@"), in: text) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var results: [(String, Range<Int>)] = []
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for s in scalars { offsets.append(offset); offset += UTF8.width(s) }
        offsets.append(offset)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "@" else { i += 1; continue }
            var start = i
            while start > 0, isScanLocalScalar(scalars[start - 1]) { start -= 1 }
            var end = i + 1
            while end < scalars.count, isDomainScalar(scalars[end]) || scalars[end] == "." { end += 1 }
            // A sentence's full stop is not part of the domain.
            while end > i + 1, scalars[end - 1] == "." || scalars[end - 1] == "-" { end -= 1 }
            while start < i, scalars[start] == "." { start += 1 }
            if start < i, end > i + 1 {
                var candidate = String.UnicodeScalarView()
                candidate.append(contentsOf: scalars[start..<end])
                if let value = normalise(String(candidate)) {
                    results.append((value, offsets[start]..<offsets[end]))
                }
            }
            i = max(end, i + 1)
        }
        return results
    }

    /// `mailto:a@x.ru,b@x.ru?subject=Hi&cc=c@x.ru` → the three addresses.
    static func mailtoAddresses(_ href: String) -> [String] {
        guard href.lowercased().hasPrefix("mailto:") else { return [] }
        let body = href.dropFirst("mailto:".count)
        let parts = body.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var candidates = parts.first.map { $0.split(separator: ",").map(String.init) } ?? []
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                guard kv.count == 2, ["to", "cc", "bcc"].contains(kv[0].lowercased()) else { continue }
                candidates += kv[1].split(separator: ",").map(String.init)
            }
        }
        return candidates.compactMap { normalise($0.removingPercentEncodingLeniently().trimmingCharacters(in: " ")) }
    }

    /// Cloudflare's e-mail protection: hex bytes, the first is the XOR key for the rest.
    static func decodeCloudflare(_ hex: String) -> String? {
        let digits = Array(hex.utf8)
        guard digits.count >= 4, digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        let key = bytes[0]
        let decoded = bytes.dropFirst().map { $0 ^ key }
        return normalise(String(decoding: decoded, as: UTF8.self).removingPercentEncodingLeniently())
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// Cloudflare's placeholder for an address it hid, with a plain or no-break space.
    static func placeholderCount(in text: String) -> Int {
        guard ByteSearch.contains(text, "[email") else { return 0 }
        return ByteSearch.count(text, "[email protected]") + ByteSearch.count(text, "[email\u{A0}protected]")
    }
}
