internal import CLibXML2

/// What an element means for the text a reader sees.
enum ElementRole {
    case inline
    case block(BlockKind)
    case heading(Int)
    case list
    case tableRow
    case tableCell
    case lineBreak
    case anchor
    case script
    /// Parsed into but not shown: `<head>` (we still look for JSON-LD and meta there).
    case invisible
    /// Neither shown nor looked into.
    case skipped
}

/// Cuts the visible text of a page into blocks and collects links, marked attributes,
/// JSON-LD, microdata and microformats, from libxml2's SAX events as the HTML parser
/// reads the page: no tree is built (building and freeing one cost as much as the
/// parse itself). The parser's own recovery (implied `html`/`body`, auto-closed tags)
/// happens before the events, so they describe the tree a browser-like reader would
/// have walked. Elements are remembered in an `ElementTable` for their DOM paths.
struct DocumentWalker {
    private(set) var blocks: [TextBlock] = []
    private(set) var links: [Link] = []
    private(set) var attributes: [MarkedAttribute] = []
    private(set) var scripts: [EmbeddedScript] = []
    private(set) var scopes: [MicrodataScope] = []
    private(set) var properties: [MicrodataProperty] = []
    private(set) var microformats: [MicroformatElement] = []
    private(set) var language: String?
    private(set) var baseHref: String?
    /// The text of the first `<title>`.
    private(set) var title: String?
    /// Addresses the page loads or sends to: `<script src>`, `<iframe src>`, `<form
    /// action>` (what a challenge page is made of).
    private(set) var embeddedURLs: [String] = []
    /// Inside `<title>`: its text is gathered here (it is not visible text).
    private var titleBytes: [UInt8]?
    private(set) var elements = ElementTable()
    /// Whether the parser got as far as starting the document.
    private(set) var documentStarted = false
    /// Set when the walker stopped the parser itself (a text run over the limit).
    private(set) var cut: String?

    /// The parser feeding this walker, so that it can be stopped; set while it runs.
    var parser: htmlParserCtxtPtr?

    /// libxml2's tree builder refuses a text node over 10,000,000 bytes (without
    /// HTML_PARSE_HUGE) and stops the page there; reading events, the walker keeps the
    /// same bound on one run of text.
    static let maximumTextRun = 10_000_000
    /// libxml2's tree builder stops at this nesting depth (`xmlParserMaxDepth`).
    static let maximumDepth = 256

    /// SAX attributes: name, value, name, value, ..., NULL; a value may be NULL.
    typealias Attributes = UnsafeMutablePointer<UnsafePointer<xmlChar>?>

    private struct Owner {
        var node: Int32
        var kind: BlockKind
    }

    private enum CaptureKind {
        case anchor(href: String, language: String?)
        case itemprop(names: [String], scope: Int?, valueScope: Int?, fixedValue: String?)
        case microformat(classes: [String], href: String?, root: Int?)
        case marked(name: String, value: String)
    }

    private struct Capture {
        var kind: CaptureKind
        var node: Int32
        var blockIndex: Int
        var bytes: [UInt8] = []
        var pendingSpace = false
        /// No more text: an unclosed `<a>` that libxml2 keeps open over the following
        /// blocks, where a browser would have split it, ends at the first block boundary.
        var sealed = false
    }

    /// Per open element, what to undo when it closes.
    private struct Frame {
        var node: Int32
        var role: ElementRole
        var childNamesStart: Int
        var isHead = false
        var isBody = false
        var ownsBlock = false
        var pushedLanguage = false
        var capturesAdded = 0
        var savedRow: Int?
        var savedColumn: Int?
        var savedList: Int?
        var savedNextColumn = 0
        var pushedScope = false
        var pushedCard = false
        var enteredHeading = false
        var enteredInvisible = false
    }

