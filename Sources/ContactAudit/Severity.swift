/// How much a finding matters. Ordered so that `error > warning > info`.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case error, warning, info

    var rank: Int {
        switch self {
        case .error: return 2
        case .warning: return 1
        case .info: return 0
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The `--fail-on` threshold: the least severity that makes a run exit 1.
public enum FailThreshold: String, Sendable, Hashable, CaseIterable {
    case error, warning, info, never

    public func isFailing(_ severity: Severity) -> Bool {
        switch self {
        case .error: return severity >= .error
        case .warning: return severity >= .warning
        case .info: return true
        case .never: return false
        }
    }
}
