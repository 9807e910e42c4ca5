import AuthdeskCore
import AuthdeskJournalTesting
import Foundation
import Testing
@testable import AuthdeskJournal

/// A user's last answers and its move to `verifying` in one commit (a bulk run's users each save
/// a durable write), and the whole-job reads that replaced one query a user.
@Suite struct LastAnswersTests {
    typealias F = JournalFixture

    /// One user's two steps marked sent, then `answers` recorded as its last.
    static func answerLast(
        _ journal: Journal, _ answers: [StepAnswer]
    ) async throws -> (job: JobRecord, commits: Int, recorded: (steps: [JobStepRecord], user: JobUserRecord?)) {
        let job = try await journal.createJob(GroupCommitTests.plan(users: 1), operatorName: "helpdesk@contoso.com", ticket: "INC-9")
        let sent = try await journal.markSent(steps: GroupCommitTests.steps(journal, job).map(\.id), at: F.time(1))
        let before = journal.groupCommits
        let recorded = try await journal.recordLastAnswers(
            zip(sent.map(\.id), answers).map { (step: $0, answer: $1) }, verifying: sent[0].jobUserID, at: F.time(2))
        return (job, journal.groupCommits - before, recorded)
    }

    @Test func allDoneLastAnswersMoveTheUserToVerifyingInTheSameCommit() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let (job, commits, recorded) = try await Self.answerLast(
            journal, [StepAnswer(httpStatus: 204, requestID: "req-1"), StepAnswer(httpStatus: 404, requestID: "req-2")])
        #expect(recorded.steps.map(\.state) == [.done, .done])
        #expect(recorded.user?.state == .verifying)
        #expect(commits == 1)
        #expect(try await journal.users(of: job.id).first?.state == .verifying)
        // Each answer audited with the job's operator and ticket and the user's name.
        let audit = try await journal.audit()
        #expect(audit.map(\.requestID) == ["req-1", "req-2"])
        #expect(audit.allSatisfy { $0.operatorName == "helpdesk@contoso.com" && $0.ticket == "INC-9" && $0.userName == "User 0" })
        #expect(try await journal.verifyChain().isIntact)
    }

    @Test func aFailedLastAnswerLeavesTheUserRunning() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let (job, _, recorded) = try await Self.answerLast(
            journal,
            [StepAnswer(httpStatus: 204, requestID: "req-1"), StepAnswer(httpStatus: 500, errorCode: "boom", requestID: "req-2")])
        #expect(recorded.steps.map(\.state) == [.done, .failed])
        #expect(recorded.user == nil)
        #expect(try await journal.users(of: job.id).first?.state == .running)
    }

    @Test func theSummaryAndTheWorkLeftKeepEachUsersStepsAndKeptMethodsInOrder() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let job = try await journal.createJob(GroupCommitTests.plan(users: 3), operatorName: "helpdesk@contoso.com", ticket: nil)
        let users = try await journal.users(of: job.id)
        let first = try await journal.steps(ofUser: users[0].id)
        try await journal.markSent(step: first[0].id, at: F.time(1))
        try await journal.recordAnswer(step: first[0].id, StepAnswer(httpStatus: 204, requestID: "req-1"), at: F.time(1))
        let summary = try await journal.summary(of: job.id)
        #expect(summary.users.map(\.user.userID) == ["u-0", "u-1", "u-2"])
        for (entry, user) in zip(summary.users, users) {
            let steps = try await journal.steps(ofUser: user.id)
            #expect(entry.steps == steps)
            #expect(entry.steps.map(\.position) == [0, 1])
            #expect(entry.kept.map(\.jobUserID) == [user.id])
        }
        #expect(summary.counts.stepsDone == 1)
        let left = try await journal.remainingWork(of: job.id)
        #expect(left.map(\.user.userID) == ["u-0", "u-1", "u-2"])
        #expect(left[0].steps.map(\.id) == [first[1].id])
        #expect(left[1].steps.count == 2 && left[2].steps.count == 2)
    }

    @Test func textWithoutASecretsWordSkipsThePatternsAndTheRestIsStillScrubbed() {
        #expect(!SecretScrubber.mayHoldSecret("Adele Vance"))
        #expect(!SecretScrubber.mayHoldSecret("already gone (HTTP 404)"))
        #expect(SecretScrubber.mayHoldSecret("my Password: x"))
        #expect(SecretScrubber.mayHoldSecret("BEARER abc"))
        #expect(SecretScrubber.mayHoldSecret("eyJhbGciOi.eyJzdWIi.sig"))
        #expect(SecretScrubber.mayHoldSecret("Zoë"))  // beyond ASCII: always through the patterns
        let scrubber = SecretScrubber()
        #expect(scrubber.scrub("Adele Vance").text == "Adele Vance")
        #expect(scrubber.scrub("new pass: Xy7!abcd").text == "new pass: <redacted>")
        #expect(scrubber.scrub("Authorization: Bearer abc.def").text.contains("Bearer <redacted>"))
    }
}
