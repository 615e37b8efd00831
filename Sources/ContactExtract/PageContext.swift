import ContactDocument

/// Lower-cased texts of a page's blocks and the channel classifier's signals in its
/// blocks, headings and list introductions, computed once per page (and the words of
/// blocks, for the country hints of the blocks around a number).
struct PageContext {
    let document: HTMLDocument
    private var lowered: [Int: String] = [:]
    private var wordsOfBlock: [Int: [Substring]] = [:]
    private var signalsOfBlock: [Int: ChannelClassifier.Signals] = [:]
    private var signalsOfHeading: [ExactText: ChannelClassifier.Signals] = [:]
    private var paths: [NodeID: String] = [:]
    /// Sentence ends of the blocks that hold several values (each value's sentence is looked up).
    private var sentenceIndexes: [Int: SentenceIndex] = [:]
    /// For each list, the block right before its first item ("Контактные каналы поддержки:").
    private let listIntros: [Int: Int]
    /// Blocks before a list that state a number or address of their own: not the list's
    /// introduction for the numbers in its items.
    private let numberedIntros: Set<Int>

    init(document: HTMLDocument) {
        self.document = document
        var intros: [Int: Int] = [:]
        var numbered: Set<Int> = []
        for (index, block) in document.blocks.enumerated() {
            if let list = block.list, intros[list] == nil, index > 0, document.blocks[index - 1].list != list {
                intros[list] = index - 1
                if Self.statesOwnValue(document.blocks[index - 1].text) { numbered.insert(index - 1) }
            }
        }
        listIntros = intros
        numberedIntros = numbered
    }

    /// A block that states a number or an address of its own ("Fax: 212-555-0101") is a
    /// line of its own, not the introduction of the list after it: its label is its
    /// value's, and must not reach the numbers in the list's items.
    static func statesOwnValue(_ text: String) -> Bool {
        PhoneExtractor.digitCount(text) >= PhoneExtractor.minimumDigits && PhoneExtractor.hasCandidateRun(text)
            || text.utf8.contains(UInt8(ascii: "@"))
    }

    /// The document path of a node; a block with several values asks for it once.
    mutating func path(of node: NodeID) -> String {
        if let cached = paths[node] { return cached }
        let path = document.path(of: node)
        paths[node] = path
        return path
    }

    /// The letter runs of a block's lower-cased text, for the country hints.
    mutating func words(_ index: Int) -> [Substring] {
        if let cached = wordsOfBlock[index] { return cached }
        let words = LetterRuns.of(lower(index))
        wordsOfBlock[index] = words
        return words
    }

    mutating func lower(_ index: Int) -> String {
        if let cached = lowered[index] { return cached }
        let text = document.blocks[index].text.lowercased()
        lowered[index] = text
        return text
    }

    /// The classifier's view of a value at `range` (UTF-8 offsets) in block `index`.
    /// `blockSignals`, when given, stand for the block's own (see `signals(ofBlock:outsideSentencesOf:)`).
    /// `forNumber`: the value is a phone number, which a numbered line before its list
    /// does not introduce (`statesOwnValue`).
    mutating func context(block index: Int, range: Range<Int>?, neighbours: [Range<Int>] = [],
                          structuredType: String? = nil,
                          blockSignals: ChannelClassifier.Signals? = nil,
                          forNumber: Bool = false) -> ChannelClassifier.Context {
        guard document.blocks.indices.contains(index) else {
            return ChannelClassifier.Context(near: [], outer: [], structuredType: structuredType)
        }
        let block = document.blocks[index]
        var outer = [blockSignals ?? signals(ofBlock: index)]
        if let intro = block.list.flatMap({ listIntros[$0] }), !(forNumber && numberedIntros.contains(intro)) {
            outer.append(signals(ofBlock: intro))
        }
        for heading in block.headings.reversed() { outer.append(signals(ofHeading: heading)) }
        let sentences = neighbours.count > 1 ? sentenceIndex(ofBlock: index) : nil
        var context = ChannelClassifier.Context(near: near(block: index, range: range, neighbours: neighbours, sentences: sentences),
                                                outer: outer,
                                                structuredType: structuredType)
        if forNumber { context.labelLines = labelLines(ofBlock: index).map { lower($0) } }
        return context
    }

    /// How many rows above a number its column's header may stand.
    static let headerRows = 40

    /// The nearest cell above block `index` in its table column that is a label ("Fax" over a
    /// column of fax numbers; cells holding values are passed over), in the rows right above
    /// it (consecutive row numbers: a nested table's rows end the search).
    private func columnHeader(ofBlock index: Int, row: Int, column: Int) -> Int? {
        let blocks = document.blocks
        var line = index - 1
        var lowest = row
        while line >= 0, let above = blocks[line].tableRow, above >= row - Self.headerRows {
            if above < lowest - 1 || above > lowest { return nil }
            lowest = above
            // Cells of the column that hold values are skipped; the first label above is its header.
            if above < row, blocks[line].tableColumn == column, Self.isLabel(blocks[line].text) { return line }
            line -= 1
        }
        return nil
    }

