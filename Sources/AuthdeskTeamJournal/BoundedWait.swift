import Synchronization

/// Waits for an operation no longer than a bound, and never for an operation that ignores
/// cancellation: postgres-nio's futures (a connection being made, a statement written to a
/// connection) do not end when their task is cancelled, so a task group, which waits for every
/// child, would wait for them too. The operation runs in a task of its own; past the bound it
/// is cancelled and left to end on its own.
enum BoundedWait {
    /// `operation`'s answer, or nil when `bound` passed first (the operation is then cancelled,
    /// not waited for). Cancelling the caller cancels the operation.
    static func answer<Value: Sendable>(
        within bound: Duration, _ operation: @escaping @Sendable () async -> Value
    ) async -> Value? {
        let first = FirstAnswer<Value?>()
        let work = Task { first.give(await operation()) }
        let timer = Task {
            try? await Task.sleep(for: bound)
            first.give(nil)
        }
        let answer = await withTaskCancellationHandler {
            await first.value()
        } onCancel: {
            work.cancel()
        }
        timer.cancel()
        if answer == nil { work.cancel() }
        return answer
    }
}

/// The first of several racing answers, kept for one waiter; later answers are dropped.
private final class FirstAnswer<Value: Sendable>: Sendable {
    private enum State {
        case waiting(CheckedContinuation<Value, Never>?)
        case answered(Value)
    }

    private let state = Mutex<State>(.waiting(nil))

    /// The first answer, once one is given.
    func value() async -> Value {
        await withCheckedContinuation { continuation in
            let early = state.withLock { state -> Value? in
                switch state {
                case .answered(let value):
                    return value
                case .waiting:
                    state = .waiting(continuation)
                    return nil
                }
            }
            if let early { continuation.resume(returning: early) }
        }
    }

    /// Gives `value` unless an answer was given already.
    func give(_ value: Value) {
        let waiter = state.withLock { state -> CheckedContinuation<Value, Never>? in
            guard case .waiting(let waiter) = state else { return nil }
            state = .answered(value)
            return waiter
        }
        waiter?.resume(returning: value)
    }
}
