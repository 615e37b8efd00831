import Foundation

/// The `Retry-After` header (RFC 9110 §10.2.3): delay seconds or an HTTP date.
enum RetryAfter {
    static func delay(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingSpaces()
        if let seconds = Int(trimmed) { return .seconds(max(seconds, 0)) }
        guard let date = httpDate(trimmed) else { return nil }
        let seconds = date.timeIntervalSince(now)
        return .milliseconds(Int64(max(seconds, 0) * 1000))
    }

    /// IMF-fixdate, and the obsolete RFC 850 and asctime forms senders may still use.
    static func httpDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
