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
        var findings: [Finding] = []
        for rule in AllRules {
            let id = rule.description.id
            if settings[id] == .off { continue }
            var found = rule.init().check(context)
            if case .severity(let severity) = settings[id] {
                for index in found.indices { found[index].severity = severity }
            }
            findings += found
        }
        return findings.sorted()
    }
}
