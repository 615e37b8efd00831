/// libxml2's parse alone, for benchmarks: the ceiling any libxml2-based extractor can
/// reach. Kept here because no other module may call libxml2.
public enum ParserProbe {
    /// The charset `HTMLDocument` would use for these bytes.
    public static func charset(of bytes: [UInt8], contentType: String? = nil) -> DetectedCharset {
        bytes.withUnsafeBufferPointer {
            CharsetDetector.detect($0, contentType: contentType, isSupported: LibXML2.isEncodingSupported)
        }
    }

    /// `htmlReadMemory` + `xmlFreeDoc` with the given charset; true when a document came out.
    public static func parseAndFree(_ bytes: [UInt8], charset: DetectedCharset) -> Bool {
        bytes.withUnsafeBufferPointer { raw in
            let body = UnsafeBufferPointer(rebasing: raw[min(charset.bomLength, raw.count)...])
            switch LibXML2.parseHTML(body, url: "bench", encoding: charset.name) {
            case .success(let (document, _)):
                LibXML2.free(document)
                return true
            case .failure:
                return false
            }
        }
    }
}

extension ParserProbe {
    /// `xmlGetNodePath` of every element of libxml2's own tree for these bytes (decoded
    /// as `HTMLDocument` decodes them), in document order: what the element table's
    /// paths are checked against in tests.
    public static func treeElementPaths(_ bytes: [UInt8]) -> [String] {
        let charset = charset(of: bytes)
        return bytes.withUnsafeBufferPointer { raw in
            var body = UnsafeBufferPointer(rebasing: raw[min(charset.bomLength, raw.count)...])
            let (decoded, encoding) = HTMLDocument.parserInput(body, charset: charset.name)
            return (decoded ?? []).withUnsafeBufferPointer { fixed in
                if decoded != nil { body = fixed }
                guard case .success(let (document, _)) = LibXML2.parseHTML(body, url: "probe", encoding: encoding) else {
                    return []
                }
                defer { LibXML2.free(document) }
                return LibXML2.elementPaths(document)
            }
        }
    }
}

extension ParserProbe {
    /// libxml2's HTML parser with no SAX callbacks at all (no tree, no walker): the floor
    /// under the streaming document layer, printed beside (a) by the benchmark.
    public static func parseWithoutTree(_ bytes: [UInt8], charset: DetectedCharset) -> Bool {
        bytes.withUnsafeBufferPointer { raw in
            let body = UnsafeBufferPointer(rebasing: raw[min(charset.bomLength, raw.count)...])
            return LibXML2.scan(body, encoding: charset.name)
        }
    }
}
