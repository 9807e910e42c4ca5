import Foundation
import Synchronization

/// `--verbose`: every HTTP exchange ``HTTPTransport`` makes, whatever loader sends it, reported
/// once it ends to the observer installed for the process (the command line writes one line to
/// standard error). An event holds the method, the path without its query, the status, the
/// duration, the waits before retries and the two request ids: never a header, a body, a token,
/// a secret or a query string.
public struct RequestTrace: Sendable, Hashable {
    public var method: String
    /// The URL's path only: queries are left out (they may carry filters or codes).
    public var path: String
    /// The last answer's status; nil when no answer came.
    public var status: Int?
    public var duration: Duration
    /// How many times it was sent.
    public var attempts: Int
    /// The pauses before each retry.
    public var waits: [Duration]
    public var clientRequestID: String
    public var requestID: String?

    public init(
        method: String, path: String, status: Int?, duration: Duration, attempts: Int, waits: [Duration],
        clientRequestID: String, requestID: String?
    ) {
        self.method = method
        self.path = path
        self.status = status
        self.duration = duration
        self.attempts = attempts
        self.waits = waits
        self.clientRequestID = clientRequestID
        self.requestID = requestID
    }

    /// `GET /v1.0/users/abc 200 41ms client-request-id=... request-id=...`, with
    /// `attempts=3 waited=1.5s+3.0s` after a retry.
    public var line: String {
        var parts = [method, path.isEmpty ? "/" : path, status.map(String.init) ?? "no-answer", Self.milliseconds(duration)]
        if attempts > 1 {
            parts.append("attempts=\(attempts)")
            parts.append("waited=" + waits.map(Self.seconds).joined(separator: "+"))
        }
        parts.append("client-request-id=\(clientRequestID)")
        parts.append("request-id=\(requestID ?? "-")")
        return parts.joined(separator: " ")
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000)ms"
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = attoseconds / 100_000_000_000_000_000
        return "\(seconds).\(tenths)s"
    }

    /// Where events go: nothing until ``install(_:)``.
    public typealias Observer = @Sendable (RequestTrace) -> Void

    private static let observer = Mutex<Observer?>(nil)

    /// Sends every exchange of the process from now on to `observer` (nil: none).
    public static func install(_ observer: Observer?) {
        self.observer.withLock { $0 = observer }
    }

    /// Reports one exchange to the installed observer, if there is one.
    static func report(_ event: @autoclosure () -> RequestTrace) {
        guard let observer = observer.withLock({ $0 }) else { return }
        observer(event())
    }
}
