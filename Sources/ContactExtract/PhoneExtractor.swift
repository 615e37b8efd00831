import ContactDocument
import ContactModel
import PhoneNumbers

/// Phones from `tel:` links and from visible text (libphonenumber's matcher).
///
/// A `tel:` link's own text is not reported again as a text match when it says the
/// same number; when it says another number, both come out, so the audit can see the
/// mismatch.
struct PhoneExtractor {
    var regions: RegionResolver
    var shortNumbers: ShortNumberTable

    /// Blocks with fewer digits than this cannot hold a phone number the matcher accepts
    /// (libphonenumber needs at least this many for any region we know); skipping them
    /// saves the matcher's regex work on most of a page.
    static let minimumDigits = 6

    func extract(from document: HTMLDocument, page: inout PageContext, into records: inout RecordCollector) {
        var linkedValues: [Int: Set<String>] = [:]
        // The texts of a block's tel: links bound each other's clauses, as numbers in text do.
        var telLinks: [(link: Link, target: String, range: Range<Int>?)] = []
        var linkRanges: [Int: [Range<Int>]] = [:]
        for link in document.links {
            guard let target = Self.telTarget(link.href) else { continue }
            let range = Self.range(of: link.text, in: document, block: link.blockIndex)
            telLinks.append((link, target, range))
            if let range { linkRanges[link.blockIndex, default: []].append(range) }
        }
        for link in document.links {
            guard let target = Self.messengerTarget(link.href),
                  let number = try? PhoneNumberService.parse(target, region: "ZZ") else { continue }
            linkedValues[link.blockIndex, default: []].insert(number.e164)
            records.add(ContactRecord(
                kind: .phone, value: number.e164, channel: .messenger, source: document.source,
                evidence: Evidence(method: .messengerLink, path: page.path(of: link.node),
                                   text: link.text.isEmpty ? link.href : link.text),
                type: number.type.rawValue, raw: target,
                section: document.blocks.indices.contains(link.blockIndex)
                    ? document.blocks[link.blockIndex].headings.last : nil),
                at: link.blockIndex)
        }
        let host = (document.baseHref).flatMap(RegionResolver.host(ofURL:)) ?? RegionResolver.host(ofURL: document.source)
        var linkBlockSignals: [Int: ChannelClassifier.Signals] = [:]
        for (link, target, range) in telLinks {
            let language = link.language ?? document.language
            guard let number = Self.parseLinkTarget(target, candidates: regions.candidateRegions(forLanguage: language, host: host),
                                                    leadingEquals: regions.leadingEquals(forLanguage: language, host: host))
            else { continue }
            linkedValues[link.blockIndex, default: []].insert(number.e164)
            let others = linkRanges[link.blockIndex] ?? []
            if linkBlockSignals[link.blockIndex] == nil {
                linkBlockSignals[link.blockIndex] = page.signals(ofBlock: link.blockIndex, outsideSentencesOf: others)
            }
            var context = page.context(block: link.blockIndex, range: range, neighbours: others,
                                       blockSignals: linkBlockSignals[link.blockIndex], forNumber: true)
            context.inside = link.text.lowercased()
            let channel = ChannelClassifier.phoneChannel(context)
            records.add(ContactRecord(
                kind: .phone, value: number.e164, channel: channel, source: document.source,
                evidence: Evidence(method: .telLink, path: page.path(of: link.node),
                                   text: link.text.isEmpty ? target : link.text),
                type: number.type.rawValue, raw: target, extension: number.extensionDigits,
                section: document.blocks.indices.contains(link.blockIndex)
                    ? document.blocks[link.blockIndex].headings.last : nil),
                at: link.blockIndex)
        }
        let shortFinder = ShortNumberFinder(table: shortNumbers)
        var candidates: [(item: BatchedPhoneMatcher.Item, regions: [String])] = []
        var digitCounts: [Int: Int] = [:]
        var labelled: Set<Int> = []
        var labelCountries: [Int: String] = [:]
        // Countries a block names anywhere on its line, not as its label.
        var mentioned: [Int: Set<String>] = [:]
        // Blocks whose first two regions lead as equals (`RegionResolver.leadingEquals`).
        var undecided: Set<Int> = []
        var countryLabels = CountryLabels.PageCache(blocks: document.blocks)
        for (index, block) in document.blocks.enumerated() {
            let digits = Self.digitCount(block.text)
            guard digits >= 2 else { continue }
            var region = regions.region(forLanguage: block.language ?? document.language)
            if RegionResolver.sharedZone.contains(region) {
                var label: String?
                if case .region(let country) = countryLabels.label(ofBlock: index) { label = country }
                region = regions.serviceRegion(forLanguage: block.language ?? document.language, host: host, label: label)
            }
            for found in shortFinder.find(in: block.text, region: region)
            where linkedValues[index]?.contains(found.digits) != true {
                let channel = ChannelClassifier.phoneChannel(page.context(block: index, range: found.utf8Range, forNumber: true))
                records.add(ContactRecord(
                    kind: .phone, value: found.digits, channel: channel, source: document.source,
                    evidence: Evidence(method: .text, path: page.path(of: block.node),
                                       text: EvidenceText.window(block.text, around: found.utf8Range)),
                    type: PhoneNumberType.short.rawValue, raw: found.digits, section: block.headings.last),
                    at: index)
            }
            guard digits >= Self.minimumDigits, Self.hasCandidateRun(block.text) else { continue }
            // A country labelling the line, row or heading decides its national numbers; two
            // countries labelling it decide nothing, and then only +CC numbers are read.
            var blockRegions = regions.candidateRegions(forLanguage: block.language ?? document.language, host: host)
            if regions.explicitRegion == nil {
                switch countryLabels.label(ofBlock: index) {
                case .region(let country): blockRegions = [country]; labelled.insert(index); labelCountries[index] = country
                case .conflict: blockRegions = ["ZZ"]; labelled.insert(index)
                case .none:
                    let named = CountryLabels.mentions(in: block.text)
                    if !named.isEmpty { mentioned[index] = named }
                    if blockRegions.count > 1,
                       regions.leadingEquals(forLanguage: block.language ?? document.language, host: host) == 2 {
                        undecided.insert(index)
                    }
                }
            }
            digitCounts[index] = digits
            candidates.append((BatchedPhoneMatcher.Item(index: index, folded: TypographicFolding(block.text)), blockRegions))
        }
        var matches: [Int: [PhoneNumberMatch]]
        if undecided.isEmpty {
            matches = BatchedPhoneMatcher.find(in: candidates)
        } else {
            // The two leading regions read together and must agree; what neither reads goes on
            // to the rest of the block's regions, one at a time, as usual.
            let split = Dictionary(grouping: candidates) { undecided.contains($0.item.index) }
            matches = BatchedPhoneMatcher.find(in: split[false] ?? [])
            let leading = (split[true] ?? []).map { (item: $0.item, regions: Array($0.regions.prefix(2))) }
            let read = BatchedPhoneMatcher.findAgreed(in: leading)
            matches.merge(read) { $1 }
            let rest = (split[true] ?? []).filter { read[$0.item.index] == nil }
                .map { (item: $0.item, regions: Array($0.regions.dropFirst(2))) }
            matches.merge(BatchedPhoneMatcher.find(in: rest)) { $1 }
        }
        if !mentioned.isEmpty {
            for index in Self.applyMentions(mentioned, candidates: candidates.map(\.item), to: &matches) { labelled.insert(index) }
        }
        // A line labelled with a country that writes a national number without its trunk
        // prefix, as lists of offices abroad do ("Germany<br>Tel: 341 60050625"): the
        // matcher refuses it (it wants the prefix where the country's numbers are written
        // with one), libphonenumber's parser reads it. Only on a line that says it gives a
        // phone or fax number, and only numbers valid in the labelled country.
        for candidate in candidates where matches[candidate.item.index] == nil {
            let index = candidate.item.index
            guard let country = labelCountries[index],
                  !ChannelClassifier.signals(in: page.lower(index)).isDisjoint(with: [.voice, .fax]) else { continue }
            let read = Self.numbersWithoutTrunkPrefix(in: candidate.item.folded, country: country)
            if !read.isEmpty { matches[index] = read }
        }

        // Blocks with digits no region of the page could read, and the countries of the
        // numbers the page writes with a +CC: a page that writes "+91 22 6177 4200" also
        // means India by "079-6630 4000".
        var unmatched: [(item: BatchedPhoneMatcher.Item, tried: [String])] = []
        var pageCountries: [String: Int] = [:]
        for candidate in candidates {
            let index = candidate.item.index
            let found = add(matches[index] ?? [], block: index, linkedValues: linkedValues, document: document,
                            page: &page, into: &records, labelCountry: labelCountries[index])
            let read = found.reduce(0) { $0 + Self.digitCount($1.raw) }
            if !labelled.contains(index), (digitCounts[index] ?? 0) - read >= Self.minimumDigits, Self.hasPhoneLikeRun(document.blocks[index].text) {
                var item = candidate.item
                item.read = (matches[index] ?? []).map(\.utf8Range)
                unmatched.append((item, candidate.regions))
            }
            for number in found where number.raw.hasPrefix("+") {
                if let country = number.region { pageCountries[country, default: 0] += 1 }
            }
        }
        guard regions.explicitRegion == nil, !unmatched.isEmpty else { return }
        let dialled = pageCountries.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        var retries: [(item: BatchedPhoneMatcher.Item, regions: [String])] = []
        for entry in unmatched {
            // Countries named near the number ("Sydney NSW 2000, Australia") count after
            // the ones the page dials.
            var hints = dialled
            for region in CountryHints.regions(inWords: Self.neighbourhoodWords(of: entry.item.index, page: &page))
            where !hints.contains(region) { hints.append(region) }
            let rest = hints.filter { !entry.tried.contains($0) }
            if !rest.isEmpty { retries.append((entry.item, rest)) }
        }
        let second = BatchedPhoneMatcher.findAgreed(in: retries)
        for entry in retries {
            let index = entry.item.index
            var known = linkedValues
            known[index, default: []].formUnion(records.phoneValues(at: index))
            _ = add(second[index] ?? [], block: index, linkedValues: known, document: document, page: &page, into: &records)
        }
    }

