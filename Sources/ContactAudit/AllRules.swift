/// Every rule, kept by hand: a dozen rules do not need a generated registry, and the
/// list is the one place that says which rules exist.
public var AllRules: [any AuditRule.Type] { [
    UnknownPhoneRule.self,
    DeprecatedPhoneRule.self,
    UnknownEmailRule.self,
    DeprecatedEmailRule.self,
    MultipleHotlineNumbersRule.self,
    ConflictingHoursRule.self,
    HoursMismatchRule.self,
    MissingOfficialContactRule.self,
    TelLinkMismatchRule.self,
    HiddenEmailRule.self,
    NearMissPhoneRule.self,
    SuspiciousNumberRule.self,
    SourceUnreadableRule.self,
] }

public enum RuleRegistry {
    public static var ids: [String] { AllRules.map { $0.description.id } }

    public static func rule(id: String) -> (any AuditRule.Type)? {
        AllRules.first { $0.description.id == id }
    }
}
