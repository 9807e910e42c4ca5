import AuthdeskCore
import Foundation

/// The Auth0 provider's writes: create, update, replace and delete authentication methods,
/// remove every MFA enrollment, forget remembered browsers, change the password. Each is
/// refused in read-only mode, checks its input before sending and takes from the write budget.
extension Auth0Provider {
    /// Enrols a method for the user (Auth0 confirms it at once) and returns it as Auth0 made it.
    public func createMethod(for userID: String, _ request: Auth0MethodRequest) async throws(ServiceError) -> Auth0Method {
        let key = try Auth0Provider.userKey(userID)
        let body = try request.body()
        let url = try apiURL(["users", key, "authentication-methods"])
        let response = try await client.write(try .json(method: "POST", url: url, body: body))
        var method = try Auth0Provider.decodeMethod(response)
        // The create answer carries no `confirmed` (Auth0's OpenAPI); a method created here is confirmed.
        method.confirmed = method.confirmed ?? true
        return method
    }

    /// Replaces all of the user's methods by `requests` (phone, e-mail and TOTP only, as
    /// Auth0's PUT allows); returns the new methods.
    public func replaceMethods(of userID: String, with requests: [Auth0MethodRequest]) async throws(ServiceError) -> [Auth0Method] {
        let key = try Auth0Provider.userKey(userID)
        guard !requests.isEmpty else {
            throw ServiceError(kind: .badInput, message: "Replacing all methods needs at least one new method; to remove them all, delete all methods")
        }
        var bodies: [[String: String]] = []
        for request in requests {
            if case .webAuthnRoaming = request {
                throw ServiceError(kind: .badInput, code: "notReplaceable", message: "Replacing all methods accepts phone, email and totp methods only; add security keys one by one")
            }
            bodies.append(try request.body())
        }
        let url = try apiURL(["users", key, "authentication-methods"])
        let response = try await client.write(try .json(method: "PUT", url: url, body: bodies))
        guard let items = JSONValue.parse(response.body)?.array else {
            throw ServiceError(
                kind: .invalidResponse, status: response.status,
                message: "Auth0 replaced the methods but its answer is not a list", requestID: Auth0Provider.requestID(of: response))
        }
        return items.compactMap(Auth0Decoder.method)
    }

    /// Renames a method and/or changes how a phone receives its codes.
    public func updateMethod(
        _ methodID: String, of userID: String, name: String? = nil, preferred: Auth0MethodRequest.Channel? = nil
    ) async throws(ServiceError) -> Auth0Method {
        let key = try Auth0Provider.userKey(userID)
        let id = try Auth0Provider.methodKey(methodID)
        var body: [String: String] = [:]
        if let name {
            guard let checked = try Auth0MethodRequest.name(name) else {
                throw ServiceError(kind: .badInput, code: "invalidName", message: "A method's new name must be 1 to \(Auth0MethodRequest.maxNameLength) characters")
            }
            body["name"] = checked
        }
        if let preferred {
            guard id.hasPrefix("phone|") else {
                throw ServiceError(kind: .badInput, code: "notAPhone", message: "Only a phone method (phone|...) has a preferred channel (sms or voice)")
            }
            body["preferred_authentication_method"] = preferred.rawValue
        }
        guard !body.isEmpty else {
            throw ServiceError(kind: .badInput, message: "Nothing to change: give a new name, a preferred channel (sms or voice), or both")
        }
        let url = try apiURL(["users", key, "authentication-methods", id])
        let response = try await client.write(try .json(method: "PATCH", url: url, body: body))
        return try Auth0Provider.decodeMethod(response)
    }

    /// Deletes one Auth0 method by its id.
    @discardableResult
    public func deleteMethod(_ method: AuthMethod, of userID: String) async throws(ServiceError) -> WriteReceipt {
        guard case .auth0(let auth0) = method else {
            throw ServiceError(kind: .badInput, code: "notDeletable", message: "\(method.title) is not an Auth0 method")
        }
        guard auth0.type != "password" else {
            throw ServiceError(kind: .badInput, code: "notDeletable", message: "The password cannot be deleted; change it instead")
        }
        let key = try Auth0Provider.userKey(userID)
        let id = try Auth0Provider.methodKey(auth0.id)
        return try await client.receipt(HTTPRequest(method: "DELETE", url: try apiURL(["users", key, "authentication-methods", id])))
    }

