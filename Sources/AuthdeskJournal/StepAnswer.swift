import AuthdeskCore

/// What the service answered to one step's request, as the journal records it after the answer.
public struct StepAnswer: Sendable, Hashable {
    /// The HTTP status; nil when no answer came (the connection broke, retries ran out).
    public var httpStatus: Int?
    /// The service's error code (`accessDenied`, `badRequest`, `inexistent_user`...).
    public var errorCode: String?
    public var message: String?
    public var requestID: String?
    /// How long the service asked to wait before the step is sent again (a 429's
    /// `Retry-After`); the engine's resend waits for it. Not journalled.
    public var retryAfter: Duration?

    public init(
        httpStatus: Int?, errorCode: String? = nil, message: String? = nil, requestID: String? = nil,
        retryAfter: Duration? = nil
    ) {
        self.httpStatus = httpStatus
        self.errorCode = errorCode
        self.message = message
        self.requestID = requestID
        self.retryAfter = retryAfter
    }

    /// Whether the step reached its aim: a 2xx, or a 404 on a delete (the method is already
    /// gone: deletes are idempotent, which is what makes re-sending a `sent` step safe).
    /// The error code of ``alreadyRemoved``.
    public static let alreadyRemovedCode = "alreadyRemoved"

    /// No request: when the job came to hold the user, a fresh read of the user's methods no
    /// longer had the step's method (another job or operator removed it since the plan). The
    /// step is done, and its journal entry says that nothing was sent for it.
    public static let alreadyRemoved = StepAnswer(
        httpStatus: nil, errorCode: alreadyRemovedCode,
        message: "not sent: the method was gone when this job came to hold the user")

    public func succeeded(for action: StepAction) -> Bool {
        if httpStatus == nil, errorCode == Self.alreadyRemovedCode { return true }
        guard let status = httpStatus else { return false }
        if (200..<300).contains(status) { return true }
        return status == 404 && action == .delete
    }

    /// `HTTP 403 accessDenied: Request Authorization failed`, for reasons and the audit log.
    public var summary: String {
        var facts: [String] = []
        facts.append(httpStatus.map { "HTTP \($0)" } ?? "no answer")
        if let errorCode { facts.append(errorCode) }
        let head = facts.joined(separator: " ")
        guard let message, !message.isEmpty else { return head }
        return "\(head): \(message)"
    }
}
