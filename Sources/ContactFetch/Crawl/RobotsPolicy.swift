/// What one site's robots.txt lets us fetch, per RFC 9309.
///
/// The group for our product token (`contact-audit`) applies when there is one, else the
/// `*` group; groups naming the same agent are merged. The longest matching `Allow` or
/// `Disallow` pattern decides (`*` matches any run of characters, a final `$` anchors the
/// end) and `Allow` wins a tie. `Crawl-delay`, not in the RFC but widely used, is read
/// from the same group.
public struct RobotsPolicy: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        public var allow: Bool
        /// Normalised like URLs, so `%d0%ba` and `к` match the same path.
        public var pattern: String
    }

    public var rules: [Rule]
    /// Seconds between requests the site asks for, when it does.
    public var crawlDelay: Double?
    /// Why this policy applies, for reports: "robots.txt", "robots.txt answered 404", …
    public var source: String
    /// True when robots.txt could not be fetched at all: the site's pages are then
    /// reported as failed (the server is down), not as refused by the site's owner.
    public var unreachable = false
    /// What went wrong when robots.txt was unreachable, in plain words
    /// ("could not connect to 127.0.0.3:1 (connection refused)").
    public var unreachableCause: String?

    public static let allowAll = RobotsPolicy(rules: [], crawlDelay: nil, source: "no robots.txt")
    public static func disallowAll(because reason: String) -> RobotsPolicy {
        RobotsPolicy(rules: [Rule(allow: false, pattern: "/")], crawlDelay: nil, source: reason)
    }

    /// RFC 9309 §2.5: parsers must read at least 500 KiB; what follows is ignored.
    public static let maxParsedBytes = 500 * 1024

    public init(rules: [Rule], crawlDelay: Double?, source: String) {
        self.rules = rules
        self.crawlDelay = crawlDelay
        self.source = source
    }

    /// Parses a robots.txt body for `productToken` (lower-case, e.g. `contact-audit`).
    public init(parsing bytes: some Collection<UInt8>, productToken: String) {
        let text = String(decoding: bytes.prefix(Self.maxParsedBytes), as: UTF8.self)
        var groups: [(agents: [String], rules: [Rule], delay: Double?)] = []
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let line = rawLine.prefix { $0 != "#" }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingSpaces().lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            switch key {
            case "user-agent":
                if !lastWasAgent || groups.isEmpty { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(Self.agentToken(value))
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                // Rules before any user-agent line belong to no group (RFC 9309 §2.1).
                guard !groups.isEmpty, !value.isEmpty else { continue }
                let pattern = URLNormalizer.normalizePercentEncoding(URLNormalizer.encodeInvalid(value))
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: pattern))
            case "crawl-delay":
                lastWasAgent = false
                guard !groups.isEmpty, let delay = Double(value), delay.isFinite, delay >= 0 else { continue }
                groups[groups.count - 1].delay = delay
            default:
                // Sitemap and unknown keys do not end a group of user-agent lines.
                continue
            }
        }
        var chosen = groups.filter { $0.agents.contains(productToken) }
        if chosen.isEmpty { chosen = groups.filter { $0.agents.contains("*") } }
        self.rules = chosen.flatMap(\.rules)
        self.crawlDelay = chosen.compactMap(\.delay).max()
        self.source = "robots.txt"
    }

    /// Whether `url` may be fetched. `/robots.txt` itself always may.
    public func allows(_ url: CrawlURL) -> Bool {
        let target = url.pathAndQuery
        if target == "/robots.txt" { return true }
        var best: Rule?
        for rule in rules where Self.matches(pattern: rule.pattern, target) {
            guard let current = best else { best = rule; continue }
            let (length, currentLength) = (rule.pattern.utf8.count, current.pattern.utf8.count)
            if length > currentLength || (length == currentLength && rule.allow && !current.allow) { best = rule }
        }
        return best?.allow ?? true
    }

    /// The agent's product token: letters, `-` and `_` up to the first other character,
    /// lower-cased (`Contact-Audit/1.0` → `contact-audit`).
    private static func agentToken(_ value: String) -> String {
        if value.hasPrefix("*") { return "*" }
        return String(value.prefix { $0.isLetter || $0 == "-" || $0 == "_" }).lowercased()
    }

    /// `pattern` matches a prefix of `target`, or all of it when the pattern ends in `$`.
    static func matches(pattern: String, _ target: String) -> Bool {
        var pattern = Array(pattern.utf8)
        let anchored = pattern.last == UInt8(ascii: "$")
        if anchored { pattern.removeLast() } else { pattern.append(UInt8(ascii: "*")) }
        let text = Array(target.utf8)
        // Glob matching with single backtracking point: linear in practice, quadratic at worst.
        var (p, t) = (0, 0)
        var star: Int?
        var resume = 0
        let wildcard = UInt8(ascii: "*")
        while t < text.count {
            if p < pattern.count, pattern[p] == wildcard {
                star = p
                resume = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let starIndex = star {
                p = starIndex + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == wildcard { p += 1 }
        return p == pattern.count
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
