import AuthdeskCore
import AuthdeskServices

extension BulkResetPlanner {
    /// Marks each planned user with the pre-flight's verdict for "reset all MFA": a known refusal
    /// becomes ``PlanNote/willBeRefused(reason:)`` (the run then skips the user and sends nothing
    /// for them), a warning ``PlanNote/preflightWarning(reason:)``. `preflights` holds one
    /// ``Preflight`` per tenant name; users of a tenant without one are left as they are.
    /// At most `perTenantLimit` users are checked at a time per tenant.
    public func markPreflight(_ result: Result, preflights: [String: Preflight]) async -> Result {
        var byTenant: [String: [Int]] = [:]
        for (index, user) in result.plan.users.enumerated() where preflights[user.tenant] != nil {
            byTenant[user.tenant, default: []].append(index)
        }
        let limit = perTenantLimit
        let users = result.plan.users
        let verdicts = await withTaskGroup(of: [(Int, PreflightVerdict)].self) { group in
            for (tenant, indices) in byTenant {
                guard let preflight = preflights[tenant] else { continue }
                group.addTask {
                    await Self.check(indices.map { ($0, users[$0].userID) }, preflight: preflight, limit: limit)
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

    static func check(
        _ entries: [(Int, String)], preflight: Preflight, limit: Int
    ) async -> [(Int, PreflightVerdict)] {
        await withTaskGroup(of: (Int, PreflightVerdict).self) { group in
            var pending = entries.makeIterator()
            var out: [(Int, PreflightVerdict)] = []
            for _ in 0..<limit {
                guard let (index, userID) = pending.next() else { break }
                group.addTask { (index, await preflight.check(.resetAllMFA, userID: userID)) }
            }
            for await result in group {
                out.append(result)
                if let (index, userID) = pending.next() {
                    group.addTask { (index, await preflight.check(.resetAllMFA, userID: userID)) }
                }
            }
            return out
        }
    }
}
