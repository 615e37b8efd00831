import Foundation

/// Reads a snapshot as it was at a git revision (`diff --git HEAD Snapshots/gosuslugi`),
/// through `git ls-tree` and `git show`, so a CI job compares the working tree with a
/// commit without a second checkout.
public struct GitSnapshotReader: Sendable {
    public var git: String

    public init(git: String = "git") { self.git = git }

    /// `path` is a snapshot directory or file as the working tree names it; it need not
    /// exist there any more, but its parent directory must (git runs in it).
    public func load(revision: String, path: String) throws(SnapshotError) -> Snapshot {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent().path
        let label = "\(revision):\(path)"
        guard FileManager.default.fileExists(atPath: parent) else { throw .notFound(path: parent) }
        // ls-tree takes paths relative to the working directory and, with --full-name,
        // prints them from the repository's root, which is what `REV:path` wants.
        let listing = try run(["ls-tree", "-r", "-z", "--full-name", "--name-only", revision, "--", url.lastPathComponent],
                              in: parent, path: path, revision: revision)
        let names = listing.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard !names.isEmpty else {
            throw .git(path: path, revision: revision, reason: "no such snapshot file or directory in that revision")
        }
        var files: [(path: String, data: Data)] = []
        for name in names.sorted() {
            let file = (name as NSString).lastPathComponent
            // A single file named on the command line is read whatever its name.
            guard names.count == 1 || Snapshot.isSourceFile(file) else { continue }
            files.append(("\(revision):\(name)", try run(["show", "\(revision):\(name)"], in: parent, path: path, revision: revision)))
        }
        return try Snapshot.assemble(files, label: label)
    }

    /// What `path` held at `revision`: one snapshot, or a directory of audit snapshots
    /// (subdirectories holding `run.json` or source files), as `SnapshotLayout.of` tells
    /// them apart in the working tree. A path that held neither is an error.
    public func layout(revision: String, path: String) throws(SnapshotError) -> SnapshotLayout {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent) else { throw .notFound(path: parent) }
        // Without --full-name the names are relative to `parent`: `ROOT/acme/x.json`.
        let root = url.lastPathComponent
        let listing = try run(["ls-tree", "-r", "-z", "--name-only", revision, "--", root],
                              in: parent, path: path, revision: revision)
        let names = listing.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard !names.isEmpty else {
            throw .git(path: path, revision: revision, reason: "no such snapshot file or directory in that revision")
        }
        var below: [String: [String]] = [:]
        for name in names where name.hasPrefix(root + "/") {
            let parts = name.dropFirst(root.count + 1).split(separator: "/", maxSplits: 1).map(String.init)
            below[parts.count == 1 ? "" : parts[0], default: []].append(parts.last ?? "")
        }
        if names == [root] || SnapshotLayout.holdsSnapshot(below[""] ?? []) { return .snapshot }
        let audits = below.filter { !$0.key.isEmpty && !$0.key.hasPrefix(".") && SnapshotLayout.holdsSnapshot($0.value) }
        guard !audits.isEmpty else { throw .notASnapshot(path: "\(revision):\(path)") }
        return .audits(audits.keys.sorted())
    }

    private func run(_ arguments: [String], in directory: String, path: String, revision: String) throws(SnapshotError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [git] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw .git(path: path, revision: revision, reason: "cannot run git: \(error.localizedDescription)")
        }
        // git's messages are a line or two, far below a pipe's buffer, so reading standard
        // output to its end first cannot block on a full standard error.
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .git(path: path, revision: revision, reason: "git \(arguments.first ?? "") failed: \(message)")
        }
        return data
    }
}
