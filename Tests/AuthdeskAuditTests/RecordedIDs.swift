import Synchronization

/// The client-request-ids a transport made, recorded from any task.
final class RecordedIDs: Sendable {
    private let ids = Mutex<[String]>([])

    /// Makes the next id (`client-1`, `client-2`, ...) and records it.
    func next() -> String {
        ids.withLock { ids in
            ids.append("client-\(ids.count + 1)")
            return ids[ids.count - 1]
        }
    }

    var all: [String] { ids.withLock { $0 } }
}
