import Foundation

/// Graph's account endpoints beyond methods: `PATCH /users/{id}` (`accountEnabled`, a sensitive
/// property), beta `authentication/requirements` (per-user MFA), and the licence and permission
/// gate of the reports API and `signInActivity`.
enum GraphAccount {
    static let auditPermission = "AuditLog.Read.All"
    static let accountPermissions = ["User.EnableDisableAccount.All", "User.ReadWrite.All", "Directory.ReadWrite.All"]

    /// Refuses a read of the reports API or of `signInActivity`: 403 without `AuditLog.Read.All`,
    /// 403 `Authentication_RequestFromNonPremiumTenantOrB2CTenant` in a tenant without P1 or P2.
    static func reportRefusal(_ context: GraphContext, state: SandboxState) -> HTTPReply? {
        guard context.token.allows(auditPermission) else {
            return context.error(403, "Authorization_RequestDenied",
                                 "Insufficient privileges to complete the operation. This needs \(auditPermission).")
        }
        guard state.tenants[context.tenantIndex].isPremium else {
            return context.error(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                                 "Neither tenant is B2C or tenant doesn't have premium license")
        }
        return nil
    }

    /// Whether a `$select` asks for `signInActivity`.
    static func selectsSignInActivity(_ request: IncomingRequest) -> Bool {
        GraphReads.selectList(request)?.contains { $0.equalsIgnoringCase("signInActivity") } ?? false
    }

    // MARK: accountEnabled

    /// `PATCH /users/{id}`: only `accountEnabled` is writable in the sandbox; 204.
    static func patchUser(_ context: GraphContext, target: GraphTarget, state: inout SandboxState) -> HTTPReply {
        let token = context.token
        guard accountPermissions.contains(where: token.allows) else {
            return context.error(403, "Authorization_RequestDenied",
                                 "Insufficient privileges to complete the operation. Enabling or disabling an account needs User.EnableDisableAccount.All.")
        }
        if let operatorId = token.userId {
            let tenant = state.tenants[target.tenantIndex]
            let targetRole = tenant.users[target.userIndex].role
            guard let role = tenant.user(operatorId)?.role, role.mayEnableDisable(targetRole) else {
                return context.error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
            }
        }
        guard let body = context.request.jsonBody, let members = body.members else {
            return GraphWrites.bad(context, "The request body must be a JSON object.")
        }
        // The SDKs annotate the body (`@odata.type`): annotations are not properties.
        for member in members where member.key != "accountEnabled" && !member.key.hasPrefix("@odata.") {
            return GraphWrites.bad(context, "The sandbox changes only accountEnabled on a user, not '\(member.key)'.")
        }
        guard let enabled = body["accountEnabled"]?.boolValue else {
            return context.error(400, "Request_BadRequest", "Invalid value for accountEnabled: use true or false.")
        }
        GraphWrites.mutateUser(&state, target) { $0.accountEnabled = enabled }
        return .empty(204)
    }

    // MARK: Per-user MFA (beta)

    static func requirements(_ context: GraphContext, target: GraphTarget, state: SandboxState) -> HTTPReply {
        let user = GraphWrites.user(state, target)
        return .json(200, .obj([
            "@odata.context": .string("\(context.base)/$metadata#users('\(GraphContext.contextKey(target.key))')/authentication/requirements/$entity"),
            "perUserMfaState": .string(user.perUserMfaState),
        ]))
    }

    /// `PATCH .../requirements` `{"perUserMfaState"}`: `enabled` for a user who registered an
    /// MFA method becomes `enforced`, as the service does.
    static func patchRequirements(_ context: GraphContext, target: GraphTarget, state: inout SandboxState) -> HTTPReply {
        if let refusal = GraphWrites.refusal(context, target: target, state: state) { return refusal }
        let states = ["disabled", "enabled", "enforced"]
        guard let value = context.request.jsonBody?["perUserMfaState"]?.stringValue, states.contains(value) else {
            return GraphWrites.bad(context, "Invalid perUserMfaState: use one of \(states.joined(separator: ", ")).")
        }
        let registered = GraphReads.registeredNames(GraphWrites.user(state, target)).contains { !["email", "temporaryAccessPass"].contains($0) }
        GraphWrites.mutateUser(&state, target) { $0.perUserMfaState = value == "enabled" && registered ? "enforced" : value }
        return .empty(204)
    }
}
