import ContactHours
import ContactModel

/// Pages (or one page) give different schedules for the same channel.
public struct ConflictingHoursRule: AuditRule {
    public static let description = RuleDescription(
        id: "conflicting-hours",
        severity: .warning,
        summary: "different schedules for the same channel, within one page or across pages",
        rationale: """
        When one page says round the clock and another says weekdays 8 to 20, readers call \
        at the wrong time or give up. Schedules are compared as schedules, so `24/7` and \
        `Mo-Su 00:00-24:00` agree and `unspecified` agrees with everything.
        """,
        passing: [
            Example.context([
                Example.hours("24/7"), Example.hours("Mo-Su 00:00-24:00", source: Example.official),
                Example.hours("unspecified", path: "/html/body/div"),
            ]),
        ],
        failing: [
            Example.context([
                Example.hours("24/7", source: Example.official),
                Example.hours("Mo-Fr 08:00-20:00", channel: .phone),
            ]),
            Example.context([
                Example.hours("24/7", channel: .chat, path: "/html/body/p[1]"),
                Example.hours("Mo-Fr 09:00-18:00", channel: .chat, path: "/html/body/p[2]"),
            ]),
        ]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        // Unknown-channel hours may be office hours; comparing them with a line's hours
        // would report conflicts that are not there.
        let stated = context.hours.filter { $0.channel != .unknown && context.schedule(of: $0) != nil }
        let byChannel = Dictionary(grouping: stated, by: \.channel.scheduleGroup)
        return byChannel.keys.sorted().compactMap { group -> Finding? in
            guard let records = byChannel[group] else { return nil }
            let bySchedule = Self.sourcesBySchedule(records, context: context)
            guard bySchedule.count > 1 else { return nil }
            let variants = bySchedule.map { schedule, sources in
                (text: schedule.openingHours, sources: sources.sorted())
            }.sorted { $0.text < $1.text }
            let listing = variants.map { "\($0.text) (\($0.sources.joined(separator: ", ")))" }
            let officialSchedules = variants.filter { $0.sources.contains(where: context.isOfficial) }.map(\.text)
            let channel = AuditContext.channel(of: records)
            return finding(
                channel: channel, value: variants.map(\.text).joined(separator: " | "),
                message: "\(variants.count) different schedules for \(channel.rawValue): \(listing.joined(separator: "; "))",
                evidence: records,
                official: officialSchedules.isEmpty ? nil : "official sources state \(officialSchedules.listed)")
        }
    }

    /// The sources stating each schedule, keyed by the schedule of the first record that
    /// states it. Schedules are looked up and hashed once per distinct value, not per
    /// record: a million records state a handful of schedules.
    static func sourcesBySchedule(_ records: [ContactRecord], context: AuditContext) -> [WeeklySchedule: Set<String>] {
        var scheduleOfValue: [String: WeeklySchedule] = [:]
        var sources: [WeeklySchedule: Set<String>] = [:]
        for record in records {
            let schedule = scheduleOfValue[record.value] ?? {
                let schedule = context.schedule(of: record) ?? .closed
                scheduleOfValue[record.value] = schedule
                return schedule
            }()
            sources[schedule, default: []].insert(record.source)
        }
        return sources
    }
}
