import ContactModel

/// What the audit file says about one rule: `off`, or another severity.
public enum RuleSetting: Sendable, Hashable {
    case off
    case severity(Severity)
}

/// Records + catalog → findings: runs every enabled rule and applies the audit's
/// per-rule settings.
public struct Auditor: Sendable {
    public var settings: [String: RuleSetting]

    public init(settings: [String: RuleSetting] = [:]) { self.settings = settings }

    /// Ids of the rules that run, in `AllRules` order.
    public var enabledRules: [String] {
        AllRules.map { $0.description.id }.filter { settings[$0] != .off }
    }

    public func run(_ context: AuditContext) -> [Finding] {
        var byRule: [(severity: Severity, rule: String, findings: [Finding])] = []
        for rule in AllRules {
            let id = rule.description.id
            if settings[id] == .off { continue }
            var found = rule.init().check(context)
            var severity = rule.description.severity
            if case .severity(let setting) = settings[id] {
                severity = setting
                for index in found.indices { found[index].severity = severity }
            }
            byRule.append((severity, id, found.sortedWithFewCopies()))
        }
        // Severity and rule lead the findings' order and are the same within one rule's
        // findings, so sorting each rule's findings (most come out in order already) and
        // then the rules gives exactly `findings.sorted()`.
        let findings = byRule.sorted { $0.severity != $1.severity ? $0.severity > $1.severity : $0.rule < $1.rule }
            .flatMap(\.findings)
        return context.severityCaps.isEmpty ? findings : Self.capped(findings, by: context.severityCaps)
    }

    /// Findings at most at their pages' caps. A finding on several pages is capped at the
    /// highest of their caps, and not at all when one of its pages has none: a third-party
    /// page that repeats an official page's mistake does not soften the official one.
    static func capped(_ findings: [Finding], by caps: [String: Severity]) -> [Finding] {
        var changed = false
        let result = findings.map { finding -> Finding in
            guard !finding.sources.isEmpty else { return finding }
            var cap = Severity.info
            for source in finding.sources {
                guard let own = caps[source] else { return finding }
                cap = max(cap, own)
            }
            guard cap < finding.severity else { return finding }
            var lowered = finding
            lowered.severity = cap
            changed = true
            return lowered
        }
        return changed ? result.sorted() : result
    }
}
