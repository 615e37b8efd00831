import Foundation

/// The built `contact-audit` executable, run as a user runs it: what the CLI and crawler
/// tests share (they used to carry a copy each).
public enum BuiltExecutable {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The executable sits next to the test bundle in the build products directory; nil
    /// when it was not built.
    public static var url: URL? {
        var candidates: [URL] = []
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        return candidates.map { $0.appendingPathComponent("contact-audit") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    public struct NotBuilt: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "build the contact-audit executable first (swift build)" }
    }

    /// Its exit status and what it printed (stdout as bytes: snapshots and archives are
    /// compared byte for byte). Output is read before waiting, so a large one cannot fill
    /// the pipe and block the child.
    public static func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, stdout: Data, stderr: Data) {
        guard let url else { throw NotBuilt() }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }
}
