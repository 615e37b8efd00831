internal import CLibXML2
import Foundation

/// A parsed page: its visible text cut into blocks, its links, structured data and
/// the attributes extractors need, and a table of its elements from which the DOM
/// paths of the few that yield records are written. No libxml2 tree outlives the parse.
///
/// Not Sendable: one document is used by one task at a time.
public final class HTMLDocument {
    public let source: String
    public let charset: DetectedCharset
    /// `<html lang>`, nil when absent.
    public let language: String?
    /// `<base href>`, nil when absent.
    public let baseHref: String?
    /// The first `<title>`'s text, whitespace collapsed; nil when absent.
    public let title: String?
    /// `<script src>`, `<iframe src>` and `<form action>` values, in page order.
    public let embeddedURLs: [String]
    public let blocks: [TextBlock]
    public let links: [Link]
    public let markedAttributes: [MarkedAttribute]
    public let scripts: [EmbeddedScript]
    public let microdataScopes: [MicrodataScope]
    public let microdataProperties: [MicrodataProperty]
    public let microformats: [MicroformatElement]
    /// True for documents made from plain text (no markup, one block per line).
    public let isPlainText: Bool
    /// What went wrong without stopping the read: a page cut short by libxml2's limits.
    public let warnings: [String]

    /// The page's elements, for DOM paths; nil for plain text.
    private let elements: ElementTable?

    /// Parses HTML bytes. `contentType` is the HTTP header when the page came over HTTP.
    public init(bytes: some Collection<UInt8>, source: String, contentType: String? = nil) throws(DocumentError) {
        let array = Array(bytes)
        guard !array.isEmpty else { throw .empty(source: source) }
        let result: Result<(DetectedCharset, DocumentWalker, String?), DocumentError> = array.withUnsafeBufferPointer { raw in
            let charset = CharsetDetector.detect(raw, contentType: contentType, isSupported: LibXML2.isEncodingSupported)
            var body = UnsafeBufferPointer(rebasing: raw[charset.bomLength...])
            let (repaired, encoding) = Self.parserInput(body, charset: charset.name, isValidUTF8: charset.isValidUTF8)
            return (repaired ?? []).withUnsafeBufferPointer { fixed in
                if repaired != nil { body = fixed }
                var cut: String?
                if !encoding.hasPrefix("UTF-16"), !encoding.hasPrefix("UTF-32"),
                   let keep = TagFloodGuard.cutOffset(body) {
                    body = UnsafeBufferPointer(rebasing: body[..<keep])
                    cut = "a tag with more than \(TagFloodGuard.maximumAttributes) attributes at byte \(keep) "
                        + "(libxml2 would take hours over it)"
                }
                if let cut, body.isEmpty { return .failure(.unparseable(source: source, reason: cut)) }
                return LibXML2.read(body, url: source, encoding: encoding).map { (charset, $0.0, cut ?? $0.1) }
            }
        }
        let (charset, walker, cut) = try result.get()
        self.source = source
        self.charset = charset
        self.elements = walker.elements
        self.elementCountBeforeEnd = walker.firstElementAfterEnd
        self.language = walker.language
        self.baseHref = walker.baseHref
        self.title = walker.title
        self.embeddedURLs = walker.embeddedURLs
        self.blocks = walker.blocks
        self.links = walker.links
        self.markedAttributes = walker.attributes
        self.scripts = walker.scripts
        self.microdataScopes = walker.scopes
        self.microdataProperties = walker.properties
        self.microformats = walker.microformats
        self.isPlainText = false
        self.warnings = [charset.warning.map { "\(source): \($0)" }, cut.map { "\(source): page cut: \($0)" }]
            .compactMap { $0 }
    }

