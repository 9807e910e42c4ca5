import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskSandbox
import AuthdeskServices
import Foundation

/// One bulk reset as the command line does it: plan with ``BulkResetPlanner``, record the job in
/// a ``Journal``, run it with ``BulkResetEngine`` to the end; timed, with the requests counted.
struct EngineRun {
    let bed: TestBed
    let tenant: String
    let count: Int
    let policy: ResetPolicy
    let concurrency: Int
    let readConcurrency: Int

    /// What the run did and how long it took.
    struct Outcome {
        var users = 0
        var steps = 0
        var writes = 0
        /// Graph read units spent (lists cost 2): planning and verifying.
        var readUnits = 0
        /// Requests each user needs one after the other (planning, steps, verifying), summed over users.
        var roundTrips = 0
        var planTime = 0.0
        var runTime = 0.0
        var wallTime = 0.0
        var stats = SandboxStats()
        var done = 0
        var failed = 0
        var unplanned = 0
        var failureReasons: [String] = []
    }

    func run(journalURL: URL) async throws -> Outcome {
        let provider = try bed.provider(tenant)
        let targets = try await bed.generatedUsers(of: provider, count: count).map { ResetTarget(tenant: tenant, user: $0) }
        let removers: [String: any MethodRemover] = [tenant: ProviderRemover(provider: provider)]
        let journal = try Journal(url: journalURL)
        var outcome = Outcome()
        let baseline = bed.sandbox.stats()
        let clock = ContinuousClock()
        let start = clock.now

        let planned = try await BulkResetPlanner(removers: removers, perTenantLimit: concurrency, readConcurrency: readConcurrency).plan(targets, policy: policy)
        let planEnd = clock.now
        let job = try await journal.createJob(planned.plan, operatorName: "bench")
        let runStart = clock.now
        let engine = try BulkResetEngine(journal: journal, removers: removers, perTenantLimit: concurrency)
        for await event in try await engine.run(job.id) {
            switch event {
            case .userFinished(let record) where record.state == .failed:
                outcome.failureReasons.append("\(record.userID): \(record.reason ?? "no reason given")")
            case .finished(_, let counts):
                outcome.done = counts.usersDone
                outcome.failed = counts.usersFailed + counts.usersUntouched + counts.usersInProgress
            case .journalFailed(let message):
                outcome.failureReasons.append("journal: \(message)")
            default:
                break
            }
        }
        let end = clock.now

        outcome.users = planned.plan.users.count
        outcome.unplanned = planned.unplanned.count
        outcome.failureReasons += planned.unplanned.prefix(3).map { "\($0.target.user.id) unreadable: \($0.failure)" }
        outcome.steps = planned.plan.users.reduce(0) { $0 + $1.plan.steps.count }
        outcome.writes = outcome.steps
        // Planning lists v1 and beta methods (2 units each) and reads the sign-in preferences (1);
        // verifying lists both again.
        outcome.readUnits = outcome.users * (5 + 4)
        // Planning: the two lists go together, then the preferences; each step; the verifying lists.
        outcome.roundTrips = planned.plan.users.reduce(0) { $0 + 2 + $1.plan.steps.count + 1 }
        outcome.planTime = Self.seconds(planEnd - start)
        outcome.runTime = Self.seconds(end - runStart)
        outcome.wallTime = Self.seconds(end - start)
        outcome.stats = bed.stats(since: baseline)
        return outcome
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
