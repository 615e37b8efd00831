/// The elements of a parsed page, as much of them as evidence needs: each one's name,
/// parent and place among its same-named siblings. The page is read as a stream (no
/// tree is kept), and the DOM path of the few elements that yield records is written
/// from this table afterwards, the way libxml2's `xmlGetNodePath` writes it:
/// `/html/body/div[2]/p`, an index only where a sibling has the same name.
struct ElementTable: Sendable {
    private var names: [String] = []
    private var nameIndex: [String: Int32] = [:]
    /// One per element, in document order (one append per element).
    private var entries: [Entry] = []

    private struct Entry {
        var parent: Int32
        var name: Int32
        /// 1-based among the earlier siblings of the same name.
        var ordinal: Int32
        /// Whether the path writes the ordinal: always after the first, and for the first
        /// when a later sibling has its name.
        var indexed: Bool
    }

    /// For each open element, the names of its children so far (its entries start
    /// where the element's `childNamesStart` says; an element's children are all seen
    /// before its parent's next child, so one stack serves every open element).
    private var childNames: [(name: Int32, count: Int32, first: Int32)] = []

    var count: Int { entries.count }

    /// The index of a name, adding it when new.
    mutating func intern(_ name: String) -> Int32 {
        if let index = nameIndex[name] { return index }
        let index = Int32(names.count)
        names.append(name)
        nameIndex[name] = index
        return index
    }

    /// Adds an element under `parent` (nil for the root), given where the parent's
    /// child names start; returns its index.
    mutating func add(name: Int32, parent: Int32?, siblingsStart: Int) -> Int32 {
        let index = Int32(entries.count)
        var ordinal: Int32 = 1
        if parent != nil {
            var k = siblingsStart
            while k < childNames.count, childNames[k].name != name { k += 1 }
            if k < childNames.count {
                childNames[k].count += 1
                ordinal = childNames[k].count
                entries[Int(childNames[k].first)].indexed = true
            } else {
                childNames.append((name, 1, index))
            }
        }
        entries.append(Entry(parent: parent ?? -1, name: name, ordinal: ordinal, indexed: ordinal > 1))
        return index
    }

    /// Where the children of an element opened now will record their names.
    var openChildren: Int { childNames.count }

    /// An element closed: its children's names are no longer needed.
    mutating func close(childrenFrom start: Int) {
        if childNames.count > start { childNames.removeSubrange(start...) }
    }

    /// Every element's path, in document order (for tests).
    var allPaths: [String] { (0..<count).map { path(of: $0) } }

    func path(of element: Int) -> String {
        guard element >= 0, element < entries.count else { return "" }
        var steps: [Int] = []
        var at = element
        while at >= 0 {
            steps.append(at)
            at = Int(entries[at].parent)
        }
        var path = ""
        for step in steps.reversed() {
            path += "/"
            path += names[Int(entries[step].name)]
            if entries[step].indexed { path += "[\(entries[step].ordinal)]" }
        }
        return path
    }
}
