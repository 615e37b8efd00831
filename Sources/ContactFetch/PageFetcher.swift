/// Reads one page by URL through libcurl (`file://`, `http://`, `https://`).
public struct PageFetcher: Sendable {
    public static let version = "0.1.0"
    public static let defaultUserAgent = "contact-audit/\(version) (+https://github.com/contact-audit/contact-audit)"

    public var limits: FetchLimits
    public var userAgent: String

    public init(limits: FetchLimits = FetchLimits(), userAgent: String = PageFetcher.defaultUserAgent) {
        self.limits = limits
        self.userAgent = userAgent
    }

    /// A 4xx or 5xx answer is an error; the body is dropped.
    public func fetch(_ url: String) throws(FetchError) -> FetchedPage {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file://") else {
            throw .unsupportedScheme(url: url)
        }
        let page = try EasyHandle().perform(url: url, limits: limits, userAgent: userAgent)
        if page.status >= 400 { throw .httpStatus(url: url, status: page.status) }
        return page
    }

    public static var curlVersion: String { Curl.version }
}

extension PageFetcher {
    /// The loaded libcurl's version number (`7.88.1`), from `curl_version_info`.
    public static var libcurlVersion: String? { Curl.versionNumber }
}
