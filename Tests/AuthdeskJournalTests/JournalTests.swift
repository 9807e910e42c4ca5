import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import Foundation
import GRDB
import Testing

/// The job journal's rules, run against both stores: the SQLite journal, and PostgreSQL (team mode).
@Suite(.serialized) struct JournalTests {
    typealias F = JournalFixture

    /// Job "job-1" of the fixture's plan: its users, and Adele's steps with the first one sent.
    static func jobWithAdelesFirstStepSent(_ journal: any JournalStorage) async throws -> ([JobUserRecord], [JobStepRecord]) {
        try await journal.createJob(F.plan(), id: "job-1", at: F.time(0))
        let users = try await journal.users(of: "job-1")
        let adeleSteps = try await journal.steps(ofUser: users[0].id)
        try await journal.markSent(step: adeleSteps[0].id, at: F.time(1))
        return (users, adeleSteps)
    }

    @Test func createsTheSchemaInWALModeInAFreshDirectory() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try Journal(directory: StateDirectory(url: fixture.directory.appendingPathComponent("state/authdesk")))
        #expect(try await journal.journalMode() == "wal")
        #expect(FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("state/authdesk/journal.sqlite").path))
        #expect(try await journal.jobs().isEmpty)
        let reopened = try Journal(url: journal.url)
        #expect(try await reopened.jobs().isEmpty)
    }

    @Test(arguments: AuditStore.allCases) func aJobIsRecordedWithItsUsersStepsAndKeptMethodsInPlanOrder(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            let plan = try F.plan()
            let job = try await journal.createJob(plan, operatorName: "helpdesk@contoso.com", ticket: "INC-1234", id: "job-1", at: F.time(0))
            #expect(job.state == .planned)
            #expect(try await journal.job("job-1") == job)
            let users = try await journal.users(of: "job-1")
            #expect(users.map(\.userID) == ["u-adele", "u-ben", "u-cameron"])
            #expect(users.map(\.tenant) == ["contoso", "fabrikam", "contoso"])
            #expect(users.allSatisfy { $0.state == .waiting })
            let adeleSteps = try await journal.steps(ofUser: users[0].id)
            #expect(adeleSteps.map(\.planStep) == plan.users[0].plan.steps)
            #expect(adeleSteps.allSatisfy { $0.state == .pending && $0.attempts == 0 })
            let summary = try await journal.summary(of: "job-1")
            #expect(summary.users[1].kept.map(\.methodID).sorted() == ["28c10230-6103-485e-b985-444c60001490", "fido-1"])
            #expect(summary.counts.steps == 4)
            #expect(summary.counts.usersUntouched == 3)
        }
    }

    @Test(arguments: AuditStore.allCases) func anUnknownJobIsAClearError(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            await #expect(throws: JournalError.noSuchJob("nope")) { try await journal.job("nope") }
            await #expect(throws: JournalError.noSuchStep(99)) { try await journal.markSent(step: 99) }
        }
    }

    @Test(arguments: AuditStore.allCases) func jobStatesMoveOnlyAsAllowed(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            try await journal.createJob(F.plan(), id: "job-1", at: F.time(0))
            try await journal.setJobState("job-1", to: .running, at: F.time(1))
            try await journal.setJobState("job-1", to: .paused, at: F.time(2))
            try await journal.setJobState("job-1", to: .running, at: F.time(3))
            try await journal.setJobState("job-1", to: .finished, at: F.time(4))
            await #expect(throws: JournalError.self) { try await journal.setJobState("job-1", to: .running) }
            await #expect(throws: JournalError.self, "no failed user to retry") { try await journal.reopenToRetry("job-1") }
            #expect(try await journal.job("job-1").state == .finished)
            #expect(try await journal.job("job-1").updatedAt == F.time(4))
        }
    }

    @Test(arguments: AuditStore.allCases) func aStepGoesPendingSentDoneAndIsNeverSentAgain(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            try await journal.createJob(F.plan(), operatorName: "op@contoso.com", ticket: "INC-1", id: "job-1", at: F.time(0))
            let adele = try await journal.users(of: "job-1")[0]
            let step = try await journal.steps(ofUser: adele.id)[0]

            let sent = try await journal.markSent(step: step.id, at: F.time(1))
            #expect(sent.state == .sent && sent.attempts == 1 && sent.sentAt == F.time(1))
            #expect(try await journal.users(of: "job-1")[0].state == .running)

            let done = try await journal.recordAnswer(step: step.id, StepAnswer(httpStatus: 204, requestID: "req-1"), at: F.time(2))
            #expect(done.state == .done && done.httpStatus == 204 && done.requestID == "req-1" && done.finishedAt == F.time(2))
            await #expect(throws: JournalError.self) { try await journal.markSent(step: step.id) }
            await #expect(throws: JournalError.self) { try await journal.recordAnswer(step: step.id, StepAnswer(httpStatus: 204)) }

            let audit = try await journal.audit(job: "job-1")
            #expect(audit.count == 1)
            #expect(audit[0].action == "delete method" && audit[0].outcome == .succeeded && audit[0].requestID == "req-1")
            #expect(audit[0].operatorName == "op@contoso.com" && audit[0].ticket == "INC-1" && audit[0].tenant == "contoso")
            #expect(audit[0].target == "\(step.title) \(step.methodID)")
        }
    }

    @Test(arguments: AuditStore.allCases) func aFailedAnswerKeepsStatusCodeAndRequestID(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            try await journal.createJob(F.plan(), id: "job-1", at: F.time(0))
            let ben = try await journal.users(of: "job-1")[1]
            let step = try await journal.steps(ofUser: ben.id)[0]
            #expect(step.action == .deactivate)
            try await journal.markSent(step: step.id, at: F.time(1))
            let answer = StepAnswer(httpStatus: 403, errorCode: "accessDenied", message: "Request Authorization failed", requestID: "req-9")
            let failed = try await journal.recordAnswer(step: step.id, answer, at: F.time(2))
            #expect(failed.state == .failed && failed.httpStatus == 403 && failed.errorCode == "accessDenied")
            #expect(failed.errorMessage == "Request Authorization failed" && failed.requestID == "req-9")
            try await journal.setUserState(ben.id, to: .failed, reason: answer.summary, at: F.time(3))
            let summary = try await journal.summary(of: "job-1")
            #expect(summary.users[1].failures.map(\.id) == [step.id])
            #expect(summary.counts.usersFailed == 1 && summary.counts.stepsFailed == 1)
            let audit = try await journal.audit(user: "u-ben")
            #expect(audit.map(\.outcome) == [.failed])
            #expect(audit[0].detail == "HTTP 403 accessDenied: Request Authorization failed")
        }
    }

    @Test(arguments: AuditStore.allCases) func a404OnDeleteIsDoneButA404OnDeactivateIsNot(store: AuditStore) async throws {
        #expect(StepAnswer(httpStatus: 404).succeeded(for: .delete))
        #expect(!StepAnswer(httpStatus: 404).succeeded(for: .deactivate))
        #expect(StepAnswer(httpStatus: 204).succeeded(for: .deactivate))
        #expect(!StepAnswer(httpStatus: 400, errorCode: "badRequest").succeeded(for: .delete))
        #expect(!StepAnswer(httpStatus: nil).succeeded(for: .delete))

        try await store.withLog { opened in
            let journal = opened.log
            try await journal.createJob(F.plan(), id: "job-1", at: F.time(0))
            let adele = try await journal.users(of: "job-1")[0]
            let step = try await journal.steps(ofUser: adele.id)[0]
            try await journal.markSent(step: step.id, at: F.time(1))
            let done = try await journal.recordAnswer(step: step.id, StepAnswer(httpStatus: 404, errorCode: "notFound"), at: F.time(2))
            #expect(done.state == .done)
            #expect(try await journal.audit(job: "job-1").first?.detail == "already gone (HTTP 404)")
        }
    }

    @Test(arguments: AuditStore.allCases) func remainingWorkListsPendingAndSentStepsOfUnfinishedUsers(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            let (users, adeleSteps) = try await Self.jobWithAdelesFirstStepSent(journal)
            try await journal.recordAnswer(step: adeleSteps[0].id, StepAnswer(httpStatus: 204), at: F.time(2))
            try await journal.markSent(step: adeleSteps[1].id, at: F.time(3))
            let benStep = try await journal.steps(ofUser: users[1].id)[0]
            try await journal.markSent(step: benStep.id, at: F.time(4))
            try await journal.recordAnswer(step: benStep.id, StepAnswer(httpStatus: 500), at: F.time(5))
            try await journal.setUserState(users[1].id, to: .failed, reason: "HTTP 500", at: F.time(6))
            try await journal.setUserState(users[2].id, to: .done, at: F.time(6))

            let work = try await journal.remainingWork(of: "job-1")
            #expect(work.map(\.user.userID) == ["u-adele"])
            #expect(work[0].steps.map(\.id) == Array(adeleSteps[1...].map(\.id)))
            #expect(work[0].unknownOutcome.map(\.id) == [adeleSteps[1].id])

            let retry = try await journal.remainingWork(of: "job-1", retryFailed: true)
            #expect(retry.map(\.user.userID) == ["u-adele", "u-ben"])
            #expect(retry[1].steps.map(\.id) == [benStep.id])
            let resent = try await journal.markSent(step: benStep.id, at: F.time(7))
            #expect(resent.attempts == 2 && resent.httpStatus == nil)
            #expect(try await journal.users(of: "job-1")[1].state == .running)
        }
    }

    @Test(arguments: AuditStore.allCases) func anotherProcessOrHostResumesAStepLeftSentAndBecomesTheJobsHost(store: AuditStore) async throws {
        try await store.withLog { opened in
            let first = try await opened.reopen("host-a")
            let created = try await first.createJob(F.plan(), id: "job-1", at: F.time(0))
            #expect(created.host == "host-a")
            try await first.setJobState("job-1", to: .running, at: F.time(1))
            let adele = try await first.users(of: "job-1")[0]
            let steps = try await first.steps(ofUser: adele.id)
            try await first.markSent(step: steps[0].id, at: F.time(2))
            try await first.recordAnswer(step: steps[0].id, StepAnswer(httpStatus: 204), at: F.time(3))
            try await first.markSent(step: steps[1].id, at: F.time(4))
            // The process "dies" here: the first journal is never closed; a second one (another
            // process, or another host on the shared journal) opens the store.
            let second = try await opened.reopen("host-b")
            #expect(try await second.job("job-1").state == .running)
            #expect(try await second.job("job-1").host == "host-a")
            let work = try await second.remainingWork(of: "job-1")
            #expect(work.first?.steps.first?.id == steps[1].id)
            #expect(work.first?.steps.first?.state == .sent)
            #expect(!work.flatMap(\.steps).contains { $0.id == steps[0].id })
            let resumed = try await second.setJobState("job-1", to: .running, at: F.time(5))
            #expect(resumed.host == "host-b")
            #expect(try await first.job("job-1").host == "host-b")
            #expect(try await first.jobs().map(\.job.host) == ["host-b"])
            let resent = try await second.markSent(step: steps[1].id, at: F.time(6))
            #expect(resent.attempts == 2)
            let done = try await second.recordAnswer(step: steps[1].id, StepAnswer(httpStatus: 404), at: F.time(7))
            #expect(done.state == .done)
            #expect(try await first.steps(ofUser: adele.id)[1].state == .done)
            await #expect(throws: JournalError.self) { try await first.markSent(step: steps[1].id) }
        }
    }

    @Test func aCrashImageOfTheFilesIsConsistentAndResumable() async throws {
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        try await journal.createJob(F.plan(), id: "job-1", at: F.time(0))
        let adele = try await journal.users(of: "job-1")[0]
        let steps = try await journal.steps(ofUser: adele.id)
        try await journal.markSent(step: steps[0].id, at: F.time(1))
        // What SIGKILL leaves: the files as they are on disk while the journal is open, without
        // a checkpoint (the committed transactions are in the write-ahead log).
        let image = fixture.directory.appendingPathComponent("image")
        try FileManager.default.createDirectory(at: image, withIntermediateDirectories: true)
        let walSize = (try FileManager.default.attributesOfItem(atPath: fixture.url.path + "-wal")[.size] as? NSNumber)?.intValue ?? 0
        #expect(walSize > 0, "the commits are in the write-ahead log, not yet checkpointed")
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: fixture.url.path + suffix, toPath: image.appendingPathComponent("journal.sqlite").path + suffix)
        }
        let recovered = try Journal(url: image.appendingPathComponent("journal.sqlite"))
        let work = try await recovered.remainingWork(of: "job-1")
        #expect(work.first?.steps.map(\.id) == steps.map(\.id))
        #expect(work.first?.steps.first?.state == .sent)
        #expect(work.first?.steps.first?.attempts == 1)
    }

    @Test(arguments: AuditStore.allCases) func jobsAreListedNewestFirstWithCounts(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            try await journal.createJob(F.plan(), id: "job-old", at: F.time(0))
            try await journal.createJob(F.plan(), ticket: "INC-2", id: "job-new", at: F.time(60))
            let cameron = try await journal.users(of: "job-new")[2]
            try await journal.setUserState(cameron.id, to: .done, at: F.time(61))
            let listings = try await journal.jobs()
            #expect(listings.map(\.job.id) == ["job-new", "job-old"])
            #expect(listings[0].counts.usersDone == 1 && listings[0].counts.users == 3)
            #expect(listings[1].counts.usersDone == 0)
            let csv = JobListing.report(listings).render(.csv)
            #expect(csv.hasPrefix("id,created,operator,host,ticket,policy,state,usersDone,usersFailed,users\r\n"))
            #expect(csv.contains("job-new,"))
        }
    }

    @Test(arguments: AuditStore.allCases) func theSummaryExportsUsersAndStepsWithReasons(store: AuditStore) async throws {
        try await store.withLog { opened in
            let journal = opened.log
            let (_, adeleSteps) = try await Self.jobWithAdelesFirstStepSent(journal)
            try await journal.recordAnswer(
                step: adeleSteps[0].id,
                StepAnswer(httpStatus: 400, errorCode: "badRequest", message: "Cannot delete default method", requestID: "r-1"),
                at: F.time(2))
            let summary = try await journal.summary(of: "job-1")
            let rows = summary.usersReport().rows
            #expect(rows.count == 3)
            #expect(rows[0][3] == "running")
            #expect(rows[0][5] == "1" && rows[0][6] == "2")
            #expect(rows[0][8]?.contains("HTTP 400 badRequest") == true)
            #expect(rows[0][8]?.contains("request id r-1") == true)
            let json = summary.stepsReport().render(.json)
            #expect(json.contains("\"requestId\" : \"r-1\""))
            let data = try JSONEncoder().encode(summary)
            let decoded = try JSONDecoder().decode(JobSummary.self, from: data)
            #expect(decoded.counts == summary.counts)
        }
    }
}