    /// A document made from plain text (a scraped page saved as .txt): one block per
    /// non-empty line. Short lines that do not end a sentence are taken as headings,
    /// since scraped text keeps the page's headings as lines of their own.
    public init(plainText bytes: some Collection<UInt8>, source: String) throws(DocumentError) {
        let array = Array(bytes)
        guard !array.isEmpty else { throw .empty(source: source) }
        let (text, charset) = array.withUnsafeBufferPointer { raw -> (String, DetectedCharset) in
            let charset = CharsetDetector.detect(raw, contentType: "text/plain", isSupported: LibXML2.isEncodingSupported)
            let body = UnsafeBufferPointer(rebasing: raw[charset.bomLength...])
            return (WindowsC1.mapped(Self.decode(body, charset: charset.name)), charset)
        }
        var blocks: [TextBlock] = []
        var headings: [String] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var trimmed = line.trimmingASCIIWhitespace()
            if trimmed.isEmpty { continue }
            var kind = BlockKind.paragraph
            for bullet in ["•", "- ", "– ", "* "] where trimmed.hasPrefix(bullet) {
                trimmed = String(trimmed.dropFirst(bullet.count)).trimmingASCIIWhitespace()
                kind = .listItem
            }
            if kind == .listItem, let first = trimmed.first, first.isNumber, trimmed.contains(". ") {
                kind = .listItem
            }
            let looksLikeHeading = kind == .paragraph && trimmed.count <= 90
                && !(trimmed.last.map { ".;:!,)»".contains($0) } ?? false)
            if looksLikeHeading {
                // Scraped text loses heading levels: keep the last two as the chain.
                blocks.append(TextBlock(text: trimmed, kind: .heading, node: NodeID(raw: UInt(lineNumber)),
                                        headings: headings))
                headings = Array((headings + [trimmed]).suffix(2))
            } else {
                blocks.append(TextBlock(text: trimmed, kind: kind, node: NodeID(raw: UInt(lineNumber)), headings: headings))
            }
        }
        self.source = source
        self.charset = charset
        self.elements = nil
        self.elementCountBeforeEnd = nil
        self.language = nil
        self.baseHref = nil
        self.title = nil
        self.embeddedURLs = []
        self.blocks = blocks
        self.links = []
        self.markedAttributes = []
        self.scripts = []
        self.microdataScopes = []
        self.microdataProperties = []
        self.microformats = []
        self.isPlainText = true
        self.warnings = []
    }

    /// What the parser is given for a page's bytes (after any byte-order mark): UTF-8
    /// only. Other encodings are decoded here, each byte with no character becoming
    /// U+FFFD (`Transcoder`); invalid UTF-8 in a UTF-8 page is replaced by U+FFFD too, as
    /// browsers do, rather than letting libxml2 switch the rest of the page to Latin-1.
    /// Either way the ASCII stays. Nil bytes: the body as it is, in `encoding`.
    /// `isValidUTF8`: detection has checked these very bytes already.
    static func parserInput(_ body: UnsafeBufferPointer<UInt8>, charset: String,
                            isValidUTF8: Bool = false) -> (bytes: [UInt8]?, encoding: String) {
        if charset != "UTF-8", let decoded = Transcoder.utf8(body, from: charset) { return (decoded, "UTF-8") }
        if charset == "UTF-8", !isValidUTF8, !CharsetDetector.isValidUTF8(body) {
            return (Array(String(decoding: body, as: UTF8.self).utf8), "UTF-8")
        }
        return (nil, charset)
    }

    /// The DOM path of a node of this document (`/html/body/main/p[2]/a`); for
    /// plain-text documents the line (`/text/line[12]`).
    public func path(of node: NodeID) -> String {
        guard let elements else { return "/text/line[\(node.raw)]" }
        return elements.path(of: node.element)
    }

    /// The paths of the elements the walk kept, in document order (for tests).
    var elementPaths: [String] { elements?.allPaths ?? [] }
    /// How many of `elementPaths` came before the end of the body or root; libxml2's tree
    /// has the ones after elsewhere (for tests).
    let elementCountBeforeEnd: Int?

    /// Plain text that is not UTF-8 is decoded as pages are (`Transcoder`); UTF-8 and
    /// encodings iconv does not know, leniently as UTF-8.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, charset: String) -> String {
        if charset != "UTF-8", let decoded = Transcoder.utf8(bytes, from: charset) {
            return String(decoding: decoded, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension HTMLDocument {
    /// The loaded libxml2's version (`2.9.14`), from its `xmlParserVersion` (`20914`).
    public static let libxml2Version: String? = {
        guard let version = ca_xml_parser_version(), case let text = String(cString: version), let number = Int(text), number > 0 else { return nil }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }()
}
