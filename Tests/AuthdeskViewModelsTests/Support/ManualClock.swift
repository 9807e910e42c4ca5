import Synchronization

/// A clock that moves only when the test says so, and tells the test who is sleeping on it,
/// so debounce tests wait for the sleeper instead of guessing with real time.
final class ManualClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        var id: Int
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct Store {
        var now = Instant(offset: .zero)
        var sleepers: [Sleeper] = []
        var cancelled: Set<Int> = []
        var nextID = 0
    }

    private let store = Mutex(Store())
    private let changed = Condition()

    var now: Instant { store.withLock { $0.now } }
    var minimumResolution: Duration { .zero }

    /// How many tasks are asleep on this clock right now.
    var sleeperCount: Int { store.withLock { $0.sleepers.count } }

    func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id = store.withLock { store in
            store.nextID += 1
            return store.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = store.withLock { store in
                    if store.cancelled.contains(id) || Task.isCancelled { return .failure(CancellationError()) }
                    if deadline <= store.now { return .success(()) }
                    store.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) } else { changed.signal() }
            }
        } onCancel: {
            let sleeper = store.withLock { store -> Sleeper? in
                store.cancelled.insert(id)
                if let i = store.sleepers.firstIndex(where: { $0.id == id }) {
                    return store.sleepers.remove(at: i)
                }
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
            changed.signal()
        }
    }

    /// Moves time on and wakes every sleeper whose deadline has come.
    func advance(by duration: Duration) {
        let due = store.withLock { store in
            store.now = store.now.advanced(by: duration)
            let now = store.now
            let due = store.sleepers.filter { $0.deadline <= now }
            store.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
        changed.signal()
    }

    /// Returns once exactly `count` tasks are asleep on the clock.
    func waitForSleepers(_ count: Int) async {
        await changed.wait { [self] in sleeperCount == count }
    }
}
