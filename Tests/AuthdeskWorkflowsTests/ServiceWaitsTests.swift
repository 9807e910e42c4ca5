import AuthdeskBulkReset
import AuthdeskJournal
@testable import AuthdeskWorkflows
import Synchronization
import Testing

/// The transport's waits announced per tenant, and how a run's progress says them.
struct ServiceWaitsTests {
    @Test func aWaitOfASecondOrMoreIsAnnouncedAsItBeginsAndEnds() async throws {
        let waits = ServiceWaits()
        let heard = Mutex<[ServiceWait.Event]>([])
        waits.observe { event in heard.withLock { $0.append(event) } }
        let slept = Mutex<[Duration]>([])
        let sleep = waits.sleep(for: "contoso") { duration in slept.withLock { $0.append(duration) } }
        try await sleep(.milliseconds(300))
        #expect(heard.withLock { $0 }.isEmpty, "a short pause is not news")
        try await sleep(.seconds(4))
        #expect(slept.withLock { $0 } == [.milliseconds(300), .seconds(4)])
        let events = heard.withLock { $0 }
        guard events.count == 2, case .began(let id, let wait) = events[0], case .ended(let endID, let tenant) = events[1] else {
            Issue.record("expected a beginning and an end, heard \(events)")
            return
        }
        #expect(wait == ServiceWait(tenant: "contoso", duration: .seconds(4)))
        #expect(endID == id && tenant == "contoso")
    }

    @Test func aCancelledWaitEndsToo() async throws {
        let waits = ServiceWaits()
        let heard = Mutex<[ServiceWait.Event]>([])
        let observer = waits.observe { event in heard.withLock { $0.append(event) } }
        let sleep = waits.sleep(for: "contoso") { _ in throw CancellationError() }
        await #expect(throws: CancellationError.self) { try await sleep(.seconds(2)) }
        #expect(heard.withLock { $0.count } == 2)
        waits.remove(observer)
        _ = try? await sleep(.seconds(2))
        #expect(heard.withLock { $0.count } == 2, "a removed observer hears nothing")
    }

    @Test func durationsAreSaidInWholeOrTenthsOfSeconds() {
        #expect(ServiceWait(tenant: "t", duration: .seconds(4)).durationText == "4 s")
        #expect(ServiceWait(tenant: "t", duration: .milliseconds(1500)).durationText == "1.5 s")
        #expect(ServiceWait(tenant: "t", duration: .milliseconds(1999)).durationText == "2 s")
        #expect(ServiceWait(tenant: "t", duration: .milliseconds(12_600)).durationText == "13 s")
    }

    @Test func theProgressSaysTheLongestWaitOfEachTenantUntilItEnds() {
        var progress = BulkRunProgress(jobID: "job-1", rows: [], at: .zero)
        #expect(progress.waitText == nil)
        progress.apply(.began(id: 1, ServiceWait(tenant: "contoso", duration: .seconds(2))), at: .seconds(1))
        progress.apply(.began(id: 2, ServiceWait(tenant: "contoso", duration: .seconds(4))), at: .seconds(1))
        progress.apply(.began(id: 3, ServiceWait(tenant: "fabrikam", duration: .milliseconds(1500))), at: .seconds(1))
        #expect(progress.waitText == "waiting for limits: 4 s, contoso; 1.5 s, fabrikam")
        progress.apply(.ended(id: 2, tenant: "contoso"), at: .seconds(5))
        #expect(progress.waitText == "waiting for limits: 2 s, contoso; 1.5 s, fabrikam")
        progress.apply(.finished(state: .finished, counts: JobCounts(users: [], steps: [])), at: .seconds(6))
        #expect(progress.waitText == nil)
        progress.apply(.began(id: 4, ServiceWait(tenant: "contoso", duration: .seconds(3))), at: .seconds(7))
        #expect(progress.waitText == nil, "a run that ended waits for nothing")
    }
}