    private var buffer: [UInt8] = []
    private var pendingSpace = false
    private var owners: [Owner] = []
    private var languages: [String] = []
    private var captures: [Capture] = []
    private var headingStack: [(level: Int, text: String)] = []
    private var headingTexts: [String] = []
    private var headingDepth = 0
    private var invisibleDepth = 0
    private var row: Int?
    private var column: Int?
    private var nextColumn = 0
    private var rowCounter = 0
    private var list: Int?
    private var listCounter = 0
    private var scopeStack: [Int] = []
    private var cardStack: [Int] = []
    private var cardCounter = 0

    private var frames: [Frame] = []
    /// How many of the bottom frames (the root, and `body` under it) the parser has
    /// ended: they stay open, since a browser puts what follows `</body>` or `</html>`
    /// (trackers, widgets, footers) into the body.
    private var endedBase = 0
    /// Elements libxml2 starts after the root's end that a browser folds into the ones it
    /// has (the `html` it implies again, a second `body`): not elements of their own.
    private var foldedStarts = 0
    /// Index in the element table of the first element that came after the body's or
    /// the root's end, nil when none did (for tests: libxml2's tree has those elsewhere).
    private(set) var firstElementAfterEnd: Int?
    /// Open elements inside one whose content is not read (hidden, `<style>`, a
    /// script...), counting that one: their events are passed over.
    private var skippedDepth = 0
    /// The body of the JSON-LD script being read, with its type and element.
    private var script: (type: String, node: Int32, body: [UInt8])?
    /// Elements open in the parser's view (its tree builder's node stack).
    private var parserDepth = 0
    private var textRun = 0
    /// Element names by libxml2's pointer (names come from the parser's dictionary, or
    /// are constants for implied elements), so most elements cost no String.
    private var namesByPointer: [UnsafeRawPointer: Int32] = [:]
    private struct CachedName {
        var pointer: UnsafeRawPointer?
        var index: Int32 = 0
        var role: ElementRole = .inline
    }
    private static let nameCacheBits: UInt64 = 8
    private static let nameCacheSize = 1 << nameCacheBits
    private var nameCache = [CachedName](repeating: CachedName(), count: nameCacheSize)

    init() {
        buffer.reserveCapacity(1024)
    }

    // MARK: - Events

    mutating func startDocument() {
        documentStarted = true
    }

