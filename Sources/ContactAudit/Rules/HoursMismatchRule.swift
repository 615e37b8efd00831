import ContactHours
import ContactModel

/// A page's schedule for a channel differs from the catalog's.
public struct HoursMismatchRule: AuditRule {
    public static let description = RuleDescription(
        id: "hours-mismatch",
        severity: .warning,
        summary: "a page's schedule for a channel differs from the catalog's",
        rationale: """
        The catalog states when each channel answers. A page with other hours sends people \
        away when the line is open, or makes them call when nobody answers. Phone lines are \
        compared with the hotline's hours unless the catalog gives them their own.
        """,
        passing: [
            Example.audit(Example.page("<p>Горячая линия 8 800 100-70-10 работает ежедневно с 00:00 до 24:00.</p><p>Чат на сайте — круглосуточно.</p>")),
        ],
        failing: [
            Example.audit(Example.page("""
                <p>Телефон поддержки 8 800 100-70-10. Пн–пт 8:00–20:00, сб 9:00–18:00, вс 10:00–16:00, в праздничные дни не работает.</p>
                """), values: ["Mo-Fr 08:00-20:00; Sa 09:00-18:00; Su 10:00-16:00; PH off"]),
            Example.audit(Example.officialPage("<p>Онлайн-чат на сайте: пн–пт с 9:00 до 18:00.</p>"), values: ["Mo-Fr 09:00-18:00"]),
        ]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let records = context.records
        // Decided per channel and distinct schedule, not per record: a handful of each,
        // a million records.
        var isMismatch: [Channel: [Bool?]] = [:]
        var mismatches: [(channel: Channel, schedule: Int32, positions: [Int32])] = []
        for (position, schedule) in zip(context.hours, context.scheduleOfHours) where schedule >= 0 {
            let channel = records[Int(position)].channel
            let decided = isMismatch[channel]?[Int(schedule)]
            let mismatch = decided ?? {
                let expected = context.catalog.expectedHours(for: channel)
                let mismatch = !expected.isEmpty && !expected.contains(context.distinctSchedules[Int(schedule)])
                isMismatch[channel, default: Array(repeating: nil, count: context.distinctSchedules.count)][Int(schedule)] = mismatch
                return mismatch
            }()
            guard mismatch else { continue }
            let key = channel.scheduleGroup
            if let index = mismatches.firstIndex(where: { $0.channel == key && $0.schedule == schedule }) {
                mismatches[index].positions.append(position)
            } else {
                mismatches.append((key, schedule, [position]))
            }
        }
        return mismatches.map { channel, schedule, positions in
            let expected = context.catalog.expectedHours(for: channel).map(\.openingHours).sorted()
            let stated = context.distinctSchedules[Int(schedule)].openingHours
            return finding(
                channel: context.channel(of: positions), value: stated,
                message: "pages state \(stated) for \(channel.rawValue), the catalog says \(expected.listed)",
                evidence: positions, in: context, official: context.officialNote(positions, stating: stated))
        }
    }
}
