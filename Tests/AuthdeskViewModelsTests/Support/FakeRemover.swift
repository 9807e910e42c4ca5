import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import Synchronization

/// An in-memory ``MethodRemover`` for the bulk screen's tests: methods per user, every step
/// recorded, chosen methods failed with a given answer, and steps held until the test lets
/// them through (to pause or cancel with a step in flight).
final class FakeRemover: MethodRemover {
    private struct Store {
        var methods: [String: [AuthMethod]]
        var defaults: [String: String] = [:]
        var performed: [String] = []
        var failures: [String: StepAnswer] = [:]
        var unreadable: [String: ServiceFailure] = [:]
        var holding = false
        var passes = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
        var holdingReads = false
        var readPasses = 0
        var readsWaiting: [CheckedContinuation<Void, Never>] = []
    }

    private let store: Mutex<Store>
    private let changed = Condition()

    init(methods: [String: [AuthMethod]], defaults: [String: String] = [:]) {
        store = Mutex(Store(methods: methods, defaults: defaults))
    }

    /// `userID/methodID` of every step sent, in order.
    var performed: [String] { store.withLock { $0.performed } }

    /// Answers every later step on `methodID` with `answer`.
    func fail(_ methodID: String, with answer: StepAnswer) {
        store.withLock { $0.failures[methodID] = answer }
    }

    /// Answers later steps on `methodID` normally again.
    func succeed(_ methodID: String) {
        store.withLock { $0.failures[methodID] = nil }
    }

    /// Makes reading `userID`'s methods fail.
    func unreadable(_ userID: String, _ failure: ServiceFailure) {
        store.withLock { $0.unreadable[userID] = failure }
    }

    /// Holds every later step until ``release(_:)`` lets it through.
    func hold() {
        store.withLock { $0.holding = true }
    }

    /// Lets `count` held (or later) steps through.
    func release(_ count: Int) {
        let woken = store.withLock { store in
            store.passes += count
            let n = min(store.passes, store.waiting.count)
            store.passes -= n
            let woken = Array(store.waiting.prefix(n))
            store.waiting.removeFirst(n)
            return woken
        }
        for continuation in woken { continuation.resume() }
    }

    /// Holds every later read of a user's methods until ``releaseReads(_:)`` lets it through.
    func holdReads() {
        store.withLock { $0.holdingReads = true }
    }

    /// Lets `count` held (or later) reads through.
    func releaseReads(_ count: Int) {
        let woken = store.withLock { store in
            store.readPasses += count
            let n = min(store.readPasses, store.readsWaiting.count)
            store.readPasses -= n
            let woken = Array(store.readsWaiting.prefix(n))
            store.readsWaiting.removeFirst(n)
            return woken
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns once `count` steps have been sent (held or not).
    func waitForSteps(_ count: Int) async {
        await changed.wait { [self] in performed.count >= count }
    }

    func methods(of userID: String) async throws(ServiceFailure) -> [AuthMethod] {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let proceed = store.withLock { store in
                guard store.holdingReads else { return true }
                if store.readPasses > 0 {
                    store.readPasses -= 1
                    return true
                }
                store.readsWaiting.append(continuation)
                return false
            }
            if proceed { continuation.resume() }
        }
        let (methods, failure) = store.withLock { ($0.methods[userID] ?? [], $0.unreadable[userID]) }
        if let failure { throw failure }
        return methods
    }

    func defaultMethodID(of userID: String, among methods: [AuthMethod]) async throws(ServiceFailure) -> String? {
        store.withLock { $0.defaults[userID] }
    }

    func perform(_ step: PlanStep, of userID: String) async -> StepAnswer {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let proceed = store.withLock { store in
                store.performed.append("\(userID)/\(step.methodID)")
                guard store.holding else { return true }
                if store.passes > 0 {
                    store.passes -= 1
                    return true
                }
                store.waiting.append(continuation)
                return false
            }
            changed.signal()
            if proceed { continuation.resume() }
        }
        return store.withLock { store in
            if let failure = store.failures[step.methodID] { return failure }
            store.methods[userID]?.removeAll { $0.id == step.methodID }
            return StepAnswer(httpStatus: 204, requestID: "req-ok")
        }
    }
}
