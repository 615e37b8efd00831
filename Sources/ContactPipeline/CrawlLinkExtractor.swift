import ContactDocument
import ContactFetch

/// Page → links for the crawler: the document layer parses the HTML (charset from the
/// HTTP Content-Type first), the crawler resolves and filters what comes back. Lives here
/// so that ContactFetch never sees HTML and ContactDocument never sees the network.
public enum CrawlLinkExtractor {
    public static func links(in crawled: CrawledPage) -> PageLinks {
        guard crawled.linksWanted, let page = crawled.page, !page.body.isEmpty, isHTML(page.contentType) else {
            return .none
        }
        guard let document = try? HTMLDocument(bytes: page.body, source: page.finalURL, contentType: page.contentType) else {
            return .none
        }
        return PageLinks(baseHref: document.baseHref,
                         links: document.links.map { PageLinks.Link(href: $0.href, text: $0.text) })
    }

    /// A missing Content-Type is given the benefit of the doubt; text/plain, images and
    /// PDFs have no links to follow.
    static func isHTML(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return true }
        return type.hasPrefix("text/html") || type.hasPrefix("application/xhtml")
    }
}
