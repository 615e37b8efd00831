import ContactModel
import ContactSnapshot
import Foundation
import Testing

@Suite struct SnapshotStoreTests {
    static func files(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name != "run.json" {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test func writesReadBackAndRewritesByteIdentically() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("Snapshots/demo")
        let sources = [source("pages/a.html", [record("2"), record("1", path: "/p[2]")]), source("pages/b.html", [])]
        try SnapshotWriter(directory: target.path).write(sources, run: runMetadata())
        let first = try Self.files(target)
        try SnapshotWriter(directory: target.path).write(sources.reversed(), run: runMetadata())
        #expect(try Self.files(target) == first)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("run.json").path))

        let loaded = try Snapshot.load(target.path)
        #expect(loaded.sources.keys.sorted() == ["pages/a.html", "pages/b.html"])
        #expect(loaded.sources["pages/a.html"]?.records.map(\.value) == ["1", "2"])
        let text = try #require(first.values.first { String(decoding: $0, as: UTF8.self).contains("pages/a.html") })
        #expect(!String(decoding: text, as: UTF8.self).contains("started"), "no times in source files")
    }

    @Test func replacingLeavesOnlyTheNewFiles() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("demo")
        try SnapshotWriter(directory: target.path).write([source("old.html", [])], run: runMetadata())
        try SnapshotWriter(directory: target.path).write([source("new.html", [])], run: runMetadata())
        #expect(try Snapshot.load(target.path).sources.keys.sorted() == ["new.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["demo"], "no staging left")
    }

    @Test func stagingOfAKilledRunIsRemoved() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // A pid far above any in use: the run that made this staging directory is gone.
        let abandoned = root.appendingPathComponent(".demo.staging-4194000-ABC")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
        try SnapshotWriter(directory: root.appendingPathComponent("demo").path).write([source([])], run: runMetadata())
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["demo"])
    }

    @Test func errorsNameThePath() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let bad = root.appendingPathComponent("bad.json")
        try Data("{\"version\": 1, \"source\": \"x\"}".utf8).write(to: bad)
        #expect(throws: SnapshotError.self) { try Snapshot.load(bad.path) }
        do { _ = try Snapshot.load(bad.path) } catch {
            #expect(error.description == "\(bad.path): not a contact-audit snapshot: missing 'official'")
        }
        do { _ = try Snapshot.load(root.appendingPathComponent("none").path) } catch {
            #expect(error.description.hasSuffix("/none: no such snapshot file or directory"))
        }

        let twice = root.appendingPathComponent("twice")
        try FileManager.default.createDirectory(at: twice, withIntermediateDirectories: true)
        let data = try JSONOutput.encode(source("a.html", []))
        try data.write(to: twice.appendingPathComponent("one.json"))
        try data.write(to: twice.appendingPathComponent("two.json"))
        do { _ = try Snapshot.load(twice.path) } catch {
            #expect(error.description.hasSuffix("two.json: both hold the snapshot of a.html"))
        }

        let file = root.appendingPathComponent("file")
        try Data().write(to: file)
        #expect(throws: SnapshotError.self) {
            try SnapshotWriter(directory: file.path).write([], run: runMetadata())
        }
    }
}
