@testable import AuthdeskTeamJournal
import Synchronization
import Testing

/// The bound on a wait for PostgreSQL: the answer when it comes first, nil when the bound passes
/// first, and never a wait for an operation that ignores its cancellation (postgres-nio's
/// futures do), which is what kept a job waiting on a stopped server.
@Suite struct BoundedWaitTests {
    @Test func givesTheAnswerThatComesFirst() async {
        let answer = await BoundedWait.answer(within: .seconds(600)) { 42 }
        #expect(answer == 42)
    }

    @Test(.timeLimit(.minutes(1))) func givesUpOnAnOperationThatIgnoresCancellation() async {
        let stuck = Stuck()
        let answer = await BoundedWait.answer(within: .milliseconds(20)) { await stuck.wait() }
        // Had the wait waited for the operation, it would never have returned: only this frees it.
        #expect(answer == nil)
        stuck.free()
    }

    @Test func cancellingTheCallerCancelsTheOperation() async {
        let caller = Task {
            await BoundedWait.answer(within: .seconds(600)) { () async -> String in
                (try? await Task.sleep(for: .seconds(600))) == nil ? "cancelled" : "slept"
            }
        }
        caller.cancel()
        #expect(await caller.value == "cancelled")
    }
}

/// An operation that ends only when the test frees it, whatever its task's cancellation says.
private final class Stuck: Sendable {
    private let state = Mutex<(waiter: CheckedContinuation<Int, Never>?, freed: Bool)>((nil, false))

    func wait() async -> Int {
        await withCheckedContinuation { continuation in
            let freed = state.withLock { state in
                if !state.freed { state.waiter = continuation }
                return state.freed
            }
            if freed { continuation.resume(returning: 0) }
        }
    }

    func free() {
        let waiter = state.withLock { state in
            state.freed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: 0)
    }
}
