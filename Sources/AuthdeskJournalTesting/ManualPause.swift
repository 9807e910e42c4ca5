import AuthdeskJournal
import Synchronization

/// The keeper's wait between renewals, stepped by the test: each wait is announced on
/// ``asked`` (with its length) and ends when the test calls ``proceed()``.
public final class ManualPause: Sendable {
    public let asked: AsyncStream<Duration>
    private let ask: AsyncStream<Duration>.Continuation
    private let state = Mutex<(permits: Int, waiting: [CheckedContinuation<Void, Never>])>((0, []))

    public init() {
        (asked, ask) = AsyncStream.makeStream(of: Duration.self)
    }

    public var pause: LeaseKeeper.Pause {
        { [self] interval in
            ask.yield(interval)
            await withCheckedContinuation { continuation in
                let go = state.withLock { state in
                    guard state.permits > 0 else {
                        state.waiting.append(continuation)
                        return false
                    }
                    state.permits -= 1
                    return true
                }
                if go { continuation.resume() }
            }
        }
    }

    /// Ends the current wait (or the next one, if none is waiting yet).
    public func proceed() {
        let woken = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.permits += 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        woken?.resume()
    }
}
