import ContactModel
import Foundation
import PhoneNumbers

/// A `tel:` link that dials another number than the one it displays.
public struct TelLinkMismatchRule: AuditRule {
    public static let description = RuleDescription(
        id: "tel-link-mismatch",
        severity: .error,
        summary: "a tel: link whose target differs from the number it displays",
        rationale: """
        A reader who taps the link trusts the number they read; a link that dials another \
        number is a copy-paste slip at best and a hijacked page at worst.
        """,
        passing: [
            Example.audit(Example.page("""
                <p>Телефон горячей линии: <a href="tel:+78001007010">8 800 100-70-10</a></p>
                <ul><li>Из-за рубежа: <a href="tel:+74957274747">+7 495 727-47-47</a></li></ul>
                <table><tr><td>Бесплатно по России</td><td><a href="tel:88001007010">8 (800) 100‑70‑10</a></td></tr></table>
                """)),
            // A link labelled with words, beside another number: the reader is not told what it dials.
            Example.audit(Example.page("""
                <p>Горячая линия 8 800 100-70-10, <a href="tel:+74957274747">для звонков из-за рубежа</a></p>
                """)),
        ],
        failing: [
            Example.audit(Example.page(#"<p>Телефон горячей линии: <a href="tel:+78002003148">8 800 200-31-47</a></p>"#),
                          values: ["+78002003148"]),
            Example.audit(Example.page(#"<ul><li>Горячая линия: <a href="tel:+78001007010">8 800 100-70-11</a></li></ul>"#),
                          values: [Example.hotline]),
            Example.audit(Example.page("""
                <table><tr><td>Горячая линия</td><td><a href="tel:+74957274747">+7 495 727-47-48</a></td></tr></table>
                """), values: [Example.abroad]),
            Example.audit(Example.page(#"<div class="phone"><span>Звоните: <a href="tel:+78005553535">8 800 100-70-10</a></span></div>"#),
                          values: ["+78005553535"]),
            // The link is the label, the number stands right beside it.
            Example.audit(Example.page(#"<p><a href="tel:+78002003148">Горячая линия</a>: 8 800 200-31-47</p>"#),
                          values: ["+78002003148"]),
        ]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<[String]> = []
        // A link is only compared with its own page, and phones are sorted by source, so
        // each page's run is checked alone: the cost grows with the size of pages, not
        // with the size of the audit times its links.
        let (phones, records) = (context.phones, context.records)
        var start = phones.startIndex
        while start < phones.endIndex {
            let page = context.pageOfRecord[Int(phones[start])]
            var end = start, hasLink = false
            while end < phones.endIndex, context.pageOfRecord[Int(phones[end])] == page {
                let position = Int(phones[end])
                hasLink = hasLink || records[position].evidence.method == .telLink
                    || (records[position].repeats ?? []).contains { $0.method == .telLink }
                end += 1
            }
            if hasLink { check(page: context.records(at: phones[start..<end]), context: context, seen: &seen, into: &findings) }
            start = end
        }
        return findings
    }

    typealias Place = (record: ContactRecord, evidence: Evidence)

    private func check(page: [ContactRecord], context: AuditContext, seen: inout Set<[String]>,
                       into findings: inout [Finding]) {
        // Extraction states each value once per page and channel; the link and its text
        // may be the primary evidence or a repeat, so look at every place a value is stated.
        let places: [Place] = page.flatMap { record in
            ([record.evidence] + (record.repeats ?? [])).map { (record: record, evidence: $0) }
        }
        let stated = places.filter { $0.evidence.method != .telLink && $0.evidence.method != .messengerLink }
        for link in places where link.evidence.method == .telLink {
            // Extraction puts the number a link displays on the block that holds the link
            // (`/html/body/p` for `/html/body/p/a`), on the link itself, or below it.
            let related = stated.filter { Self.isRelated($0.evidence.path, link.evidence.path) }
            var shown = Self.displayedNumbers(link, among: related)
            var beside = false
            if shown.isEmpty, !link.evidence.text.contains(where: \.isNumber) {
                shown = Self.numberBeside(link, among: related)
                beside = !shown.isEmpty
            }
            guard !shown.isEmpty, !shown.contains(link.record.value) else { continue }
            for value in shown.sorted() {
                let key = [link.record.source, link.evidence.path, link.record.value, value]
                guard seen.insert(key).inserted else { continue }
                var linkRecord = link.record
                linkRecord.evidence = link.evidence
                linkRecord.repeats = nil
                let text = related.first { $0.record.value == value }.map { place -> ContactRecord in
                    var record = place.record
                    record.evidence = place.evidence
                    record.repeats = nil
                    return record
                }
                let how = beside ? "the text beside it shows" : "displays"
                findings.append(finding(
                    channel: AuditContext.channel(of: [linkRecord] + (text.map { [$0] } ?? [])), value: link.record.value,
                    message: "the link '\(link.evidence.text)' at \(link.evidence.path) dials \(link.record.value) but \(how) \(value)",
                    evidence: [linkRecord] + (text.map { [$0] } ?? []),
                    official: context.officialNote([link.record], stating: "this link")))
            }
        }
    }

    /// The same element, an element holding it, or one inside it.
    static func isRelated(_ path: String, _ linkPath: String) -> Bool {
        path == linkPath || linkPath.hasPrefix(path + "/") || path.hasPrefix(linkPath + "/")
    }

    /// The numbers the link's own text shows: what libphonenumber reads in it (in the
    /// region of the number it dials), and the numbers extraction found near the link as
    /// written inside the link's text (typographic hyphens and all).
    static func displayedNumbers(_ link: Place, among related: [Place]) -> Set<String> {
        let label = link.evidence.text
        var shown: Set<String> = []
        if link.record.value.startsWithPlus,
           let region = (try? PhoneNumberService.parse(link.record.value, region: "ZZ"))?.region {
            for match in PhoneNumberService.findNumbers(in: label, region: region) { shown.insert(match.number.e164) }
        }
        for place in related where place.record.kind == .phone {
            if let raw = place.record.raw, !raw.isEmpty, place.evidence.text.contains(raw), label.contains(raw) {
                shown.insert(place.record.value)
            }
        }
        return shown
    }

    /// For a link labelled with words ("Горячая линия", "Call us"): the one number written
    /// right before or after the label in its block, with nothing but spaces, a colon or a
    /// dash between. A number further away may be another line the link is an
    /// alternative to, so it is not compared.
    static func numberBeside(_ link: Place, among related: [Place]) -> Set<String> {
        let label = link.evidence.text.trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty else { return [] }
        let joiners: Set<Character> = [" ", ":", "-", "–", "—", "\u{A0}"]
        var shown: Set<String> = []
        for place in related where place.record.kind == .phone && place.evidence.path != link.evidence.path {
            guard let raw = place.record.raw, !raw.isEmpty else { continue }
            let text = place.evidence.text
            for order in [(label, raw), (raw, label)] {
                guard let first = text.range(of: order.0) else { continue }
                if text[first.upperBound...].drop(while: joiners.contains).hasPrefix(order.1) {
                    shown.insert(place.record.value)
                }
            }
        }
        return shown.count == 1 ? shown : []
    }
}
