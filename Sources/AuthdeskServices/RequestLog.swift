import Synchronization

/// The service request ids of the answers received while it is the task's current log: how a
/// caller learns the request id of a successful write without every provider method returning it.
///
/// ``HTTPTransport`` appends the id of every answer it returns (the service's `request-id`,
/// `x-ms-request-id` or Auth0's request id, else the `client-request-id` it sent) to
/// ``current``, if one is set:
///
/// ```swift
/// let log = RequestLog()
/// try await RequestLog.$current.withValue(log) { try await provider.revokeSessions(of: id) }
/// log.last  // the revocation's request id
/// ```
public final class RequestLog: Sendable {
    /// The log the transport appends to in this task (and its child tasks), if any.
    @TaskLocal public static var current: RequestLog?

    private let ids = Mutex<[String]>([])

    public init() {}

    /// Appends one answer's request id.
    public func record(_ requestID: String) {
        ids.withLock { $0.append(requestID) }
    }

    /// Every id recorded, in the order the answers came.
    public var all: [String] { ids.withLock { $0 } }

    /// The id of the latest answer: for a write, the write's own answer (it comes after any read
    /// or sign-in it needed).
    public var last: String? { ids.withLock { $0.last } }
}
