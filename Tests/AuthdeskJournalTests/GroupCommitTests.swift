import AuthdeskCore
import AuthdeskJournalTesting
import Foundation
import Testing
@testable import AuthdeskJournal

/// Several steps' `sent` marks and answers in one durable transaction: a chain's in one call,
/// concurrent users' in one group commit; each write keeps its own rules and its own error.
@Suite struct GroupCommitTests {
    typealias F = JournalFixture

    /// `count` contoso users with an alternate and a mobile phone each (two steps a user).
    static func plan(users count: Int) throws -> ResetJobPlan {
        try ResetJobPlan(policy: .portal, users: (0..<count).map { index in
            UserResetPlan(
                tenant: "contoso",
                user: DirectoryUser(id: "u-\(index)", displayName: "User \(index)", principalName: "user\(index)@contoso.com"),
                methods: [F.password, F.mobile, F.alternate], policy: .portal)
        })
    }

    static func steps(_ journal: Journal, _ job: JobRecord) async throws -> [JobStepRecord] {
        var steps: [JobStepRecord] = []
        for user in try await journal.users(of: job.id) {
            steps += try await journal.steps(ofUser: user.id)
        }
        return steps
    }

    @Test func aChainIsMarkedSentAndAnsweredInOneTransactionEach() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let job = try await journal.createJob(Self.plan(users: 1), operatorName: "helpdesk@contoso.com", ticket: "INC-9")
        let steps = try await Self.steps(journal, job)
        #expect(steps.count == 2)
        let before = journal.groupCommits
        let sent = try await journal.markSent(steps: steps.map(\.id), at: F.time(1))
        #expect(sent.map(\.state) == [.sent, .sent])
        #expect(sent.map(\.attempts) == [1, 1])
        #expect(journal.groupCommits == before + 1)
        let answers = [StepAnswer(httpStatus: 204, requestID: "req-1"), StepAnswer(httpStatus: 500, errorCode: "boom", requestID: "req-2")]
        let finished = try await journal.recordAnswers(Array(zip(sent.map(\.id), answers)).map { (step: $0.0, answer: $0.1) }, at: F.time(2))
        #expect(finished.map(\.state) == [.done, .failed])
        #expect(journal.groupCommits == before + 2)
        #expect(try await journal.users(of: job.id).first?.state == .running)
        #expect(try await journal.audit().map(\.requestID) == ["req-1", "req-2"])
        #expect(try await journal.verifyChain().isIntact)
        await #expect(throws: JournalError.self) { try await journal.markSent(steps: [sent[0].id], at: F.time(3)) }
    }

    @Test func concurrentUsersShareCommitsAndAFailedWriteKeepsTheOthers() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let job = try await journal.createJob(Self.plan(users: 48), operatorName: "helpdesk@contoso.com", ticket: nil)
        let steps = try await Self.steps(journal, job)
        let done = steps[0]
        try await journal.markSent(step: done.id, at: F.time(1))
        try await journal.recordAnswer(step: done.id, StepAnswer(httpStatus: 204, requestID: "req-0"), at: F.time(1))
        let before = journal.groupCommits
        let refused = await withTaskGroup(of: Bool.self) { group in
            for step in steps {
                group.addTask {
                    do {
                        try await journal.markSent(step: step.id, at: F.time(2))
                        return false
                    } catch {
                        return true
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(refused == 1)  // the done step, and only it
        let commits = journal.groupCommits - before
        #expect(commits >= 1 && commits < steps.count, "\(commits) commits for \(steps.count) marks")
        let states = try await Self.steps(journal, job).map(\.state)
        #expect(states.first == .done)
        #expect(states.dropFirst().allSatisfy { $0 == .sent })
    }
}
