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
        let profile: OperatorProfile
        switch await operatorOrVerdict() {
        case .apply(let found): profile = found
        case .every(let verdict): return verdict
        }
        do throws(ServiceError) {
            return PreflightRule.verdict(operator: profile, target: try await provider.targetFacts(of: userID), action: action)
        } catch {
            return Self.unreadFacts(error)
        }
    }

    /// The operator's profile, or the verdict for every user when there is none to apply: the
    /// tenant is read-only (refused), or the operator's role cannot be read (a warning).
    func operatorOrVerdict() async -> Gate {
        let tenant = provider.tenant
        if tenant.readOnly {
            return .every(.refused(
                "the tenant \(tenant.name) is read-only (read_only in its profile, or --read-only): nothing is sent there"))
        }
        do throws(ServiceError) {
            return .apply(try await operatorProfile())
        } catch {
            return .every(.warning("the pre-flight could not read your role (\(error)); the service decides"))
        }
    }

    /// What the pre-flight does for every user of a check: apply the rule with the operator's
    /// profile, or give them all one verdict.
    enum Gate {
        case apply(OperatorProfile)
        case every(PreflightVerdict)
    }

    /// The warning when a user's facts cannot be read.
    static func unreadFacts(_ error: ServiceError) -> PreflightVerdict {
        .warning("the pre-flight could not read the user's roles (\(error)); the service decides")
    }
}
