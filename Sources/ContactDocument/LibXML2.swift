internal import CLibXML2

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
        var cut: String?
        // A huge text node is reported as an out-of-memory error at level "error", not
        // fatal, yet reading stops there just the same.
        if let error = xmlGetLastError(), let message = lastErrorMessage(),
           error.pointee.level == XML_ERR_FATAL || error.pointee.code == Int32(XML_ERR_NO_MEMORY.rawValue)
            || message.contains("huge") {
            cut = "libxml2 stopped reading at line \(error.pointee.line): \(message)"
        }
        return .success((document, cut))
    }

    static func free(_ document: htmlDocPtr) {
        xmlFreeDoc(document)
    }

    /// `/html/body/main/p[2]/a`: libxml2's own XPath-like path, indices only where
    /// siblings share a name.
    static func path(of node: xmlNodePtr) -> String {
        guard let raw = xmlGetNodePath(node) else { return "" }
        defer { ca_xml_free(raw) }
        return String(cString: raw)
    }

    static func lastErrorMessage() -> String? {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return nil }
        return String(cString: message).trimmingASCIIWhitespace()
    }
}
