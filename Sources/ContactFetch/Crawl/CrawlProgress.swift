import Foundation

/// One line on stderr, rewritten in place: pages done / queued / failed and the host being
/// fetched. Only for a person at a terminal: off when stderr is not a TTY or CI is set, so
/// logs and pipes never see it. Used from the crawl's own task only.
final class CrawlProgress {
    private let enabled: Bool
    private var host = ""
    private var lastWrite: ContinuousClock.Instant?
    private var wroteLine = false

    static var stderrIsInteractive: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    init(enabled: Bool) { self.enabled = enabled }

    func started(host: String) { self.host = host }

    func update(done: Int, queued: Int, failed: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        // A terminal does not need more than ten updates a second.
        if let lastWrite, now - lastWrite < .milliseconds(100) { return }
        lastWrite = now
        write("\r\u{1B}[Kcrawl: \(done) done, \(queued) queued, \(failed) failed  \(host)")
        wroteLine = true
    }

    func finish() {
        guard enabled, wroteLine else { return }
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
