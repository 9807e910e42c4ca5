import Synchronization

/// A session's dry run: the write requests its providers would have sent, recorded instead of
/// sent by ``RecordingLoader``. Shared by every provider of the session, or set for one task
/// (``current``).
public final class DryRunRecorder: Sendable {
    /// The dry run of this task (and its child tasks), if any: the console's "show the requests"
    /// runs a change's real provider code under one, with providers made for sending.
    @TaskLocal public static var current: DryRunRecorder?

    private let requests = Mutex<[PlannedRequest]>([])

    public init() {}

    func record(_ request: PlannedRequest) {
        requests.withLock { $0.append(request) }
    }

    /// How many requests were recorded.
    public var count: Int { requests.withLock { $0.count } }

    /// Every request recorded, in order.
    public var all: [PlannedRequest] { requests.withLock { $0 } }
}
