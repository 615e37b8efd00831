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

    func extract(from document: HTMLDocument, page: inout PageContext, into records: inout RecordCollector) {
        var linked: [Int: Set<String>] = [:]
        var decodedPerBlock: [Int: Int] = [:]
        func add(_ value: String, _ method: EvidenceMethod, _ node: NodeID, _ text: String, _ blockIndex: Int,
                 range: Range<Int>? = nil) {
            let section = document.blocks.indices.contains(blockIndex) ? document.blocks[blockIndex].headings.last : nil
            let channel = ChannelClassifier.emailChannel(near: page.near(block: blockIndex, range: range))
            let record = ContactRecord(kind: .email, value: value, channel: channel, source: document.source,
                                       evidence: Evidence(method: method, path: page.path(of: node), text: text),
                                       section: section)
            records.add(record, at: blockIndex)
        }

        for link in document.links {
            if Self.hasPrefixIgnoringCase(link.href, "mailto:") {
                for address in EmailAddress.mailtoAddresses(link.href) {
                    linked[link.blockIndex, default: []].insert(address)
                    add(address, .mailto, link.node, link.text.isEmpty ? link.href : link.text, link.blockIndex)
                }
            } else if ByteSearch.contains(link.href, Self.cloudflarePath + "#"),
                      let hex = link.href.split(separator: "#").last,
                      let address = EmailAddress.decodeCloudflare(String(hex)) {
                guard linked[link.blockIndex, default: []].insert(address).inserted else { continue }
                decodedPerBlock[link.blockIndex, default: 0] += 1
                add(address, .cfemail, link.node, link.text, link.blockIndex)
            }
        }
        for attribute in document.markedAttributes where attribute.name == "data-cfemail" {
            guard let address = EmailAddress.decodeCloudflare(attribute.value) else { continue }
            guard linked[attribute.blockIndex, default: []].insert(address).inserted else { continue }
            decodedPerBlock[attribute.blockIndex, default: 0] += 1
            add(address, .cfemail, attribute.node, attribute.elementText, attribute.blockIndex)
        }
        for (index, block) in document.blocks.enumerated() {
            for found in EmailAddress.find(in: block.text) where linked[index]?.contains(found.value) != true {
                add(found.value, .text, block.node, EvidenceText.window(block.text, around: found.utf8Range), index,
                    range: found.utf8Range)
            }
            for address in EmailDeobfuscator.reveal(in: block.text) where linked[index]?.contains(address) != true {
                add(address, .obfuscated, block.node, EvidenceText.window(block.text), index)
            }
            if EmailAddress.placeholderCount(in: block.text) > decodedPerBlock[index, default: 0] {
                add(Self.hiddenValue, .hidden, block.node, EvidenceText.window(block.text), index)
            }
        }
    }
}
