import AuthdeskCore
import Foundation

/// The Graph provider's writes: phones, e-mail, deletes, Temporary Access Passes, the default
/// method, sessions and password resets with their long-running operation.
extension GraphProvider {
    /// Graph's fixed id of the e-mail method.
    public static let emailMethodID = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f"

    public func addPhone(to userID: String, number: String, type: PhoneType) async throws(ServiceError) -> PhoneMethod {
        let key = try GraphProvider.userKey(userID)
        let phone = try GraphProvider.phoneNumber(number)
        struct Body: Encodable { let phoneNumber: String, phoneType: String }
        let url = try graphURL(["users", key, "authentication", "phoneMethods"])
        let response = try await client.write(.json(method: "POST", url: url, body: Body(phoneNumber: phone.description, phoneType: type.rawValue)))
        if let json = JSONValue.parse(response.body),
           case .phone(let method)? = GraphDecoder.method(json, defaultType: "phoneAuthenticationMethod") {
            return method
        }
        return PhoneMethod(id: type.methodID, phoneNumber: phone.description, phoneType: type)
    }

    public func updatePhone(of userID: String, type: PhoneType, number: String) async throws(ServiceError) {
        let key = try GraphProvider.userKey(userID)
        let phone = try GraphProvider.phoneNumber(number)
        struct Body: Encodable { let phoneNumber: String, phoneType: String }
        let url = try graphURL(["users", key, "authentication", "phoneMethods", type.methodID])
        _ = try await client.write(.json(method: "PATCH", url: url, body: Body(phoneNumber: phone.description, phoneType: type.rawValue)))
    }

