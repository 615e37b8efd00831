import Foundation

/// Runs many transfers on one thread through libcurl's multi interface and hands each
/// result to the task that asked for it. No thread per request: every transfer of a crawl
/// shares the engine's single thread, which owns the multi handle and every easy handle;
/// other threads talk to it only through the locked `TransferInbox`.
final class TransferEngine: Sendable {
    private let inbox = TransferInbox()

    init(maxConnections: Int) {
        let inbox = self.inbox
        let thread = Thread { MultiLoop.run(inbox: inbox, maxConnections: maxConnections) }
        thread.name = "contact-audit.curl-multi"
        thread.start()
    }

    deinit { shutdown() }

    /// Runs one transfer. Cancelling the calling task stops the transfer.
    func perform(_ request: TransferRequest) async -> TransferResponse {
        let id = inbox.newID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                inbox.submit(id: id, request: request, continuation: continuation)
            }
        } onCancel: {
            inbox.cancel(id: id)
        }
    }

    /// Whether the loop thread has ended and freed its handles.
    var hasFinished: Bool { inbox.hasFinished }

    /// Ends the loop and waits until its thread has freed every libcurl handle; transfers
    /// still running are answered as cancelled. Waiting matters at the end of a command:
    /// the process's exit handlers tear down OpenSSL, and a loop thread still cleaning up
    /// a connection then crashed on a freed lock.
    func shutdown() {
        inbox.stop()
        inbox.waitUntilFinished()
    }
}

/// The mailbox between async callers and the loop thread.
final class TransferInbox: @unchecked Sendable {
    struct Submission {
        var id: Int
        var request: TransferRequest
        var continuation: CheckedContinuation<TransferResponse, Never>
    }

    // Everything below is guarded by `lock`.
    private let lock = NSLock()
    private var nextID = 0
    private var submissions: [Submission] = []
    private var cancellations: Set<Int> = []
    private var stopped = false
    /// The loop's multi handle while it exists, so callers can interrupt its poll. Only
    /// `wakeup()` is called on it from other threads, which libcurl allows; the loop
    /// detaches it under the lock before freeing it.
    private var multi: MultiHandle?
    /// Signalled once by the loop thread after its last libcurl call.
    private let finished = DispatchSemaphore(value: 0)

    func newID() -> Int {
        lock.withLock {
            nextID += 1
            return nextID
        }
    }

    func submit(id: Int, request: TransferRequest, continuation: CheckedContinuation<TransferResponse, Never>) {
        let refused: Bool = lock.withLock {
            if stopped || cancellations.contains(id) { return true }
            submissions.append(Submission(id: id, request: request, continuation: continuation))
            multi?.wakeup()
            return false
        }
        if refused { continuation.resume(returning: .cancelled(request.url)) }
    }

    func cancel(id: Int) {
        lock.withLock {
            cancellations.insert(id)
            multi?.wakeup()
        }
    }

    func stop() {
        lock.withLock {
            stopped = true
            multi?.wakeup()
        }
    }

    private var loopFinished = false

    /// Called by the loop thread when it has released its multi and easy handles.
    func markFinished() {
        lock.withLock { loopFinished = true }
        finished.signal()
    }

    /// Whether the loop thread has made its last libcurl call.
    var hasFinished: Bool { lock.withLock { loopFinished } }

    /// Returns once the loop thread has finished (at once if it already has).
    func waitUntilFinished() {
        finished.wait()
        finished.signal()  // later waiters return at once too
    }

    func attach(_ multi: MultiHandle?) {
        lock.withLock { self.multi = multi }
    }

    /// New submissions, cancelled ids and whether the loop should end, taken at once.
    func take() -> (submissions: [Submission], cancellations: Set<Int>, stopped: Bool) {
        lock.withLock {
            defer {
                submissions.removeAll()
                cancellations.removeAll()
            }
            return (submissions, cancellations, stopped)
        }
    }
}

/// The body of the engine's thread. Owns the multi handle and the running transfers.
enum MultiLoop {
    private struct Running {
        var easy: EasyHandle
        var continuation: CheckedContinuation<TransferResponse, Never>
    }

    static func run(inbox: TransferInbox, maxConnections: Int) {
        // The handles live in `loop`; they are freed when it returns, before the signal.
        loop(inbox: inbox, maxConnections: maxConnections)
        inbox.markFinished()
    }

    private static func loop(inbox: TransferInbox, maxConnections: Int) {
        let multi: MultiHandle
        do {
            multi = try MultiHandle(maxConnections: maxConnections)
        } catch {
            failAll(inbox: inbox, error: error)
            return
        }
        inbox.attach(multi)
        var running: [Int: Running] = [:]
        var idsByHandle: [ObjectIdentifier: Int] = [:]
        // A task can be cancelled between taking its id and submitting: the cancellation
        // then arrives first and waits here for its submission.
        var earlyCancellations: Set<Int> = []
        while true {
            let (submissions, cancellations, stopped) = inbox.take()
            for submission in submissions {
                // A cancellation can arrive before the submission it cancels.
                if cancellations.contains(submission.id) || earlyCancellations.remove(submission.id) != nil {
                    submission.continuation.resume(returning: .cancelled(submission.request.url))
                    continue
                }
                do {
                    let easy = try EasyHandle()
                    try easy.configure(submission.request)
                    try multi.add(easy)
                    running[submission.id] = Running(easy: easy, continuation: submission.continuation)
                    idsByHandle[ObjectIdentifier(easy)] = submission.id
                } catch {
                    submission.continuation.resume(returning: .setupFailed(submission.request.url, error))
                }
            }
            let submitted = Set(submissions.map(\.id))
            for id in cancellations {
                guard let transfer = running.removeValue(forKey: id) else {
                    if !submitted.contains(id) { earlyCancellations.insert(id) }
                    continue
                }
                multi.remove(transfer.easy)
                idsByHandle[ObjectIdentifier(transfer.easy)] = nil
                transfer.continuation.resume(returning: .cancelled(transfer.easy.request?.url ?? ""))
            }
            if stopped {
                for transfer in running.values {
                    multi.remove(transfer.easy)
                    transfer.continuation.resume(returning: .cancelled(transfer.easy.request?.url ?? ""))
                }
                break
            }
            multi.perform()
            for (easy, code) in multi.takeFinished() {
                guard let id = idsByHandle.removeValue(forKey: ObjectIdentifier(easy)),
                      let transfer = running.removeValue(forKey: id) else { continue }
                transfer.continuation.resume(returning: easy.response(code: code))
            }
            // libcurl sleeps for as long as its own timers allow; wakeup() cuts it short.
            multi.poll(timeoutMilliseconds: 1000)
        }
        inbox.attach(nil)
        // Anything submitted after the last take is answered too, so no caller waits forever.
        failAll(inbox: inbox, error: nil)
    }

    private static func failAll(inbox: TransferInbox, error: FetchError?) {
        inbox.stop()
        for submission in inbox.take().submissions {
            let response: TransferResponse = error.map { .setupFailed(submission.request.url, $0) }
                ?? .cancelled(submission.request.url)
            submission.continuation.resume(returning: response)
        }
    }
}