    /// The words around a block, lower-cased: its headings and the blocks just before and
    /// after it, where an address names its country. Each block is cut into words once
    /// per page, however many numbers around it ask.
    static func neighbourhoodWords(of index: Int, page: inout PageContext) -> [Substring] {
        let blocks = page.document.blocks
        var words = blocks[index].headings.flatMap { LetterRuns.of($0.lowercased()) }
        for neighbour in max(0, index - 4)...min(blocks.count - 1, index + 4) { words += page.words(neighbour) }
        return words
    }

    /// Records for one block's matches (UTF-8 ranges in its original text); returns what
    /// was read (with the raw text) for the page's country hints.
    private func add(_ matches: [PhoneNumberMatch], block index: Int, linkedValues: [Int: Set<String>],
                     document: HTMLDocument, page: inout PageContext,
                     into records: inout RecordCollector,
                     labelCountry: String? = nil) -> [(raw: String, region: String?)] {
        guard !matches.isEmpty else { return [] }
        let block = document.blocks[index]
        let bytes = Array(block.text.utf8)
        let ranges = matches.map(\.utf8Range)
        var found: [(raw: String, region: String?)] = []
        let blockSignals = page.signals(ofBlock: index, outsideSentencesOf: ranges)
        for match in matches {
            let range = match.utf8Range
            let raw = String(decoding: bytes[range], as: UTF8.self)
            var number = match.number
            if let labelCountry, let international = Self.internationalReading(raw, country: labelCountry) {
                number = international
            }
            found.append((raw, number.region))
            if Self.isLabelledIdentifier(bytes, before: range.lowerBound) { continue }
            if Self.isInputMask(number) || Self.isOtherDigitString(raw) { continue }
            if linkedValues[index]?.contains(number.e164) == true { continue }
            let channel = ChannelClassifier.phoneChannel(page.context(block: index, range: range, neighbours: ranges,
                                                                      blockSignals: blockSignals, forNumber: true))
            records.add(ContactRecord(
                kind: .phone, value: number.e164, channel: channel, source: document.source,
                evidence: Evidence(method: .text, path: page.path(of: block.node),
                                   text: EvidenceText.window(block.text, around: range)),
                type: number.type.rawValue, raw: raw, extension: number.extensionDigits,
                section: block.headings.last),
                at: index)
        }
        return found
    }

