import Foundation
import Testing

/// Python's warcio (installed into `.venv` by scripts/setup): the reference reader our
/// archives must satisfy.
enum Warcio {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let executable = packageRoot.appendingPathComponent(".venv/bin/warcio").path

    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw WarcioMissing(path: executable)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// `warcio index` as one dictionary per record.
    static func index(_ path: String, fields: String) throws -> [[String: String]] {
        let result = try run(["index", "-f", fields, path])
        #expect(result.status == 0, "warcio index: \(result.output)")
        return result.output.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: String]
        }
    }

    struct WarcioMissing: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path) is missing: run scripts/setup (it installs warcio into .venv)" }
    }
}
