import ContactAudit
import ContactDocument

/// What a fetched body is before it is taken for a page: not HTML at all (an image, a
/// PDF, an archive served where a page was linked), or a bot wall standing in for the
/// page. Either way it gives no records: a challenge page read as a page with no
/// contacts made official pages look empty.
enum PageVerdict {
    /// Why `bytes` are not an HTML or text page, nil when they may be one. The
    /// `Content-Type` decides when it names something else; otherwise the first bytes are
    /// sniffed as the WHATWG MIME sniffing standard does (signatures, then "binary data
    /// bytes": control characters no text holds).
    static func notHTML(_ bytes: [UInt8], contentType: String?) -> String? {
        if let contentType {
            let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            let textual = type.isEmpty || type.hasPrefix("text/") || type.hasSuffix("+xml") || type.hasSuffix("/xml")
                || type == "application/xhtml+xml" || type == "application/octet-stream"
            if !textual { return "Content-Type \(type), not an HTML page" }
        }
        for (signature, name) in signatures where bytes.starts(with: signature) {
            return "\(name) (by its first bytes), not an HTML page"
        }
        // UTF-16/32 text is full of NULs: its byte-order mark says what it is.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            return nil
        }
        // A stray control byte is broken text (fuzzed pages hold a tenth of them and are
        // still read as pages); a quarter of them is not text at all.
        let head = bytes.prefix(1024)
        let binaryBytes = head.count(where: isBinaryDataByte)
        if !head.isEmpty, binaryBytes * 4 >= head.count {
            return "binary content (control bytes no text holds: \(binaryBytes) of its first \(head.count)), "
                + "not an HTML page"
        }
        return nil
    }

    private static let signatures: [([UInt8], String)] = [
        (Array("%PDF-".utf8), "a PDF document"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        (Array("GIF8".utf8), "a GIF image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document)"), ([0x1F, 0x8B], "gzip data"),
        (Array("RIFF".utf8), "a RIFF file (WebP, WAV, AVI)"), ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"), (Array("wOFF".utf8), "a WOFF font"), (Array("wOF2".utf8), "a WOFF2 font"),
        ([0x00, 0x00, 0x01, 0x00], "an icon"),
    ]

    /// The WHATWG "binary data byte": 0x00-0x08, 0x0B, 0x0E-0x1A, 0x1C-0x1F.
    private static func isBinaryDataByte(_ byte: UInt8) -> Bool {
        byte <= 0x08 || byte == 0x0B || (byte >= 0x0E && byte <= 0x1A) || (byte >= 0x1C && byte <= 0x1F)
    }

    /// Why the document is a bot wall or challenge page instead of the page asked for, nil
    /// when nothing says so. Signals are the ones the services themselves put in: a
    /// response header that says "challenge", the scripts and form targets of their
    /// challenge pages, their page titles; a service's `Server` header counts with an
    /// error status (it is on every page such a service passes, walls or not). A captcha
    /// form counts only on a page with next to no text (contact forms carry captchas too).
    static func wall(_ document: HTMLDocument, status: Int, headers: [String]) -> String? {
        let lowered = headers.map { $0.lowercased() }
        if lowered.contains("cf-mitigated: challenge") { return "Cloudflare challenge (header cf-mitigated: challenge)" }
        if let waf = lowered.first(where: { $0.hasPrefix("x-amzn-waf-action:") }) { return "AWS WAF \(waf.dropFirst(19)) (header x-amzn-waf-action)" }
        let urls = document.embeddedURLs.map { $0.lowercased() }
        for (marker, service) in urlMarkers where urls.contains(where: { mayContain($0, marker) && $0.contains(marker) }) {
            return "\(service) challenge (the page loads or posts to \(marker))"
        }
        let title = (document.title ?? "").lowercased()
        for (known, service) in titles where title == known || (known == "checking your browser" && title.hasPrefix(known)) {
            return "\(service) (page title '\(document.title ?? "")')"
        }
        // Words alone count only on a page with next to nothing else: no number or address
        // link, a few lines of text (a contact form's "verify you are human" is not a wall).
        let text = document.blocks.reduce(0) { $0 + $1.text.utf8.count }
        // The byte check (a necessary condition: no other character lower-cases to these
        // ASCII letters) spares lower-casing every link of the page.
        let contactLinks = document.links.contains {
            guard mayStartWith($0.href, "tel:") || mayStartWith($0.href, "mailto:") else { return false }
            let href = $0.href.lowercased()
            return href.hasPrefix("tel:") || href.hasPrefix("mailto:")
        }
        if text < 1000, !contactLinks {
            let visible = document.blocks.map { $0.text.lowercased() }.joined(separator: " ")
            if wallPhrases.contains(where: { visible.contains($0) }) || title.contains("captcha") {
                return "a challenge page ('\(document.title ?? document.blocks.first?.text ?? "")')"
            }
        }
        if [401, 403, 429, 503].contains(status) {
            for header in lowered where header.hasPrefix("server:") {
                for (vendor, name) in vendors where header.contains(vendor) {
                    return "\(name) answered HTTP \(status) (header \(header))"
                }
            }
        }
        return nil
    }

    /// Whether `text`'s UTF-8 starts with `prefix`'s, ASCII letters in any case.
    private static func mayStartWith(_ text: String, _ prefix: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            prefix.withUTF8Buffer { p in
                guard bytes.count >= p.count else { return false }
                for k in 0..<p.count {
                    let c = bytes[k]
                    if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != p[k] { return false }
                }
                return true
            }
        }
    }

    /// Whether `text`'s UTF-8 holds `marker`'s: a necessary condition for Foundation's
    /// `contains`, which is asked only then. The markers are ASCII (no other character is
    /// canonically equivalent to them once lower-cased), and asking Foundation for every
    /// script and form address of every page was 4% of the whole `extract` run.
    private static func mayContain(_ text: String, _ marker: String) -> Bool {
        var text = text
        var marker = marker
        return text.withUTF8 { haystack in
            marker.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count else { return false }
                var start = 0
                while start <= haystack.count - needle.count {
                    if haystack[start] == first {
                        var k = 1
                        while k < needle.count && haystack[start + k] == needle[k] { k += 1 }
                        if k == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    private static let urlMarkers: [(String, String)] = [
        ("/cdn-cgi/challenge-platform/", "Cloudflare"), ("__cf_chl_", "Cloudflare"),
        ("/.well-known/ddos-guard/", "DDoS-Guard"), ("ddos-guard.net", "DDoS-Guard"), ("__ddg", "DDoS-Guard"),
        ("/__qrator/", "Qrator"), ("/showcaptcha", "Yandex SmartCaptcha"), ("/checkcaptcha", "Yandex SmartCaptcha"),
    ]

    private static let titles: [(String, String)] = [
        ("just a moment...", "Cloudflare challenge"), ("just a moment…", "Cloudflare challenge"),
        ("attention required! | cloudflare", "Cloudflare block"), ("ddos-guard", "DDoS-Guard challenge"),
        ("checking your browser", "a browser check"), ("один момент…", "Cloudflare challenge"),
        ("один момент...", "Cloudflare challenge"),
    ]

    private static let wallPhrases = [
        "checking your browser before accessing", "checking if the site connection is secure",
        "enable javascript and cookies to continue", "verify you are human", "проверка браузера",
        "подтвердите, что запросы отправляли вы", "вы не робот",
    ]

    private static let vendors: [(String, String)] = [
        ("ddos-guard", "DDoS-Guard"), ("qrator", "Qrator"), ("cloudflare", "Cloudflare"),
    ]
}
