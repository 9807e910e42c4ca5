import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import Synchronization

/// Step 1 of a reset job: lists each user's methods and default method and plans the policy for
/// each. Where the service batches reads (Graph), users are read ``MethodRemover/readBatchSize``
/// at a time, `readConcurrency` batches at once per tenant; otherwise one user a call,
/// `perTenantLimit` users at a time. Users whose methods cannot be read are left out of the
/// plan and reported, with the service's failure.
public struct BulkResetPlanner: Sendable {
    /// The plan, and the users left out of it.
    public struct Result: Sendable {
        public var plan: ResetJobPlan
        public var unplanned: [UnplannedUser]

        public init(plan: ResetJobPlan, unplanned: [UnplannedUser]) {
            self.plan = plan
            self.unplanned = unplanned
        }
    }

    let removers: [String: any MethodRemover]
    let perTenantLimit: Int
    let readConcurrency: Int

    /// `perTenantLimit` (1 to ``BulkResetEngine/maxConcurrency``): the most users read at a time
    /// where reads are not batched, as the engine writes; `readConcurrency` (as many): the most
    /// batches of users read at once where they are (reads are cheaper for the service than
    /// writes, and budgeted apart). Both adapt below that to the service's answers
    /// (``AdaptiveConcurrency``).
    public init(removers: [String: any MethodRemover], perTenantLimit: Int = 4, readConcurrency: Int = 16) throws(BulkResetError) {
        let range = 1...BulkResetEngine.maxConcurrency
        guard range.contains(perTenantLimit) else { throw .invalidLimit(perTenantLimit) }
        guard range.contains(readConcurrency) else { throw .invalidLimit(readConcurrency) }
        self.removers = removers
        self.perTenantLimit = perTenantLimit
        self.readConcurrency = readConcurrency
    }

    /// Plans `policy` for `targets`, keeping their order. Refuses, before any request, a user
    /// given twice or a tenant without a connection. `progress` hears how many users were read
    /// (answered or failed) each time a read comes back (the console's planning bar).
    public func plan(
        _ targets: [ResetTarget], policy: ResetPolicy, progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws(ValidationError) -> Result {
        try validate(targets)
        var byTenant: [String: [(Int, ResetTarget)]] = [:]
        for (index, target) in targets.enumerated() { byTenant[target.tenant, default: []].append((index, target)) }
        let outcomes = await withTaskGroup(of: [(Int, Swift.Result<UserResetPlan, ServiceFailure>)].self) { group in
            for (tenant, entries) in byTenant {
                guard let remover = removers[tenant] else { continue }
                let limit = remover.readBatchSize > 1 ? readConcurrency : perTenantLimit
                group.addTask {
                    await Self.planTenant(entries, remover: remover, policy: policy, limit: limit, progress: progress)
                }
            }
            var all: [(Int, Swift.Result<UserResetPlan, ServiceFailure>)] = []
            for await part in group { all += part }
            return all.sorted { $0.0 < $1.0 }
        }
        var users: [UserResetPlan] = []
        var unplanned: [UnplannedUser] = []
        for (index, outcome) in outcomes {
            switch outcome {
            case .success(let plan): users.append(plan)
            case .failure(let failure): unplanned.append(UnplannedUser(target: targets[index], failure: failure))
            }
        }
        return Result(plan: try ResetJobPlan(policy: policy, users: users), unplanned: unplanned)
    }

    /// Plans one tenant's users: in batches of the remover's ``MethodRemover/readBatchSize``,
    /// `limit` batches at a time.
    static func planTenant(
        _ entries: [(Int, ResetTarget)], remover: any MethodRemover, policy: ResetPolicy, limit: Int,
        progress: @escaping @Sendable (Int) -> Void
    ) async -> [(Int, Swift.Result<UserResetPlan, ServiceFailure>)] {
        let size = max(1, remover.readBatchSize)
        var batches: [[(Int, ResetTarget)]] = []
        var start = entries.startIndex
        while start < entries.endIndex {
            let end = min(start + size, entries.endIndex)
            batches.append(Array(entries[start..<end]))
            start = end
        }
        @Sendable func planBatch(_ batch: [(Int, ResetTarget)]) async -> [(Int, Swift.Result<UserResetPlan, ServiceFailure>)] {
            let read = await remover.readMethods(of: batch.map(\.1.user.id))
            return batch.map { index, target in
                switch read[target.user.id] {
                case .success(let found)?:
                    return (index, .success(UserResetPlan(
                        tenant: target.tenant, user: target.user, methods: found.methods,
                        defaultMethodID: found.defaultMethodID, policy: policy)))
                case .failure(let failure)?:
                    return (index, .failure(failure))
                case nil:
                    return (index, .failure(ServiceFailure(httpStatus: nil, message: "The methods of this user were not read")))
                }
            }
        }
        // Batched reads start with every batch allowed (reads are budgeted apart, and cheap);
        // single reads as the engine's users do.
        let initial = size > 1 ? limit : await remover.startingConcurrency(ceiling: limit)
        let concurrency = AdaptiveConcurrency(ceiling: limit, initial: initial)
        let out = Mutex<[(Int, Swift.Result<UserResetPlan, ServiceFailure>)]>([])
        await concurrency.adapting(to: remover.loadObservers) {
            await concurrency.forEach(batches) { batch in
                let result = await planBatch(batch)
                out.withLock { $0 += result }
                progress(result.count)
            }
        }
        return out.withLock { $0 }
    }

    /// Refuses, before any request, a user given twice or a tenant without a connection.
    public func validate(_ targets: [ResetTarget]) throws(ValidationError) {
        var seen: Set<String> = []
        for target in targets {
            guard removers[target.tenant] != nil else {
                throw ValidationError(
                    field: "tenant", message: "no connection to tenant \(target.tenant); sign in to it, or leave its users out")
            }
            guard seen.insert("\(target.tenant)/\(target.user.id)").inserted else {
                throw ValidationError(
                    field: "users",
                    message: "\(target.user.displayName) (\(target.tenant)/\(target.user.id)) is listed twice; list each user once")
            }
        }
    }
}
