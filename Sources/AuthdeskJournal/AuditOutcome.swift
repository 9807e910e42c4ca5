/// How an audited change ended.
public enum AuditOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Done: the service answered with success.
    case succeeded
    /// No answer, or the service failed (5xx, throttled until retries ran out): the change may
    /// or may not have been made.
    case failed
    /// The service said no (a 4xx answer: not allowed, bad input, no such user or method).
    case refused
    /// Accepted and still running: a password reset whose operation was not followed to its end.
    case accepted
}
