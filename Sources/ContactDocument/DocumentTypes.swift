/// Names one element of a parsed document, so that its DOM path can be computed on
/// demand (paths are needed only for the few elements that yield records). Valid only
/// with the `HTMLDocument` that handed it out.
public struct NodeID: Hashable, Sendable {
    let raw: UInt
}

public enum BlockKind: String, Sendable, Hashable {
    case heading, paragraph, listItem = "list-item", tableCell = "table-cell", text
}

/// A run of visible text as a reader sees it: one heading, paragraph, list item, table
/// cell or `<br>`-separated line, with the headings above it.
public struct TextBlock: Sendable {
    public var text: String
    public var kind: BlockKind
    /// The innermost block-level element that holds the text.
    public var node: NodeID
    /// Heading texts above the block, outermost first (h1, h2, ...).
    public var headings: [String]
    /// The nearest `lang` attribute (BCP 47), nil when none.
    public var language: String?
    /// For table cells: a document-wide row number and the cell's column.
    public var tableRow: Int?
    public var tableColumn: Int?
    /// For list items: a document-wide list number, shared by items of one list.
    public var list: Int?

    public init(text: String, kind: BlockKind, node: NodeID, headings: [String] = [], language: String? = nil,
                tableRow: Int? = nil, tableColumn: Int? = nil, list: Int? = nil) {
        self.text = text
        self.kind = kind
        self.node = node
        self.headings = headings
        self.language = language
        self.tableRow = tableRow
        self.tableColumn = tableColumn
        self.list = list
    }
}

/// An `<a href>`: its target and visible text.
public struct Link: Sendable {
    public var href: String
    public var text: String
    public var node: NodeID
    /// Index into `HTMLDocument.blocks` of the block the link's text stands in.
    public var blockIndex: Int
    /// The nearest `lang` attribute, nil when none.
    public var language: String?
}

/// An element attribute the extractors look for (`data-cfemail`), with the element's text.
public struct MarkedAttribute: Sendable {
    public var name: String
    public var value: String
    public var elementText: String
    public var node: NodeID
    public var blockIndex: Int
}

/// The body of a `<script type="application/ld+json">`.
public struct EmbeddedScript: Sendable {
    public var type: String
    public var body: String
    public var node: NodeID
}

/// An element carrying `itemscope`.
public struct MicrodataScope: Sendable {
    public var id: Int
    public var types: [String]
    public var parent: Int?
    public var node: NodeID
}

/// An element carrying `itemprop`, with its value read as the microdata spec says
/// (`content`, `href`, `src`, `datetime`, else its text).
public struct MicrodataProperty: Sendable {
    public var names: [String]
    public var value: String
    /// The scope the property belongs to.
    public var scope: Int?
    /// When the element itself opens a scope, that scope's id (a nested item).
    public var valueScope: Int?
    public var node: NodeID
    public var blockIndex: Int
}

/// An element whose class names a microformat property (`vcard`, `tel`, `email`, ...).
public struct MicroformatElement: Sendable {
    public var classes: [String]
    public var text: String
    public var href: String?
    /// Id of the enclosing `vcard` / `h-card` root, when inside one.
    public var root: Int?
    public var node: NodeID
    public var blockIndex: Int
}

public enum DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty(source: String)
    case unparseable(source: String, reason: String)

    public var description: String {
        switch self {
        case .empty(let source): return "\(source): the document is empty"
        case .unparseable(let source, let reason): return "\(source): libxml2 could not parse the document: \(reason)"
        }
    }
}
