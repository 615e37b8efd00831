import ContactHours
import ContactModel

/// A page whose schema.org markup (JSON-LD, microdata) states a telephone, an e-mail or
/// hours that its visible text contradicts.
public struct StructuredDataMismatchRule: AuditRule {
    public static let description = RuleDescription(
        id: "structured-data-mismatch",
        severity: .warning,
        summary: "a page's JSON-LD or microdata states a telephone, e-mail or hours its visible text contradicts",
        rationale: """
        Search engines and assistants show the markup (a knowledge panel, a "call" button); \
        people on the page read the text. When the two differ, one of them sends callers to \
        the wrong line, and nobody sees it on the page itself.
        """,
        passing: [
            // The markup repeats what the text says; 00:00–23:59 is schema.org's midnight.
            Example.audit(Example.officialPage("""
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization",
                "telephone":"+7 800 100-70-10","email":"support@example.ru",
                "contactPoint":{"@type":"ContactPoint","telephone":"+7-800-100-70-10","contactType":"customer support",
                "hoursAvailable":{"@type":"OpeningHoursSpecification","dayOfWeek":["Monday","Tuesday","Wednesday",
                "Thursday","Friday","Saturday","Sunday"],"opens":"00:00","closes":"23:59"}}}</script>
                <p>Горячая линия: <a href="tel:+78001007010">8 800 100-70-10</a>, круглосуточно.</p>
                <p>Пишите: <a href="mailto:support@example.ru">support@example.ru</a></p>
                """)),
            // The switchboard in the markup, its direct lines in the text.
            Example.audit(Example.page("""
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"GovernmentOrganization","telephone":"+49 89 1258-0"}</script>
                <p>Pressestelle: Telefon 089 1258-290</p>
                """)),
            // Markup alone, with no number in the text to contradict it.
            Example.audit(Example.page("""
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","telephone":"+7 495 727-47-47"}</script>
                <p>Напишите нам через форму обратной связи.</p>
                """)),
        ],
        failing: [
            Example.audit(Example.officialPage("""
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","telephone":"+7 800 100-70-11"}</script>
                <p>Горячая линия: <a href="tel:+78001007010">8 800 100-70-10</a></p>
                """), values: ["+78001007011"]),
            Example.audit(Example.page("""
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","email":"info@example.ru"}</script>
                <p>Пишите: <a href="mailto:support@example.ru">support@example.ru</a></p>
                """), values: ["info@example.ru"]),
            Example.audit(Example.page("""
                <div itemscope itemtype="https://schema.org/LocalBusiness"><h2 itemprop="name">Офис</h2>
                <meta itemprop="telephone" content="+7 495 111-22-33"><meta itemprop="openingHours" content="Mo-Fr 09:00-18:00">
                <p>Телефон офиса: +7 495 640-11-22. Офис работает пн–пт с 10:00 до 19:00.</p></div>
                """), values: ["+74951112233", "Mo-Fr 09:00-18:00"]),
        ]
    )

    public init() {}

    static let structuredMethods: Set<EvidenceMethod> = [.jsonLD, .microdata]
    /// What a reader of the page sees: a hidden placeholder is not a value.
    static let visibleMethods: Set<EvidenceMethod> = Set(EvidenceMethod.allCases).subtracting(structuredMethods).subtracting([.hidden])

    private struct Place {
        var record: ContactRecord
        var evidence: Evidence
        var asRecord: ContactRecord {
            var record = record
            record.evidence = evidence
            record.repeats = nil
            return record
        }
    }

    public func check(_ context: AuditContext) -> [Finding] {
        var findings: [Finding] = []
        let records = context.records
        var start = 0
        // Records are sorted by source, so each page is one run, checked alone.
        while start < records.count {
            var end = start + 1
            while end < records.count, context.pageOfRecord[end] == context.pageOfRecord[start] { end += 1 }
            let page = records[start..<end]
            if page.contains(where: { record in
                Self.structuredMethods.contains(record.evidence.method)
                    || (record.repeats ?? []).contains { Self.structuredMethods.contains($0.method) }
            }) {
                findings += check(page: Array(page), context: context)
            }
            start = end
        }
        return findings
    }

    private func check(page: [ContactRecord], context: AuditContext) -> [Finding] {
        let places = page.flatMap { record in
            ([record.evidence] + (record.repeats ?? [])).map { Place(record: record, evidence: $0) }
        }
        let structured = places.filter { Self.structuredMethods.contains($0.evidence.method) }
        let visible = places.filter { Self.visibleMethods.contains($0.evidence.method) }
        var findings: [Finding] = []
        var reported: Set<[String]> = []
        for claim in structured {
            let kind = claim.record.kind
            let shown: [Place]
            switch kind {
            case .phone:
                shown = visible.filter { $0.record.kind == kind }
                guard !shown.isEmpty, !shown.contains(where: { Self.sameLine(claim.record.value, $0.record.value) }) else { continue }
            case .email:
                shown = visible.filter { $0.record.kind == kind }
                guard !shown.isEmpty, !shown.contains(where: { $0.record.value == claim.record.value }) else { continue }
            case .hours:
                guard let schedule = context.schedule(of: claim.record) else { continue }
                shown = visible.filter { $0.record.kind == .hours && $0.record.channel == claim.record.channel
                    && context.schedule(of: $0.record) != nil }
                guard !shown.isEmpty, !shown.contains(where: { place in
                    context.schedule(of: place.record).map { Self.agree(schedule, $0) } ?? false
                }) else { continue }
            }
            guard reported.insert([claim.record.value, claim.record.channel.rawValue, kind.rawValue]).inserted else { continue }
            let what = kind == .phone ? "telephone" : kind == .email ? "e-mail" : "hours"
            let shownValues = Array(Set(shown.map(\.record.value))).sorted()
            var seen: Set<String> = []
            let evidence = [claim.asRecord] + shown.filter { seen.insert($0.record.value).inserted }.map(\.asRecord)
            findings.append(finding(
                channel: claim.record.channel, value: claim.record.value,
                message: "the page's \(claim.evidence.method.rawValue) states \(what) \(claim.record.value), "
                    + "its text shows \(shownValues.listed)",
                evidence: evidence,
                official: context.officialNote([claim.record], stating: "this markup")))
        }
        return findings
    }

    /// The same number, or a switchboard and a direct line of it: one number's digits
    /// (without a switchboard's final `0`) begin the other's (`+49 89 1258-0` and
    /// `089 1258-290`; `0800 433 88 77` and `0800 433 88 77 66`). Markup that gives the
    /// switchboard of the lines the text lists does not contradict them.
    static func sameLine(_ a: String, _ b: String) -> Bool {
        guard a != b else { return true }
        guard a.hasPrefix("+"), b.hasPrefix("+") else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        let base = short.hasSuffix("0") ? String(short.dropLast()) : short
        return long.hasPrefix(base) && base.count >= 8
    }

    /// Equal schedules, where unstated public holidays agree with any. Both come from
    /// `ContactRecord.schedule`, already in the form that reads an end of 23:59 (schema.org's
    /// way of writing "until the end of the day") as midnight.
    static func agree(_ a: WeeklySchedule, _ b: WeeklySchedule) -> Bool {
        let holidays = a.publicHolidays == .unspecified || b.publicHolidays == .unspecified || a.publicHolidays == b.publicHolidays
        return holidays && a.days == b.days
    }
}