    mutating func startElement(_ qualifiedName: UnsafePointer<xmlChar>, _ attributes: Attributes?) {
        textRun = 0
        // The tree builder names an element by its local part (`o:p` is a `p`).
        let name = Self.localName(qualifiedName)
        let key = Self.packedName(name)
        if parserDepth > Self.maximumDepth {
            stop("Excessive depth in document: \(Self.maximumDepth) use XML_PARSE_HUGE option")
            return
        }
        parserDepth += 1
        if endedBase > 0, skippedDepth == 0 {
            if firstElementAfterEnd == nil { firstElementAfterEnd = elements.count }
            // libxml2 starts a new `html` for content after `</html>` (its tree builder
            // hangs it under the document's first node, or beside the root after a
            // doctype, where a walk does not go); a browser reads it into the body.
            if key == NameKey.html || (key == NameKey.body && baseCount == 2) {
                foldedStarts += 1
                return
            }
        }
        if skippedDepth > 0 {
            skippedDepth += 1
            return
        }
        let parent = frames.last
        let (nameIndex, role) = nameAndRole(name, key: key)
        let node = elements.add(name: nameIndex, parent: parent?.node,
                                siblingsStart: parent?.childNamesStart ?? elements.openChildren)
        if parent == nil {
            // The root: the page's language, and the owner of text outside any block.
            language = attribute(attributes, "lang").map { $0.trimmingASCIIWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            owners.append(Owner(node: node, kind: .text))
        } else if parent?.isHead == true, key == NameKey.base, let href = attribute(attributes, "href") {
            baseHref = href
        }
        if let attributes, key == NameKey.script || key == NameKey.iframe || key == NameKey.form {
            if let url = attribute(attributes, key == NameKey.form ? "action" : "src"), !url.isEmpty {
                embeddedURLs.append(url)
            }
        }
        if title == nil, titleBytes == nil, key == NameKey.title { titleBytes = [] }
        var frame = Frame(node: node, role: role, childNamesStart: elements.openChildren)
        frame.isHead = key == NameKey.head
        frame.isBody = frames.count == 1 && key == NameKey.body
        if enter(name, attributes, frame: &frame) {
            frames.append(frame)
        } else {
            exit(frame)
            elements.close(childrenFrom: frame.childNamesStart)
            skippedDepth = 1
        }
    }

    mutating func endElement() {
        textRun = 0
        parserDepth = max(0, parserDepth - 1)
        if skippedDepth > 0 {
            skippedDepth -= 1
            if skippedDepth == 0, let script {
                scripts.append(EmbeddedScript(type: script.type, body: String(decoding: script.body, as: UTF8.self),
                                              node: NodeID(script.node)))
                self.script = nil
            }
            return
        }
        if frames.count <= baseCount {
            // The end of the body or the root: both stay open for what follows. An end
            // beyond those is that of an element folded into them.
            if endedBase < frames.count { endedBase += 1 } else if foldedStarts > 0 { foldedStarts -= 1 }
            return
        }
        guard let frame = frames.popLast() else { return }
        if let bytes = titleBytes {
            title = Self.collapsedWhitespace(bytes)
            titleBytes = nil
        }
        exit(frame)
        elements.close(childrenFrom: frame.childNamesStart)
    }

    /// Text split at whitespace (Unicode's, as `Character.isWhitespace`) and joined by
    /// single spaces. ASCII text, the usual title, is split byte by byte: there each
    /// character is one byte (CR LF, one character, is two whitespace bytes) and the
    /// whitespace bytes are tab to carriage return and space.
    static func collapsedWhitespace(_ bytes: [UInt8]) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = true
            } else {
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The root, and `body` when it is the root's open child: the frames that stay open
    /// after their end.
    private var baseCount: Int {
        frames.count >= 2 && frames[1].isBody ? 2 : min(frames.count, 1)
    }

    /// Text and CDATA (script bodies come as CDATA).
    mutating func characters(_ text: UnsafePointer<xmlChar>, _ length: Int) {
        guard !frames.isEmpty, length > 0 else { return }
        textRun += length
        if textRun > Self.maximumTextRun {
            stop("a text node of more than \(Self.maximumTextRun) bytes (libxml2's limit)")
            return
        }
        if skippedDepth > 0 {
            if skippedDepth == 1, script != nil {
                script?.body.append(contentsOf: UnsafeBufferPointer(start: text, count: length))
            }
            return
        }
        if titleBytes != nil, skippedDepth == 0 {
            titleBytes?.append(contentsOf: UnsafeBufferPointer(start: text, count: length))
        }
        guard invisibleDepth == 0 else { return }
        let content = UnsafeBufferPointer(start: text, count: length)
        if let mapped = WindowsC1.mapped(content) {
            mapped.withUnsafeBufferPointer { appendText($0) }
        } else {
            appendText(content)
        }
    }

    /// After the first colon, when something follows it and the name does not start
    /// with one (libxml2's `xmlSplitQName`).
    static func localName(_ name: UnsafePointer<xmlChar>) -> UnsafePointer<xmlChar> {
        guard name.pointee != UInt8(ascii: ":") else { return name }
        var p = name
        while p.pointee != 0 {
            if p.pointee == UInt8(ascii: ":") { return p[1] == 0 ? name : p + 1 }
            p += 1
        }
        return name
    }

    /// The end of the page, or of what the parser read of it: elements it left open
    /// (a page cut short) close here.
    mutating func finish() {
        while let frame = frames.popLast() { exit(frame) }
        flush()
    }

    /// Stops the parser where libxml2's tree builder would have stopped it.
    private mutating func stop(_ reason: String) {
        guard cut == nil, let parser else { return }
        cut = "libxml2 stopped reading at line \(xmlSAX2GetLineNumber(parser)): \(reason)"
        xmlStopParser(parser)
    }

    /// The element table's index of a name and the name's role, by libxml2's pointer: a
    /// small table keyed by the pointer's bits answers most elements without hashing
    /// (a page uses a few dozen names, each always at one address of the parser's
    /// dictionary).
    private mutating func nameAndRole(_ name: UnsafePointer<xmlChar>, key: UInt64) -> (Int32, ElementRole) {
        let pointer = UnsafeRawPointer(name)
        // Fibonacci hashing: the top bits of the product spread names that sit close
        // together in the dictionary's pool (a shift and xor of the address left two of a
        // page's few dozen names in one slot often enough to cost a hash look-up per element).
        let bits = UInt64(UInt(bitPattern: pointer))
        let slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> (64 - Self.nameCacheBits))
        if nameCache[slot].pointer == pointer { return (nameCache[slot].index, nameCache[slot].role) }
        let index = nameIndex(name)
        let role = Self.role(of: name, key: key)
        nameCache[slot] = CachedName(pointer: pointer, index: index, role: role)
        return (index, role)
    }

