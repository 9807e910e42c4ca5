import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskSandbox
import AuthdeskServices
import Foundation
import Synchronization
import Testing

/// A user whose write the sandbox still throttles after the transport's attempts is kept: the
/// engine waits as long as the answer's `Retry-After` asks, on a manual clock the sandbox's
/// budget follows, and sends the user again from its first step not done; nothing done is sent
/// twice.
@Suite(.timeLimit(.minutes(2))) struct ThrottledResendTests {
    /// The sandbox's clock, moved only by the engine's waits, which it notes (nothing really waits).
    final class EngineWaits: Sendable {
        private let clock = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
        private let waits = Mutex<[Duration]>([])

        var now: @Sendable () -> Date { { self.clock.withLock { $0 } } }
        var asked: [Duration] { waits.withLock { $0 } }

        var sleep: @Sendable (Duration) async throws -> Void {
            { duration in
                self.waits.withLock { $0.append(duration) }
                self.clock.withLock { $0 = $0.addingTimeInterval(duration / .seconds(1)) }
            }
        }
    }

    @Test func aThrottledUserIsSentAgainAfterTheServicesWaitFromItsFirstStepNotDone() async throws {
        // Eight writes per 150 s on the sandbox's clock: the first chain gets eight writes
        // through, the ninth is answered 429 with a Retry-After of 150 / 8 s, and the rest 424;
        // each wait refills one write.
        let budget = 8
        let waits = EngineWaits()
        var options = SandboxOptions(usersPerTenant: 0, graphWriteBudget: budget)
        options.now = waits.now
        let sandbox = try await Sandbox.start(options)
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let provider = try ChainedWritesTests.provider(sandbox, retries: false)
        let journal = try fixture.open()
        let longest = try await ChainedWritesTests.longestUser(provider)
        try #require(longest.steps > budget + 1, "the test needs a chain longer than the budget")
        try #require(longest.steps - budget <= BulkResetEngine.throttledResends, "the test needs a user the resends can finish")
        let plan = try await ChainedWritesTests.job([longest.name], provider: provider, journal: journal)
        let user = try #require(plan.users.first)
        let before = sandbox.stats()

        let events = try await ChainedWritesTests.run(journal, provider, writes: .chained, sleep: waits.sleep)

        let summary = try #require(try await journal.summary(of: "chained").users.first)
        #expect(summary.user.state == .done, "\(summary.user.reason ?? "")")
        #expect(summary.steps.allSatisfy { $0.state == .done && $0.requestID?.isEmpty == false })
        #expect(summary.steps.first?.attempts == 1, "the step done in the first chain is never sent again")
        let asked = waits.asked
        #expect(asked.count == longest.steps - budget, "one wait for each write the budget refused")
        #expect(asked.allSatisfy { $0 >= .seconds(18) }, "each wait is the service's Retry-After (150 / 8 s): \(asked)")
        // The front ends are told of each wait as it begins, with the throttled step, and never
        // of a throttled or not-run (424) step as a failure.
        let throttled = events.compactMap { if case .stepThrottled(_, _, let step, let wait) = $0 { (step, wait) } else { nil } }
        #expect(throttled.map(\.1) == asked)
        #expect(throttled.allSatisfy { $0.0.httpStatus == 429 })
        let failures = events.filter { if case .stepFinished(_, _, let step) = $0 { step.state != .done } else { false } }
        #expect(failures.isEmpty, "\(failures)")
        // The service ran each step once when it went through, and once for each 429: nothing
        // that was done was run twice (a failed dependency's 424 is not run).
        let after = sandbox.stats()
        // Writes run: those inside batches, and those sent alone (a chain's last step).
        let writes = { (stats: SandboxStats) in
            stats.innerByMethod.filter { $0.key != "GET" }.values.reduce(0, +) + stats.writes - stats.batches
        }
        let ran = writes(after) - writes(before)
        #expect(ran == user.plan.steps.count + asked.count)
        #expect(ResetPolicy.all.leftovers(in: try await provider.methods(of: user.userID)).isEmpty)
        await sandbox.stop()
    }

    @Test func aStepsAnswerKeepsTheWaitTheServiceAskedFor() {
        let answer = StepAnswer(ServiceError(kind: .throttled, status: 429, message: "busy", retryAfter: .seconds(2.5)))
        #expect(answer.httpStatus == 429 && answer.retryAfter == .seconds(2.5))
    }
}