    /// A country named on a number's line but not as its label ("Aus der Schweiz: 044 668
    /// 18 00 (Schweiz)", "Kunden in der Schweiz wählen 044 …" on a German page) takes part
    /// in reading it: the line is read again in each country it names. Where it names one
    /// country and the number is valid there, that reading wins; where it names several and
    /// any of them reads the number otherwise than the page's region did, the number is
    /// dropped (a wrong country is worse than none). A number no named country reads keeps
    /// its reading ("+49 …" reads alike everywhere). Returns the blocks that lost a reading,
    /// so that no later pass reads them again in the page's countries.
    static func applyMentions(_ mentioned: [Int: Set<String>], candidates: [BatchedPhoneMatcher.Item],
                              to matches: inout [Int: [PhoneNumberMatch]]) -> Set<Int> {
        let items = Dictionary(uniqueKeysWithValues: candidates.map { ($0.index, $0) })
        var readings: [Int: [PhoneNumberMatch]] = [:]
        for country in Set(mentioned.values.flatMap { $0 }).sorted() {
            let blocks = mentioned.filter { $0.value.contains(country) }.keys.sorted().compactMap { items[$0] }
            for (index, found) in BatchedPhoneMatcher.find(in: blocks, region: country) { readings[index, default: []] += found }
        }
        var changed: Set<Int> = []
        for (index, countries) in mentioned {
            let named = readings[index] ?? []
            guard !named.isEmpty else { continue }
            let single = countries.count == 1
            var kept: [PhoneNumberMatch] = []
            let original = matches[index] ?? []
            for match in original {
                let rivals = named.filter { $0.utf8Range.overlaps(match.utf8Range) }
                let values = Set(rivals.map(\.number.e164))
                if values.isEmpty || values == [match.number.e164] {
                    kept.append(match)
                } else if single, values.count == 1, let rival = rivals.first {
                    kept.append(rival)
                } else {
                    changed.insert(index)
                }
            }
            // Numbers only a named country reads: taken when the line names one country.
            for match in named where !original.contains(where: { $0.utf8Range.overlaps(match.utf8Range) })
            && !kept.contains(where: { $0.utf8Range.overlaps(match.utf8Range) }) {
                if single { kept.append(match) } else { changed.insert(index) }
            }
            kept.sort { $0.utf8Range.lowerBound < $1.utf8Range.lowerBound }
            if kept != original { changed.insert(index) }
            matches[index] = kept.isEmpty ? nil : kept
        }
        return changed
    }

