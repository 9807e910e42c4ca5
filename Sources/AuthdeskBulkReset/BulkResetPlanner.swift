import AuthdeskCore
import AuthdeskJournal

/// Step 1 of a reset job: lists each user's methods and default method, at most
/// `perTenantLimit` users at a time per tenant, and plans the policy for each. Users whose
/// methods cannot be read are left out of the plan and reported, with the service's failure.
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

    public init(removers: [String: any MethodRemover], perTenantLimit: Int = 4) throws(BulkResetError) {
        guard (1...20).contains(perTenantLimit) else { throw .invalidLimit(perTenantLimit) }
        self.removers = removers
        self.perTenantLimit = perTenantLimit
    }

    /// Plans `policy` for `targets`, keeping their order. Refuses, before any request, a user
    /// given twice or a tenant without a connection.
    public func plan(_ targets: [ResetTarget], policy: ResetPolicy) async throws(ValidationError) -> Result {
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
        var byTenant: [String: [(Int, ResetTarget)]] = [:]
        for (index, target) in targets.enumerated() { byTenant[target.tenant, default: []].append((index, target)) }
        let outcomes = await withTaskGroup(of: [(Int, Swift.Result<UserResetPlan, ServiceFailure>)].self) { group in
            for (tenant, entries) in byTenant {
                guard let remover = removers[tenant] else { continue }
                group.addTask { await Self.planTenant(entries, remover: remover, policy: policy, limit: perTenantLimit) }
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

    static func planTenant(
        _ entries: [(Int, ResetTarget)], remover: any MethodRemover, policy: ResetPolicy, limit: Int
    ) async -> [(Int, Swift.Result<UserResetPlan, ServiceFailure>)] {
        await withTaskGroup(of: (Int, Swift.Result<UserResetPlan, ServiceFailure>).self) { group in
            var pending = entries.makeIterator()
            var out: [(Int, Swift.Result<UserResetPlan, ServiceFailure>)] = []
            func planOne(_ index: Int, _ target: ResetTarget) async -> (Int, Swift.Result<UserResetPlan, ServiceFailure>) {
                do throws(ServiceFailure) {
                    let methods = try await remover.methods(of: target.user.id)
                    let defaultID = try await remover.defaultMethodID(of: target.user.id, among: methods)
                    return (index, .success(UserResetPlan(
                        tenant: target.tenant, user: target.user, methods: methods, defaultMethodID: defaultID, policy: policy)))
                } catch {
                    return (index, .failure(error))
                }
            }
            for _ in 0..<limit {
                guard let (index, target) = pending.next() else { break }
                group.addTask { await planOne(index, target) }
            }
            for await result in group {
                out.append(result)
                if let (index, target) = pending.next() { group.addTask { await planOne(index, target) } }
            }
            return out
        }
    }
}
