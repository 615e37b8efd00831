import ContactDocument
import ContactModel

/// E-mails from `mailto:` links, visible text and Cloudflare's e-mail protection; the
/// placeholder `[email protected]` with nothing to decode becomes a `hidden` record.
struct EmailExtractor {
    static let hiddenValue = "[email protected]"
    static let cloudflarePath = "/cdn-cgi/l/email-protection"

    static func hasPrefixIgnoringCase(_ text: String, _ prefix: StaticString) -> Bool {
        var utf8 = text.utf8.makeIterator()
        return prefix.withUTF8Buffer { expected in
            for byte in expected {
                guard let c = utf8.next(), (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) == byte else { return false }
            }
            return true
        }
    }

    /// An address found, classified once every address of its block is known.
    private struct Found {
        var value: String
        var method: EvidenceMethod
        var node: NodeID
        var text: String
        var blockIndex: Int
        /// Where the address (or its link's text) stands in its block's text.
        var range: Range<Int>?
    }

    func extract(from document: HTMLDocument, page: inout PageContext, into records: inout RecordCollector) {
        var linked: [Int: Set<String>] = [:]
        var decodedPerBlock: [Int: Int] = [:]
        var found: [Found] = []
        // A link's text is where a label before it applies ("Presse: <a …>"); an address
        // hidden by Cloudflare stands where its placeholder does.
        func rangeInBlock(_ text: String, _ blockIndex: Int) -> Range<Int>? {
            PhoneExtractor.range(of: text, in: document, block: blockIndex)
        }

        for link in document.links {
            if Self.hasPrefixIgnoringCase(link.href, "mailto:") {
                for address in EmailAddress.mailtoAddresses(link.href) {
                    linked[link.blockIndex, default: []].insert(address)
                    found.append(Found(value: address, method: .mailto, node: link.node,
                                       text: link.text.isEmpty ? link.href : link.text, blockIndex: link.blockIndex,
                                       range: rangeInBlock(link.text, link.blockIndex)))
                }
            } else if ByteSearch.contains(link.href, Self.cloudflarePath + "#"),
                      let hex = link.href.split(separator: "#").last,
                      let address = EmailAddress.decodeCloudflare(String(hex)) {
                guard linked[link.blockIndex, default: []].insert(address).inserted else { continue }
                decodedPerBlock[link.blockIndex, default: 0] += 1
                found.append(Found(value: address, method: .cfemail, node: link.node, text: link.text,
                                   blockIndex: link.blockIndex, range: rangeInBlock(link.text, link.blockIndex)))
            }
        }
        for attribute in document.markedAttributes where attribute.name == "data-cfemail" {
            guard let address = EmailAddress.decodeCloudflare(attribute.value) else { continue }
            guard linked[attribute.blockIndex, default: []].insert(address).inserted else { continue }
            decodedPerBlock[attribute.blockIndex, default: 0] += 1
            found.append(Found(value: address, method: .cfemail, node: attribute.node, text: attribute.elementText,
                               blockIndex: attribute.blockIndex,
                               range: rangeInBlock(attribute.elementText, attribute.blockIndex)))
        }
        for (index, block) in document.blocks.enumerated() {
            for address in EmailAddress.find(in: block.text) where linked[index]?.contains(address.value) != true {
                found.append(Found(value: address.value, method: .text, node: block.node,
                                   text: EvidenceText.window(block.text, around: address.utf8Range), blockIndex: index,
                                   range: address.utf8Range))
            }
            for address in EmailDeobfuscator.reveal(in: block.text) where linked[index]?.contains(address) != true {
                found.append(Found(value: address, method: .obfuscated, node: block.node,
                                   text: EvidenceText.window(block.text), blockIndex: index))
            }
            if EmailAddress.placeholderCount(in: block.text) > decodedPerBlock[index, default: 0] {
                found.append(Found(value: Self.hiddenValue, method: .hidden, node: block.node,
                                   text: EvidenceText.window(block.text), blockIndex: index))
            }
        }

        // The other addresses of a block bound each one's clause, as numbers do for phones:
        // "Presse: a@x.de, Vertrieb: b@x.de" labels only the first as press.
        var rangesOfBlock: [Int: [Range<Int>]] = [:]
        for entry in found { if let range = entry.range { rangesOfBlock[entry.blockIndex, default: []].append(range) } }
        for entry in found {
            let blockIndex = entry.blockIndex
            let section = document.blocks.indices.contains(blockIndex) ? document.blocks[blockIndex].headings.last : nil
            let neighbours = rangesOfBlock[blockIndex] ?? []
            let sentences = neighbours.count > 1 && document.blocks.indices.contains(blockIndex) ? page.sentenceIndex(ofBlock: blockIndex) : nil
            let near = page.near(block: blockIndex, range: entry.range, neighbours: neighbours, sentences: sentences)
            let record = ContactRecord(kind: .email, value: entry.value, channel: ChannelClassifier.emailChannel(near: near),
                                       source: document.source,
                                       evidence: Evidence(method: entry.method, path: page.path(of: entry.node),
                                                          text: entry.text),
                                       section: section)
            records.add(record, at: blockIndex)
        }
    }
}
