import Synchronization

/// Lets a test wait until something holds, woken by ``signal()`` whenever it may have changed:
/// no sleeping, no polling.
final class Condition: Sendable {
    private struct Waiter {
        var id: Int
        var isMet: @Sendable () -> Bool
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct Store {
        var waiters: [Waiter] = []
        var nextID = 0
    }

    private let store = Mutex(Store())

    /// Returns true once `isMet` is true, or false after `limit` (a guard against a hung test,
    /// not a way of timing anything: the condition is re-checked on every ``signal()``).
    @discardableResult
    func wait(until isMet: @escaping @Sendable () -> Bool, limit: Duration = .seconds(20)) async -> Bool {
        let id = store.withLock { store in
            store.nextID += 1
            return store.nextID
        }
        let guardTask = Task { [self] in
            try? await Task.sleep(for: limit)
            expire(id)
        }
        defer { guardTask.cancel() }
        return await withCheckedContinuation { continuation in
            let ready = store.withLock { store in
                if isMet() { return true }
                store.waiters.append(Waiter(id: id, isMet: isMet, continuation: continuation))
                return false
            }
            if ready { continuation.resume(returning: true) }
        }
    }

    /// Re-checks every waiter; resumes those whose condition now holds.
    func signal() {
        let ready = store.withLock { store in
            var ready: [CheckedContinuation<Bool, Never>] = []
            store.waiters.removeAll { waiter in
                guard waiter.isMet() else { return false }
                ready.append(waiter.continuation)
                return true
            }
            return ready
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    private func expire(_ id: Int) {
        let expired = store.withLock { store in
            let index = store.waiters.firstIndex { $0.id == id }
            return index.map { store.waiters.remove(at: $0) }
        }
        expired?.continuation.resume(returning: false)
    }
}
