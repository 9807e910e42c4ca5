import Foundation
import AuthdeskCore

/// What the console, the command line and the bulk engine ask of an identity service.
///
/// One implementation per service (Graph, Auth0), each speaking HTTP through ``HTTPTransport``;
/// nothing above this protocol knows which service, or whether it is the sandbox.
public protocol IdentityProvider: Sendable {
    /// The tenant this provider is signed in to.
    var tenant: TenantInfo { get }

    /// The actions this provider offers (the others throw `notSupported`); the console hides
    /// the rest. Defaults to Graph's set.
    var capabilities: Set<ProviderAction> { get }

    /// The first page of users whose name, principal name or e-mail starts with `query`
    /// (an empty query lists everyone).
    func searchUsers(_ query: String, pageSize: Int) async throws(ServiceError) -> UserPage

    /// The page a previous answer's cursor points at.
    func nextUsers(_ cursor: PageCursor) async throws(ServiceError) -> UserPage

    /// One user, by object id or principal name (Graph), user id or e-mail (Auth0).
    func user(_ idOrName: String) async throws(ServiceError) -> DirectoryUser

    /// All of a user's authentication methods, of every type, unknown types included.
    func methods(of userID: String) async throws(ServiceError) -> [AuthMethod]

    // MARK: Reads of many users at once (Graph's `$batch`); by default one user after another.

    /// How many users one ``methodsAndPreferences(of:)`` or ``methodLists(of:)`` reads well
    /// together: Graph's batch size, 1 where the service reads one user at a time.
    var readBatchSize: Int { get }

    /// The methods and sign-in preferences of each of `userIDs`, or the failure that kept a
    /// user's from being read (that user only); throws only for input refused before sending.
    func methodsAndPreferences(
        of userIDs: [String]
    ) async throws(ServiceError) -> [String: Result<MethodsAndPreferences, ServiceError>]

    /// The methods of each of `userIDs` (as ``methods(of:)`` reads them), or the failure that
    /// kept a user's from being read.
    func methodLists(of userIDs: [String]) async throws(ServiceError) -> [String: Result<[AuthMethod], ServiceError>]

    // MARK: Writes (issue 4). Each is refused in read-only mode, checks its input before
    // sending, and counts against the tenant's write budget.

    /// Adds a phone in one of the three slots; `number` must read `+{country} {number}[x{ext}]`.
    func addPhone(to userID: String, number: String, type: PhoneType) async throws(ServiceError) -> PhoneMethod

    /// Changes the number of the phone in slot `type` (the type itself cannot change).
    func updatePhone(of userID: String, type: PhoneType, number: String) async throws(ServiceError)

    /// Turns SMS sign-in on or off for the user's mobile phone.
    func setSmsSignIn(of userID: String, enabled: Bool) async throws(ServiceError)

    /// Adds the e-mail address used for self-service password reset (one per user).
    func addEmail(to userID: String, address: String) async throws(ServiceError) -> EmailMethod

    /// Changes the e-mail address used for self-service password reset.
    func updateEmail(of userID: String, address: String) async throws(ServiceError)

    /// Deletes one method (of any deletable type); answers with the service's status and request id.
    @discardableResult
    func deleteMethod(_ method: AuthMethod, of userID: String) async throws(ServiceError) -> WriteReceipt

    /// Deactivates a hardware OATH token, keeping it assigned (what "require re-register MFA"
    /// does to hardware tokens); answers with the service's status and request id.
    @discardableResult
    func deactivateHardwareOath(_ methodID: String, of userID: String) async throws(ServiceError) -> WriteReceipt

    /// Creates a Temporary Access Pass (replacing the user's current one).
    func createTemporaryAccessPass(
        for userID: String, _ request: TemporaryAccessPassRequest
    ) async throws(ServiceError) -> IssuedTemporaryAccessPass

    /// The user's default second factor and related preferences.
    func signInPreferences(of userID: String) async throws(ServiceError) -> SignInPreferences

    /// Makes `method` the user's default second factor; answers with the service's status and request id.
    @discardableResult
    func setDefaultMethod(of userID: String, to method: DefaultMethod) async throws(ServiceError) -> WriteReceipt

    /// Signs the user out everywhere (refresh tokens and session cookies revoked).
    func revokeSessions(of userID: String) async throws(ServiceError)

    /// Resets the password to `newPassword`, or to one the service generates when nil. Needs a
    /// signed-in operator (device code), not an application token.
    func resetPassword(of userID: String, newPassword: String?) async throws(ServiceError) -> PasswordReset

