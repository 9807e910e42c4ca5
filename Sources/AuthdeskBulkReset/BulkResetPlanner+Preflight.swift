import AuthdeskCore
import AuthdeskServices

extension BulkResetPlanner {
    /// Marks each planned user with the pre-flight's verdict for "reset all MFA" (reads them,
    /// then ``mark(_:with:)``). `preflights` holds one ``Preflight`` per tenant name; users of a
    /// tenant without one are left as they are.
    public func markPreflight(_ result: Result, preflights: [String: Preflight]) async -> Result {
        let users = result.plan.users.map { ResetTarget.Key(tenant: $0.tenant, userID: $0.userID) }
        return mark(result, with: await Self.preflightVerdicts(of: users, preflights: preflights))
    }

    /// The pre-flight's verdicts on "reset all MFA" for `users`: each tenant's users checked
    /// together (``Preflight/check(_:userIDs:)``: Graph reads their facts in batches), the
    /// tenants at once. It needs only the users' ids, so it can run beside the method reads.
    public static func preflightVerdicts(
        of users: [ResetTarget.Key], preflights: [String: Preflight]
    ) async -> [ResetTarget.Key: PreflightVerdict] {
        var byTenant: [String: [String]] = [:]
        for user in users where preflights[user.tenant] != nil { byTenant[user.tenant, default: []].append(user.userID) }
        return await withTaskGroup(of: [(ResetTarget.Key, PreflightVerdict)].self) { group in
            for (tenant, ids) in byTenant {
                guard let preflight = preflights[tenant] else { continue }
                group.addTask {
                    let found = await preflight.check(.resetAllMFA, userIDs: ids)
                    return ids.compactMap { id in found[id].map { (ResetTarget.Key(tenant: tenant, userID: id), $0) } }
                }
            }
            var all: [ResetTarget.Key: PreflightVerdict] = [:]
            for await part in group {
                for (key, verdict) in part { all[key] = verdict }
            }
            return all
        }
    }

    /// `result` with each planned user marked with its verdict: a known refusal becomes
    /// ``PlanNote/willBeRefused(reason:)`` (the run then skips the user and sends nothing for
    /// them), a warning ``PlanNote/preflightWarning(reason:)``.
    public func mark(_ result: Result, with verdicts: [ResetTarget.Key: PreflightVerdict]) -> Result {
        var marked = result
        for index in marked.plan.users.indices {
            let user = marked.plan.users[index]
            guard let verdict = verdicts[ResetTarget.Key(tenant: user.tenant, userID: user.userID)] else { continue }
            switch verdict.level {
            case .clear: break
            case .warning: marked.plan.users[index].plan.notes.append(.preflightWarning(reason: verdict.text))
            case .refused: marked.plan.users[index].plan.notes.append(.willBeRefused(reason: verdict.text))
            }
        }
        return marked
    }
}
