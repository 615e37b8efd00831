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
            Example.context([Example.hours("Mo-Su 00:00-24:00"), Example.hours("24/7", channel: .chat),
                             Example.hours("unspecified")]),
        ],
        failing: [
            Example.context([Example.hours("Mo-Fr 08:00-20:00; Sa 09:00-18:00; Su 10:00-16:00; PH off", channel: .phone)]),
            Example.context([Example.hours("Mo-Fr 09:00-18:00", channel: .chat, source: Example.official)]),
        ]
    )

    public init() {}

    private struct Key: Hashable {
        var channel: Channel
        var schedule: WeeklySchedule
    }

    public func check(_ context: AuditContext) -> [Finding] {
        var mismatches: [Key: [ContactRecord]] = [:]
        // Per channel, not per record: a handful of channels, a million records.
        var expectedByChannel: [Channel: Set<WeeklySchedule>] = [:]
        for record in context.hours {
            guard let schedule = context.schedule(of: record) else { continue }
            let expected = expectedByChannel[record.channel] ?? {
                let expected = context.catalog.expectedHours(for: record.channel)
                expectedByChannel[record.channel] = expected
                return expected
            }()
            guard !expected.isEmpty, !expected.contains(schedule) else { continue }
            mismatches[Key(channel: record.channel.scheduleGroup, schedule: schedule), default: []].append(record)
        }
        return mismatches.map { key, records in
            let expected = context.catalog.expectedHours(for: key.channel).map(\.openingHours).sorted()
            let stated = key.schedule.openingHours
            return finding(
                channel: AuditContext.channel(of: records), value: stated,
                message: "pages state \(stated) for \(key.channel.rawValue), the catalog says \(expected.listed)",
                evidence: records, official: context.officialNote(records, stating: stated))
        }
    }
}
