import Foundation
import TestSupport
import Testing
@testable import ContactFetch

@Suite struct TransferEngineTests {
    private func request(_ url: String) -> TransferRequest {
        TransferRequest(url: url, limits: FetchLimits(), userAgent: "contact-audit-tests")
    }

    @Test func manyTransfersShareOneEngine() async throws {
        let server = try TestHTTPServer(handler: { request, _ in .html("page \(request.path)") })
        defer { server.stop() }
        let engine = TransferEngine(maxConnections: 8)
        defer { engine.shutdown() }
        let statuses = await withTaskGroup(of: Int.self) { group in
            for index in 0..<50 {
                group.addTask { await engine.perform(request("\(server.base)/p\(index)")).status }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.count == 50 && statuses.allSatisfy { $0 == 200 })
    }

    @Test func cancellingTheTaskStopsTheTransfer() async throws {
        let server = try TestHTTPServer(handler: { _, _ in
            TestResponse(body: Array(repeating: UInt8(ascii: "x"), count: 100), drip: .milliseconds(100))
        })
        defer { server.stop() }
        let engine = TransferEngine(maxConnections: 2)
        defer { engine.shutdown() }
        let started = ContinuousClock.now
        let task = Task { await engine.perform(request(server.base + "/slow")) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let response = await task.value
        #expect(response.cancelled)
        // The whole drip takes 10 s; cancelling ends it long before.
        #expect(ContinuousClock.now - started < .seconds(6))
    }

    @Test func connectionGuardStopsTheRequestBeforeItIsSent() async throws {
        let server = try TestHTTPServer(handler: { _, _ in .html("should not be asked") })
        defer { server.stop() }
        let engine = TransferEngine(maxConnections: 2)
        defer { engine.shutdown() }
        var guarded = request(server.base + "/internal")
        guarded.connectionGuard = { $0.address == "127.0.0.1" ? "loopback address (test policy)" : nil }
        let response = await engine.perform(guarded)
        #expect(response.connectionRefusal == ConnectionRefusal(url: server.base + "/internal", address: "127.0.0.1",
                                                                port: server.port,
                                                                reason: "loopback address (test policy)"))
        #expect(response.failure != nil)
        #expect(server.requests.isEmpty)
    }

    /// `shutdown()` returns only after the loop thread's last libcurl call: a command that
    /// returned earlier exited while that thread still freed a connection, and OpenSSL's
    /// exit handler pulled a lock from under it (a crash in about 1 run of 10 under load).
    @Test func shutdownWaitsForTheLoopToFreeItsHandles() async throws {
        let server = try TestHTTPServer(handler: { request, _ in .html("page \(request.path)") })
        defer { server.stop() }
        for _ in 0..<20 {
            let engine = TransferEngine(maxConnections: 4)
            #expect(await engine.perform(request(server.base + "/p")).status == 200)
            engine.shutdown()
            #expect(engine.hasFinished)
        }
        let idle = TransferEngine(maxConnections: 1)
        idle.shutdown()
        #expect(idle.hasFinished)
    }
}