    /// The reset's status each time it changes, ending after the final one (`succeeded` or
    /// `failed`); fails with a ``ServiceError`` when the operation is gone or its URL expired.
    func operationUpdates(of reset: PasswordReset) -> AsyncThrowingStream<LongRunningOperation, any Error>

    // MARK: Pre-flight (issue 8). Reads only; ``Preflight`` caches the operator per session.

    /// Who the token acts as and their directory roles where the service tells them.
    func operatorProfile() async throws(ServiceError) -> OperatorProfile

    /// The user's directory roles (nil when not readable) and on-premises sync flag.
    func targetFacts(of userID: String) async throws(ServiceError) -> TargetFacts

    // MARK: Many users at once (issue 14): batched on Graph, concurrent single reads elsewhere.

    /// Each of `idsOrNames` found as ``user(_:)`` finds one (Graph: by e-mail too), or the
    /// failure for that one; every key gets an answer.
    func users(_ idsOrNames: [String]) async -> [String: Result<DirectoryUser, ServiceError>]

    /// The pre-flight facts of each of `userIDs`, or the failure for that one.
    func targetFacts(of userIDs: [String]) async -> [String: Result<TargetFacts, ServiceError>]

    /// The client-side budget every write of this tenant takes from, if any: where a bulk run
    /// starts its concurrency from.
    var writeBudget: WriteBudget? { get }

    /// Told of every answer this provider gets (latency, status, limit headers), where it
    /// reports them: how a bulk run adapts its concurrency. Default nil (IdentityProvider+Load.swift).
    var loadObservers: LoadObservers? { get }

    /// The most of one user's writes sent together, in order (``writeInOrder(_:of:)``): Graph's
    /// `$batch` chains 20 with `dependsOn`; other providers send one request a write (1).
    var writeChainLimit: Int { get }

    /// Sends `writes` (at most ``writeChainLimit``) of one user in order, each answered on its
    /// own; after a failure the rest fail with 424. Default (IdentityProvider+Chain.swift): one
    /// request a write.
    func writeInOrder(_ writes: [MethodWrite], of userID: String) async -> [Result<WriteReceipt, ServiceError>]

    // MARK: The account (issue 16; defaults in IdentityProvider+Account.swift).

    /// The account around the user's methods; each fact the service refuses to tell is "not
    /// available" with the reason, never a failure of the whole read.
    func accountDetails(of userID: String) async throws(ServiceError) -> AccountDetails

    /// Lets the user sign in again (`true`) or blocks their sign-in (`false`); Auth0's unblock
    /// also lifts brute-force protection blocks.
    @discardableResult
    func setAccountEnabled(of userID: String, enabled: Bool) async throws(ServiceError) -> AccountChangeReceipt

    /// Graph's legacy per-user MFA state.
    func perUserMfaState(of userID: String) async throws(ServiceError) -> PerUserMfaState

    /// Sets the per-user MFA state; answers with the state the service then reports.
    @discardableResult
    func setPerUserMfaState(of userID: String, to state: PerUserMfaState) async throws(ServiceError) -> PerUserMfaState

    // MARK: QR code + PIN (issue 16; defaults in IdentityProvider+QrCode.swift).

    /// Creates the user's QR code + PIN method (one per user): the PIN typed, or generated.
    func createQrCodePin(for userID: String, _ request: QrCodePinRequest) async throws(ServiceError) -> IssuedQrCodePin

    /// Resets the PIN to `pin`, or to one authdesk generates; the user changes it at next sign-in.
    func resetQrCodePin(of userID: String, pin: Secret?) async throws(ServiceError) -> IssuedQrCodePin

    /// A temporary QR code (1 to 12 hours) for a forgotten badge.
    func createTemporaryQrCode(for userID: String, hours: Int) async throws(ServiceError) -> QrCodePinMethod

    /// Signs the user out as far as the service allows, saying what each request did (by
    /// default: ``revokeSessions(of:)``).
    func signOut(_ userID: String) async throws(ServiceError) -> SessionRevocation

    // MARK: Auth0's own actions (issue 16; defaults in IdentityProvider+Auth0.swift).

    /// Enrols a method of `request`'s type (TOTP, security key, phone, e-mail), confirmed at once.
    func addMethod(to userID: String, _ request: Auth0MethodRequest) async throws(ServiceError) -> AuthMethod

    /// Replaces all of the user's methods by `requests`; answers with the new methods.
    func replaceAllMethods(of userID: String, with requests: [Auth0MethodRequest]) async throws(ServiceError) -> [AuthMethod]

    /// Deletes every authentication method of the user.
    func deleteAllMethods(of userID: String) async throws(ServiceError)

    /// Forgets every browser the user asked MFA to remember.
    func invalidateRememberedBrowsers(of userID: String) async throws(ServiceError)