    /// `/html/body/dl/dd[4]` → `dd`.
    private static func elementName(_ path: String) -> Substring {
        let last = path.split(separator: "/").last ?? ""
        return last.prefix { $0 != "[" }
    }

    /// A label is short and states no value of its own: "Fax:", "General Fax", "Toll Free:".
    private static func isLabel(_ text: String) -> Bool {
        text.utf8.count <= 40 && !text.contains(where: \.isNumber) && !text.utf8.contains(UInt8(ascii: "@"))
    }

    /// Blocks that label block `index` from outside it, nearest first: the first cell of its
    /// table row, the `<dt>` right before its `<dd>`, and the nearest line above it in the
    /// same element (lines cut by `<br>`) that is only a label ending with a colon ("Fax:"),
    /// which labels the lines under it as a list's introduction labels its items.
    mutating func labelLines(ofBlock index: Int) -> [Int] {
        let blocks = document.blocks
        let block = blocks[index]
        var found: [Int] = []
        if let row = block.tableRow, let column = block.tableColumn, let header = columnHeader(ofBlock: index, row: row, column: column) {
            found.append(header)
        }
        if let row = block.tableRow, let column = block.tableColumn, column > 0 {
            var first = index
            while first > 0, blocks[first - 1].tableRow == row { first -= 1 }
            if first != index, blocks[first].tableColumn == 0, Self.isLabel(blocks[first].text) { found.append(first) }
        }
        if index > 0, blocks[index - 1].node != block.node, Self.isLabel(blocks[index - 1].text),
           Self.elementName(path(of: block.node)) == "dd", Self.elementName(path(of: blocks[index - 1].node)) == "dt" {
            found.append(index - 1)
        }
        var line = index - 1
        while line >= 0, index - line <= 8, blocks[line].node == block.node {
            let text = blocks[line].text
            if Self.isLabel(text), text.hasSuffix(":") {
                found.append(line)
                break
            }
            line -= 1
        }
        return found
    }

    /// Block `index`'s sentence ends, found once (a block of many values looks up each one's sentence).
    mutating func sentenceIndex(ofBlock index: Int) -> SentenceIndex {
        if let found = sentenceIndexes[index] { return found }
        let built = SentenceIndex(document.blocks[index].text)
        sentenceIndexes[index] = built
        return built
    }

    /// The words labelling a value at `range` in block `index`, before it then after it.
    func near(block index: Int, range: Range<Int>?, neighbours: [Range<Int>] = [], sentences: SentenceIndex? = nil) -> [String] {
        guard let range, document.blocks.indices.contains(index) else { return [] }
        let window = ClauseWindow(text: document.blocks[index].text, range: range, neighbours: neighbours, sentences: sentences)
        return [window.before, window.after]
    }

    /// The signals of a block that holds several values (`values`, UTF-8 ranges), read
    /// only in its sentences that hold none of them: the words in a value's sentence label
    /// that sentence's values ("(202) 555-0118 | Fax (202) 555-0119" says nothing about
    /// the first number), and its own were read as its clause already.
    mutating func signals(ofBlock index: Int, outsideSentencesOf values: [Range<Int>]) -> ChannelClassifier.Signals {
        // A link can stand past the last block (an unclosed `<a>` at the end of a page
        // whose text never became a block).
        guard document.blocks.indices.contains(index) else { return ChannelClassifier.Signals() }
        let whole = signals(ofBlock: index)
        guard values.count > 1, !whole.isEmpty else { return whole }
        let text = document.blocks[index].text
        let count = text.utf8.count
        var sentences: [Range<Int>] = []
        for value in values.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let lower = min(max(value.lowerBound, 0), count), upper = min(max(value.upperBound, lower), count)
            if let last = sentences.last, last.upperBound >= upper { continue }
            let bounds = ClauseWindow.sentenceBounds(text, lower: lower, upper: upper, index: sentenceIndex(ofBlock: index))
            if let last = sentences.last, last.upperBound >= bounds.start {
                sentences[sentences.count - 1] = last.lowerBound..<max(last.upperBound, bounds.end)
            } else {
                sentences.append(bounds.start..<bounds.end)
            }
        }
        let utf8 = text.utf8
        var rest = ""
        var from = 0
        for sentence in sentences + [count..<count] {
            if from < sentence.lowerBound {
                rest += text[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: sentence.lowerBound)]
                rest += "\n"
            }
            from = max(from, sentence.upperBound)
        }
        return ChannelClassifier.signals(in: rest.lowercased())
    }

    private mutating func signals(ofBlock index: Int) -> ChannelClassifier.Signals {
        if let cached = signalsOfBlock[index] { return cached }
        let found = ChannelClassifier.signals(in: lower(index))
        signalsOfBlock[index] = found
        return found
    }

    private mutating func signals(ofHeading heading: String) -> ChannelClassifier.Signals {
        let key = ExactText(heading)
        if let cached = signalsOfHeading[key] { return cached }
        let found = ChannelClassifier.signals(in: heading.lowercased())
        signalsOfHeading[key] = found
        return found
    }
}

/// A string compared by its UTF-8 bytes: `String`'s own equality treats canonically
/// equivalent spellings as equal, and their lower-cased bytes can differ.
private struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
