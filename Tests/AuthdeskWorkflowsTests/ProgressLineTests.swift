import AuthdeskBulkReset
import AuthdeskJournal
@testable import AuthdeskWorkflows
import Testing

/// The command line's progress line while a job runs: the counts, the rate, the time left, and
/// the waits for the service's limits from the same progress the console's run screen draws.
struct ProgressLineTests {
    private func progress() -> BulkRunProgress {
        let rows = [
            BulkRunRow(tenant: "contoso", userID: "u1", displayName: "Avery", steps: 2, stepsDone: 2, status: .done),
            BulkRunRow(tenant: "contoso", userID: "u2", displayName: "Priya", steps: 2, stepsDone: 0, status: .waiting),
        ]
        var progress = BulkRunProgress(jobID: "job-1", rows: rows, at: .zero)
        progress.now = .seconds(2)
        return progress
    }

    @Test func theLineSaysUsersAndSteps() {
        let line = ProgressLine.running(progress())
        #expect(line.hasPrefix("[##########----------] users 1/2 done, 0 failed, 0 running; steps 2/4, "))
        #expect(!line.contains("waiting"))
    }

    @Test func aWaitForTheServiceLimitsComesFirstAfterTheBarUntilItEnds() {
        var progress = progress()
        progress.apply(.began(id: 7, ServiceWait(tenant: "contoso", duration: .milliseconds(7500))), at: .seconds(3))
        let line = ProgressLine.running(progress)
        #expect(line.hasPrefix("[##########----------] waiting for limits: 7.5 s, contoso; users 1/2 done, 0 failed"))
        #expect(line.prefix(79).contains("waiting for limits: 7.5 s, contoso"), "shown on an 80-column terminal")
        progress.apply(.ended(id: 7, tenant: "contoso"), at: .seconds(10))
        #expect(!ProgressLine.running(progress).contains("waiting"))
    }

    @Test func theRunsEventsAndWaitsComeInOneStreamThatEndsWithBoth() async {
        let (events, eventsIn) = AsyncStream.makeStream(of: BulkResetEvent.self)
        let (waits, waitsIn) = AsyncStream.makeStream(of: ServiceWait.Event.self)
        let updates = ResetRunUpdate.merging(events, waits)
        eventsIn.yield(.started(job: "job-1", users: 2, steps: 4))
        waitsIn.yield(.began(id: 1, ServiceWait(tenant: "contoso", duration: .seconds(2))))
        waitsIn.yield(.ended(id: 1, tenant: "contoso"))
        waitsIn.finish()
        eventsIn.yield(.paused)
        eventsIn.finish()
        var engine: [BulkResetEvent] = []
        var heard: [ServiceWait.Event] = []
        for await update in updates {
            switch update {
            case .engine(let event): engine.append(event)
            case .wait(let wait): heard.append(wait)
            }
        }
        #expect(engine.count == 2)
        #expect(heard == [.began(id: 1, ServiceWait(tenant: "contoso", duration: .seconds(2))), .ended(id: 1, tenant: "contoso")])
    }
}
