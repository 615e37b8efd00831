import Foundation

/// Runs many transfers on one thread through libcurl's multi interface and hands each
/// result back to whoever asked. No thread per request: every transfer of a crawl shares
/// the engine's single thread, which owns the multi handle and every easy handle; other
/// threads talk to it only through the locked `TransferInbox`.
///
/// Two ways in: `start(_:deliver:)`, which answers through a callback on the engine's
/// thread (the crawler's way: no task and no continuation per page), and `perform(_:)`,
/// which awaits one answer.
final class TransferEngine: Sendable {
    /// Receives a transfer's answer, exactly once, on the engine's thread: it must only
    /// hand the answer on (post it to a queue), since every other transfer waits meanwhile.
    typealias Delivery = @Sendable (TransferResponse) -> Void

    private let inbox = TransferInbox()

    init(maxConnections: Int) {
        let inbox = self.inbox
        let thread = Thread { MultiLoop.run(inbox: inbox, maxConnections: maxConnections) }
        thread.name = "contact-audit.curl-multi"
        thread.start()
    }

    deinit { shutdown() }

    /// Queues one transfer; `deliver` gets its answer (a cancelled one after `cancel`,
    /// `cancelAll` or `shutdown`). Returns the id that `cancel` takes.
    @discardableResult
    func start(_ request: TransferRequest, deliver: @escaping Delivery) -> Int {
        let id = inbox.newID()
        inbox.submit(id: id, request: request, deliver: deliver)
        return id
    }

    /// Stops one transfer; its answer arrives as cancelled (unless it had already finished).
    func cancel(_ id: Int) {
        inbox.cancel(id: id)
    }

    /// Stops every running transfer and answers every later one as cancelled at once:
    /// what a crawl does when its time budget is spent or its task is cancelled.
    func cancelAll() {
        inbox.cancelAll()
    }

    /// Runs one transfer. Cancelling the calling task stops the transfer.
    func perform(_ request: TransferRequest) async -> TransferResponse {
        let id = inbox.newID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                inbox.submit(id: id, request: request) { continuation.resume(returning: $0) }
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

/// The mailbox between callers and the loop thread.
final class TransferInbox: @unchecked Sendable {
    struct Submission {
        var id: Int
        var request: TransferRequest
        var deliver: TransferEngine.Delivery
    }

    /// What the loop takes in one go.
    struct Batch {
        var submissions: [Submission]
        var cancellations: Set<Int>
        var cancelAll: Bool
        var stopped: Bool
    }

    // Everything below is guarded by `lock`.
    private let lock = NSLock()
    private var nextID = 0
    private var submissions: [Submission] = []
    private var cancellations: Set<Int> = []
    private var cancelledAll = false
    private var stopped = false
    /// Set once the loop has been woken and not yet taken what woke it: later calls need
    /// not wake it again (each wakeup is a system call, and a crawl submits every page).
    private var wakeupPending = false
    /// The loop's multi handle while it exists, so callers can interrupt its poll. Only
    /// `wakeup()` is called on it from other threads, which libcurl allows; the loop
    /// detaches it under the lock before freeing it.
    private var multi: MultiHandle?
    /// Signalled once by the loop thread after its last libcurl call.
    private let finished = DispatchSemaphore(value: 0)
    private var loopFinished = false

    func newID() -> Int {
        lock.withLock {
            nextID += 1
            return nextID
        }
    }

    func submit(id: Int, request: TransferRequest, deliver: @escaping TransferEngine.Delivery) {
        let refused: Bool = lock.withLock {
            if stopped || cancelledAll || cancellations.contains(id) { return true }
            submissions.append(Submission(id: id, request: request, deliver: deliver))
            wakeLoop()
            return false
        }
        if refused { deliver(.cancelled(request.url)) }
    }

    func cancel(id: Int) {
        lock.withLock {
            cancellations.insert(id)
            wakeLoop()
        }
    }

    func cancelAll() {
        lock.withLock {
            cancelledAll = true
            wakeLoop()
        }
    }

    func stop() {
        lock.withLock {
            stopped = true
            wakeLoop()
        }
    }

    /// Called with `lock` held.
    private func wakeLoop() {
        guard !wakeupPending else { return }
        wakeupPending = true
        multi?.wakeup()
    }

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
    func take() -> Batch {
        lock.withLock {
            defer {
                submissions.removeAll(keepingCapacity: true)
                cancellations.removeAll()
                wakeupPending = false
            }
            return Batch(submissions: submissions, cancellations: cancellations, cancelAll: cancelledAll,
                         stopped: stopped)
        }
    }
}

/// The body of the engine's thread. Owns the multi handle, the running transfers and the
/// idle easy handles kept for the next ones.
enum MultiLoop {
    private struct Running {
        var easy: EasyHandle
        var deliver: TransferEngine.Delivery
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
        // Handles of finished transfers, reset and reused: setting one up again costs far
        // less than creating one, and never more are kept than can run at once.
        var idle: [EasyHandle] = []
        // A task can be cancelled between taking its id and submitting: the cancellation
        // then arrives first and waits here for its submission.
        var earlyCancellations: Set<Int> = []
        func stopRunning(_ id: Int) {
            guard let transfer = running.removeValue(forKey: id) else { return }
            multi.remove(transfer.easy)
            idsByHandle[ObjectIdentifier(transfer.easy)] = nil
            transfer.deliver(.cancelled(transfer.easy.request?.url ?? ""))
        }
        while true {
            let batch = inbox.take()
            for submission in batch.submissions {
                // A cancellation can arrive before the submission it cancels.
                if batch.cancelAll || batch.cancellations.contains(submission.id)
                    || earlyCancellations.remove(submission.id) != nil {
                    submission.deliver(.cancelled(submission.request.url))
                    continue
                }
                do throws(FetchError) {
                    let easy = if let reused = idle.popLast() { reused } else { try EasyHandle() }
                    try easy.configure(submission.request)
                    try multi.add(easy)
                    running[submission.id] = Running(easy: easy, deliver: submission.deliver)
                    idsByHandle[ObjectIdentifier(easy)] = submission.id
                } catch {
                    submission.deliver(.setupFailed(submission.request.url, error))
                }
            }
            if batch.cancelAll {
                for id in Array(running.keys) { stopRunning(id) }
            }
            for id in batch.cancellations {
                if running[id] != nil {
                    stopRunning(id)
                } else if !batch.submissions.contains(where: { $0.id == id }) {
                    earlyCancellations.insert(id)
                }
            }
            if batch.stopped {
                for id in Array(running.keys) { stopRunning(id) }
                break
            }
            multi.perform()
            for (easy, code) in multi.takeFinished() {
                guard let id = idsByHandle.removeValue(forKey: ObjectIdentifier(easy)),
                      let transfer = running.removeValue(forKey: id) else { continue }
                let response = easy.response(code: code)
                easy.reset()
                if idle.count < maxConnections { idle.append(easy) }
                transfer.deliver(response)
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
            submission.deliver(response)
        }
    }
}
