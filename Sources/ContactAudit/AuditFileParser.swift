import ContactHours
import ContactModel
import Foundation
import PhoneNumbers
import Yams

/// Walks the YAML node tree (not Codable: decoding stops at the first problem and loses
/// positions) and collects every problem with its line and column.
struct AuditFileParser {
    let path: String
    let directory: URL
    private(set) var diagnostics: [AuditDiagnostic] = []

    static let topKeys = ["name", "region", "timezone", "catalog", "sources", "crawl", "rules", "short_numbers"]
    static let catalogKeys = ["phones", "emails", "hours", "deprecated"]
    static let phoneKeys = ["number", "channel", "hours"]
    static let emailKeys = ["address", "channel"]
    static let deprecatedKeys = ["phones", "emails"]
    static let sourceKeys = ["url", "official"]
    static let crawlKeys = ["depth", "max_pages", "max_bytes", "timeout", "delay", "user_agent", "allow_private",
                            "budget", "archive", "archive_max_bytes"]
    static let budgetKeys = ["pages", "bytes", "seconds"]
    static let ruleSettingKeys = ["severity", "runs"]
    static let channels = Channel.allCases.map(\.rawValue)
    static let severities = Severity.allCases.map(\.rawValue)

    static func parse(yaml: String, path: String, directory: URL) -> (AuditFile?, [AuditDiagnostic]) {
        var parser = AuditFileParser(path: path, directory: directory)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            parser.yamlError(error, in: yaml)
            return (nil, parser.diagnostics)
        }
        guard let root else {
            parser.report("the file is empty; an audit needs at least 'name' and 'sources'", line: 1, column: 1)
            return (nil, parser.diagnostics)
        }
        let file = parser.audit(root)
        return (file, parser.diagnostics.sorted())
    }

    // MARK: Diagnostics

    mutating func report(_ message: String, line: Int, column: Int) {
        diagnostics.append(AuditDiagnostic(file: path, line: line, column: column, message: message))
    }

    mutating func report(_ message: String, at node: Node?, offset: Int = 0) {
        report(message, line: node?.mark?.line ?? 1, column: (node?.mark?.column ?? 1) + offset)
    }

    mutating func yamlError(_ error: Error, in yaml: String) {
        switch error {
        case YamlError.duplicatedKeysInMapping(let keys, let context):
            // Yams stops at a repeated key and gives the first occurrence; point at the
            // repeat, which is the line to delete.
            let key = keys.first ?? ""
            let first = context.mark
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
            let indent = first.column - 1
            let repeated = lines.indices.dropFirst(first.line).first { index in
                let line = lines[index]
                guard line.count > indent, line[..<indent].allSatisfy({ $0 == " " || $0 == "-" }) else { return false }
                let rest = String(String.UnicodeScalarView(line[indent...]))
                return rest.hasPrefix(key) && rest.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix(":")
            }
            report("'\(key)' appears twice in the same mapping (first at \(first.line):\(first.column)); "
                   + "fix this before the rest of the file can be checked",
                   line: repeated.map { $0 + 1 } ?? first.line, column: first.column)
        case YamlError.scanner(_, let problem, let mark, _), YamlError.parser(_, let problem, let mark, _),
             YamlError.composer(_, let problem, let mark, _):
            report("not valid YAML: \(problem)", line: mark.line, column: mark.column)
        default:
            report("not valid YAML: \(error)", line: 1, column: 1)
        }
    }

    // MARK: Shapes

    static func kind(of node: Node) -> String {
        if node.mapping != nil { return "a mapping" }
        if node.sequence != nil { return "a list" }
        if let scalar = node.scalar { return node.null != nil ? "empty" : "'\(scalar.string)'" }
        return "an alias"
    }

    /// The keys of a mapping, with unknown and repeated keys reported.
    mutating func mapping(_ node: Node, keys allowed: [String], in context: String) -> [String: (key: Node, value: Node)] {
        guard let mapping = node.mapping else {
            report("\(context) must be a mapping of keys to values, not \(Self.kind(of: node))", at: node)
            return [:]
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                report("keys in \(context) must be plain words", at: key)
                continue
            }
            if let first = result[name] {
                report("'\(name)' appears twice in \(context) (first at \(first.key.mark?.description ?? "?"))", at: key)
                continue
            }
            if !allowed.contains(name) {
                report("unknown key '\(name)' in \(context)" + Suggestion.hint(for: name, in: allowed), at: key)
                continue
            }
            result[name] = (key, value)
        }
        return result
    }

    mutating func list(_ node: Node, in context: String) -> [Node] {
        guard let sequence = node.sequence else {
            report("\(context) must be a list (lines starting with '- '), not \(Self.kind(of: node))", at: node)
            return []
        }
        return Array(sequence)
    }

    /// A non-empty scalar.
    mutating func string(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar, node.null == nil else {
            report("\(what) must be a value, not \(Self.kind(of: node))", at: node)
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            report("\(what) is empty", at: node)
            return nil
        }
        return text
    }

    mutating func integer(_ node: Node, _ what: String, minimum: Int) -> Int? {
        guard node.scalar != nil, let value = node.int else {
            report("\(what) must be a whole number, not \(Self.kind(of: node))", at: node)
            return nil
        }
        guard value >= minimum else {
            report("\(what) must be at least \(minimum), not \(value)", at: node)
            return nil
        }
        return value
    }

    mutating func seconds(_ node: Node, _ what: String) -> Double? {
        guard node.scalar != nil, let value = node.float, value >= 0 else {
            report("\(what) must be a number of seconds, not \(Self.kind(of: node))", at: node)
            return nil
        }
        return value
    }

    mutating func channel(_ node: Node, _ what: String) -> Channel? {
        guard let text = string(node, what) else { return nil }
        guard let channel = Channel(rawValue: text) else {
            report("unknown channel '\(text)'" + Suggestion.hint(for: text, in: Self.channels), at: node)
            return nil
        }
        return channel
    }

    /// An OSM `opening_hours` value in the subset we write; the column points at the
    /// character the parser stopped at.
    mutating func schedule(_ node: Node, _ what: String) -> WeeklySchedule? {
        guard let text = string(node, what) else { return nil }
        do {
            return try WeeklySchedule(openingHours: text)
        } catch {
            let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
            report("\(what) '\(text)' is not opening_hours syntax we read: \(error.message) "
                   + "(write e.g. \"24/7\" or \"Mo-Fr 08:00-20:00; Sa 10:00-16:00\")",
                   at: node, offset: error.offset + (quoted ? 1 : 0))
            return nil
        }
    }
}
