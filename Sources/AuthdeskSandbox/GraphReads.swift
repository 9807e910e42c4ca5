import Foundation

/// Graph's read endpoints: users (list with query options, get one), authentication methods
/// (mixed and per type), password-reset operations, sign-in preferences, registration details.
enum GraphReads {
    static func listUsers(_ context: GraphContext, state: SandboxState) -> HTTPReply {
        let request = context.request
        let query: UserQuery
        do {
            query = try UserQuery.from(request)
        } catch {
            return context.error(error.status, error.code, error.message)
        }
        if query.search != nil, request.header("consistencylevel")?.lowercased() != "eventual" {
            return context.error(400, "Request_UnsupportedQuery",
                                 "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'")
        }
        let matching: [UserRecord]
        do {
            try query.checkAdvanced(eventual: request.header("consistencylevel")?.lowercased() == "eventual")
            matching = try query.apply(to: state.tenants[context.tenantIndex].users)
        } catch {
            return context.error(error.status, error.code, error.message)
        }
        let page = matching.dropFirst(query.offset).prefix(query.top)
        var contextURL = "\(context.base)/$metadata#users"
        if let select = query.select { contextURL += "(\(select.joined(separator: ",")))" }
        var members = [JSON.Member(key: "@odata.context", value: .string(contextURL))]
        if query.count {
            members.append(JSON.Member(key: "@odata.count", value: .int(matching.count)))
        }
        let nextOffset = query.offset + page.count
        if nextOffset < matching.count {
            members.append(JSON.Member(key: "@odata.nextLink",
                                       value: .string("\(context.base)/users?$skiptoken=\(query.skipToken(offset: nextOffset))")))
        }
        members.append(JSON.Member(key: "value", value: .array(page.map { $0.graphObject(select: query.select) })))
        return .json(200, .object(members))
    }

    /// `GET /users/$count`: the number of users matching `$filter` / `$search`, as plain text;
    /// an advanced query, so it needs `ConsistencyLevel: eventual`.
    static func countUsers(_ context: GraphContext, state: SandboxState) -> HTTPReply {
        guard context.request.header("consistencylevel")?.lowercased() == "eventual" else {
            return context.error(400, "Request_BadRequest",
                                 "Count is not currently supported without the header ConsistencyLevel: eventual.")
        }
        do {
            var query = try UserQuery.from(context.request)
            query.count = true
            let matching = try query.apply(to: state.tenants[context.tenantIndex].users)
            return HTTPReply(status: 200, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data(String(matching.count).utf8))
        } catch {
            return context.error(error.status, error.code, error.message)
        }
    }

    static func selectList(_ request: IncomingRequest) -> [String]? {
        request.queryValue("$select").map { value in
            value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        }
    }

    static func getUser(_ context: GraphContext, target: GraphTarget, state: SandboxState) -> HTTPReply {
        let user = state.tenants[target.tenantIndex].users[target.userIndex]
        let select = selectList(context.request)
        if let select {
            for property in select where !UserRecord.selectableProperties.contains(property.lowercased()) {
                return context.error(400, "Request_BadRequest", "Could not find a property named '\(property)' on type 'microsoft.graph.user'.")
            }
        }
        var contextURL = "\(context.base)/$metadata#users"
        if let select { contextURL += "(\(select.joined(separator: ",")))" }
        contextURL += "/$entity"
        return .json(200, user.graphObject(select: select).prepending([JSON.Member(key: "@odata.context", value: .string(contextURL))]))
    }

    /// The methods a version shows: hardware OATH exists on beta only.
    static func visibleMethods(_ user: UserRecord, context: GraphContext) -> [MethodRecord] {
        user.methods.filter { !$0.type.betaOnly || context.isBeta }.map { $0.current(at: context.now) }
    }

    static func listMethods(_ context: GraphContext, target: GraphTarget, type: GraphMethodType?, state: SandboxState) -> HTTPReply {
        let user = state.tenants[target.tenantIndex].users[target.userIndex]
        let segment = type?.segment ?? "methods"
        let methods = visibleMethods(user, context: context).filter { type == nil || $0.type == type }
        let items: [JSON] = methods.map { method in
            let body = type == nil ? method.typedBody : method.body
            return body
        }
        return .json(200, .obj([
            "@odata.context": .string("\(context.base)/$metadata#users('\(GraphContext.contextKey(target.key))')/authentication/\(segment)"),
            "value": .array(items),
        ]))
    }

    static func getMethod(_ context: GraphContext, target: GraphTarget, type: GraphMethodType?, id: String, state: SandboxState) -> HTTPReply {
        let user = state.tenants[target.tenantIndex].users[target.userIndex]
        guard let method = visibleMethods(user, context: context).first(where: {
            $0.id.equalsIgnoringCase(id) && (type == nil || $0.type == type)
        }) else {
            return context.error(404, "itemNotFound", "The requested authentication method '\(id)' was not found for this user.")
        }
        let segment = type?.segment ?? "methods"
        let contextURL = "\(context.base)/$metadata#users('\(GraphContext.contextKey(target.key))')/authentication/\(segment)/$entity"
        let body = type == nil ? method.typedBody : method.body
        return .json(200, body.prepending([JSON.Member(key: "@odata.context", value: .string(contextURL))]))
    }

