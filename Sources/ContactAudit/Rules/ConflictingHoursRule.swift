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
            Example.audit(
                Example.page("<p>Горячая линия работает круглосуточно: 8 800 100-70-10</p>"),
                Example.officialPage("<p>Горячая линия 8 800 100-70-10 — ежедневно с 00:00 до 24:00.</p><p>Часы работы офиса уточняйте по телефону.</p>")),
        ],
        failing: [
            Example.audit(
                Example.officialPage("<p>Горячая линия работает круглосуточно: 8 800 100-70-10</p>"),
                Example.page("<p>Телефон поддержки 8 800 100-70-10: пн–пт с 8:00 до 20:00</p>")),
            Example.audit(Example.page("""
                <h2>Онлайн-чат</h2><p>Чат на сайте работает круглосуточно.</p>
                <h2>Чат в приложении</h2><p>Онлайн-чат: пн–пт 9:00–18:00</p>
                """)),
        ]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        let records = context.records
        // Per channel group: the hours records' positions, and for each schedule stated,
        // its sources. Records come in source order, so a schedule's sources arrive sorted
        // and a repeated source is the last one added: no set of URLs is needed.
        let scheduleCount = context.distinctSchedules.count
        var groups: [(channel: Channel, positions: [Int32], sources: [[String]], lastPage: [Int32])] = []
        for (position, schedule) in zip(context.hours, context.scheduleOfHours) {
            let channel = records[Int(position)].channel
            // Unknown-channel hours may be office hours; comparing them with a line's hours
            // would report conflicts that are not there.
            guard channel != .unknown, schedule >= 0 else { continue }
            let key = channel.scheduleGroup
            let index = groups.firstIndex { $0.channel == key } ?? {
                groups.append((key, [], Array(repeating: [], count: scheduleCount), Array(repeating: -1, count: scheduleCount)))
                return groups.count - 1
            }()
            groups[index].positions.append(position)
            let page = context.pageOfRecord[Int(position)]
            if groups[index].lastPage[Int(schedule)] != page {
                groups[index].lastPage[Int(schedule)] = page
                groups[index].sources[Int(schedule)].append(records[Int(position)].source)
            }
        }
        return groups.sorted { $0.channel < $1.channel }.compactMap { group -> Finding? in
            let stated = group.sources.indices.filter { !group.sources[$0].isEmpty }
            guard stated.count > 1 else { return nil }
            let variants = stated.map { schedule in
                (text: context.distinctSchedules[schedule].openingHours, sources: group.sources[schedule])
            }.sorted { $0.text < $1.text }
            let listing = variants.map { "\($0.text) (\($0.sources.joined(separator: ", ")))" }
            let officialSchedules = variants.filter { $0.sources.contains(where: context.isOfficial) }.map(\.text)
            let channel = context.channel(of: group.positions)
            return finding(
                channel: channel, value: variants.map(\.text).joined(separator: " | "),
                message: "\(variants.count) different schedules for \(channel.rawValue): \(listing.joined(separator: "; "))",
                evidence: group.positions, in: context,
                official: officialSchedules.isEmpty ? nil : "official sources state \(officialSchedules.listed)")
        }
    }
}
