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

/// One pass over libxml2's tree that cuts the visible text into blocks and collects
/// links, marked attributes, JSON-LD, microdata and microformats. Iterative, so deeply
/// nested markup cannot overflow the stack.
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

    private struct Owner {
        var node: xmlNodePtr
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
        var node: xmlNodePtr
        var blockIndex: Int
        var bytes: [UInt8] = []
        var pendingSpace = false
        /// No more text: an unclosed `<a>` that libxml2 keeps open over the following
        /// blocks, where a browser would have split it, ends at the first block boundary.
        var sealed = false
    }

    /// Per open element, what to undo when it closes.
    private struct Frame {
        var node: xmlNodePtr
        var role: ElementRole
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

    init() {
        buffer.reserveCapacity(1024)
    }

    mutating func walk(_ document: htmlDocPtr) {
        guard let root = xmlDocGetRootElement(document) else { return }
        language = attribute(root, "lang").map { $0.trimmingASCIIWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        owners.append(Owner(node: root, kind: .text))
        var frames: [Frame] = []
        var node: xmlNodePtr = root
        traversal: while true {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                var frame = Frame(node: node, role: Self.role(of: node))
                if enter(node, frame: &frame), let child = node.pointee.children {
                    frames.append(frame)
                    node = child
                    continue traversal
                }
                exit(frame)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if invisibleDepth == 0, let content = node.pointee.content { appendText(content) }
            default:
                break
            }
            // On to the next sibling, closing every element we climb out of.
            var at = node
            while at != root {
                if let sibling = at.pointee.next {
                    node = sibling
                    continue traversal
                }
                guard let frame = frames.popLast() else { break traversal }
                exit(frame)
                at = frame.node
            }
            break
        }
        flush()
    }

    // MARK: - Elements

    /// Returns whether to descend into the element.
    private mutating func enter(_ element: xmlNodePtr, frame: inout Frame) -> Bool {
        if hasAttributes(element), isHidden(element) { return false }
        switch frame.role {
        case .skipped:
            return false
        case .script:
            if let type = attribute(element, "type")?.lowercased(), type.contains("ld+json") {
                scripts.append(EmbeddedScript(type: type, body: childText(element), node: NodeID(element)))
            }
            return false
        case .invisible:
            invisibleDepth += 1
            frame.enteredInvisible = true
            if element.pointee.name.map({ String(cString: $0) }) == "head" { readHead(element) }
        case .lineBreak:
            flush()
            return false
        case .heading:
            if headingDepth == 0 {
                startBlock(element, kind: .heading, frame: &frame)
            }
            headingDepth += 1
            frame.enteredHeading = true
        case .block(let kind):
            if headingDepth == 0 { startBlock(element, kind: kind, frame: &frame) }
        case .list:
            startBlock(element, kind: .text, frame: &frame)
            frame.savedList = list
            listCounter += 1
            list = listCounter
        case .tableRow:
            startBlock(element, kind: .text, frame: &frame)
            frame.savedRow = row
            frame.savedNextColumn = nextColumn
            rowCounter += 1
            row = rowCounter
            nextColumn = 0
        case .tableCell:
            startBlock(element, kind: .tableCell, frame: &frame)
            frame.savedColumn = column
            column = nextColumn
            nextColumn += 1
        case .anchor, .inline:
            break
        }
        if hasAttributes(element) { readAttributes(element, frame: &frame) }
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

    private mutating func startBlock(_ element: xmlNodePtr, kind: BlockKind, frame: inout Frame) {
        flush()
        owners.append(Owner(node: element, kind: kind))
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

    /// Appends a text node, whitespace runs collapsed to one space; words are copied
    /// whole rather than byte by byte.
    private mutating func appendText(_ content: UnsafePointer<xmlChar>) {
        var p = content
        while p.pointee != 0 {
            if Self.isCollapsibleSpace(p.pointee) {
                pendingSpace = true
                for index in captures.indices { captures[index].pendingSpace = true }
                p += 1
                continue
            }
            var end = p
            while end.pointee != 0 && !Self.isCollapsibleSpace(end.pointee) { end += 1 }
            let word = UnsafeBufferPointer(start: p, count: end - p)
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

    private static func isCollapsibleSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    private func childText(_ element: xmlNodePtr) -> String {
        var bytes: [UInt8] = []
        var child = element.pointee.children
        while let node = child {
            if let content = node.pointee.content {
                var p = content
                while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
            }
            child = node.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Attributes

    private func hasAttributes(_ element: xmlNodePtr) -> Bool {
        element.pointee.properties != nil
    }

    /// The `hidden` attribute. Inline `display:none` is not a reason to skip: tabs and
    /// accordions ("Area Offices") hide their panels that way until a click, and a
    /// reader who clicks sees the numbers there.
    private func isHidden(_ element: xmlNodePtr) -> Bool {
        var attr = element.pointee.properties
        while let a = attr {
            if let name = a.pointee.name, nameEquals(name, "hidden") { return true }
            attr = a.pointee.next
        }
        return false
    }

    private mutating func readAttributes(_ element: xmlNodePtr, frame: inout Frame) {
        var lang: String?, href: String?, itemprop: String?, itemtype: String?, classAttribute: xmlAttrPtr?
        var cfemail: String?, hasScope = false
        var attr = element.pointee.properties
        while let a = attr {
            if let name = a.pointee.name {
                switch name.pointee {
                case UInt8(ascii: "l") where nameEquals(name, "lang"): lang = attributeValue(a)
                case UInt8(ascii: "h") where nameEquals(name, "href"): href = attributeValue(a)
                case UInt8(ascii: "c") where nameEquals(name, "class"): classAttribute = a
                case UInt8(ascii: "d") where nameEquals(name, "data-cfemail"): cfemail = attributeValue(a)
                case UInt8(ascii: "i"):
                    if nameEquals(name, "itemprop") { itemprop = attributeValue(a) }
                    else if nameEquals(name, "itemscope") { hasScope = true }
                    else if nameEquals(name, "itemtype") { itemtype = attributeValue(a) }
                default: break
                }
            }
            attr = a.pointee.next
        }
        if let lang {
            let trimmed = lang.trimmingASCIIWhitespace()
            if !trimmed.isEmpty { languages.append(trimmed); frame.pushedLanguage = true }
        }
        let blockIndex = blocks.count
        if case .anchor = frame.role, let href {
            startCapture(.anchor(href: href, language: languages.last ?? language), element, frame: &frame)
        }
        if let cfemail {
            startCapture(.marked(name: "data-cfemail", value: cfemail), element, frame: &frame)
        }
        var newScope: Int?
        if hasScope {
            let id = scopes.count
            scopes.append(MicrodataScope(id: id, types: (itemtype ?? "").split(separator: " ").map(String.init),
                                         parent: scopeStack.last, node: NodeID(element)))
            newScope = id
        }
        if let itemprop {
            let names = itemprop.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            if !names.isEmpty {
                let fixed: String? = newScope != nil ? "" : microdataAttributeValue(element)
                if let fixed {
                    properties.append(MicrodataProperty(names: names, value: fixed.trimmingASCIIWhitespace(),
                                                        scope: scopeStack.last, valueScope: newScope,
                                                        node: NodeID(element), blockIndex: blockIndex))
                } else {
                    startCapture(.itemprop(names: names, scope: scopeStack.last, valueScope: nil, fixedValue: nil),
                                 element, frame: &frame)
                }
            }
        }
        if let newScope { scopeStack.append(newScope); frame.pushedScope = true }
        // hCard properties mean something only inside a card, so the class list is split
        // only there or where a card starts, not on every element of the page.
        if let classAttribute, !cardStack.isEmpty || attributeContains(classAttribute, "card") {
            let classes = attributeValue(classAttribute)
            let tokens = classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            if tokens.contains(where: { $0 == "vcard" || $0 == "h-card" }) {
                cardCounter += 1
                cardStack.append(cardCounter)
                frame.pushedCard = true
            }
            let watched = tokens.filter { Self.microformatClasses.contains($0) }
            if !watched.isEmpty, !(watched.count == 1 && (watched[0] == "vcard" || watched[0] == "h-card")) {
                startCapture(.microformat(classes: watched, href: href, root: cardStack.last), element, frame: &frame)
            }
        }
    }

    static let microformatClasses: Set<String> = [
        "vcard", "h-card", "tel", "p-tel", "email", "u-email", "fax", "type", "value", "fn", "p-name", "org", "p-org",
        "adr", "p-adr", "workhours", "opening-hours",
    ]

    /// Microdata values that come from an attribute rather than the text.
    private func microdataAttributeValue(_ element: xmlNodePtr) -> String? {
        guard let name = element.pointee.name else { return nil }
        switch String(cString: name) {
        case "meta": return attribute(element, "content") ?? ""
        case "a", "area", "link": return attribute(element, "href") ?? ""
        case "img", "audio", "video", "source", "iframe", "embed", "track": return attribute(element, "src") ?? ""
        case "object": return attribute(element, "data") ?? ""
        case "time": return attribute(element, "datetime")
        case "data", "meter": return attribute(element, "value") ?? ""
        default: return attribute(element, "content")
        }
    }

    private mutating func startCapture(_ kind: CaptureKind, _ element: xmlNodePtr, frame: inout Frame) {
        captures.append(Capture(kind: kind, node: element, blockIndex: blocks.count))
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

    private mutating func readHead(_ head: xmlNodePtr) {
        var child = head.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name, nameEquals(name, "base"),
               let href = attribute(node, "href") {
                baseHref = href
            }
            child = node.pointee.next
        }
    }

    private func attribute(_ element: xmlNodePtr, _ wanted: String) -> String? {
        var attr = element.pointee.properties
        while let a = attr {
            if let name = a.pointee.name, nameEquals(name, wanted) { return attributeValue(a) }
            attr = a.pointee.next
        }
        return nil
    }

    /// A byte search in an attribute's text, without building a String for it.
    private func attributeContains(_ attr: xmlAttrPtr, _ needle: StaticString) -> Bool {
        var child = attr.pointee.children
        while let node = child {
            if let content = node.pointee.content {
                let found = needle.withUTF8Buffer { n -> Bool in
                    var p = content
                    while p.pointee != 0 {
                        var k = 0
                        while k < n.count, p[k] != 0, p[k] == n[k] { k += 1 }
                        if k == n.count { return true }
                        p += 1
                    }
                    return false
                }
                if found { return true }
            }
            child = node.pointee.next
        }
        return false
    }

    private func attributeValue(_ attr: xmlAttrPtr) -> String {
        var bytes: [UInt8] = []
        var child = attr.pointee.children
        while let node = child {
            if let content = node.pointee.content {
                var p = content
                while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
            }
            child = node.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
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

    private func nameEquals(_ name: UnsafePointer<xmlChar>, _ wanted: String) -> Bool {
        var i = 0
        for w in wanted.utf8 {
            let c = name[i]
            if c == 0 { return false }
            let lower = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            if lower != w { return false }
            i += 1
        }
        return name[i] == 0
    }

    /// Element names are looked up by their first eight bytes packed into an integer:
    /// no String per element on the hot path.
    static func role(of element: xmlNodePtr) -> ElementRole {
        guard let name = element.pointee.name else { return .inline }
        var key: UInt64 = 0
        var length = 0
        while length < 9 {
            let c = name[length]
            if c == 0 { break }
            if length < 8 { key |= UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) << (8 * UInt64(length)) }
            length += 1
        }
        if length > 8 {
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
    init(_ node: xmlNodePtr) {
        raw = UInt(bitPattern: node)
    }
}