    /// Deletes every authentication method of the user.
    public func deleteAllMethods(of userID: String) async throws(ServiceError) {
        let key = try Auth0Provider.userKey(userID)
        _ = try await client.write(HTTPRequest(method: "DELETE", url: try apiURL(["users", key, "authentication-methods"])))
    }

    /// Removes every MFA enrollment (Guardian authenticators: push, OTP, SMS, ...), so that the
    /// user enrols again at the next sign-in.
    public func deleteAllAuthenticators(of userID: String) async throws(ServiceError) {
        let key = try Auth0Provider.userKey(userID)
        _ = try await client.write(HTTPRequest(method: "DELETE", url: try apiURL(["users", key, "authenticators"])))
    }

    /// Forgets every browser the user asked MFA to remember, so MFA is asked again everywhere.
    public func invalidateRememberedBrowsers(of userID: String) async throws(ServiceError) {
        let key = try Auth0Provider.userKey(userID)
        let url = try apiURL(["users", key, "multifactor", "actions", "invalidate-remember-browser"])
        _ = try await client.write(HTTPRequest(method: "POST", url: url, idempotent: true))
    }

    /// Sets the user's password (`PATCH /users/{id}`); the connection's password policy may
    /// still refuse it (400 `PasswordStrengthError`).
    public func changePassword(of userID: String, to password: Secret) async throws(ServiceError) {
        let key = try Auth0Provider.userKey(userID)
        try Auth0Provider.checkPassword(password.reveal())
        let url = try apiURL(["users", key])
        _ = try await client.write(try .json(method: "PATCH", url: url, body: ["password": password.reveal()]))
    }

    // MARK: The protocol's writes that Auth0 offers

    /// Enrols a phone for SMS codes. Auth0 phones have no slots, so only `mobile` is accepted;
    /// the number may be written as Graph wants it (`+1 2065555555`): Auth0 gets it in E.164.
    public func addPhone(to userID: String, number: String, type: PhoneType) async throws(ServiceError) -> PhoneMethod {
        guard type == .mobile else {
            throw ServiceError(
                kind: .badInput, code: "notSupported",
                message: "Auth0 phones have no \(type.rawValue) slot: add it as a mobile phone (type mobile), which Auth0 uses for SMS")
        }
        let method = try await createMethod(for: userID, .phone(number: number, channel: .sms))
        return PhoneMethod(id: method.id, phoneNumber: method.phoneNumber ?? number, phoneType: .mobile)
    }

    /// Enrols an e-mail method.
    public func addEmail(to userID: String, address: String) async throws(ServiceError) -> EmailMethod {
        let method = try await createMethod(for: userID, .email(address: address))
        return EmailMethod(id: method.id, emailAddress: method.email ?? address)
    }

    /// Changes the password to `newPassword`, or to a generated one (returned once) when nil.
    /// Auth0 applies it at once: there is no operation to follow.
    public func resetPassword(of userID: String, newPassword: String?) async throws(ServiceError) -> PasswordReset {
        let password = newPassword ?? PasswordGenerator.generate()
        try await changePassword(of: userID, to: Secret(password))
        return PasswordReset(operationURL: nil, generatedPassword: newPassword == nil ? password : nil)
    }

    // MARK: Plumbing of writes

    static func decodeMethod(_ response: HTTPResponse) throws(ServiceError) -> Auth0Method {
        guard let json = JSONValue.parse(response.body), let method = Auth0Decoder.method(json), !method.id.isEmpty else {
            throw ServiceError(
                kind: .invalidResponse, status: response.status,
                message: "Auth0 accepted the change but its answer did not carry the method", requestID: requestID(of: response))
        }
        return method
    }

    /// Checks a method id (`phone|dev_...`) before it goes into a path.
    static func methodKey(_ id: String) throws(ServiceError) -> String {
        let key = id.trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, !key.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw ServiceError(kind: .badInput, message: "A method id is needed, such as phone|dev_XXXXXXXXXXXXXXXX (see the user's method list)")
        }
        return key
    }

    /// 8 to 72 bytes (bcrypt's limit, which Auth0 applies) on one line; the connection's own
    /// policy is Auth0's to enforce.
    static func checkPassword(_ password: String) throws(ServiceError) {
        guard password.count >= 8, password.utf8.count <= 72, !password.contains(where: \.isNewline) else {
            throw ServiceError(
                kind: .badInput, code: "invalidPassword",
                message: "A new password must be 8 characters or more, at most 72 bytes, on one line (the connection's password policy may ask for more)")
        }
    }
}
