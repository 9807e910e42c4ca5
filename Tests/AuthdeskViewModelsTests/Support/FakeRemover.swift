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
        var steps = Gate()
        var reads = Gate()
    }

    /// Holds calls (once closed) until the test lets a number of them through.
    private struct Gate {
        var holding = false
        var passes = 0
        var waiting: [CheckedContinuation<Void, Never>] = []

        /// Whether a call may go on now; if not, `continuation` waits for a release.
        mutating func admit(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
            guard holding else { return true }
            if passes > 0 {
                passes -= 1
                return true
            }
            waiting.append(continuation)
            return false
        }

        /// Lets `count` held (or later) calls through; returns the held ones to wake.
        mutating func release(_ count: Int) -> [CheckedContinuation<Void, Never>] {
            passes += count
            let n = min(passes, waiting.count)
            passes -= n
            defer { waiting.removeFirst(n) }
            return Array(waiting.prefix(n))
        }
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
        store.withLock { $0.steps.holding = true }
    }

    /// Lets `count` held (or later) steps through.
    func release(_ count: Int) {
        for continuation in store.withLock({ $0.steps.release(count) }) { continuation.resume() }
    }

    /// Holds every later read of a user's methods until ``releaseReads(_:)`` lets it through.
    func holdReads() {
        store.withLock { $0.reads.holding = true }
    }

    /// Lets `count` held (or later) reads through.
    func releaseReads(_ count: Int) {
        for continuation in store.withLock({ $0.reads.release(count) }) { continuation.resume() }
    }

    /// Returns once `count` steps have been sent (held or not).
    func waitForSteps(_ count: Int) async {
        await changed.wait { [self] in performed.count >= count }
    }

    func methods(of userID: String) async throws(ServiceFailure) -> [AuthMethod] {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            if store.withLock({ $0.reads.admit(continuation) }) { continuation.resume() }
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
                return store.steps.admit(continuation)
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
