import Foundation

/// Graph's writes to a user rather than to one method: session revocation, sign-in preferences
/// (the default method, system-preferred MFA) and the password reset operation.
enum GraphUserWrites {
    static let defaultMethodNames = ["push", "oath", "voiceMobile", "voiceAlternateMobile", "voiceOffice", "sms"]

    static func revokeSessions(_ context: GraphContext, target: GraphTarget, state: inout SandboxState) -> HTTPReply {
        if let refusal = GraphWrites.refusal(context, target: target, state: state) { return refusal }
        let userId = GraphWrites.user(state, target).id
        GraphWrites.mutateUser(&state, target) { $0.sessionsRevokedAt = context.now }
        state.refreshTokens = state.refreshTokens.filter { $0.value.userId != userId }
        return .json(200, .obj([
            "@odata.context": .string("\(context.base)/$metadata#Edm.Boolean"),
            "value": .bool(true),
        ]))
    }

    // MARK: Sign-in preferences

    static func patchSignInPreferences(_ context: GraphContext, target: GraphTarget, state: inout SandboxState) -> HTTPReply {
        if let refusal = GraphWrites.refusal(context, target: target, state: state) { return refusal }
        guard let body = context.request.jsonBody, body.members != nil else {
            return GraphWrites.bad(context, "The request body must be a JSON object.")
        }
        var preferred = GraphWrites.user(state, target).preferredMethod
        if let value = body["userPreferredMethodForSecondaryAuthentication"] {
            guard let name = value.stringValue, defaultMethodNames.contains(name) else {
                return GraphWrites.bad(context, "Invalid userPreferredMethodForSecondaryAuthentication: use one of \(defaultMethodNames.joined(separator: ", ")).")
            }
            guard GraphWrites.user(state, target).methods.contains(where: { $0.defaultMethodNames.contains(name) }) else {
                return GraphWrites.bad(context, "The user has no registered method that can serve as '\(name)'.")
            }
            preferred = name
        }
        var systemPreferred = GraphWrites.user(state, target).systemPreferredMethodEnabled
        if let value = body["isSystemPreferredAuthenticationMethodEnabled"] {
            guard let flag = value.boolValue else {
                return GraphWrites.bad(context, "isSystemPreferredAuthenticationMethodEnabled must be true or false.")
            }
            systemPreferred = flag
        }
        GraphWrites.mutateUser(&state, target) { user in
            user.preferredMethod = preferred
            user.systemPreferredMethodEnabled = systemPreferred
        }
        return .empty(204)
    }

    // MARK: Password reset

    static func resetPassword(_ context: GraphContext, target: GraphTarget, methodId: String, state: inout SandboxState) -> HTTPReply {
        guard methodId.lowercased() == GraphIds.passwordMethod else {
            return GraphWrites.bad(context, "resetPassword is an action of the password method \(GraphIds.passwordMethod) only.")
        }
        guard let operatorId = context.token.userId else {
            return context.error(403, "accessDenied",
                                 "Request Authorization failed: password reset needs a signed-in operator (delegated token); application permissions are not supported.")
        }
        let current = GraphWrites.user(state, target)
        guard operatorId != current.id else {
            return context.error(403, "accessDenied", "Request Authorization failed: an operator cannot reset their own password this way.")
        }
        if let refusal = GraphWrites.refusal(context, target: target, state: state) { return refusal }
        let body = context.request.jsonBody
        var generated: String?
        if let supplied = body?["newPassword"], !supplied.isNull {
            guard let password = supplied.stringValue, isComplex(password) else {
                return GraphWrites.bad(context, "The new password does not meet the complexity requirements: 8 to 256 characters with three of upper case, lower case, digits and symbols.")
            }
        } else {
            guard current.onPremisesSyncEnabled != true else {
                return GraphWrites.bad(context, "A new password must be supplied for a user synchronized from on-premises.")
            }
            generated = generatePassword()
        }
        let tenant = state.tenants[target.tenantIndex]
        let operation = OperationRecord(id: UUID().uuidString.lowercased(), tenantId: tenant.id, userId: current.id,
                                        createdAt: context.now,
                                        willFail: current.onPremisesSyncEnabled == true && !tenant.passwordWriteback)
        state.operations[operation.id] = operation
        let location = "\(context.base)/users/\(current.id)/authentication/operations/\(operation.id)?aadgdc=SBX01P&aadgsu=ssprprod-a"
        let headers: [(name: String, value: String)] = [("Location", location), ("Retry-After", "1")]
        guard let generated else { return .empty(202, headers: headers) }
        return .json(202, .obj([
            "@odata.context": .string("\(context.base)/$metadata#microsoft.graph.passwordResetResponse"),
            "newPassword": .string(generated),
        ]), headers: headers)
    }

    static func isComplex(_ password: String) -> Bool {
        guard (8...256).contains(password.count) else { return false }
        let classes = [
            password.contains { $0.isUppercase }, password.contains { $0.isLowercase },
            password.contains { $0.isNumber }, password.contains { !$0.isLetter && !$0.isNumber },
        ]
        return classes.filter { $0 }.count >= 3
    }

    /// A password like the service's (`Hopu0277`): a capital, three lower-case letters, four digits.
    static func generatePassword() -> String {
        SandboxState.randomString(1, alphabet: "BCDFGHJKLMNPQRSTVWXZ")
            + SandboxState.randomString(3, alphabet: "abcdefghijkmnopqrstuvwxyz")
            + SandboxState.randomString(4, alphabet: "0123456789")
    }
}
