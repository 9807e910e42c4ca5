import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import Foundation
import Synchronization
import Testing
@testable import AuthdeskWorkflows

/// The command line's progress lines: a step the service throttled is said as a wait with its
/// length, not as a failure, and the user's row keeps running.
@Suite struct ResetProgressLogTests {
    typealias F = JournalFixture

    @Test func aThrottledStepIsAWaitNotAFailure() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let job = try await journal.createJob(F.plan(), operatorName: "helpdesk@contoso.com", ticket: nil)
        let lines = Mutex<[String]>([])
        var log = ResetProgressLog(jobID: job.id, before: try await journal.summary(of: job.id)) { line in
            lines.withLock { $0.append(line) }
        }
        let user = try #require(try await journal.users(of: job.id).first)
        let step = try #require(try await journal.steps(ofUser: user.id).first)
        let sent = try await journal.markSent(step: step.id)
        log.show(.stepSent(tenant: user.tenant, userID: user.userID, step: sent))
        let answered = try await journal.recordAnswer(step: step.id, StepAnswer(httpStatus: 429))
        log.show(.stepThrottled(tenant: user.tenant, userID: user.userID, step: answered, wait: .milliseconds(18_750)))

        let said = try #require(lines.withLock { $0.last })
        #expect(said.hasSuffix("\(user.tenant) \(user.displayName): \(step.planStep.description): throttled (429), sent again in 18.8 s"))
        #expect(!said.contains("failed:"))
        #expect(said.contains("0 failed, 1 running"))
        #expect(log.progress.row(user.tenant, user.userID)?.status == .running(step: "\(step.planStep.description): throttled, waiting"))
    }
}
