import Synchronization

/// A counter for request ids made from several tasks.
final class LockedCounter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock { $0 += 1; return $0 }
    }
}