    public func setSmsSignIn(of userID: String, enabled: Bool) async throws(ServiceError) {
        let key = try GraphProvider.userKey(userID)
        let action = enabled ? "enableSmsSignIn" : "disableSmsSignIn"
        let url = try graphURL(["users", key, "authentication", "phoneMethods", PhoneType.mobile.methodID, action])
        _ = try await client.write(HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "application/json"], body: Data("{}".utf8), idempotent: true))
    }

    public func addEmail(to userID: String, address: String) async throws(ServiceError) -> EmailMethod {
        let key = try GraphProvider.userKey(userID)
        let address = try GraphProvider.emailAddress(address)
        struct Body: Encodable { let emailAddress: String }
        let url = try graphURL(["users", key, "authentication", "emailMethods"])
        let response = try await client.write(.json(method: "POST", url: url, body: Body(emailAddress: address)))
        if let json = JSONValue.parse(response.body),
           case .email(let method)? = GraphDecoder.method(json, defaultType: "emailAuthenticationMethod") {
            return method
        }
        return EmailMethod(id: GraphProvider.emailMethodID, emailAddress: address)
    }

    public func updateEmail(of userID: String, address: String) async throws(ServiceError) {
        let key = try GraphProvider.userKey(userID)
        let address = try GraphProvider.emailAddress(address)
        struct Body: Encodable { let emailAddress: String }
        let url = try graphURL(["users", key, "authentication", "emailMethods", GraphProvider.emailMethodID])
        _ = try await client.write(.json(method: "PATCH", url: url, body: Body(emailAddress: address)))
    }

    @discardableResult
    public func deleteMethod(_ method: AuthMethod, of userID: String) async throws(ServiceError) -> WriteReceipt {
        try await client.receipt(try deleteRequest(method, of: userID))
    }

    /// The request that deletes `method` (hardware tokens on beta; the QR code by its path).
    func deleteRequest(_ method: AuthMethod, of userID: String) throws(ServiceError) -> HTTPRequest {
        let key = try GraphProvider.userKey(userID)
        guard !method.id.isEmpty else {
            throw ServiceError(kind: .badInput, message: "This method has no id, so it cannot be deleted")
        }
        let base: URL
        let segment: String
        switch method {
        case .password:
            throw ServiceError(kind: .badInput, code: "notDeletable", message: "The password cannot be deleted; reset it instead")
        case .auth0:
            throw ServiceError(kind: .badInput, code: "notDeletable", message: "An Auth0 method cannot be deleted through Graph")
        case .hardwareOath:
            (base, segment) = (endpoints.graphBeta, "hardwareOathMethods")
        case .qrCodePin:
            // One per user, addressed without an id.
            return HTTPRequest(method: "DELETE", url: try qrCodeURL(userID))
        case .unknown(let unknown):
            guard let derived = GraphProvider.collection(ofType: unknown.typeName) else {
                throw ServiceError(kind: .badInput, code: "notDeletable", message: "A method of type '\(unknown.typeName)' cannot be deleted by this version")
            }
            (base, segment) = (endpoints.graph, derived)
        default:
            guard let known = GraphProvider.collection(of: method.kind) else {
                throw ServiceError(kind: .badInput, code: "notDeletable", message: "\(method.title) cannot be deleted")
            }
            (base, segment) = (endpoints.graph, known)
        }
        guard let url = GraphEndpoints.url(base, ["users", key, "authentication", segment, method.id]) else {
            throw ServiceError(kind: .badInput, message: "The method id cannot be put in a URL")
        }
        return HTTPRequest(method: "DELETE", url: url)
    }

    @discardableResult
    public func deactivateHardwareOath(_ methodID: String, of userID: String) async throws(ServiceError) -> WriteReceipt {
        try await client.receipt(try deactivateRequest(methodID, of: userID))
    }

    /// The request that deactivates a hardware OATH token (beta).
    func deactivateRequest(_ methodID: String, of userID: String) throws(ServiceError) -> HTTPRequest {
        let key = try GraphProvider.userKey(userID)
        guard let url = GraphEndpoints.url(endpoints.graphBeta, ["users", key, "authentication", "hardwareOathMethods", methodID, "deactivate"]) else {
            throw ServiceError(kind: .badInput, message: "The method id cannot be put in a URL")
        }
        return HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "application/json"], body: Data("{}".utf8), idempotent: true)
    }

    public func createTemporaryAccessPass(
        for userID: String, _ request: TemporaryAccessPassRequest
    ) async throws(ServiceError) -> IssuedTemporaryAccessPass {
        let key = try GraphProvider.userKey(userID)
        try request.validate()
        struct Body: Encodable { let startDateTime: String?, lifetimeInMinutes: Int?, isUsableOnce: Bool? }
        let body = Body(
            startDateTime: request.startDateTime.map { $0.formatted(.iso8601) },
            lifetimeInMinutes: request.lifetimeInMinutes, isUsableOnce: request.isUsableOnce)
        let url = try graphURL(["users", key, "authentication", "temporaryAccessPassMethods"])
        let response = try await client.write(.json(method: "POST", url: url, body: body))
        guard let json = JSONValue.parse(response.body),
              case .temporaryAccessPass(let method)? = GraphDecoder.method(json, defaultType: "temporaryAccessPassAuthenticationMethod"),
              let pass = json["temporaryAccessPass"]?.string, !pass.isEmpty else {
            throw ServiceError(
                kind: .invalidResponse, status: response.status,
                message: "Graph created the pass but its answer did not carry it", requestID: response.requestID)
        }
        return IssuedTemporaryAccessPass(method: method, pass: pass)
    }

    public func signInPreferences(of userID: String) async throws(ServiceError) -> SignInPreferences {
        let key = try GraphProvider.userKey(userID)
        guard let url = GraphEndpoints.url(endpoints.graphBeta, ["users", key, "authentication", "signInPreferences"]) else {
            throw ServiceError(kind: .badInput, message: "The user id cannot be put in a URL")
        }
        let json = try await client.getJSON(url)
        let raw = json["userPreferredMethodForSecondaryAuthentication"]?.string
        return SignInPreferences(
            userPreferredMethodForSecondaryAuthentication: raw.flatMap(DefaultMethod.init(rawValue:)),
            rawPreferredMethod: raw,
            isSystemPreferredAuthenticationMethodEnabled: json["isSystemPreferredAuthenticationMethodEnabled"]?.bool)
    }

    @discardableResult
    public func setDefaultMethod(of userID: String, to method: DefaultMethod) async throws(ServiceError) -> WriteReceipt {
        try await client.receipt(try defaultMethodRequest(method, of: userID))
    }

    /// The request that makes `method` the user's default (beta's sign-in preferences).
    func defaultMethodRequest(_ method: DefaultMethod, of userID: String) throws(ServiceError) -> HTTPRequest {
        let key = try GraphProvider.userKey(userID)
        guard method != .none else {
            throw ServiceError(kind: .badInput, code: "invalidDefaultMethod", message: "The default method must be one of \(DefaultMethod.settableNames)")
        }
        guard let url = GraphEndpoints.url(endpoints.graphBeta, ["users", key, "authentication", "signInPreferences"]) else {
            throw ServiceError(kind: .badInput, message: "The user id cannot be put in a URL")
        }
        struct Body: Encodable { let userPreferredMethodForSecondaryAuthentication: String }
        return try .json(method: "PATCH", url: url, body: Body(userPreferredMethodForSecondaryAuthentication: method.rawValue))
    }

    public func revokeSessions(of userID: String) async throws(ServiceError) {
        let key = try GraphProvider.userKey(userID)
        let url = try graphURL(["users", key, "revokeSignInSessions"])
        _ = try await client.write(HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "application/json"], body: Data("{}".utf8), idempotent: true))
    }

    public func resetPassword(of userID: String, newPassword: String?) async throws(ServiceError) -> PasswordReset {
        let key = try GraphProvider.userKey(userID)
        if let newPassword { try GraphProvider.checkPassword(newPassword) }
        struct Body: Encodable { let newPassword: String? }
        let url = try graphURL(["users", key, "authentication", "methods", PasswordMethod.graphID, "resetPassword"])
        let response = try await client.write(.json(method: "POST", url: url, body: Body(newPassword: newPassword)))
        let location = response.header("location").flatMap { URL(string: $0, relativeTo: endpoints.graph)?.absoluteURL }
        let generated = newPassword == nil ? JSONValue.parse(response.body)?["newPassword"]?.string : nil
        let retryAfter = response.header("retry-after").flatMap { RetryPolicy.parseRetryAfter($0, now: transport.now()) }
        return PasswordReset(operationURL: location, generatedPassword: generated, retryAfter: retryAfter)
    }

    public func operationUpdates(of reset: PasswordReset) -> AsyncThrowingStream<LongRunningOperation, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do throws(ServiceError) {
                    try await followOperation(reset) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Polls the operation until a final status, reporting each change. Waits as `Retry-After`
    /// says, or backs off (1 s doubling to 10 s) when it says nothing.
    func followOperation(
        _ reset: PasswordReset, report: (LongRunningOperation) -> Void
    ) async throws(ServiceError) {
        guard let url = reset.operationURL else {
            throw ServiceError(kind: .invalidResponse, message: "The service accepted the reset but gave no operation to follow")
        }
        guard endpoints.isGraphURL(url) else {
            throw ServiceError(kind: .invalidResponse, message: "The operation's URL is not on this tenant's Graph service: \(Redactor.url(url))")
        }
        let started = transport.now()
        var wait = reset.retryAfter ?? .seconds(1)
        var backoff = Duration.seconds(1)
        var last: LongRunningOperation.Status?
        while true {
            do {
                try await transport.sleep(wait)
            } catch {
                throw ServiceError(kind: .unavailable, code: "cancelled", message: "Stopped following the password reset")
            }
            let response: HTTPResponse
            do throws(ServiceError) {
                response = try await client.send(HTTPRequest(method: "GET", url: url, headers: ["Accept": "application/json"]))
            } catch where error.kind == .notFound {
                throw ServiceError(
                    kind: .notFound, status: error.status, code: error.code,
                    message: "The password reset operation was not found: it is unknown or its URL expired (they last 24 hours)",
                    requestID: error.requestID)
            }
            guard let json = JSONValue.parse(response.body), let statusText = json["status"]?.string else {
                throw ServiceError(
                    kind: .invalidResponse, status: response.status,
                    message: "The operation's status could not be read", requestID: response.requestID)
            }
            let operation = LongRunningOperation(
                id: json["id"]?.string ?? "", status: .init(rawValue: statusText),
                statusDetail: json["statusDetail"]?.string, createdAt: json["createdDateTime"]?.date,
                lastActionAt: json["lastActionDateTime"]?.date, resourceLocation: json["resourceLocation"]?.string)
            if operation.status != last {
                report(operation)
                last = operation.status
            }
            if operation.status.isFinal { return }
            if transport.now().timeIntervalSince(started) >= operationTimeout / .seconds(1) {
                throw ServiceError(
                    kind: .unavailable, code: "operationTimeout",
                    message: "The password reset is still \(operation.status.rawValue) after \(Int(operationTimeout / .seconds(1))) seconds; check it later at \(Redactor.url(url))",
                    requestID: response.requestID)
            }
            if let header = response.header("retry-after"), let asked = RetryPolicy.parseRetryAfter(header, now: transport.now()) {
                wait = min(asked, .seconds(60))
            } else {
                wait = backoff
                backoff = min(backoff * 2, .seconds(10))
            }
        }
    }

    // MARK: Plumbing of writes

    /// The `authentication/` collection of a method kind, for deletes: Graph names its
    /// collections after the kind (`fido2` → `fido2Methods`), as it names its types
    /// (`fido2AuthenticationMethod`). The password cannot be deleted; Auth0's kinds are not Graph's.
    static func collection(of kind: MethodKind) -> String? {
        guard kind != .password, kind != .unknown, !kind.rawValue.hasPrefix("auth0") else { return nil }
        return kind.rawValue + "Methods"
    }

    /// `#microsoft.graph.fooAuthenticationMethod` → `fooMethods`, Graph's naming rule.
    static func collection(ofType typeName: String) -> String? {
        let name = typeName.hasPrefix("#microsoft.graph.") ? String(typeName.dropFirst("#microsoft.graph.".count)) : typeName
        guard name.hasSuffix("AuthenticationMethod"), name.count > "AuthenticationMethod".count,
              name.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return name.dropLast("AuthenticationMethod".count) + "Methods"
    }

    static func phoneNumber(_ text: String) throws(ServiceError) -> PhoneNumber {
        do {
            return try PhoneNumber(text.trimmingCharacters(in: .whitespaces))
        } catch {
            throw ServiceError(kind: .badInput, code: "invalidPhoneNumber", message: error.description)
        }
    }

    static func emailAddress(_ text: String) throws(ServiceError) -> String {
        let address = text.trimmingCharacters(in: .whitespaces)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !address.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" }) else {
            throw ServiceError(
                kind: .badInput, code: "invalidEmailAddress",
                message: "'\(address)' is not an e-mail address: use name@domain.tld")
        }
        return address
    }

    /// Entra's rule: 8 to 256 characters, three of upper case, lower case, digits and symbols.
    static func checkPassword(_ password: String) throws(ServiceError) {
        let classes = [
            password.contains { $0.isUppercase }, password.contains { $0.isLowercase },
            password.contains { $0.isNumber }, password.contains { !$0.isLetter && !$0.isNumber && !$0.isWhitespace },
        ].filter { $0 }.count
        guard (8...256).contains(password.count), classes >= 3, !password.contains(where: \.isNewline) else {
            throw ServiceError(
                kind: .badInput, code: "invalidPassword",
                message: "A new password must be 8 to 256 characters on one line, with three of: upper case, lower case, digits, symbols (or leave it out to have one generated)")
        }
    }
}