    /// A line labelled with a country that writes the country's calling code without its
    /// "+" ("Kuwait … Tel: 965 6097 2710", "Indonesia … Tel: 62 21 3901007", "(65) 6436 5000")
    /// means the number as dialled from abroad. libphonenumber keeps the code as part of a
    /// national number whenever that also reads as valid (`+6262213901007`), so the text is
    /// read again with a "+" and taken when it is a valid number of the labelled country.
    /// The code must stand apart (a space, hyphen or bracket after it): national numbers
    /// that merely begin with the same digits ("6543 2100" in Singapore) are left alone.
    static func internationalReading(_ raw: String, country: String) -> PhoneNumber? {
        var text = Substring(raw)
        if text.first == "(" { text = text.dropFirst().drop(while: { $0 == " " }) }
        let code = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...3).contains(code.count), code.first != "0",
              let next = text.dropFirst(code.count).first, next == " " || next == "-" || next == ")" else { return nil }
        guard let number = try? PhoneNumberService.parse("+" + text, region: "ZZ"), number.region == country else {
            return nil
        }
        return number
    }

    /// Digit strings libphonenumber accepts as valid numbers that a page means as something
    /// else: an IPv4 address ("Your IP Address is: 5.167.214.238"), a date ("26-08-2009",
    /// "2013.05.14"), a pager's run of page numbers ("1 2 3 4 5 6 7 8 9 10"), or two
    /// sentences' digits read as one ("(639-9675). 311": a bracket closed, a sentence ended).
    static func isOtherDigitString(_ raw: String) -> Bool {
        if raw.contains("). ") { return true }
        let groups: [Int], lengths: [Int], separators: Set<Character>
        if let ascii = printableASCIIGroups(raw) {
            (groups, lengths, separators) = ascii
        } else {
            groups = raw.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).map { Int($0) ?? -1 }
            lengths = raw.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).map(\.count)
            separators = Set(raw.filter { !($0.isASCII && $0.isNumber) })
        }
        // Page numbers: each one more than the one before.
        if groups.count >= 4, zip(groups, groups.dropFirst()).allSatisfy({ $1 == $0 + 1 }) { return true }
        guard separators.count == 1, let separator = separators.first else { return false }
        // A dotted quad; "33.12.34.56" (pairs) is how some countries write numbers.
        if separator == ".", groups.count == 4, lengths.allSatisfy({ $0 <= 3 }), groups.allSatisfy({ $0 <= 255 }),
           !lengths.allSatisfy({ $0 == 2 }) {
            return true
        }
        // Day, month and year (either order), one separator throughout.
        if groups.count == 3, ".-/".contains(separator) {
            let (first, second, third) = (groups[0], groups[1], groups[2])
            let isYear = { (value: Int, length: Int) in length == 4 && (1900...2099).contains(value) }
            if isYear(third, lengths[2]), lengths[0] <= 2, lengths[1] <= 2,
               (1...31).contains(first), (1...31).contains(second), first <= 12 || second <= 12 {
                return true
            }
            if isYear(first, lengths[0]), lengths[1] <= 2, lengths[2] <= 2, (1...12).contains(second), (1...31).contains(third) {
                return true
            }
        }
        return false
    }

    /// The digit groups of a text of printable ASCII (U+0020...U+007E, where every byte is a
    /// character), their lengths and the set of other characters, as `isOtherDigitString`'s
    /// character walk finds them, from the bytes; nil for any other text.
    static func printableASCIIGroups(_ raw: String) -> (groups: [Int], lengths: [Int], separators: Set<Character>)? {
        var groups: [Int] = [], lengths: [Int] = []
        var separatorBytes: Set<UInt8> = []
        var value = 0, length = 0, overflow = false
        func close() {
            if length > 0 { groups.append(overflow ? -1 : value); lengths.append(length) }
            value = 0; length = 0; overflow = false
        }
        for byte in raw.utf8 {
            guard byte >= 0x20, byte <= 0x7E else { return nil }
            if byte >= 0x30, byte <= 0x39 {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int(byte - 0x30))
                overflow = overflow || o1 || o2
                value = sum
                length += 1
            } else {
                close()
                separatorBytes.insert(byte)
            }
        }
        close()
        return (groups, lengths, Set(separatorBytes.map { Character(Unicode.Scalar($0)) }))
    }

    /// A form's input mask or placeholder, `8 (999) 999-99-99`, `+7 (000) 000-00-00`: the
    /// national number is one digit repeated, which no operator assigns.
    static func isInputMask(_ number: PhoneNumber) -> Bool {
        let national = number.e164.utf8.dropFirst(1 + String(number.countryCode).utf8.count)
        guard national.count >= 7, let first = national.first else { return false }
        return national.allSatisfy { $0 == first }
    }

    /// Where a link's text stands in its block, for the words around it.
    static func range(of text: String, in document: HTMLDocument, block: Int) -> Range<Int>? {
        guard !text.isEmpty, document.blocks.indices.contains(block) else { return nil }
        // Most links and blocks are ASCII: their bytes answer as Foundation's search does.
        switch ByteSearch.plainASCIIRange(of: text, in: document.blocks[block].text) {
        case .found(let range): return range
        case .absent: return nil
        case .notApplicable: break
        }
        return foundationRange(of: text, in: document.blocks[block].text)
    }

    /// Where Foundation's `range(of:)` finds `text` in `blockText`, in UTF-8 offsets.
    static func foundationRange(of text: String, in blockText: String) -> Range<Int>? {
        guard let found = blockText.range(of: text) else { return nil }
        let lower = blockText.utf8.distance(from: blockText.startIndex, to: found.lowerBound)
        let upper = blockText.utf8.distance(from: blockText.startIndex, to: found.upperBound)
        return lower..<upper
    }

    /// The number a WhatsApp or Viber link opens a chat with, as `+digits` (these links
    /// always carry the country code): `https://wa.me/79161234567`,
    /// `https://api.whatsapp.com/send?phone=79161234567`, `whatsapp://send?phone=…`,
    /// `viber://chat?number=%2B79161234567`.
    static func messengerTarget(_ href: String) -> String? {
        // Every prefix below starts with h, w or v, which no other character lower-cases to:
        // most links of a page are ruled out without lower-casing them.
        guard let first = href.utf8.first, "hHwWvV".utf8.contains(first) else { return nil }
        // Lower-casing maps no other character to an ASCII letter of these prefixes (only
        // U+212A KELVIN SIGN lower-cases to "k", in none of them), so a link whose bytes do
        // not start with one of them, ASCII case aside, is none: most links are http(s)
        // links to anything else and are ruled out before the lower-cased copy.
        guard messengerPrefixes.contains(where: { EmailExtractor.hasPrefixIgnoringCase(href, $0) }) else { return nil }
        let lower = href.lowercased()
        let digits: Substring
        if let path = ["https://wa.me/", "http://wa.me/", "https://www.wa.me/"].first(where: { lower.hasPrefix($0) }) {
            digits = lower.dropFirst(path.count)
        } else if ["https://api.whatsapp.com/send", "http://api.whatsapp.com/send", "https://web.whatsapp.com/send",
                   "whatsapp://send", "viber://chat", "viber://add"].contains(where: { lower.hasPrefix($0) }),
                  let query = lower.split(separator: "?", maxSplits: 1).dropFirst().first,
                  let parameter = query.split(separator: "&").first(where: { $0.hasPrefix("phone=") || $0.hasPrefix("number=") }) {
            digits = parameter.drop(while: { $0 != "=" }).dropFirst()
        } else {
            return nil
        }
        let decoded = String(digits).removingPercentEncodingLeniently()
        let number = decoded.prefix(while: { $0.isASCII && ($0.isNumber || "+ -".contains($0)) }).filter(\.isNumber)
        guard number.count >= 7, number.count <= 15 else { return nil }
        return "+" + number
    }

    /// Every prefix `messengerTarget(_:)` reads, lower case.
    static let messengerPrefixes: [StaticString] = ["https://wa.me/", "http://wa.me/", "https://www.wa.me/",
                                                    "https://api.whatsapp.com/send", "http://api.whatsapp.com/send",
                                                    "https://web.whatsapp.com/send", "whatsapp://send", "viber://chat",
                                                    "viber://add"]

    /// `tel:+7-800-100-70-10;ext=12` → `+7-800-100-70-10;ext=12`, percent-decoded.
    static func telTarget(_ href: String) -> String? {
        guard EmailExtractor.hasPrefixIgnoringCase(href, "tel:") || EmailExtractor.hasPrefixIgnoringCase(href, "callto:") else {
            return nil
        }
        let body = href.drop(while: { $0 != ":" }).dropFirst()
        let decoded = String(body).removingPercentEncodingLeniently()
        let trimmed = decoded.trimmingCharacters(in: " /")
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Labels of registration and account numbers that libphonenumber can mistake for
    /// phones (a 10-digit ИНН reads as a Kazakh mobile under country code 7).
    /// Short Latin labels carry their punctuation, so "ocean" or "mean" never match.
    static let identifierLabels = ["инн", "огрн", "кпп", "бик", "окпо", "оквэд", "октмо", "снилс", "р/с", "к/с",
                                   "счет", "счёт", "isbn", "issn", "ean:", "ean-", "iban", "vat:", "vat no", "vat reg",
                                   "ust-id", "steuernummer", "kvk:", "kvk-", "btw:", "btw-", "btw ", "btw nr", "btw-nr", "tva:",
                                   "n° tva", "ein:", "sku:", "арт.", "артикул"]

    /// Labels of order, request, ticket and invoice numbers, which are as long as phone
    /// numbers. Each names the number ("заказ №", "order no"): a bare "заказ" also
    /// introduces phones ("Заказ такси: 8 800 …").
    static let referenceLabels = ["заказ №", "заказа №", "номер заказа", "№ заказа", "заявка №", "заявки №",
                                  "номер заявки", "№ заявки", "номер обращения", "обращение №", "order no",
                                  "order #", "order number", "ticket #", "ticket no", "ticket number", "invoice no",
                                  "invoice #", "invoice number", "bestellnummer", "auftragsnummer", "rechnungsnummer",
                                  "kundennummer", "vorgangsnummer",
                                  // A post-office box and its postcode ("PO Box No.13903 - 00800").
                                  "po box", "p.o. box", "p.o.box", "p. o. box", "box no", "postfach", "а/я"]

    static func isLabelledIdentifier(_ bytes: [UInt8], before offset: Int) -> Bool {
        let start = max(0, offset - 16)
        let label = String(decoding: bytes[start..<offset], as: UTF8.self).lowercased()
        if identifierLabels.contains(where: { ByteSearch.contains(label, $0) }) { return true }
        // Reference labels run longer ("номер заявки " is 24 bytes); only the words after
        // the last digit count, so a label of an earlier number in the window never does.
        var labelStart = max(0, offset - 40)
        if let lastDigit = bytes[labelStart..<offset].lastIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            labelStart = lastDigit + 1
        }
        let reference = String(decoding: bytes[labelStart..<offset], as: UTF8.self).lowercased()
        return referenceLabels.contains { ByteSearch.contains(reference, $0) }
    }

    /// Seven or more digits in one run of digits and the separators numbers are written
    /// with ("(02) 9411 8032", "08-691 69 00"): what a second pass with other regions can
    /// still read. Dates, prices and counts rarely qualify, so most pages skip it.
    static func hasPhoneLikeRun(_ text: String) -> Bool {
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                digits += 1
                if digits >= 7 { return true }
            case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x2F, 0x2B:
                continue
            default:
                digits = 0
            }
        }
        return false
    }

    /// Whether the block holds `minimumDigits` digits in one stretch that libphonenumber's
    /// matcher could take for a single candidate: digit groups joined only by the
    /// punctuation its candidate pattern allows (spaces, `-x.()[]/~+`; any non-ASCII
    /// character counts as allowed, to stay on the safe side). Letters and other ASCII
    /// punctuation end a candidate there, so a paragraph of years, prices and counts
    /// ("in 2019, 3 of 12 offices") is not handed to the matcher at all.
    static func hasCandidateRun(_ text: String) -> Bool {
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                digits += 1
                if digits >= minimumDigits { return true }
            case 0x80...0xFF:
                continue
            case _ where joinsCandidate(byte):
                continue
            default:
                digits = 0
            }
        }
        return false
    }

    /// The ASCII punctuation libphonenumber's candidate pattern allows between digit
    /// groups: space and `-xX.()[]/~+`.
    @inline(__always)
    static func joinsCandidate(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x2D, 0x78, 0x58, 0x2E, 0x28, 0x29, 0x5B, 0x5D, 0x2F, 0x7E, 0x2B: return true
        default: return false
        }
    }

    static func digitCount(_ text: String) -> Int {
        var text = text
        // Over the contiguous bytes, branch-free: the compiler vectorises the count (every
        // block of a page is counted).
        return text.withUTF8 { bytes in
            var digits = 0
            for byte in bytes { digits &+= byte &- 0x30 < 10 ? 1 : 0 }
            return digits
        }
    }

    /// The digit stretches of a labelled line that libphonenumber's parser reads as valid
    /// numbers of `country` (see the caller), with their ranges in the original text.
    static func numbersWithoutTrunkPrefix(in folded: TypographicFolding, country: String) -> [PhoneNumberMatch] {
        let bytes = Array(folded.text.utf8)
        var found: [PhoneNumberMatch] = []
        for stretch in BatchedPhoneMatcher.stretches(in: bytes) where bytes[stretch.lowerBound] != UInt8(ascii: "0") {
            let text = String(decoding: bytes[stretch], as: UTF8.self)
            guard let number = try? PhoneNumberService.parse(text, region: country), number.region == country else { continue }
            found.append(PhoneNumberMatch(utf8Range: folded.originalRange(stretch), number: number))
        }
        return found
    }

    /// A `tel:` target read in the page's candidate regions, as its text is: the first that
    /// reads it, except that the `leadingEquals` first ones are read together and must agree.
    static func parseLinkTarget(_ target: String, candidates: [String], leadingEquals: Int) -> PhoneNumber? {
        let leading = candidates.prefix(leadingEquals).compactMap { parseLinkTarget(target, region: $0) }
        if !leading.isEmpty { return Set(leading.map(\.e164)).count == 1 ? leading[0] : nil }
        for region in candidates.dropFirst(leadingEquals) {
            if let number = parseLinkTarget(target, region: region) { return number }
        }
        return nil
    }

    /// A `tel:` target is a full number, or a short number written as bare digits
    /// (`tel:115`), which libphonenumber's parser does not accept as a number.
    static func parseLinkTarget(_ target: String, region: String) -> PhoneNumber? {
        if let number = try? PhoneNumberService.parse(target, region: region) { return number }
        let digits = target.filter(\.isASCII).filter(\.isNumber)
        guard digits.count >= 2, digits.count <= 6, digits.count == target.filter({ !"-. ()".contains($0) }).count else {
            return nil
        }
        return PhoneNumber(e164: digits, region: region, countryCode: 0, type: .short)
    }
}

extension String {
    /// Percent-decoding that leaves malformed escapes as they are instead of failing.
    func removingPercentEncodingLeniently() -> String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) || f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, set.contains(l) || l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
