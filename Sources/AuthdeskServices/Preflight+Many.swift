import AuthdeskCore

extension Preflight {
    /// The verdicts for `action` on each of `userIDs`, their facts read together (Graph's
    /// batches; concurrent single reads elsewhere) instead of one user after another. Each
    /// verdict is the one ``check(_:userID:)`` would give.
    public func check(_ action: PreflightAction, userIDs: [String]) async -> [String: PreflightVerdict] {
        let profile: OperatorProfile
        switch await operatorOrVerdict() {
        case .apply(let found): profile = found
        case .every(let verdict): return Dictionary(userIDs.map { ($0, verdict) }) { first, _ in first }
        }
        var verdicts: [String: PreflightVerdict] = [:]
        for (userID, facts) in await provider.targetFacts(of: userIDs) {
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
