/// RFC 3492 Punycode, decoding only: an internationalised domain's ASCII labels
/// ("xn--e1afmkfd.xn--p1ai") back to Unicode ("пример.рф"), so an address reads the same
/// whichever way a page spells its domain. Foundation has no IDNA on Linux.
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72, initialN = 128

    /// A domain with each `xn--` label decoded; labels that do not decode stay as written.
    static func unicodeDomain(_ domain: Substring) -> String {
        guard domain.utf8.count >= 4, ByteSearch.contains(domain.lowercased(), "xn--") else { return String(domain) }
        return domain.split(separator: ".", omittingEmptySubsequences: false).map { label -> String in
            guard label.count > 4, label.lowercased().hasPrefix("xn--"),
                  let decoded = decode(label.dropFirst(4)) else { return String(label) }
            return decoded
        }.joined(separator: ".")
    }

    /// The Unicode text of one label's Punycode (without its `xn--`), nil when malformed.
    static func decode(_ encoded: Substring) -> String? {
        let input = Array(encoded.unicodeScalars)
        guard input.allSatisfy(\.isASCII) else { return nil }
        var output: [Unicode.Scalar] = []
        var position = 0
        if let delimiter = input.lastIndex(of: "-") {
            output = Array(input[..<delimiter])
            position = delimiter + 1
        }
        var n = initialN, i = 0, bias = initialBias
        while position < input.count {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard position < input.count, let digit = digitValue(input[position]) else { return nil }
                position += 1
                guard digit <= (Int(Int32.max) - i) / weight else { return nil }
                i += digit * weight
                let threshold = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < threshold { break }
                guard weight <= Int(Int32.max) / (base - threshold) else { return nil }
                weight *= base - threshold
                k += base
            }
            bias = adapt(delta: i - oldI, points: output.count + 1, first: oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard let scalar = Unicode.Scalar(UInt32(clamping: n)), n >= initialN else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: output)
        return String(text)
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "a"..."z": return Int(scalar.value - 0x61)
        case "A"..."Z": return Int(scalar.value - 0x41)
        case "0"..."9": return Int(scalar.value - 0x30) + 26
        default: return nil
        }
    }

    private static func adapt(delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / points
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
