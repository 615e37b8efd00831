import ContactModel

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
            Example.context([
                Example.phone(Example.hotline, method: .telLink, path: "/html/body/p/a"),
                Example.phone(Example.hotline, method: .text, path: "/html/body/p[2]"),
            ]),
        ],
        failing: [
            Example.context([
                Example.phone("+74957717171", method: .telLink, path: "/html/body/p/a", text: "8 800 100-70-10"),
                Example.phone(Example.hotline, method: .text, path: "/html/body/p/a", text: "8 800 100-70-10"),
            ]),
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

    private func check(page: [ContactRecord], context: AuditContext, seen: inout Set<[String]>,
                       into findings: inout [Finding]) {
        // Extraction states each value once per page and channel; the link and its text
        // may be the primary evidence or a repeat, so look at every place a value is stated.
        let places = page.flatMap { record in
            ([record.evidence] + (record.repeats ?? [])).map { (record: record, evidence: $0) }
        }
        for link in places where link.evidence.method == .telLink {
            let shown = places.filter { other in
                other.evidence.method != .telLink && other.record.value != link.record.value
                    && (other.evidence.path == link.evidence.path || other.evidence.path.hasPrefix(link.evidence.path + "/"))
            }
            for text in shown {
                let key = [link.record.source, link.evidence.path, link.record.value, text.record.value]
                guard seen.insert(key).inserted else { continue }
                findings.append(finding(
                    channel: AuditContext.channel(of: [link.record, text.record]), value: link.record.value,
                    message: "the link at \(link.evidence.path) dials \(link.record.value) but displays \(text.record.value)",
                    evidence: [link.record, text.record],
                    official: context.officialNote([link.record], stating: "this link")))
            }
        }
    }
}
