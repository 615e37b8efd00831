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
        /// `auto` read an index or a count the environment gives out of range: the text says
        /// which variables, their values and the range expected.
        case outOfRange(String)

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
            case .outOfRange(let text):
                return text
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
        /// The selection, or why the environment's values are out of range. `given` names the
        /// index as the engine gave it (`CI_NODE_INDEX=0`), `range` the values it may take.
        func checked(_ index: Int, _ count: Int, given: String, countVariable: String?, range: String) throws(Problem)
            -> ShardSelection {
            let countText = override.map { "--shard-count \($0)" } ?? countVariable.map { "\($0)=\(count)" } ?? "\(count)"
            guard count > 0 else {
                throw .outOfRange("--shard auto read \(countText): the shard count must be at least 1")
            }
            guard index >= 0, index < count else {
                throw .outOfRange("--shard auto read \(given) with \(countText): out of range; \(range)")
            }
            return ShardSelection(index: index, count: count)
        }
        if let index = number("JOB_COMPLETION_INDEX") {
            guard let count = override else { throw .noCount(variable: "JOB_COMPLETION_INDEX") }
            return try checked(index, count, given: "JOB_COMPLETION_INDEX=\(index)", countVariable: nil,
                               range: "JOB_COMPLETION_INDEX counts from 0 (0..\(count - 1))")
        }
        if let index = number("CLOUD_RUN_TASK_INDEX") {
            guard let count = override ?? number("CLOUD_RUN_TASK_COUNT") else { throw .noCount(variable: "CLOUD_RUN_TASK_INDEX") }
            return try checked(index, count, given: "CLOUD_RUN_TASK_INDEX=\(index)", countVariable: "CLOUD_RUN_TASK_COUNT",
                               range: "CLOUD_RUN_TASK_INDEX counts from 0 (0..\(count - 1))")
        }
        if let index = number("AWS_BATCH_JOB_ARRAY_INDEX") {
            guard let count = override ?? number("AWS_BATCH_JOB_ARRAY_SIZE") else {
                throw .noCount(variable: "AWS_BATCH_JOB_ARRAY_INDEX")
            }
            return try checked(index, count, given: "AWS_BATCH_JOB_ARRAY_INDEX=\(index)", countVariable: "AWS_BATCH_JOB_ARRAY_SIZE",
                               range: "AWS_BATCH_JOB_ARRAY_INDEX counts from 0 (0..\(count - 1))")
        }
        if let id = number("SLURM_ARRAY_TASK_ID") {
            // Array ids may start at 1 (--array=1-8) or step (--array=0-15:4): count from the
            // first id, in steps.
            let first = number("SLURM_ARRAY_TASK_MIN") ?? 0
            let step = max(number("SLURM_ARRAY_TASK_STEP") ?? 1, 1)
            guard let count = override ?? number("SLURM_ARRAY_TASK_COUNT") else { throw .noCount(variable: "SLURM_ARRAY_TASK_ID") }
            let index = (id - first) / step
            return try checked(index, count, given: "SLURM_ARRAY_TASK_ID=\(id) (SLURM_ARRAY_TASK_MIN=\(first), step \(step))",
                               countVariable: "SLURM_ARRAY_TASK_COUNT",
                               range: "SLURM_ARRAY_TASK_ID must be \(first)..\(first + max(count - 1, 0) * step)"
                                   + (step > 1 ? " in steps of \(step)" : ""))
        }
        if let index = number("CI_NODE_INDEX") {
            guard let count = override ?? number("CI_NODE_TOTAL") else { throw .noCount(variable: "CI_NODE_INDEX") }
            return try checked(index - 1, count, given: "CI_NODE_INDEX=\(index)", countVariable: "CI_NODE_TOTAL",
                               range: "CI_NODE_INDEX counts from 1 (1..\(count))")
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
        let writer = try ShardResultWriter(index: index, count: count, digest: digest, set: set,
                                           unloadable: unloadable ?? [])
        for audit in audits { try writer.add(audit) }
        try writer.write(to: path)
    }

    /// Reads a shard result file: its header (the result without audits), then each audit
    /// in the file's order. What `write` wrote is read one line at a time, so no more than
    /// one audit is held; any other JSON of the same shape is decoded whole.
    static func read(path: String, header: (ShardResult) -> Void,
                     audit: (ShardAudit) -> Void) throws(ShardMerge.Problem) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .unreadable(path: path, reason: "a directory, not a file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            // FileHandle says only nil: ask the system why (no such file, permission denied).
            let descriptor = open(path, O_RDONLY)
            let reason = descriptor < 0 ? String(cString: strerror(errno)).lowercased() : "cannot be opened"
            if descriptor >= 0 { close(descriptor) }
            throw .unreadable(path: path, reason: reason)
        }
        defer { try? handle.close() }
        let decoder = JSONDecoder()
        var lines = LineReader(handle: handle)
        do {
            guard let firstLine = try lines.next() else { throw ShardMerge.Problem.notShardResult(path: path, reason: "empty") }
            guard firstLine.first == UInt8(ascii: "{"), firstLine.last == UInt8(ascii: "[") else {
                // Not laid out by `write`: the whole document at once.
                var data = Data(firstLine)
                while let line = try lines.next() { data.append(UInt8(ascii: "\n")); data.append(contentsOf: line) }
                var whole = try decoder.decode(ShardResult.self, from: data)
                let audits = whole.audits
                whole.audits = []
                header(whole)
                for entry in audits { audit(entry) }
                return
            }
            header(try decoder.decode(ShardResult.self, from: Data(firstLine) + Data("]}".utf8)))
            var closed = false
            var number = 1
            while let line = try lines.next() {
                number += 1
                var line = line[...]
                if line.last == UInt8(ascii: ",") { line = line.dropLast() }
                if line.elementsEqual("]}".utf8) { closed = true }
                if line.isEmpty || closed { continue }
                // Every other line is an audit: one that is not is an error, never an audit left out.
                guard line.first == UInt8(ascii: "{") else {
                    throw ShardMerge.Problem.notShardResult(path: path, reason: "line \(number) is not an audit")
                }
                do { audit(try decoder.decode(ShardAudit.self, from: Data(line))) } catch let error as DecodingError {
                    throw ShardMerge.Problem.notShardResult(path: path, reason: "line \(number): " + Self.plain(error))
                }
            }
            guard closed else { throw ShardMerge.Problem.notShardResult(path: path, reason: "cut short, no closing ']}'") }
        } catch let problem as ShardMerge.Problem {
            throw problem
        } catch let error as DecodingError {
            throw .notShardResult(path: path, reason: Self.plain(error))
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// A decoding error in the file's terms (`no "index"`), not Swift's (`keyNotFound(CodingKeys(…`).
    static func plain(_ error: DecodingError) -> String {
        func field(_ path: [any CodingKey]) -> String {
            let text = path.map { key -> String in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "no \"\(key.stringValue)\"" + (context.codingPath.isEmpty ? "" : " in \"\(field(context.codingPath))\"")
        case .typeMismatch(let type, let context):
            return "\"\(field(context.codingPath))\" is not \(Self.kind(type))"
        case .valueNotFound(let type, let context):
            return "\"\(field(context.codingPath))\" is null, not \(Self.kind(type))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "\"\(field(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "a list"
        default: return "an object"
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
                if line.isEmpty || line.elementsEqual("]}".utf8) { continue }
                // A line that is not an audit is an error (a cut or edited file), never an audit left out.
                guard line.first == UInt8(ascii: "{") else {
                    throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a line that is not an audit"))
                }
                header.audits.append(try decoder.decode(ShardAudit.self, from: Data(line)))
            }
            return header
        }
        return try decoder.decode(ShardResult.self, from: data)
    }
}