    private mutating func nameIndex(_ name: UnsafePointer<xmlChar>) -> Int32 {
        let key = UnsafeRawPointer(name)
        if let index = namesByPointer[key] { return index }
        let index = elements.intern(String(cString: name))
        namesByPointer[key] = index
        return index
    }

    // MARK: - Elements

    /// Returns whether to read into the element.
    private mutating func enter(_ name: UnsafePointer<xmlChar>, _ attributes: Attributes?, frame: inout Frame) -> Bool {
        if let attributes, isHidden(attributes) { return false }
        switch frame.role {
        case .skipped:
            return false
        case .script:
            // The byte search rules out most types (text/javascript, module) before
            // Foundation's `contains`, which it cannot contradict: "ld+json" is ASCII.
            if let type = attribute(attributes, "type")?.lowercased(), Self.utf8Contains(type, "ld+json"), type.contains("ld+json") {
                script = (type, frame.node, [])
            }
            return false
        case .invisible:
            invisibleDepth += 1
            frame.enteredInvisible = true
        case .lineBreak:
            flush()
            return false
        case .heading:
            if headingDepth == 0 {
                startBlock(frame.node, kind: .heading, frame: &frame)
            }
            headingDepth += 1
            frame.enteredHeading = true
        case .block(let kind):
            if headingDepth == 0 { startBlock(frame.node, kind: kind, frame: &frame) }
        case .list:
            startBlock(frame.node, kind: .text, frame: &frame)
            frame.savedList = list
            listCounter += 1
            list = listCounter
        case .tableRow:
            startBlock(frame.node, kind: .text, frame: &frame)
            frame.savedRow = row
            frame.savedNextColumn = nextColumn
            rowCounter += 1
            row = rowCounter
            nextColumn = 0
        case .tableCell:
            startBlock(frame.node, kind: .tableCell, frame: &frame)
            frame.savedColumn = column
            column = nextColumn
            nextColumn += 1
        case .anchor, .inline:
            break
        }
        if let attributes { readAttributes(name, attributes, frame: &frame) }
        return true
    }

    private mutating func exit(_ frame: Frame) {
        if frame.ownsBlock {
            let text = flush()
            owners.removeLast()
            if frame.enteredHeading, case .heading(let level) = frame.role, let text, !text.isEmpty {
                headingStack.removeAll { $0.level >= level }
                headingStack.append((level, text))
                headingTexts = headingStack.map(\.text)
            }
        }
        if frame.enteredHeading { headingDepth -= 1 }
        if frame.enteredInvisible { invisibleDepth -= 1 }
        if frame.pushedLanguage { languages.removeLast() }
        if case .list = frame.role { list = frame.savedList }
        if case .tableRow = frame.role { row = frame.savedRow; nextColumn = frame.savedNextColumn }
        if case .tableCell = frame.role { column = frame.savedColumn }
        for _ in 0..<frame.capturesAdded { finishCapture() }
        if frame.pushedScope { scopeStack.removeLast() }
        if frame.pushedCard { cardStack.removeLast() }
    }

