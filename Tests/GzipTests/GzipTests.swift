import Foundation
import Gzip
import Testing

@Suite struct GzipTests {
    private let text = Array(String(repeating: "Горячая линия 8 800 100-70-10. ", count: 200).utf8)

    @Test func oneMemberRoundTrips() throws {
        let compressed = try Gzip.compress(text)
        #expect(Gzip.isGzip(compressed))
        #expect(compressed.count < text.count / 10)
        let back = try Gzip.inflate(compressed)
        #expect(back.bytes == text)
        #expect(back.consumed == compressed.count)
        #expect(!back.truncated)
    }

    @Test func membersOneAfterAnother() throws {
        let joined = try Gzip.compress(Array("first ".utf8)) + Gzip.compress(Array("second".utf8))
        #expect(try Gzip.inflateMembers(joined) == Array("first second".utf8))
    }

    /// A compression bomb stops at the limit instead of filling memory.
    @Test func outputStopsAtTheLimit() throws {
        let zeros = [UInt8](repeating: 0, count: 10_000_000)
        let bomb = try Gzip.compress(zeros, level: 9)
        #expect(bomb.count < 20_000)
        let cut = try Gzip.inflate(bomb, limit: 100_000)
        #expect(cut.truncated)
        #expect(cut.bytes.count == 100_000)
    }

    /// What the system's gzip(1) wrote reads back, and what we write gzip(1) reads.
    @Test func interoperatesWithGzipTool() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ours = directory.appendingPathComponent("ours.gz")
        try Data(Gzip.compress(text)).write(to: ours)
        #expect(try run("/bin/gzip", ["-dc", ours.path]) == Data(text))
        let plain = directory.appendingPathComponent("theirs")
        try Data(text).write(to: plain)
        let theirs = try run("/bin/gzip", ["-c", plain.path])
        #expect(try Gzip.inflate([UInt8](theirs)).bytes == text)
    }

    @Test func httpContentEncodings() throws {
        #expect(try Gzip.decodeContent(Gzip.compress(text), encoding: "gzip", limit: 1 << 20)?.bytes == text)
        #expect(try Gzip.decodeContent(text, encoding: "identity", limit: 1 << 20)?.bytes == text)
        #expect(try Gzip.decodeContent(text, encoding: "br", limit: 1 << 20) == nil)
        #expect(throws: GzipError.self) { try Gzip.decodeContent(Array("not gzip".utf8), encoding: "gzip", limit: 100) }
        // A gzip member cut short is reported as such.
        let cut = Array(try Gzip.compress(text).dropLast(20))
        #expect(throws: GzipError.truncated(offset: 0)) { try Gzip.inflate(cut) }
        #expect(throws: GzipError.truncated(offset: 0)) { try Gzip.inflate([]) }
        #expect(try Gzip.inflate(Gzip.compress([])).bytes.isEmpty)
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
