import AuthdeskCore
import AuthdeskServices

extension BulkResetPlanner {
    /// Marks each planned user with the pre-flight's verdict for "reset all MFA": a known refusal
    /// becomes ``PlanNote/willBeRefused(reason:)`` (the run then skips the user and sends nothing
    /// for them), a warning ``PlanNote/preflightWarning(reason:)``. `preflights` holds one
    /// ``Preflight`` per tenant name; users of a tenant without one are left as they are.
    /// Each tenant's users are checked together (``Preflight/check(_:userIDs:)``: Graph reads
    /// their facts in batches), the tenants at once.
    public func markPreflight(_ result: Result, preflights: [String: Preflight]) async -> Result {
        var byTenant: [String: [Int]] = [:]
        for (index, user) in result.plan.users.enumerated() where preflights[user.tenant] != nil {
            byTenant[user.tenant, default: []].append(index)
        }
        let users = result.plan.users
        let verdicts = await withTaskGroup(of: [(Int, PreflightVerdict)].self) { group in
            for (tenant, indices) in byTenant {
                guard let preflight = preflights[tenant] else { continue }
                group.addTask {
                    let found = await preflight.check(.resetAllMFA, userIDs: indices.map { users[$0].userID })
                    return indices.compactMap { index in found[users[index].userID].map { (index, $0) } }
                }
            }
            var all: [Int: PreflightVerdict] = [:]
            for await part in group {
                for (index, verdict) in part { all[index] = verdict }
            }
            return all
        }
        var marked = result
        for (index, verdict) in verdicts {
            switch verdict.level {
            case .clear: break
            case .warning: marked.plan.users[index].plan.notes.append(.preflightWarning(reason: verdict.text))
            case .refused: marked.plan.users[index].plan.notes.append(.willBeRefused(reason: verdict.text))
            }
        }
        return marked
    }
}
