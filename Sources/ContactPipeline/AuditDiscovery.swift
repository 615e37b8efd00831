import Foundation

/// `audit AUDIT...` arguments → audit files: a file as given, a directory holding
/// `audit.yaml` as that file, any other directory as every `audit.yaml` below it (in path
/// order, so every run, shard and machine sees the same list).
public enum AuditDiscovery {
    public enum Problem: Error, Sendable, CustomStringConvertible {
        case notFound(String)
        case empty(directory: String)

        public var description: String {
            switch self {
            case .notFound(let path): return "\(path): no such audit file or directory"
            case .empty(let directory): return "\(directory): no audit.yaml in it or below it"
            }
        }
    }

    public static func expand(_ arguments: [String]) -> (paths: [String], problems: [Problem]) {
        var paths: [String] = []
        var problems: [Problem] = []
        let manager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                problems.append(.notFound(argument))
                continue
            }
            let own = (argument as NSString).appendingPathComponent("audit.yaml")
            guard isDirectory.boolValue, !manager.fileExists(atPath: own) else {
                paths.append(argument)
                continue
            }
            let found = (manager.subpaths(atPath: argument) ?? [])
                .filter { ($0 as NSString).lastPathComponent == "audit.yaml" }
                .sorted()
                .map { (argument as NSString).appendingPathComponent($0) }
            if found.isEmpty { problems.append(.empty(directory: argument)) }
            paths += found
        }
        return (paths, problems)
    }
}