    /// Renames a method and/or changes how a phone receives its codes; answers with the method.
    func changeMethod(_ methodID: String, of userID: String, name: String?, channel: Auth0MethodRequest.Channel?) async throws(ServiceError) -> AuthMethod

    /// Removes every MFA enrollment (Guardian authenticators), so the user enrols at the next sign-in.
    func deleteAllAuthenticators(of userID: String) async throws(ServiceError)

    /// An enrollment ticket: a link the user opens to enrol a factor (shown once).
    func createEnrollmentTicket(for userID: String, _ request: EnrollmentTicketRequest) async throws(ServiceError) -> EnrollmentTicket
}

extension IdentityProvider {
    public var capabilities: Set<ProviderAction> { ProviderAction.graph }

    public func addPhone(to userID: String, number: String, type: PhoneType) async throws(ServiceError) -> PhoneMethod {
        throw unsupported("Adding a phone")
    }

    public func updatePhone(of userID: String, type: PhoneType, number: String) async throws(ServiceError) {
        throw unsupported("Changing a phone")
    }

    public func setSmsSignIn(of userID: String, enabled: Bool) async throws(ServiceError) {
        throw unsupported("SMS sign-in")
    }

    public func addEmail(to userID: String, address: String) async throws(ServiceError) -> EmailMethod {
        throw unsupported("Adding an e-mail method")
    }

    public func updateEmail(of userID: String, address: String) async throws(ServiceError) {
        throw unsupported("Changing an e-mail method")
    }

    @discardableResult
    public func deleteMethod(_ method: AuthMethod, of userID: String) async throws(ServiceError) -> WriteReceipt {
        throw unsupported("Deleting a method")
    }

    /// By default the provider cannot: a ``ServiceError`` (`notSupported`) saying so.
    @discardableResult
    public func deactivateHardwareOath(_ methodID: String, of userID: String) async throws(ServiceError) -> WriteReceipt {
        throw unsupported("Deactivating a hardware token")
    }

    public func createTemporaryAccessPass(
        for userID: String, _ request: TemporaryAccessPassRequest
    ) async throws(ServiceError) -> IssuedTemporaryAccessPass {
        throw unsupported("A Temporary Access Pass")
    }

    public func signInPreferences(of userID: String) async throws(ServiceError) -> SignInPreferences {
        throw unsupported("Reading the default method")
    }

    @discardableResult
    public func setDefaultMethod(of userID: String, to method: DefaultMethod) async throws(ServiceError) -> WriteReceipt {
        throw unsupported("Setting the default method")
    }

    public func revokeSessions(of userID: String) async throws(ServiceError) {
        throw unsupported("Revoking sessions")
    }

    public func resetPassword(of userID: String, newPassword: String?) async throws(ServiceError) -> PasswordReset {
        throw unsupported("Resetting a password")
    }

    public func operationUpdates(of reset: PasswordReset) -> AsyncThrowingStream<LongRunningOperation, any Error> {
        AsyncThrowingStream { $0.finish(throwing: unsupported("Following an operation")) }
    }

    /// By default the service does not tell the operator's role.
    public func operatorProfile() async throws(ServiceError) -> OperatorProfile {
        .notTold(by: tenant.provider.displayName)
    }

    /// By default: the user's sync flag as listed, roles not known.
    public func targetFacts(of userID: String) async throws(ServiceError) -> TargetFacts {
        let user = try await user(userID)
        return TargetFacts(
            userID: user.id, displayName: user.displayName, adminRoles: nil, syncedFromOnPremises: user.onPremisesSyncEnabled)
    }

    /// Deletes the method with this id, whatever its type (found among the user's methods);
    /// `.notFound` when the user has no such method.
    @discardableResult
    public func deleteMethod(id methodID: String, of userID: String) async throws(ServiceError) -> WriteReceipt {
        let wanted = methodID.trimmingCharacters(in: .whitespaces)
        guard !wanted.isEmpty else {
            throw ServiceError(kind: .badInput, message: "A method id is needed (see the ids in the user's method list)")
        }
        let methods = try await methods(of: userID)
        guard let method = methods.first(where: { $0.id.caseInsensitiveCompare(wanted) == .orderedSame }) else {
            throw ServiceError(
                kind: .notFound, code: "methodNotFound",
                message: "\(userID) has no method with the id \(wanted)")
        }
        return try await deleteMethod(method, of: userID)
    }

    /// The error of an operation this provider does not offer.
    func unsupported(_ what: String) -> ServiceError {
        ServiceError(
            kind: .badInput, code: "notSupported",
            message: "\(what) is not available for \(tenant.provider.displayName)")
    }
}
