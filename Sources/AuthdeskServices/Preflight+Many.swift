import AuthdeskCore

extension Preflight {
    /// The verdicts for `action` on each of `userIDs`, their facts read together (Graph's
    /// batches; concurrent single reads elsewhere) instead of one user after another, and at the
    /// same time as the operator's role (neither needs the other: one round trip, not two). Each
    /// verdict is the one ``check(_:userID:)`` would give; a read-only tenant reads nothing.
    public func check(_ action: PreflightAction, userIDs: [String]) async -> [String: PreflightVerdict] {
        let provider = provider
        let readsFacts = !provider.tenant.readOnly && !userIDs.isEmpty
        async let read = readsFacts ? provider.targetFacts(of: userIDs) : [:]
        let profile: OperatorProfile
        switch await operatorOrVerdict() {
        case .apply(let found): profile = found
        case .every(let verdict): return Dictionary(userIDs.map { ($0, verdict) }) { first, _ in first }
        }
        var verdicts: [String: PreflightVerdict] = [:]
        for (userID, facts) in await read {
            switch facts {
            case .success(let facts):
                verdicts[userID] = PreflightRule.verdict(operator: profile, target: facts, action: action)
            case .failure(let error):
                verdicts[userID] = Self.unreadFacts(error)
            }
        }
        return verdicts
    }
}
