import Foundation
import TestSupport
import Testing

/// Runs the built `contact-audit` executable as a user would.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CommandRunner {
    static let packageRoot = BuiltExecutable.packageRoot

    static var executable: URL {
        get throws {
            guard let url = BuiltExecutable.url else { throw BuiltExecutable.NotBuilt() }
            return url
        }
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> CommandResult {
        let run = try BuiltExecutable.run(arguments, in: directory)
        return CommandResult(status: run.status, stdout: String(decoding: run.stdout, as: UTF8.self),
                             stderr: String(decoding: run.stderr, as: UTF8.self))
    }
}

extension CommandRunner {
    /// `run`, awaiting the exit instead of blocking a thread of the shared test pool: the
    /// crawler tests measure timeouts and need their turn while executables run. Output
    /// goes to temporary files, which cannot fill up like a pipe.
    static func runAsync(_ arguments: [String], in directory: URL = packageRoot) async throws -> CommandResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cli-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = out
        process.standardError = err
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return CommandResult(status: status,
                             stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                             stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
