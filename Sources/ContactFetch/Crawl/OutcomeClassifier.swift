import Foundation

/// Turns a transfer's raw response into a crawl decision: try again (and when), or the
/// outcome to record. Errors say what happened; the page they happened to is the
/// outcome's `url`, which every printer names beside the error (once).
enum OutcomeClassifier {
    enum Verdict {
        case retry(after: Duration)
        case outcome(FetchOutcome)
    }

    static func classify(_ response: TransferResponse, item: CrawlItem, seed: String, config: CrawlConfig,
                         random: Double = Double.random(in: 0...1), now: Date = Date()) -> Verdict {
        let attempts = item.attempts + 1
        if attempts <= config.retry.maxRetries, let wait = retryDelay(response, retry: attempts, config: config,
                                                                      random: random, now: now) {
            return .retry(after: wait)
        }
        return .outcome(outcome(response, item: item, seed: seed, config: config, attempts: attempts))
    }

    /// nil when the failure is not worth another try.
    static func retryDelay(_ response: TransferResponse, retry: Int, config: CrawlConfig, random: Double,
                           now: Date) -> Duration? {
        if response.cancelled { return nil }
        // A refused address stays refused: trying again would only knock again.
        if response.failure != nil, response.connectionRefusal != nil { return nil }
        if let failure = response.failure {
            let refusedConnection = Curl.connectionFailures.contains(failure.code)
            let connectTimeout = failure.code == Curl.operationTimedOut && !response.connected
            // A slow or endless body is the server's choice, not bad luck: no second try.
            guard refusedConnection || connectTimeout, !response.truncated else { return nil }
            return config.retry.backoff(retry: retry, random: random)
        }
        guard response.status == 429 || (500...599).contains(response.status) else { return nil }
        if let header = response.header("retry-after"), let asked = RetryAfter.delay(header, now: now) {
            return min(asked, config.retry.maxRetryAfter)
        }
        return config.retry.backoff(retry: retry, random: random)
    }

    static func outcome(_ response: TransferResponse, item: CrawlItem, seed: String, config: CrawlConfig,
                        attempts: Int) -> FetchOutcome {
        let url = item.url.string
        var outcome = FetchOutcome(
            url: url, result: .fetched, finalURL: response.finalURL, seed: seed, depth: item.depth,
            status: response.status == 0 ? nil : response.status, redirects: response.redirects,
            redirectChain: response.redirectChain.count > 1 ? response.redirectChain : nil,
            bytes: response.body.count, contentType: response.contentType,
            etag: response.header("etag"), lastModified: response.header("last-modified"),
            truncated: response.truncated, attempts: attempts)
        if let refusal = response.connectionRefusal, response.failure != nil {
            outcome.result = .refused
            outcome.refusedAddress = refusal.address
            let hop = refusal.url == url || refusal.url.isEmpty ? "" : "redirected to \(refusal.url), which was refused: "
            outcome.error = "\(hop)\(refusal.reason); no request sent"
        } else if let refusal = response.redirectRefusal {
            outcome.result = .skippedByRobots
            outcome.skippedByRobots = true
            outcome.error = "redirects to \(refusal.target), which \(refusal.reason); not followed"
        } else if let error = failureText(response, config: config) {
            outcome.result = .failed
            outcome.error = error
        } else if response.status == 304 {
            outcome.result = .notModified
            outcome.notModified = true
        } else if !(200...299).contains(response.status) {
            outcome.result = .httpError
            outcome.error = "the server answered HTTP \(response.status)"
                + (attempts > 1 ? " after \(attempts) attempts" : "")
        }
        return outcome
    }

    /// The error of an outcome whose transfer was cancelled.
    static let cancelledText = "the crawl was cancelled before this page arrived"

    /// Why a server could not be reached, in plain words and without libcurl's wording
    /// ("Failed to connect to … after 0 ms: Couldn't connect to server"): the host and port
    /// tried and the system's reason.
    static func unreachableCause(_ failure: TransferResponse.Failure, url: String) -> String {
        let parts = URLComponents(string: url)
        let host = parts?.host ?? url
        let port = parts?.port ?? (parts?.scheme == "https" ? 443 : 80)
        let reason = failure.osErrno != 0 ? String(cString: strerror(Int32(failure.osErrno))).lowercased() : nil
        switch failure.code {
        case Curl.couldNotConnect:
            return "could not connect to \(host):\(port)" + (reason.map { " (\($0))" } ?? "")
        case Curl.couldNotResolveHost:
            return "could not resolve the host name \(host)"
        case Curl.operationTimedOut:
            return "\(host):\(port) did not answer in time"
        default:
            return "\(failure.message) (curl error \(failure.code))"
        }
    }

    private static func failureText(_ response: TransferResponse, config: CrawlConfig) -> String? {
        if response.cancelled { return cancelledText }
        if response.redirectLoop {
            return "redirect loop: " + response.redirectChain.joined(separator: " → ")
        }
        if response.headersTooLarge { return "response headers larger than \(TransferSink.maxHeaderBytes) bytes" }
        guard let failure = response.failure else { return nil }
        // Cut at the body limit on purpose: the page is kept and marked truncated.
        if response.truncated, failure.code == Curl.writeError { return nil }
        switch failure.code {
        case Curl.tooManyRedirects:
            return "more than \(config.limits.maxRedirects) redirects (\(failure.message))"
        case Curl.unsupportedProtocol where response.redirects > 0 || response.redirectChain.count > 0:
            return "redirect to a scheme other than http(s) refused (\(failure.message))"
        case Curl.operationTimedOut:
            return "timed out (\(failure.message)); limits: connect \(config.limits.connectTimeout), "
                + "whole transfer \(config.limits.transferTimeout), below \(config.limits.lowSpeedBytesPerSecond) B/s "
                + "for \(config.limits.lowSpeedSeconds) s"
        default:
            return "\(failure.message) (curl error \(failure.code))"
        }
    }
}
