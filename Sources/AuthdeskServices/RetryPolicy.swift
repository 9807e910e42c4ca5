import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// When and how long the transport waits before sending a request again: throttling (429),
/// an unavailable service (503, 504) and dropped connections, a bounded number of times.
public struct RetryPolicy: Sendable {
    /// Sends in all, the first included.
    public var maxAttempts: Int
    /// The first back-off when the service gave no `Retry-After`; doubled each time.
    public var baseDelay: Duration
    /// The longest back-off computed here.
    public var maxDelay: Duration
    /// The longest wait honoured from a `Retry-After` or rate-limit reset header.
    public var maxServerDelay: Duration
    /// How long in all a batch's inner read keeps being sent again while the service answers it
    /// 429 (alive, its budget spent for now), beyond ``maxAttempts``: when many readers share a
    /// spent budget, one of them can be refused longer than a few back-offs.
    public var maxThrottledWait: Duration
    public var retryableStatuses: Set<Int>
    /// A number in 0..<1 for the jitter (random by default; fixed in tests).
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
        maxServerDelay: Duration = .seconds(300), maxThrottledWait: Duration = .seconds(120),
        retryableStatuses: Set<Int> = [429, 503, 504],
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxServerDelay = maxServerDelay
        self.maxThrottledWait = maxThrottledWait
        self.retryableStatuses = retryableStatuses
        self.random = random
    }

    /// Exponential back-off with jitter after the `failures`-th failed send: half the doubled
    /// delay fixed, half random, so that many clients do not retry in step.
    public func backoff(failures: Int) -> Duration {
        let exponent = min(max(failures - 1, 0), 30)
        let full = min(baseDelay * (1 << exponent), maxDelay)
        let seconds = full / .seconds(1)
        return .seconds(seconds / 2 + seconds / 2 * random())
    }

    /// How long to wait before sending again after `response`: its `Retry-After` (seconds,
    /// possibly fractional, or an HTTP date), else Auth0's `x-ratelimit-reset` on a 429,
    /// else the back-off. From the second failure in a row, never less than the back-off of the
    /// one before: a Retry-After counts the wait for one request's share of the budget, and
    /// when several clients wait for the same share a few milliseconds are not enough.
    public func delay(after response: HTTPResponse, failures: Int, now: Date) -> Duration {
        if let value = response.header("retry-after"), let wait = RetryPolicy.parseRetryAfter(value, now: now) {
            let floor = failures > 1 ? backoff(failures: failures - 1) : .zero
            return min(max(wait, floor), maxServerDelay)
        }
        if response.status == 429, let reset = response.header("x-ratelimit-reset").flatMap(Double.init) {
            let wait = reset - now.timeIntervalSince1970
            return min(.seconds(max(wait, 0)), maxServerDelay)
        }
        return backoff(failures: failures)
    }

    /// `Retry-After` as a duration: `2`, `2.128`, or an HTTP date; nil when unreadable.
    public static func parseRetryAfter(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 {
            return .seconds(seconds)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return .seconds(max(date.timeIntervalSince(now), 0))
    }

    /// Whether a failure to get any answer is worth another try (a dropped or timed-out connection).
    public static func isRetryable(urlErrorCode code: Int) -> Bool {
        retryableURLErrorCodes.contains(code)
    }

    /// Whether the request certainly never reached the service (no connection was made), so that
    /// even a request that is not idempotent may be sent again.
    public static func neverSent(urlErrorCode code: Int) -> Bool {
        neverSentURLErrorCodes.contains(code)
    }

    static let neverSentURLErrorCodes: Set<Int> = [
        URLError.cannotConnectToHost.rawValue,
        URLError.notConnectedToInternet.rawValue,
        URLError.dnsLookupFailed.rawValue,
    ]

    static let retryableURLErrorCodes: Set<Int> = [
        URLError.networkConnectionLost.rawValue,
        URLError.timedOut.rawValue,
        URLError.cannotConnectToHost.rawValue,
        URLError.notConnectedToInternet.rawValue,
        URLError.dnsLookupFailed.rawValue,
        URLError.badServerResponse.rawValue,
        URLError.zeroByteResource.rawValue,
        URLError.cannotParseResponse.rawValue,
    ]
}