    private mutating func startBlock(_ node: Int32, kind: BlockKind, frame: inout Frame) {
        flush()
        owners.append(Owner(node: node, kind: kind))
        frame.ownsBlock = true
    }

    /// Turns the text gathered so far into a block of the innermost owner.
    @discardableResult
    private mutating func flush() -> String? {
        for index in captures.indices {
            captures[index].pendingSpace = true
            if case .anchor = captures[index].kind, !captures[index].bytes.isEmpty { captures[index].sealed = true }
        }
        pendingSpace = false
        guard !buffer.isEmpty, let owner = owners.last else { return nil }
        let text = String(decoding: buffer, as: UTF8.self)
        buffer.removeAll(keepingCapacity: true)
        var kind = owner.kind
        if kind == .text, list != nil, headingDepth == 0 { kind = .listItem }
        blocks.append(TextBlock(text: text, kind: kind, node: NodeID(owner.node),
                                headings: headingTexts, language: languages.last ?? language,
                                tableRow: column == nil ? nil : row, tableColumn: column,
                                list: list))
        return text
    }

    // MARK: - Text

    /// Appends text, whitespace runs collapsed to one space; words are copied whole
    /// rather than byte by byte. A word cut between two calls joins up, since a space
    /// is written only when whitespace is seen.
    private mutating func appendText(_ content: UnsafeBufferPointer<xmlChar>) {
        guard let bytes = content.baseAddress else { return }
        var p = 0
        let count = content.count
        while p < count {
            // A NUL (decoded from a broken UTF-16 page) shows as nothing, as in browsers.
            if bytes[p] == 0 {
                p += 1
                continue
            }
            if Self.isCollapsibleSpace(bytes[p]) {
                p += 1
                while p < count, Self.isCollapsibleSpace(bytes[p]) { p += 1 }
                pendingSpace = true
                for index in captures.indices { captures[index].pendingSpace = true }
                continue
            }
            // Words joined by single spaces are copied as one run: written word by word
            // they would get the same one space between them. Any other whitespace (a
            // run, a tab, a line feed) or a NUL ends the run.
            var end = p + 1
            while end < count {
                let byte = bytes[end]
                if !Self.endsWord(byte) {
                    end += 1
                } else if byte == 0x20, end + 1 < count, !Self.endsWord(bytes[end + 1]) {
                    end += 2
                } else {
                    break
                }
            }
            let word = UnsafeBufferPointer(start: bytes + p, count: end - p)
            p = end
            if pendingSpace {
                if !buffer.isEmpty { buffer.append(0x20) }
                pendingSpace = false
            }
            buffer.append(contentsOf: word)
            for index in captures.indices where !captures[index].sealed {
                if captures[index].pendingSpace {
                    if !captures[index].bytes.isEmpty { captures[index].bytes.append(0x20) }
                    captures[index].pendingSpace = false
                }
                captures[index].bytes.append(contentsOf: word)
            }
        }
    }

    @inline(__always)
    private static func isCollapsibleSpace(_ byte: UInt8) -> Bool {
        byte <= 0x20 && (collapsibleSpaces >> UInt64(byte)) & 1 != 0
    }

    /// Whitespace or NUL: one compare for the bytes of words, a bit test for the rest.
    @inline(__always)
    private static func endsWord(_ byte: UInt8) -> Bool {
        byte <= 0x20 && ((collapsibleSpaces | 1) >> UInt64(byte)) & 1 != 0
    }

