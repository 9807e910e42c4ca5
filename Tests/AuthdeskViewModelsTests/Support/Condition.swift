import Synchronization

/// Lets a test wait until something holds, woken by ``signal()`` whenever it may have changed:
/// no sleeping, no polling.
///
/// Whoever changes the watched data calls ``signal()`` after releasing its own lock.
final class Condition: Sendable {
    private struct Waiter {
        var isMet: @Sendable () -> Bool
        var continuation: CheckedContinuation<Void, Never>
    }

    private let waiters = Mutex<[Waiter]>([])

    init() {}

    /// Returns once `isMet` is true.
    func wait(until isMet: @escaping @Sendable () -> Bool) async {
        await withCheckedContinuation { continuation in
            let ready = waiters.withLock { waiters in
                if isMet() { return true }
                waiters.append(Waiter(isMet: isMet, continuation: continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Re-checks every waiter; resumes those whose condition now holds.
    func signal() {
        let ready = waiters.withLock { waiters in
            var ready: [CheckedContinuation<Void, Never>] = []
            waiters.removeAll { waiter in
                guard waiter.isMet() else { return false }
                ready.append(waiter.continuation)
                return true
            }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }
}
