import ContactAudit
import ContactFetch
import ContactModel
import Foundation

/// Which shard runs which audits: a pure function of the audit set and the shard count,
/// so every machine of a batch job computes the same split with no coordinator. Audits
/// that share a host are one politeness group (joined through their sources' hosts) and
/// stay together, so per-host politeness holds across shards; a group's shard is the
/// SHA-256 of its sorted member names, modulo the count (never Swift's per-process hash).
public struct ShardPlan: Sendable {
    public struct Group: Sendable, Hashable {
        /// Audit names, sorted.
        public var audits: [String]
        /// The hosts its http(s) sources name, sorted.
        public var hosts: [String]
        /// Pages it may fetch at most: each web source's `max_pages`, plus its local files.
        public var pagesBound: Int
        public var shard: Int
    }

    public var count: Int
    /// Sorted by shard, then by first audit name.
    public var groups: [Group]

    public init(audits: [AuditFile], count: Int) {
        precondition(count > 0)
        self.count = count
        var parent = Array(audits.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        var firstByHost: [String: Int] = [:]
        let hosts = audits.map(Self.hosts)
        for (index, audit) in hosts.enumerated() {
            for host in audit {
                if let other = firstByHost[host] {
                    let (a, b) = (root(index), root(other))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    firstByHost[host] = index
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for index in audits.indices { members[root(index), default: []].append(index) }
        groups = members.values.map { indices in
            let names = indices.map { audits[$0].name }.sorted()
            let pages = indices.reduce(0) { total, index in
                audits[index].sources.reduce(total) { $0 + (SourceReader.isWeb($1.location) ? audits[index].crawl.maxPages : 1) }
            }
            return Group(audits: names, hosts: Array(Set(indices.flatMap { hosts[$0] })).sorted(), pagesBound: pages,
                         shard: Self.shard(of: names, count: count))
        }.sorted { ($0.shard, $0.audits.first ?? "") < ($1.shard, $1.audits.first ?? "") }
    }

    /// The hosts an audit's http(s) sources name (lower-case).
    static func hosts(_ audit: AuditFile) -> [String] {
        Array(Set(audit.sources.compactMap { source in
            SourceReader.isWeb(source.location) ? URLNormalizer.normalize(source.location)?.host : nil
        })).sorted()
    }

    /// The first 8 bytes of SHA-256 over the names, one a line, as a big-endian number, mod `count`.
    static func shard(of names: [String], count: Int) -> Int {
        let digest = SHA256.digest(Array(names.joined(separator: "\n").utf8))
        let number = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(number % UInt64(count))
    }

    /// The audit names shard `index` runs.
    public func audits(of index: Int) -> Set<String> {
        Set(groups.filter { $0.shard == index }.flatMap(\.audits))
    }

    /// For `--shard-plan`: each shard's audits, hosts and pages bound, group by group, and
    /// the largest group (the floor no number of shards lowers).
    public var description: String {
        var lines: [String] = []
        for shard in 0..<count {
            let mine = groups.filter { $0.shard == shard }
            lines.append("shard \(shard)/\(count): \(mine.reduce(0) { $0 + $1.audits.count }.counted("audit")), "
                         + "\(mine.count.counted("group")), \(Set(mine.flatMap(\.hosts)).count.counted("host")), "
                         + "at most \(mine.reduce(0) { $0 + $1.pagesBound }) pages")
            for group in mine {
                lines.append("  \(group.audits.joined(separator: " ")): "
                             + (group.hosts.isEmpty ? "local files only" : group.hosts.joined(separator: " "))
                             + ", at most \(group.pagesBound) pages")
            }
        }
        if let largest = groups.max(by: { $0.pagesBound < $1.pagesBound }) {
            lines.append("largest group: \(largest.audits.count.counted("audit")), at most \(largest.pagesBound) pages "
                         + "(\(largest.audits.prefix(3).joined(separator: " "))\(largest.audits.count > 3 ? " …" : ""))")
        }
        return lines.joined(separator: "\n") + "\n"
    }


    /// SHA-256 over every audit's name and file text, sorted by name: shards and `merge`
    /// check they worked from the same set.
    public static func digest(_ audits: [AuditFile]) -> String {
        let lines = audits.map { audit in
            "\(audit.name)\t\(SHA256.hex(FileManager.default.contents(atPath: audit.path).map { [UInt8]($0) } ?? []))"
        }.sorted()
        return SHA256.hex(lines.joined(separator: "\n"))
    }
}

/// `--shard I/N` or `--shard auto`: this process's index and the count.
public struct ShardSelection: Sendable, Hashable {
    public var index: Int
    public var count: Int

    public enum Problem: Error, Sendable, CustomStringConvertible {
        case malformed(String)
        case noEnvironment
        case noCount(variable: String)

        public var description: String {
            switch self {
            case .malformed(let text):
                return "--shard takes I/N with 0 <= I < N (as batch engines count, from 0) or 'auto', not '\(text)'"
            case .noEnvironment:
                return "--shard auto found no batch engine's index in the environment; it reads JOB_COMPLETION_INDEX "
                    + "(Kubernetes Indexed Job, with --shard-count), CLOUD_RUN_TASK_INDEX/CLOUD_RUN_TASK_COUNT, "
                    + "AWS_BATCH_JOB_ARRAY_INDEX/AWS_BATCH_JOB_ARRAY_SIZE, SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT "
                    + "(with SLURM_ARRAY_TASK_MIN), CI_NODE_INDEX/CI_NODE_TOTAL (GitLab, 1-based); or give --shard I/N"
            case .noCount(let variable):
                return "--shard auto read \(variable) but no shard count: give --shard-count N"
            }
        }
    }

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `I/N`, or `auto` from the environment; `count` (`--shard-count`) overrides N.
    public static func parse(_ text: String, count override: Int?,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws(Problem) -> ShardSelection {
        var selection: ShardSelection
        if text == "auto" {
            selection = try fromEnvironment(environment, count: override)
        } else {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { throw .malformed(text) }
            selection = ShardSelection(index: index, count: override ?? count)
        }
        guard selection.count > 0, selection.index >= 0, selection.index < selection.count else { throw .malformed(text) }
        return selection
    }

    static func fromEnvironment(_ environment: [String: String], count override: Int?) throws(Problem) -> ShardSelection {
        func number(_ name: String) -> Int? { environment[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        if let index = number("JOB_COMPLETION_INDEX") {
            guard let count = override else { throw .noCount(variable: "JOB_COMPLETION_INDEX") }
            return ShardSelection(index: index, count: count)
        }
        if let index = number("CLOUD_RUN_TASK_INDEX") {
            guard let count = override ?? number("CLOUD_RUN_TASK_COUNT") else { throw .noCount(variable: "CLOUD_RUN_TASK_INDEX") }
            return ShardSelection(index: index, count: count)
        }
        if let index = number("AWS_BATCH_JOB_ARRAY_INDEX") {
            guard let count = override ?? number("AWS_BATCH_JOB_ARRAY_SIZE") else {
                throw .noCount(variable: "AWS_BATCH_JOB_ARRAY_INDEX")
            }
            return ShardSelection(index: index, count: count)
        }
        if let id = number("SLURM_ARRAY_TASK_ID") {
            // Array ids may start at 1 (--array=1-8) or step (--array=0-15:4): count from the
            // first id, in steps.
            let first = number("SLURM_ARRAY_TASK_MIN") ?? 0
            let step = max(number("SLURM_ARRAY_TASK_STEP") ?? 1, 1)
            guard let count = override ?? number("SLURM_ARRAY_TASK_COUNT") else { throw .noCount(variable: "SLURM_ARRAY_TASK_ID") }
            return ShardSelection(index: (id - first) / step, count: count)
        }
        if let index = number("CI_NODE_INDEX") {
            guard let count = override ?? number("CI_NODE_TOTAL") else { throw .noCount(variable: "CI_NODE_INDEX") }
            return ShardSelection(index: index - 1, count: count)
        }
        throw .noEnvironment
    }
}

/// What one shard ran, for `merge`: the shard, the whole set it was cut from (names and
/// digest), and each of its audits' report, with the audit file's text so the merge
/// has the catalog the HTML report shows.
public struct ShardResult: Sendable, Codable {
    /// This shard's index, 0 ≤ index < count.
    public var index: Int
    public var count: Int
    public var digest: String
    /// Every audit name of the whole set, sorted: `merge` names what is missing.
    public var set: [String]
    public var audits: [ShardAudit]
    /// Audit files of the run that did not load (a one-process run of them exits 2, so
    /// `merge` does too); absent when every file loaded.
    public var unloadable: [String]?

    public init(index: Int, count: Int, digest: String, set: [String], audits: [ShardAudit], unloadable: [String] = []) {
        self.index = index
        self.count = count
        self.digest = digest
        self.set = set.sorted()
        self.audits = audits.sorted { $0.name < $1.name }
        self.unloadable = unloadable.isEmpty ? nil : unloadable.sorted()
    }
}

extension ShardResult {
    /// Writes the result as one JSON document with each audit on a line of its own, so
    /// neither writing nor `merge` ever holds more than one audit's encoding at a time (a
    /// shard of 10,000 audits is hundreds of megabytes): the header's keys first, then
    /// `"audits": [` and one audit a line. Through a temporary file and a rename, so a
    /// reader sees the old file or the new one.
    public func write(to path: String) throws(AtomicFileError) {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary.path) else {
                throw AtomicFileError.cannotWrite(path: path, reason: "cannot create \(temporary.path)")
            }
            defer { try? handle.close() }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var header = self
            header.audits = []
            var head = String(decoding: try encoder.encode(header), as: UTF8.self)
            // `{"audits":[],"count":…}` → `{"count":…,"audits":[` and the audits after it.
            head = head.replacingOccurrences(of: "\"audits\":[],", with: "")
            head.removeLast()  // the closing brace
            try handle.write(contentsOf: Data((head + ",\"audits\":[\n").utf8))
            for (index, audit) in audits.enumerated() {
                try handle.write(contentsOf: try encoder.encode(audit))
                try handle.write(contentsOf: Data((index == audits.count - 1 ? "\n" : ",\n").utf8))
            }
            try handle.write(contentsOf: Data("]}\n".utf8))
            try handle.close()
            if rename(temporary.path, target.path) != 0 {
                throw AtomicFileError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? AtomicFileError { throw error }
            throw .cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// Reads what `write` wrote one audit line at a time; any other JSON of the same
    /// shape (a file a person or a tool rewrote) is decoded whole.
    public static func read(_ data: Data) throws -> ShardResult {
        let decoder = JSONDecoder()
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.count >= 3, let first = lines.first, first.last == UInt8(ascii: "["),
           lines[lines.count - 2].elementsEqual("]}".utf8) || lines.last?.elementsEqual("]}".utf8) == true {
            var header = try decoder.decode(ShardResult.self, from: Data(first) + Data("]}".utf8))
            for line in lines.dropFirst() {
                var line = line
                if line.last == UInt8(ascii: ",") { line = line.dropLast() }
                guard line.first == UInt8(ascii: "{") else { continue }
                header.audits.append(try decoder.decode(ShardAudit.self, from: Data(line)))
            }
            return header
        }
        return try decoder.decode(ShardResult.self, from: data)
    }
}

public struct ShardAudit: Sendable, Codable {
    public var name: String
    public var findings: [Finding]
    public var sources: [SourceStatus]
    public var summary: ReportSummary
    public var records: [ContactRecord]
    public var rules: [String]
    public var suppressed: Int
    public var expiredWaivers: [BaselineEntry]
    public var notes: [String]
    /// The shard's run date, so the merged report tells findings' ages as one run would.
    public var today: String?
    /// The audit file as it was read (its path and text).
    public var auditPath: String
    public var auditText: String

    public init(report: AuditReport, audit: AuditFile) {
        name = report.name
        findings = report.findings
        sources = report.sources
        summary = report.summary
        records = report.records
        rules = report.rules
        suppressed = report.suppressed
        expiredWaivers = report.expiredWaivers
        notes = report.notes
        today = report.today
        auditPath = audit.path
        auditText = FileManager.default.contents(atPath: audit.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    public var report: AuditReport {
        AuditReport(name: name, sources: sources, records: records, findings: findings, rules: rules,
                    suppressed: suppressed, expiredWaivers: expiredWaivers, notes: notes, today: today)
    }

    /// The catalog, read again from the audit file's text.
    public var catalog: Catalog? {
        AuditFile.parse(text: auditText, path: auditPath,
                        directory: URL(fileURLWithPath: auditPath).deletingLastPathComponent()).0?.catalog
    }
}

/// `merge`: shard results → the audits' reports, once each, checked.
public enum ShardMerge {
    public enum Problem: Error, Sendable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case mismatch(String)
        case missing([String])
        case doubled([String: [String]])

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): not a shard result: \(reason)"
            case .mismatch(let message): return message
            case .missing(let names): return "no shard result holds \(names.count) audit(s): \(names.joined(separator: ", "))"
            case .doubled(let names):
                return "audits in more than one shard result: " + names.keys.sorted().map { name in
                    "\(name) (\(names[name]!.joined(separator: ", ")))"
                }.joined(separator: "; ")
            }
        }
    }

    /// The audits once each, the whole set, what is wrong with the files, and the audit
    /// files that did not load in the sharded run (every shard sees them: named once).
    public static func merge(_ paths: [String]) -> (audits: [ShardAudit], set: [String], problems: [Problem], unloadable: [String]) {
        var problems: [Problem] = []
        var results: [(path: String, result: ShardResult)] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(.unreadable(path: path, reason: "cannot be read"))
                continue
            }
            do { results.append((path, try ShardResult.read(data))) } catch {
                problems.append(.unreadable(path: path, reason: "\(error)"))
            }
        }
        guard let first = results.first else { return ([], [], problems, []) }
        for other in results.dropFirst() where other.result.count != first.result.count || other.result.digest != first.result.digest {
            problems.append(.mismatch("\(other.path) is shard \(other.result.index)/\(other.result.count) of audit set "
                                      + "\(other.result.digest.prefix(12)), \(first.path) shard \(first.result.index)/"
                                      + "\(first.result.count) of \(first.result.digest.prefix(12)): not the same run"))
        }
        var seen: [String: [String]] = [:]
        var audits: [ShardAudit] = []
        for (path, result) in results {
            for audit in result.audits {
                seen[audit.name, default: []].append(path)
                if seen[audit.name]!.count == 1 { audits.append(audit) }
            }
        }
        let doubled = seen.filter { $0.value.count > 1 }
        if !doubled.isEmpty { problems.append(.doubled(doubled)) }
        let missing = first.result.set.filter { seen[$0] == nil }
        if !missing.isEmpty { problems.append(.missing(missing)) }
        let unloadable = Set(results.flatMap { $0.result.unloadable ?? [] }).sorted()
        return (audits.sorted { $0.name < $1.name }, first.result.set, problems, unloadable)
    }
}