    /// Space, tab, line feed, form feed, carriage return, as bits of a mask.
    private static let collapsibleSpaces: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D

    // MARK: - Attributes

    /// The `hidden` attribute. Inline `display:none` is not a reason to skip: tabs and
    /// accordions ("Area Offices") hide their panels that way until a click, and a
    /// reader who clicks sees the numbers there.
    private func isHidden(_ attributes: Attributes) -> Bool {
        var k = 0
        while let name = attributes[k] {
            if nameEquals(name, "hidden") { return true }
            k += 2
        }
        return false
    }

    private mutating func readAttributes(_ element: UnsafePointer<xmlChar>, _ attributeList: Attributes, frame: inout Frame) {
        var lang: String?, itemprop: String?, itemtype: String?, classValue: UnsafePointer<xmlChar>?
        // An `href` becomes a String only for a link or a microformat capture, not on
        // every element that has one; `hasHref` tells a valueless one from none.
        var hrefValue: UnsafePointer<xmlChar>?, hasHref = false
        var cfemail: String?, hasScope = false
        var k = 0
        while let name = attributeList[k] {
            let value = attributeList[k + 1]
            switch name.pointee {
            case UInt8(ascii: "l") where nameEquals(name, "lang"): lang = Self.string(value)
            case UInt8(ascii: "h") where nameEquals(name, "href"): hrefValue = value; hasHref = true
            case UInt8(ascii: "c") where nameEquals(name, "class"): classValue = value
            case UInt8(ascii: "d") where nameEquals(name, "data-cfemail"): cfemail = Self.string(value)
            case UInt8(ascii: "i"):
                if nameEquals(name, "itemprop") { itemprop = Self.string(value) }
                else if nameEquals(name, "itemscope") { hasScope = true }
                else if nameEquals(name, "itemtype") { itemtype = Self.string(value) }
            default: break
            }
            k += 2
        }
        if let lang {
            let trimmed = lang.trimmingASCIIWhitespace()
            if !trimmed.isEmpty { languages.append(trimmed); frame.pushedLanguage = true }
        }
        let blockIndex = blocks.count
        if case .anchor = frame.role, hasHref {
            startCapture(.anchor(href: Self.string(hrefValue), language: languages.last ?? language), frame: &frame)
        }
        if let cfemail {
            startCapture(.marked(name: "data-cfemail", value: cfemail), frame: &frame)
        }
        var newScope: Int?
        if hasScope {
            let id = scopes.count
            scopes.append(MicrodataScope(id: id, types: (itemtype ?? "").split(separator: " ").map(String.init),
                                         parent: scopeStack.last, node: NodeID(frame.node)))
            newScope = id
        }
        if let itemprop {
            let names = itemprop.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            if !names.isEmpty {
                let fixed: String? = newScope != nil ? "" : microdataAttributeValue(element, attributeList)
                if let fixed {
                    properties.append(MicrodataProperty(names: names, value: fixed.trimmingASCIIWhitespace(),
                                                        scope: scopeStack.last, valueScope: newScope,
                                                        node: NodeID(frame.node), blockIndex: blockIndex))
                } else {
                    startCapture(.itemprop(names: names, scope: scopeStack.last, valueScope: nil, fixedValue: nil),
                                 frame: &frame)
                }
            }
        }
        if let newScope { scopeStack.append(newScope); frame.pushedScope = true }
        // hCard properties mean something only inside a card, so the class list is split
        // only there or where a card starts, not on every element of the page.
        if let classValue, !cardStack.isEmpty || Self.contains(classValue, "card") {
            let classes = Self.string(classValue)
            let tokens = classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            if tokens.contains(where: { $0 == "vcard" || $0 == "h-card" }) {
                cardCounter += 1
                cardStack.append(cardCounter)
                frame.pushedCard = true
            }
            let watched = tokens.filter { Self.microformatClasses.contains($0) }
            if !watched.isEmpty, !(watched.count == 1 && (watched[0] == "vcard" || watched[0] == "h-card")) {
                startCapture(.microformat(classes: watched, href: hasHref ? Self.string(hrefValue) : nil, root: cardStack.last),
                             frame: &frame)
            }
        }
    }

