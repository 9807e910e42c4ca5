import AuthdeskCore

/// Asks a provider what the pre-flight needs and applies ``PreflightRule``: the operator's
/// profile (read once per session, then cached) and the target's facts (read each time).
///
/// It never throws: a read that fails becomes a warning ("the pre-flight could not read ...;
/// the service decides"), because the pre-flight warns and never blocks on what it does not know.
public actor Preflight {
    let provider: any IdentityProvider
    private var cachedOperator: OperatorProfile?

    public init(provider: any IdentityProvider) {
        self.provider = provider
    }

    /// The operator's profile, read once; a failed read is not cached (the next call asks again).
    public func operatorProfile() async throws(ServiceError) -> OperatorProfile {
        if let cachedOperator { return cachedOperator }
        let profile = try await provider.operatorProfile()
        cachedOperator = profile
        return profile
    }

    /// The verdict for `action` on the user `userID`.
    public func check(_ action: PreflightAction, userID: String) async -> PreflightVerdict {
        let tenant = provider.tenant
        if tenant.readOnly {
            return .refused("the tenant \(tenant.name) is read-only (read_only in its profile, or --read-only): nothing is sent there")
        }
        let profile: OperatorProfile
        do throws(ServiceError) {
            profile = try await operatorProfile()
        } catch {
            return .warning("the pre-flight could not read your role (\(error)); the service decides")
        }
        let facts: TargetFacts
        do throws(ServiceError) {
            facts = try await provider.targetFacts(of: userID)
        } catch {
            return .warning("the pre-flight could not read the user's roles (\(error)); the service decides")
        }
        return PreflightRule.verdict(operator: profile, target: facts, action: action)
    }
}
