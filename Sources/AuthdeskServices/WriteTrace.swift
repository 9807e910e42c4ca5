import Synchronization

/// The write requests sent (or, in a dry run, recorded instead of sent) while it is the task's
/// current trace: how the audit learns a change's exact requests, and a dry run what it would
/// have sent. ``RecordingLoader`` appends every request that is not a read or a sign-in.
public final class WriteTrace: Sendable {
    /// The trace the loader appends to in this task (and its child tasks), if any.
    @TaskLocal public static var current: WriteTrace?

    private let requests = Mutex<[PlannedRequest]>([])

    public init() {}

    public func record(_ request: PlannedRequest) {
        requests.withLock { $0.append(request) }
    }

    /// Every request recorded, in the order they went.
    public var all: [PlannedRequest] { requests.withLock { $0 } }
}
