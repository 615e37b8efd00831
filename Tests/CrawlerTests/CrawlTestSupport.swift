import ContactFetch
import ContactPipeline
import Foundation
import TestSupport
import Testing

/// Fast, polite-to-nobody settings: no per-host delay, short timeouts, quick retries.
func testConfig() -> CrawlConfig {
    var config = CrawlConfig()
    config.perHostDelay = .zero
    config.limits.connectTimeout = .seconds(2)
    config.limits.transferTimeout = .seconds(5)
    config.retry.baseDelay = .milliseconds(20)
    config.retry.maxDelay = .milliseconds(100)
    config.showProgress = false
    return config
}

/// A site: path → response; robots.txt answers 404 unless given.
func site(_ pages: [String: TestResponse]) -> TestHTTPServer.Handler {
    { request, _ in pages[request.path] ?? .notFound }
}

/// Pages the crawler handed to `onPage`, collected across tasks.
final class PageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [CrawledPage] = []

    func append(_ page: CrawledPage) { lock.withLock { pages.append(page) } }
    var all: [CrawledPage] { lock.withLock { pages } }
}

/// Crawls `paths` on `server` with real link extraction; returns the result and the pages.
func crawl(_ server: TestHTTPServer, _ paths: [String], config: CrawlConfig = testConfig(),
           validators: [String: Validators] = [:]) async -> (CrawlResult, [CrawledPage]) {
    let log = PageLog()
    let result = await Crawler(config: config).crawl(seeds: paths.map { server.base + $0 }, validators: validators) { page in
        log.append(page)
        return CrawlLinkExtractor.links(in: page)
    }
    return (result, log.all)
}

extension CrawlResult {
    /// Paths of outcomes with the given result, sorted.
    func paths(_ result: FetchOutcome.Result, on server: TestHTTPServer) -> [String] {
        outcomes.filter { $0.result == result }.map { String($0.url.dropFirst(server.base.count)) }.sorted()
    }

    func outcome(_ path: String, on server: TestHTTPServer) -> FetchOutcome? {
        outcomes.first { $0.url == server.base + path }
    }
}

func links(_ hrefs: String...) -> String {
    "<html><body>" + hrefs.map { "<a href=\"\($0)\">\($0)</a>" }.joined(separator: "\n") + "</body></html>"
}

/// Peak resident memory of this process so far, from /proc (Linux).
/// Resets the process's peak resident size (Linux: "5" to /proc/self/clear_refs), so a
/// test measures its own peak rather than that of tests that ran before it in the same
/// process. False where the kernel does not allow it.
func resetPeakResident() -> Bool {
    FileManager.default.createFile(atPath: "/proc/self/clear_refs", contents: Data("5".utf8)) ||
        (try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))) != nil
}

func peakResidentBytes() -> Int? { statusBytes("VmHWM:") }

/// Resident memory now: the peak after `resetPeakResident()` starts from here, and the
/// tests before this one in the same process decide how high that is.
func residentBytes() -> Int? { statusBytes("VmRSS:") }

private func statusBytes(_ field: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix(field) {
        let digits = line.filter(\.isNumber)
        return Int(digits).map { $0 * 1024 }
    }
    return nil
}

/// Windows-1251 bytes for ASCII and the Russian alphabet.
func windows1251(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar in
        switch scalar.value {
        case 0..<0x80: UInt8(scalar.value)
        case 0x410...0x44F: UInt8(scalar.value - 0x410 + 0xC0)
        case 0x401: 0xA8
        case 0x451: 0xB8
        default: UInt8(ascii: "?")
        }
    }
}

/// The built `contact-audit`, run as a user runs it, for the end-to-end tests of this target.
enum Executable {
    /// Its exit status and what it printed (stdout as bytes: snapshots and archives are compared byte for byte).
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let run = try BuiltExecutable.run(arguments)
        return (run.status, run.stdout, String(decoding: run.stderr, as: UTF8.self))
    }

    /// Its exit status only. Awaits the exit rather than blocking a thread of the shared
    /// test pool, which the timing crawler tests need.
    static func status(_ arguments: [String]) async throws -> Int32 {
        let process = Process()
        process.executableURL = try #require(BuiltExecutable.url, "build the contact-audit executable first")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