    static let microformatClasses: Set<String> = [
        "vcard", "h-card", "tel", "p-tel", "email", "u-email", "fax", "type", "value", "fn", "p-name", "org", "p-org",
        "adr", "p-adr", "workhours", "opening-hours",
    ]

    /// Microdata values that come from an attribute rather than the text.
    private func microdataAttributeValue(_ element: UnsafePointer<xmlChar>, _ attributes: Attributes) -> String? {
        switch String(cString: element) {
        case "meta": return attribute(attributes, "content") ?? ""
        case "a", "area", "link": return attribute(attributes, "href") ?? ""
        case "img", "audio", "video", "source", "iframe", "embed", "track": return attribute(attributes, "src") ?? ""
        case "object": return attribute(attributes, "data") ?? ""
        case "time": return attribute(attributes, "datetime")
        case "data", "meter": return attribute(attributes, "value") ?? ""
        default: return attribute(attributes, "content")
        }
    }

    private mutating func startCapture(_ kind: CaptureKind, frame: inout Frame) {
        captures.append(Capture(kind: kind, node: frame.node, blockIndex: blocks.count))
        frame.capturesAdded += 1
    }

    private mutating func finishCapture() {
        guard let capture = captures.popLast() else { return }
        let text = String(decoding: capture.bytes, as: UTF8.self)
        let node = NodeID(capture.node)
        switch capture.kind {
        case .anchor(let href, let language):
            links.append(Link(href: href.trimmingASCIIWhitespace(), text: text, node: node,
                              blockIndex: capture.blockIndex, language: language))
        case .itemprop(let names, let scope, let valueScope, let fixed):
            properties.append(MicrodataProperty(names: names, value: fixed ?? text, scope: scope, valueScope: valueScope,
                                                node: node, blockIndex: capture.blockIndex))
        case .microformat(let classes, let href, let root):
            microformats.append(MicroformatElement(classes: classes, text: text, href: href, root: root,
                                                   node: node, blockIndex: capture.blockIndex))
        case .marked(let name, let value):
            attributes.append(MarkedAttribute(name: name, value: value, elementText: text, node: node,
                                              blockIndex: capture.blockIndex))
        }
    }

    /// The value of an attribute of the element being started; "" for one written
    /// without a value, as the tree builder would give it.
    private func attribute(_ attributes: Attributes?, _ wanted: StaticString) -> String? {
        guard let attributes else { return nil }
        var k = 0
        while let name = attributes[k] {
            if nameEquals(name, wanted) { return Self.string(attributes[k + 1]) }
            k += 2
        }
        return nil
    }

    /// An attribute's value, C1 code points read as HTML5 reads references to them.
    private static func string(_ value: UnsafePointer<xmlChar>?) -> String {
        value.map { WindowsC1.mapped(String(cString: $0)) } ?? ""
    }

