import ContactDocument

/// Lower-cased texts of a page's blocks, headings and list introductions, computed
/// once per page for the channel classifier (and the words of blocks, for the country
/// hints of the blocks around a number).
struct PageContext {
    let document: HTMLDocument
    private var lowered: [Int: String] = [:]
    private var wordsOfBlock: [Int: [Substring]] = [:]
    /// For each list, the block right before its first item ("Контактные каналы поддержки:").
    private let listIntros: [Int: Int]

    init(document: HTMLDocument) {
        self.document = document
        var intros: [Int: Int] = [:]
        for (index, block) in document.blocks.enumerated() {
            if let list = block.list, intros[list] == nil, index > 0, document.blocks[index - 1].list != list {
                intros[list] = index - 1
            }
        }
        listIntros = intros
    }

    /// The letter runs of a block's lower-cased text, for the country hints.
    mutating func words(_ index: Int) -> [Substring] {
        if let cached = wordsOfBlock[index] { return cached }
        let words = lower(index).split(whereSeparator: { !$0.isLetter })
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
    mutating func context(block index: Int, range: Range<Int>?, neighbours: [Range<Int>] = [],
                          structuredType: String? = nil) -> ChannelClassifier.Context {
        guard document.blocks.indices.contains(index) else {
            return ChannelClassifier.Context(near: [], block: "", listIntro: nil, headings: [], structuredType: structuredType)
        }
        let block = document.blocks[index]
        var near: [String] = []
        if let range {
            let window = ClauseWindow(text: block.text, range: range, neighbours: neighbours)
            near = [window.before, window.after]
        }
        let intro = block.list.flatMap { listIntros[$0] }.map { lower($0) }
        return ChannelClassifier.Context(near: near, block: lower(index), listIntro: intro,
                                         headings: block.headings.map { $0.lowercased() },
                                         structuredType: structuredType)
    }
}
