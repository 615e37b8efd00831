internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Every function call into libxml2 goes through here (the walker only reads node
/// fields), so the unsafe surface of this module is this file and DocumentWalker.swift.
enum LibXML2 {
    /// libxml2 must be initialised once before documents are parsed on several threads.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// RECOVER: real pages are broken and we want what a browser would show.
    /// NONET: never fetch a DTD or entity from the network. NOERROR / NOWARNING: the
    /// errors of broken markup are expected, not news. COMPACT: fewer allocations.
    static let parseOptions: Int32 = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)

    static func isEncodingSupported(_ name: String) -> Bool {
        _ = initialised
        return ca_xml_encoding_supported(name) != 0
    }

    /// Parses HTML bytes with the given encoding. Returns the document or the reason
    /// libxml2 gave for failing.
    /// The document, and why libxml2 stopped reading early when it did (a fatal error
    /// under RECOVER: nesting beyond its depth limit, a text node beyond 10 MB), so a cut
    /// page is reported rather than silently short.
    static func parseHTML(_ bytes: UnsafeBufferPointer<UInt8>, url: String,
                          encoding: String) -> Result<(htmlDocPtr, String?), DocumentError> {
        _ = initialised
        ca_xml_silence_errors()
        xmlResetLastError()
        let document = bytes.withMemoryRebound(to: CChar.self) { chars in
            htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), url, encoding, parseOptions)
        }
        defer { xmlResetLastError() }
        guard let document else {
            let reason = lastErrorMessage() ?? "no document produced"
            return .failure(.unparseable(source: url, reason: reason))
        }
        return .success((document, stoppedEarly()))
    }

    /// Why libxml2 stopped reading before the end, from its last error: a fatal one under
    /// RECOVER, or a huge text node, which is reported as an out-of-memory error at level
    /// "error", not fatal, yet stops reading just the same.
    private static func stoppedEarly() -> String? {
        // Most pages end with some recoverable error: its message is made a String (and
        // searched with Foundation) only when it is fatal or can hold "huge" at all.
        guard let error = xmlGetLastError(), let raw = error.pointee.message,
              error.pointee.level == XML_ERR_FATAL || error.pointee.code == Int32(XML_ERR_NO_MEMORY.rawValue)
                || strstr(raw, "huge") != nil,
              let message = lastErrorMessage(),
              error.pointee.level == XML_ERR_FATAL || error.pointee.code == Int32(XML_ERR_NO_MEMORY.rawValue)
                || message.contains("huge") else { return nil }
        return "libxml2 stopped reading at line \(error.pointee.line): \(message)"
    }

    static func free(_ document: htmlDocPtr) {
        xmlFreeDoc(document)
    }

    /// Reads HTML bytes into `walker` through SAX events, with the same parser set-up,
    /// options and encoding as `parseHTML`. Returns why reading stopped early when it
    /// did (as `parseHTML` does), or a failure when the parser could not start.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, url: String,
                     encoding: String) -> Result<(DocumentWalker, String?), DocumentError> {
        _ = initialised
        ca_xml_silence_errors()
        xmlResetLastError()
        defer { xmlResetLastError() }
        // The callbacks reach the walker through the parser's user pointer: a pointer to
        // the walker itself, so that an event costs neither a retain and release of a box
        // nor the run-time exclusivity check of a class's stored property.
        let box = UnsafeMutablePointer<DocumentWalker>.allocate(capacity: 1)
        box.initialize(to: DocumentWalker())
        defer { box.deallocate() }
        let ran = runParser(bytes, url: url, encoding: encoding, handler: saxHandler,
                            user: UnsafeMutableRawPointer(box)) { box.pointee.parser = $0 }
        var walker = box.move()
        guard ran else {
            return .failure(.unparseable(source: url, reason: lastErrorMessage() ?? "no parser could be made"))
        }
        walker.finish()
        guard walker.documentStarted else {
            return .failure(.unparseable(source: url, reason: lastErrorMessage() ?? "no document produced"))
        }
        return .success((walker, walker.cut ?? stoppedEarly()))
    }

    /// Runs libxml2's HTML parser over `bytes`, reporting to `handler`'s callbacks with
    /// `user`; `running` is told the parser while it runs (and nil after). False when no
    /// parser could be made.
    private static func runParser(_ bytes: UnsafeBufferPointer<UInt8>, url: String, encoding: String,
                                  handler: htmlSAXHandler, user: UnsafeMutableRawPointer?,
                                  running: (htmlParserCtxtPtr?) -> Void = { _ in }) -> Bool {
        var handler = handler
        let parser = bytes.withMemoryRebound(to: CChar.self) { chars in
            ca_html_sax_parser(chars.baseAddress, Int32(clamping: chars.count), url, encoding, parseOptions,
                               &handler, user)
        }
        guard let parser else { return false }
        running(parser)
        htmlParseDocument(parser)
        running(nil)
        ca_html_sax_free(parser)
        return true
    }

    /// The walker behind a callback's user pointer (see `read`).
    @inline(__always)
    private static func walker(_ user: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<DocumentWalker>? {
        user?.assumingMemoryBound(to: DocumentWalker.self)
    }

    /// The parser run with no callbacks (for `ParserProbe`).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> Bool {
        _ = initialised
        ca_xml_silence_errors()
        defer { xmlResetLastError() }
        var handler = htmlSAXHandler()
        handler.initialized = 1
        return runParser(bytes, url: "bench", encoding: encoding, handler: handler, user: nil)
    }

    /// The walker's callbacks: elements, text and CDATA (ignorable whitespace is dropped,
    /// as the tree builder drops it).
    private nonisolated(unsafe) static let saxHandler: htmlSAXHandler = {
        var handler = htmlSAXHandler()
        handler.initialized = 1
        handler.startDocument = { walker($0)?.pointee.startDocument() }
        handler.startElement = { user, name, attributes in
            guard let name else { return }
            walker(user)?.pointee.startElement(name, attributes)
        }
        handler.endElement = { user, _ in walker(user)?.pointee.endElement() }
        handler.characters = { user, text, length in
            guard let text else { return }
            walker(user)?.pointee.characters(text, Int(length))
        }
        handler.cdataBlock = handler.characters
        return handler
    }()

    /// Every element's `xmlGetNodePath`, in document order (for `ParserProbe`).
    static func elementPaths(_ document: htmlDocPtr) -> [String] {
        var paths: [String] = []
        var stack: [xmlNodePtr] = []
        var node = document.pointee.children
        while true {
            while let current = node {
                if current.pointee.type == XML_ELEMENT_NODE, let raw = xmlGetNodePath(current) {
                    paths.append(String(cString: raw))
                    ca_xml_free(raw)
                }
                if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
                    stack.append(current)
                    node = child
                } else {
                    node = current.pointee.next
                }
            }
            guard let parent = stack.popLast() else { break }
            node = parent.pointee.next
        }
        return paths
    }

    static func lastErrorMessage() -> String? {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return nil }
        return String(cString: message).trimmingASCIIWhitespace()
    }
}