    static func operation(_ context: GraphContext, target: GraphTarget, id: String, state: inout SandboxState) -> HTTPReply {
        let user = state.tenants[target.tenantIndex].users[target.userIndex]
        guard var operation = state.operations[id.lowercased()], operation.userId == user.id else {
            return context.error(404, "itemNotFound", "The operation '\(id)' was not found for this user.")
        }
        let (status, detail, last) = operation.read(at: context.now)
        state.operations[id.lowercased()] = operation
        var headers: [(name: String, value: String)] = []
        if status == "notStarted" || status == "running" {
            headers.append(("Retry-After", "1"))
        }
        return .json(200, .obj([
            "@odata.context": .string("\(context.base)/$metadata#users('\(user.id)')/authentication/operations/$entity"),
            "id": .string(operation.id),
            "createdDateTime": .string(Timestamps.iso(operation.createdAt)),
            "lastActionDateTime": .string(Timestamps.iso(last)),
            "status": .string(status),
            "statusDetail": .str(detail),
            "resourceLocation": .string("\(context.base)/users/\(user.id)/authentication/methods/\(GraphIds.passwordMethod)"),
        ]), headers: headers)
    }

    static func signInPreferences(_ context: GraphContext, target: GraphTarget, state: SandboxState) -> HTTPReply {
        let user = state.tenants[target.tenantIndex].users[target.userIndex]
        return .json(200, .obj([
            "@odata.context": .string("\(context.base)/$metadata#users('\(GraphContext.contextKey(target.key))')/authentication/signInPreferences"),
            "isSystemPreferredAuthenticationMethodEnabled": .bool(user.systemPreferredMethodEnabled),
            "userPreferredMethodForSecondaryAuthentication": .str(user.preferredMethod),
            "systemPreferredAuthenticationMethod": .str(systemPreferred(user)),
        ]))
    }

    /// The strongest method the system would prefer: passkey, then push, then oath, then sms.
    static func systemPreferred(_ user: UserRecord) -> String? {
        let types = Set(user.methods.map(\.type))
        if types.contains(.fido2) { return "Fido2" }
        if types.contains(.microsoftAuthenticator) { return "push" }
        if types.contains(.softwareOath) || types.contains(.hardwareOath) { return "oath" }
        if user.methods.contains(where: { $0.phoneType == "mobile" }) { return "sms" }
        return nil
    }

    /// `GET /reports/authenticationMethods/userRegistrationDetails[/{id}]`.
    static func registrationDetails(_ context: GraphContext, path: [String], state: SandboxState) -> HTTPReply {
        let users = state.tenants[context.tenantIndex].users
        func details(_ user: UserRecord) -> JSON {
            let registered = registeredNames(user)
            let mfa = registered.contains { !["email", "password"].contains($0) }
            return .obj([
                "id": .string(user.id),
                "userPrincipalName": .string(user.userPrincipalName),
                "userDisplayName": .string(user.displayName),
                "userType": .string("member"),
                "isAdmin": .bool(user.isAdmin),
                "isSsprRegistered": .bool(registered.contains { ["mobilePhone", "email", "microsoftAuthenticatorPush"].contains($0) }),
                "isSsprEnabled": .bool(true),
                "isSsprCapable": .bool(registered.contains { ["mobilePhone", "email", "microsoftAuthenticatorPush"].contains($0) }),
                "isMfaRegistered": .bool(mfa),
                "isMfaCapable": .bool(mfa),
                "isPasswordlessCapable": .bool(registered.contains { ["fido2SecurityKey", "windowsHelloForBusiness", "passKeyDeviceBound"].contains($0) }),
                "methodsRegistered": .array(registered.map { .string($0) }),
                "isSystemPreferredAuthenticationMethodEnabled": .bool(user.systemPreferredMethodEnabled),
                "systemPreferredAuthenticationMethods": .array(systemPreferred(user).map { [.string($0)] } ?? []),
                "userPreferredMethodForSecondaryAuthentication": .string(user.preferredMethod ?? "none"),
                "lastUpdatedDateTime": .string(Timestamps.iso(context.now)),
            ])
        }
        // `defaultMfaMethod` is beta's: the v1.0 type (shared/specs) has no such property.
        func answer(_ user: UserRecord) -> JSON {
            var body = details(user)
            if context.isBeta { body.set("defaultMfaMethod", .string(user.preferredMethod ?? systemPreferred(user) ?? "none")) }
            return body
        }
        if let id = path.first {
            guard let user = state.tenants[context.tenantIndex].user(id) else {
                return context.error(404, "Request_ResourceNotFound", "Resource '\(id)' does not exist.")
            }
            return .json(200, answer(user).prepending([JSON.Member(key: "@odata.context",
                value: .string("\(context.base)/$metadata#reports/authenticationMethods/userRegistrationDetails/$entity"))]))
        }
        return .json(200, .obj([
            "@odata.context": .string("\(context.base)/$metadata#reports/authenticationMethods/userRegistrationDetails"),
            "value": .array(users.map(answer)),
        ]))
    }

    /// The report's names of the methods a user registered.
    static func registeredNames(_ user: UserRecord) -> [String] {
        var names: [String] = []
        for method in user.methods {
            switch method.type {
            case .phone:
                switch method.phoneType {
                case "mobile": names.append("mobilePhone")
                case "alternateMobile": names.append("alternateMobilePhone")
                default: names.append("officePhone")
                }
            case .email: names.append("email")
            case .fido2: names.append("fido2SecurityKey")
            case .microsoftAuthenticator: names.append("microsoftAuthenticatorPush")
            case .softwareOath: names.append("softwareOneTimePasscode")
            case .hardwareOath: names.append("hardwareOneTimePasscode")
            case .temporaryAccessPass: names.append("temporaryAccessPass")
            case .windowsHelloForBusiness: names.append("windowsHelloForBusiness")
            case .platformCredential: names.append("macOsSecureEnclaveKey")
            case .qrCodePin: names.append("qrCodePin")
            case .externalAuthentication: names.append("externalAuthenticationMethod")
            case .password: continue
            }
        }
        return names
    }
}
