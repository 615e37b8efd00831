import Foundation

/// Runs `git` in a test's directory with a throwaway identity, for tests of `diff --git REV`.
public enum Git {
    /// The exit status of `git ARGUMENTS` run in `directory`; its output is discarded.
    @discardableResult
    public static func run(_ arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
