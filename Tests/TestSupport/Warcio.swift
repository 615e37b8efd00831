import Foundation

/// Python's warcio (installed into `.venv` by scripts/setup): the reference reader our
/// archives must satisfy.
public enum Warcio {
    public static let executable = BuiltExecutable.packageRoot.appendingPathComponent(".venv/bin/warcio").path

    public struct Result: Sendable {
        public var status: Int32
        public var output: String
    }

    public static func run(_ arguments: [String]) throws -> Result {
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
    public static func index(_ path: String, fields: String) throws -> [[String: String]] {
        let result = try run(["index", "-f", fields, path])
        guard result.status == 0 else { throw Failed(command: "warcio index", output: result.output) }
        return result.output.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: String]
        }
    }

    public struct Failed: Error, CustomStringConvertible {
        public var command: String
        public var output: String
        public var description: String { "\(command): \(output)" }
    }

    public struct WarcioMissing: Error, CustomStringConvertible {
        public var path: String
        public init(path: String) { self.path = path }
        public var description: String { "\(path) is missing: run scripts/setup (it installs warcio into .venv)" }
    }
}