    /// A byte search in a String's UTF-8.
    private static func utf8Contains(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytesContain($0, needle) }
    }

    private static func bytesContain(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { n -> Bool in
            guard n.count <= bytes.count else { return n.isEmpty }
            var start = 0
            while start + n.count <= bytes.count {
                var k = 0
                while k < n.count, bytes[start + k] == n[k] { k += 1 }
                if k == n.count { return true }
                start += 1
            }
            return false
        }
    }

    /// A byte search in an attribute's text, without building a String for it.
    private static func contains(_ value: UnsafePointer<xmlChar>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { n -> Bool in
            var p = value
            while p.pointee != 0 {
                var k = 0
                while k < n.count, p[k] != 0, p[k] == n[k] { k += 1 }
                if k == n.count { return true }
                p += 1
            }
            return false
        }
    }

    // MARK: - Names

    private func nameEquals(_ name: UnsafePointer<xmlChar>, _ wanted: StaticString) -> Bool {
        wanted.withUTF8Buffer { w in
            var i = 0
            while i < w.count {
                let c = name[i]
                if c == 0 { return false }
                let lower = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                if lower != w[i] { return false }
                i += 1
            }
            return name[i] == 0
        }
    }

    /// An element name's first eight bytes, ASCII lower-cased, packed into an integer
    /// (the first byte lowest); `NameKey.long` for a name of more than eight. Names are
    /// compared and their roles looked up by it: no String per element on the hot path.
    static func packedName(_ name: UnsafePointer<xmlChar>) -> UInt64 {
        var key: UInt64 = 0
        var length = 0
        while length < 9 {
            let c = name[length]
            if c == 0 { break }
            if length == 8 { return NameKey.long }
            key |= UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) << (8 * UInt64(length))
            length += 1
        }
        return key
    }

    /// `packedName` of the element names the walker asks about. A name of up to eight
    /// bytes packs to a different integer from every other (its unused bytes are zero,
    /// and no name holds a NUL), and a longer one packs to `long`, which no name of up
    /// to eight bytes does (its top byte would be 0xFF).
    enum NameKey {
        static let long: UInt64 = .max
        static let html: UInt64 = 0x6C6D_7468
        static let body: UInt64 = 0x7964_6F62
        static let base: UInt64 = 0x6573_6162
        static let head: UInt64 = 0x6461_6568
        static let form: UInt64 = 0x6D72_6F66
        static let title: UInt64 = 0x65_6C74_6974
        static let script: UInt64 = 0x7470_6972_6373
        static let iframe: UInt64 = 0x656D_6172_6669
    }

    static func role(of name: UnsafePointer<xmlChar>, key: UInt64) -> ElementRole {
        if key == NameKey.long {
            let full = String(cString: name).lowercased()
            return longRoles[full] ?? .inline
        }
        return roles[key] ?? .inline
    }

    private static func pack(_ s: String) -> UInt64 {
        var key: UInt64 = 0
        for (i, c) in s.utf8.prefix(8).enumerated() { key |= UInt64(c) << (8 * UInt64(i)) }
        return key
    }

    private static let longRoles: [String: ElementRole] = [
        "blockquote": .block(.paragraph), "figcaption": .block(.paragraph),
    ]

    private static let roles: [UInt64: ElementRole] = {
        var table: [UInt64: ElementRole] = [:]
        for name in ["p", "address", "pre", "dt", "dd", "caption", "summary", "legend"] {
            table[pack(name)] = .block(.paragraph)
        }
        for name in ["div", "section", "article", "aside", "header", "footer", "main", "nav", "body", "html",
                     "form", "fieldset", "figure", "details", "dl", "center", "hgroup", "table", "tbody", "thead",
                     "tfoot", "hr", "option", "li", "dialog", "output"] {
            table[pack(name)] = .block(.text)
        }
        table[pack("li")] = .block(.listItem)
        for name in ["ul", "ol", "menu"] { table[pack(name)] = .list }
        for level in 1...6 { table[pack("h\(level)")] = .heading(level) }
        table[pack("tr")] = .tableRow
        table[pack("td")] = .tableCell
        table[pack("th")] = .tableCell
        table[pack("br")] = .lineBreak
        table[pack("a")] = .anchor
        table[pack("script")] = .script
        table[pack("head")] = .invisible
        table[pack("title")] = .invisible
        for name in ["style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "select",
                     "canvas", "audio", "video", "textarea", "datalist"] {
            table[pack(name)] = .skipped
        }
        return table
    }()
}

extension NodeID {
    /// Element `index` of the page's `ElementTable` (raw values start at 1).
    init(_ index: Int32) {
        raw = UInt(index) + 1
    }

    var element: Int { Int(raw) - 1 }
}
