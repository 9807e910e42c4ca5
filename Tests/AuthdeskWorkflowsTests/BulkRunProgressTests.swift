import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import Foundation
import Testing
@testable import AuthdeskWorkflows

/// The run's counts are kept as events change rows (not recounted on every event): after any
/// sequence of events they equal a count made from the rows.
@Suite struct BulkRunProgressTests {
    typealias F = JournalFixture

    static func recount(_ progress: BulkRunProgress) -> [Int] {
        let rows = progress.rows
        return [
            rows.reduce(0) { $0 + $1.steps }, rows.reduce(0) { $0 + $1.stepsDone },
            rows.filter { $0.status == .done }.count,
            rows.filter { if case .failed = $0.status { true } else { false } }.count,
            rows.filter(\.isFinished).count,
            rows.filter { if case .running = $0.status { true } else { $0.status == .verifying } }.count,
        ]
    }

    static func counts(_ progress: BulkRunProgress) -> [Int] {
        [progress.totalSteps, progress.stepsDone, progress.usersDone, progress.usersFailed, progress.usersFinished,
         progress.usersRunning]
    }

    @Test func theCountsFollowEveryEventAsARecountWould() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let job = try await journal.createJob(F.plan(), operatorName: "helpdesk@contoso.com", ticket: nil)
        let summary = try await journal.summary(of: job.id)
        var progress = BulkRunProgress(jobID: job.id, rows: summary.users.map(BulkRunRow.init), at: .zero)
        #expect(Self.counts(progress) == Self.recount(progress))
        #expect(progress.totalSteps > 0 && progress.usersRunning == 0)
        let users = try await journal.users(of: job.id)
        var time = Duration.zero
        func apply(_ event: BulkResetEvent) {
            time += .milliseconds(10)
            progress.apply(event, at: time)
            #expect(Self.counts(progress) == Self.recount(progress), "after \(event)")
        }
        for (index, user) in users.enumerated() {
            for step in try await journal.steps(ofUser: user.id) {
                apply(.stepSent(tenant: user.tenant, userID: user.userID, step: try await journal.markSent(step: step.id)))
                let status = index == 1 ? 403 : 204
                let answered = try await journal.recordAnswer(step: step.id, StepAnswer(httpStatus: status))
                apply(.stepFinished(tenant: user.tenant, userID: user.userID, step: answered))
            }
            apply(.verifying(tenant: user.tenant, userID: user.userID))
            let state: UserState = index == 1 ? .failed : .done
            apply(.userFinished(try await journal.setUserState(user.id, to: state, reason: index == 1 ? "403" : nil)))
        }
        #expect(progress.usersDone == 2 && progress.usersFailed == 1 && progress.usersFinished == 3)
        #expect(progress.row("fabrikam", "u-ben")?.displayName == "Ben Walters")
        #expect(progress.row("contoso", "u-ben") == nil)
    }
}