/// A shard result written audit by audit, as a run finishes them: each audit's line is
/// encoded when it is added and spooled to a temporary file; `write` puts the lines out
/// sorted by audit name, as `ShardResult.write` lays them out.
public final class ShardResultWriter {
    private let header: ShardResult
    private let spool: Spool
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public init(index: Int, count: Int, digest: String, set: [String], unloadable: [String] = [],
                spoolDirectory: String? = nil) throws(AtomicFileError) {
        header = ShardResult(index: index, count: count, digest: digest, set: set, audits: [], unloadable: unloadable)
        spool = try Spool(directory: spoolDirectory)
    }

    public func add(_ audit: ShardAudit) throws(AtomicFileError) {
        let line: Data
        do { line = try encoder.encode(audit) } catch {
            throw .cannotWrite(path: audit.name, reason: "cannot encode its result: \(error)")
        }
        try spool.append(String(decoding: line, as: UTF8.self), key: audit.name)
    }

    public func write(to path: String) throws(AtomicFileError) {
        let head: String
        do { head = String(decoding: try encoder.encode(header), as: UTF8.self) } catch {
            throw .cannotWrite(path: path, reason: "\(error)")
        }
        // `{"audits":[],"count":…}` → `{"count":…,"audits":[` and the audits after it.
        var opening = head.replacingOccurrences(of: "\"audits\":[],", with: "")
        opening.removeLast()  // the closing brace
        let total = spool.count
        // A spooled audit that cannot be read stops the write (the file is left as it was),
        // never a shard result without that audit.
        var lines = try spool.sorted()
        try AtomicFile.stream(to: path) { write in
            try write(opening + ",\"audits\":[\n")
            var index = 0
            while let line = try lines.next() {
                try write(line + (index == total - 1 ? "\n" : ",\n"))
                index += 1
            }
            try write("]}\n")
        }
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

    /// The audit file is read again for its text (the merged report's catalog comes from
    /// it): one that cannot be read is an error, not a shard result without a catalog.
    public init(report: AuditReport, audit: AuditFile) throws(AtomicFileError) {
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
        guard let text = FileManager.default.contents(atPath: audit.path) else {
            throw .cannotRead(path: audit.path, reason: "the audit file cannot be read again for the shard result")
        }
        auditText = String(decoding: text, as: UTF8.self)
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
        /// The file could not be opened or read (no such file, permission denied).
        case unreadable(path: String, reason: String)
        /// The file was read but is not what `audit --shard-result` writes.
        case notShardResult(path: String, reason: String)
        case mismatch(String)
        case missing([String])
        case doubled([String: [String]])
        /// Shard indexes of the run (0..<count) no file claims; checked even when the shard
        /// holds no audits, so a merge of fewer files than shards is never a whole report.
        case missingShards([Int], count: Int)
        /// Shard indexes more than one file claims (the files, in argument order).
        case doubledShards([Int: [String]], count: Int)
        /// A file whose index is outside 0..<count.
        case shardOutOfRange(path: String, index: Int, count: Int)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
            case .notShardResult(let path, let reason): return "\(path): not a shard result (\(reason))"
            case .mismatch(let message): return message
            case .missing(let names): return "no shard result holds \(names.count) audit(s): \(names.joined(separator: ", "))"
            case .doubled(let names):
                return "audits in more than one shard result: " + names.keys.sorted().map { name in
                    "\(name) (\(names[name]!.joined(separator: ", ")))"
                }.joined(separator: "; ")
            case .missingShards(let indexes, let count):
                return "no shard result for shard \(indexes.map { "\($0)/\(count)" }.joined(separator: ", ")): "
                    + "merge needs every shard 0..\(count - 1) exactly once, also a shard with no audits"
            case .doubledShards(let paths, let count):
                return "more than one shard result for " + paths.keys.sorted().map { index in
                    "shard \(index)/\(count) (\(paths[index]!.joined(separator: ", ")))"
                }.joined(separator: "; ")
            case .shardOutOfRange(let path, let index, let count):
                return "\(path) claims shard \(index)/\(count): not in 0..\(count - 1)"
            }
        }
    }

    /// The audits once each, the whole set, what is wrong with the files, and the audit
    /// files that did not load in the sharded run (every shard sees them: named once).
    public static func merge(_ paths: [String]) -> (audits: [ShardAudit], set: [String], problems: [Problem], unloadable: [String]) {
        var audits: [ShardAudit] = []
        let merged = merge(paths) { audits.append($0) }
        return (audits.sorted { $0.name < $1.name }, merged.set, merged.problems, merged.unloadable)
    }

    /// The same, one audit at a time: each audit (its first copy, in the files' order) is
    /// handed to `each` as it is read and let go, so a merge of 10,000 audits never holds
    /// more than one. Only names are kept, for the checks.
    public static func merge(_ paths: [String], each: (ShardAudit) -> Void)
        -> (set: [String], problems: [Problem], unloadable: [String]) {
        var problems: [Problem] = []
        var first: (path: String, header: ShardResult)?
        var seen: [String: [String]] = [:]
        var unloadable: Set<String> = []
        var shardFiles: [Int: [String]] = [:]
        for path in paths {
            do {
                try ShardResult.read(path: path, header: { header in
                    if first == nil || (header.count == first!.header.count && header.digest == first!.header.digest) {
                        if (0..<header.count).contains(header.index) {
                            shardFiles[header.index, default: []].append(path)
                        } else {
                            problems.append(.shardOutOfRange(path: path, index: header.index, count: header.count))
                        }
                    }
                    if let first, header.count != first.header.count || header.digest != first.header.digest {
                        problems.append(.mismatch("\(path) is shard \(header.index)/\(header.count) of audit set "
                                                  + "\(header.digest.prefix(12)), \(first.path) shard \(first.header.index)/"
                                                  + "\(first.header.count) of \(first.header.digest.prefix(12)): not the same run"))
                    }
                    if first == nil { first = (path, header) }
                    unloadable.formUnion(header.unloadable ?? [])
                }, audit: { audit in
                    seen[audit.name, default: []].append(path)
                    if seen[audit.name]!.count == 1 { each(audit) }
                })
            } catch {
                problems.append(error)
            }
        }
        guard let first else { return ([], problems, []) }
        let doubled = seen.filter { $0.value.count > 1 }
        if !doubled.isEmpty { problems.append(.doubled(doubled)) }
        // A file that could not be read already has its error: the audits it would have
        // held are missing because of it, not a second cause.
        let filesFailed = problems.contains {
            switch $0 { case .unreadable, .notShardResult: true; default: false }
        }
        let missing = first.header.set.filter { seen[$0] == nil }
        if !missing.isEmpty, !filesFailed { problems.append(.missing(missing)) }
        // Every shard exactly once: the audits alone cannot tell, when a shard holds none
        // (it is then missing unseen) or a file is given twice or claims another's index.
        let count = first.header.count
        let doubledShards = shardFiles.filter { $0.value.count > 1 }
        if !doubledShards.isEmpty { problems.append(.doubledShards(doubledShards, count: count)) }
        let missingShards = (0..<count).filter { shardFiles[$0] == nil }
        if !missingShards.isEmpty, !filesFailed { problems.append(.missingShards(missingShards, count: count)) }
        return (first.header.set, problems, unloadable.sorted())
    }
}

/// A file's lines (without their newlines), read a megabyte at a time.
struct LineReader {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() throws -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { start = newline + 1 }
                return Array(buffer[start..<newline])
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return Array(buffer[start...])
            }
            buffer.removeSubrange(0..<start)
            start = 0
            if let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
            } else {
                atEnd = true
            }
        }
    }
}
