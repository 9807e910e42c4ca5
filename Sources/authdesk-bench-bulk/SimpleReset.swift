import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskSandbox
import AuthdeskServices
import Foundation

/// The same reset done the simple way, for comparison: one user after another, one request at
/// a time (list, read the default, plan, each step, list again to verify), no journal.
struct SimpleReset {
    let bed: TestBed
    let tenant: String
    let count: Int
    let policy: ResetPolicy

    struct Outcome {
        var users = 0
        var wallTime = 0.0
        var stats = SandboxStats()
        var done = 0
        var failed = 0
    }

    func run() async throws -> Outcome {
        let provider = try bed.provider(tenant)
        let users = try await bed.generatedUsers(of: provider, count: count)
        let remover = ProviderRemover(provider: provider)
        var outcome = Outcome()
        outcome.users = users.count
        let baseline = bed.sandbox.stats()
        let clock = ContinuousClock()
        let start = clock.now
        for user in users {
            if await reset(user, with: remover) { outcome.done += 1 } else { outcome.failed += 1 }
        }
        outcome.wallTime = EngineRun.seconds(clock.now - start)
        outcome.stats = bed.stats(since: baseline)
        return outcome
    }

    private func reset(_ user: DirectoryUser, with remover: ProviderRemover) async -> Bool {
        do throws(ServiceFailure) {
            let methods = try await remover.methods(of: user.id)
            let defaultID = try await remover.defaultMethodID(of: user.id, among: methods)
            let plan = ResetPlan(methods: methods, defaultMethodID: defaultID, policy: policy)
            for step in plan.steps {
                let answer = await remover.perform(step, of: user.id)
                guard let status = answer.httpStatus, (200..<300).contains(status) || status == 404 else { return false }
            }
            return plan.leftovers(in: try await remover.methods(of: user.id)).isEmpty
        } catch {
            return false
        }
    }
}
