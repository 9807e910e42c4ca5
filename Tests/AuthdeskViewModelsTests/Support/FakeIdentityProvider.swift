import AuthdeskCore
import AuthdeskServices
import Foundation
import Synchronization

/// An in-memory identity provider for view-model tests, in the spirit of swift-nio's embedded
/// channel: users and methods held in memory, every call recorded, chosen calls held back until
/// the test releases them, chosen calls failed with a given ``ServiceError``.
final class FakeIdentityProvider: IdentityProvider, Sendable {
    /// A call as the view model made it.
    enum Call: Hashable, Sendable {
        case search(String)
        case next(String)
        case methods(String)
        case user(String)
        case addPhone(String, number: String, PhoneType)
        case updatePhone(String, PhoneType, number: String)
        case setSms(String, Bool)
        case addEmail(String, String)
        case updateEmail(String, String)
        case delete(String, methodID: String)
        case issuePass(String, TemporaryAccessPassRequest)
        case revoke(String)
        case reset(String, password: String?)
        case setAccountEnabled(String, Bool)
        case setMfa(String, PerUserMfaState)
        case setDefault(String, DefaultMethod)
        case createQrCodePin(String, days: Int?, typed: Bool)
        case temporaryQrCode(String, hours: Int)
        case addAuth0Method(String, type: String)
        case deleteAll(String)
        case forgetBrowsers(String)
        case ticket(String, factor: String?)
        case replaceAll(String, types: [String])
        case changeMethod(String, methodID: String, name: String?, channel: String?)
        case deleteEnrollments(String)
        case follow
        /// The pre-flight read the user's roles and sync flag.
        case facts(String)

        /// Whether the call changes something.
        var isWrite: Bool {
            switch self {
            case .search, .next, .methods, .user, .follow, .facts: false
            default: true
            }
        }
    }

    /// The pass the fake issues and the password it generates.
    static let issuedPass = "TAP-q7Zx!9"
    static let generatedPassword = "Gen-Pw-4711?"
    static let generatedPin = "31415926"
    static let ticketURL = "https://acme.example/guardian/enroll?ticket=t-1"


    private struct Store {
        var users: [DirectoryUser]
        var methods: [String: [AuthMethod]]
        var calls: [Call] = []
        var answered: [Call] = []
        var held: Set<Call> = []
        var waiting: [Call: [CheckedContinuation<Void, Never>]] = [:]
        var failures: [Call: ServiceError] = [:]
        var operation: AsyncThrowingStream<LongRunningOperation, any Error>.Continuation?
        var operatorProfile = OperatorProfile.notTold(by: "the fake")
        var adminRoles: [String: [AdminRole]] = [:]
        var synced: Set<String> = []
    }

    let tenant: TenantInfo
    let capabilities: Set<ProviderAction>
    private let store: Mutex<Store>
    private let changed = Condition()

    init(
        tenant: TenantInfo = TenantInfo(name: "contoso", provider: .graph, id: "tid", domain: "contoso.com"),
        users: [DirectoryUser], methods: [String: [AuthMethod]] = [:],
        capabilities: Set<ProviderAction> = ProviderAction.graph
    ) {
        self.tenant = tenant
        self.capabilities = capabilities
        store = Mutex(Store(users: users, methods: methods))
    }

    // MARK: Test controls

    /// Every call so far, in order.
    var calls: [Call] { store.withLock { $0.calls } }

    /// Calls that have returned to the view model.
    var answered: [Call] { store.withLock { $0.answered } }

    /// Holds every later `call` until ``release(_:)``.
    func hold(_ call: Call) {
        store.withLock { _ = $0.held.insert(call) }
    }

    /// Lets held `call`s answer.
    func release(_ call: Call) {
        let waiting = store.withLock { store in
            store.held.remove(call)
            return store.waiting.removeValue(forKey: call) ?? []
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Makes every later `call` fail with `error`.
    func fail(_ call: Call, with error: ServiceError) {
        store.withLock { $0.failures[call] = error }
    }

    /// Returns once `call` has been made `times` times.
    func waitForCall(_ call: Call, times: Int = 1) async {
        await changed.wait { [self] in calls.filter { $0 == call }.count >= times }
    }

    // MARK: IdentityProvider

    func searchUsers(_ query: String, pageSize: Int) async throws(ServiceError) -> UserPage {
        try await answer(.search(query)) { store in
            Self.page(of: Self.matching(query, in: store.users), query: query, offset: 0, size: pageSize)
        }
    }

    func nextUsers(_ cursor: PageCursor) async throws(ServiceError) -> UserPage {
        try await answer(.next(cursor.value)) { (store: Store) throws(ServiceError) -> UserPage in
            let parts = cursor.value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let offset = Int(parts[1]), let size = Int(parts[2]) else {
                throw ServiceError(kind: .badInput, status: 400, code: "BadCursor", message: "bad cursor")
            }
            return Self.page(of: Self.matching(parts[0], in: store.users), query: parts[0], offset: offset, size: size)
        }
    }

    func user(_ idOrName: String) async throws(ServiceError) -> DirectoryUser {
        try await answer(.user(idOrName)) { (store: Store) throws(ServiceError) -> DirectoryUser in
            guard let user = store.users.first(where: { $0.id == idOrName || $0.principalName == idOrName }) else {
                throw ServiceError(kind: .notFound, status: 404, code: "Request_ResourceNotFound", message: "no such user")
            }
            return user
        }
    }

    func methods(of userID: String) async throws(ServiceError) -> [AuthMethod] {
        try await answer(.methods(userID)) { store in store.methods[userID] ?? [] }
    }

    // MARK: Pre-flight

    /// Who the fake says is signed in (not a recorded call: it is read once, at start).
    func setOperator(_ profile: OperatorProfile) {
        store.withLock { $0.operatorProfile = profile }
    }

    /// Gives `userID` directory roles, or marks them synced from on-premises.
    func setFacts(of userID: String, roles: [AdminRole] = [], synced: Bool = false) {
        store.withLock { store in
            store.adminRoles[userID] = roles
            if synced { store.synced.insert(userID) }
        }
    }

    func operatorProfile() async throws(ServiceError) -> OperatorProfile {
        store.withLock { $0.operatorProfile }
    }

    func targetFacts(of userID: String) async throws(ServiceError) -> TargetFacts {
        try await answer(.facts(userID)) { store in
            TargetFacts(
                userID: userID, displayName: store.users.first { $0.id == userID }?.displayName ?? userID,
                adminRoles: store.adminRoles[userID] ?? [], syncedFromOnPremises: store.synced.contains(userID))
        }
    }

    // MARK: Writes

    /// The writes made so far, in order.
    var writes: [Call] { calls.filter(\.isWrite) }

    /// Reports `update` on the stream of the reset being followed.
    func emit(_ update: LongRunningOperation) {
        _ = store.withLock { $0.operation }?.yield(update)
    }

    /// Returns once the view model follows an operation.
    func waitForFollowing() async {
        await changed.wait { [self] in store.withLock { $0.operation != nil } }
    }

    func addPhone(to userID: String, number: String, type: PhoneType) async throws(ServiceError) -> PhoneMethod {
        let phone = PhoneMethod(id: type.methodID, phoneNumber: number, phoneType: type)
        try await write(.addPhone(userID, number: number, type)) { $0.methods[userID, default: []].append(.phone(phone)) }
        return phone
    }

    func updatePhone(of userID: String, type: PhoneType, number: String) async throws(ServiceError) {
        try await write(.updatePhone(userID, type, number: number)) { store in
            store.methods[userID] = store.methods[userID]?.map { method in
                if case .phone(var phone) = method, phone.phoneType == type {
                    phone.phoneNumber = number
                    return .phone(phone)
                }
                return method
            }
        }
    }

    func setSmsSignIn(of userID: String, enabled: Bool) async throws(ServiceError) {
        try await write(.setSms(userID, enabled)) { _ in }
    }

    func addEmail(to userID: String, address: String) async throws(ServiceError) -> EmailMethod {
        let email = EmailMethod(id: "em-new", emailAddress: address)
        try await write(.addEmail(userID, address)) { $0.methods[userID, default: []].append(.email(email)) }
        return email
    }

    func updateEmail(of userID: String, address: String) async throws(ServiceError) {
        try await write(.updateEmail(userID, address)) { _ in }
    }

    func deleteMethod(_ method: AuthMethod, of userID: String) async throws(ServiceError) -> WriteReceipt {
        try await write(.delete(userID, methodID: method.id)) { store in
            store.methods[userID]?.removeAll { $0.id == method.id }
        }
        return WriteReceipt(HTTPResponse(status: 204, headers: [:], body: Data(), clientRequestID: "fake-request"))
    }

    func createTemporaryAccessPass(
        for userID: String, _ request: TemporaryAccessPassRequest
    ) async throws(ServiceError) -> IssuedTemporaryAccessPass {
        try await write(.issuePass(userID, request)) { _ in }
        return IssuedTemporaryAccessPass(
            method: TemporaryAccessPassMethod(
                id: "tap-1", startDateTime: request.startDateTime, lifetimeInMinutes: request.lifetimeInMinutes,
                isUsableOnce: request.isUsableOnce),
            pass: Self.issuedPass)
    }

    func setAccountEnabled(of userID: String, enabled: Bool) async throws(ServiceError) -> AccountChangeReceipt {
        try await write(.setAccountEnabled(userID, enabled)) { store in
            store.users = store.users.map { user in
                var user = user
                if user.id == userID { user.accountEnabled = enabled }
                return user
            }
        }
        return AccountChangeReceipt(accountEnabled: enabled, steps: ["accountEnabled set to \(enabled)"])
    }

    func setPerUserMfaState(of userID: String, to state: PerUserMfaState) async throws(ServiceError) -> PerUserMfaState {
        try await write(.setMfa(userID, state)) { _ in }
        return state
    }

    func setDefaultMethod(of userID: String, to method: DefaultMethod) async throws(ServiceError) -> WriteReceipt {
        try await write(.setDefault(userID, method)) { _ in }
        return WriteReceipt(HTTPResponse(status: 204, headers: [:], body: Data(), clientRequestID: "fake-request"))
    }

    func createQrCodePin(for userID: String, _ request: QrCodePinRequest) async throws(ServiceError) -> IssuedQrCodePin {
        let method = QrCodePinMethod(id: "qr-1", forceChangePin: true)
        try await write(.createQrCodePin(userID, days: request.expiresInDays, typed: request.pin != nil)) {
            $0.methods[userID, default: []].append(.qrCodePin(method))
        }
        return IssuedQrCodePin(method: method, pin: request.pin ?? Secret(Self.generatedPin), generated: request.pin == nil)
    }

    func createTemporaryQrCode(for userID: String, hours: Int) async throws(ServiceError) -> QrCodePinMethod {
        try await write(.temporaryQrCode(userID, hours: hours)) { _ in }
        return QrCodePinMethod(id: "qr-1")
    }

    func addMethod(to userID: String, _ request: Auth0MethodRequest) async throws(ServiceError) -> AuthMethod {
        let method = AuthMethod.auth0(Auth0Method(id: "\(request.type)|dev_1", type: request.type, confirmed: true))
        try await write(.addAuth0Method(userID, type: request.type)) { $0.methods[userID, default: []].append(method) }
        return method
    }

    func deleteAllMethods(of userID: String) async throws(ServiceError) {
        try await write(.deleteAll(userID)) { $0.methods[userID] = [] }
    }

    func replaceAllMethods(of userID: String, with requests: [Auth0MethodRequest]) async throws(ServiceError) -> [AuthMethod] {
        let methods = requests.map { AuthMethod.auth0(Auth0Method(id: "\($0.type)|dev_2", type: $0.type, confirmed: true)) }
        try await write(.replaceAll(userID, types: requests.map(\.type))) { $0.methods[userID] = methods }
        return methods
    }

    func changeMethod(
        _ methodID: String, of userID: String, name: String?, channel: Auth0MethodRequest.Channel?
    ) async throws(ServiceError) -> AuthMethod {
        try await write(.changeMethod(userID, methodID: methodID, name: name, channel: channel?.rawValue)) { _ in }
        return .auth0(Auth0Method(id: methodID, type: "phone", name: name, preferredAuthenticationMethod: channel?.rawValue))
    }

    func deleteAllAuthenticators(of userID: String) async throws(ServiceError) {
        try await write(.deleteEnrollments(userID)) { $0.methods[userID] = [] }
    }

    func invalidateRememberedBrowsers(of userID: String) async throws(ServiceError) {
        try await write(.forgetBrowsers(userID)) { _ in }
    }

    func createEnrollmentTicket(for userID: String, _ request: EnrollmentTicketRequest) async throws(ServiceError) -> EnrollmentTicket {
        try await write(.ticket(userID, factor: request.factor?.rawValue)) { _ in }
        return EnrollmentTicket(ticketID: "t-1", url: Secret(Self.ticketURL))
    }

    func revokeSessions(of userID: String) async throws(ServiceError) {
        try await write(.revoke(userID)) { _ in }
    }

    func resetPassword(of userID: String, newPassword: String?) async throws(ServiceError) -> PasswordReset {
        try await write(.reset(userID, password: newPassword)) { _ in }
        return PasswordReset(
            operationURL: URL(string: "https://graph.microsoft.com/v1.0/users/\(userID)/authentication/operations/op-1"),
            generatedPassword: newPassword == nil ? Self.generatedPassword : nil, retryAfter: .seconds(2))
    }

    func operationUpdates(of reset: PasswordReset) -> AsyncThrowingStream<LongRunningOperation, any Error> {
        let (stream, continuation) = AsyncThrowingStream<LongRunningOperation, any Error>.makeStream()
        store.withLock { store in
            store.calls.append(.follow)
            store.operation = continuation
        }
        changed.signal()
        return stream
    }

    private func write(_ call: Call, _ change: @Sendable (inout Store) -> Void) async throws(ServiceError) {
        try await answer(call) { _ in () }
        store.withLock { change(&$0) }
        changed.signal()
    }

    // MARK: Helpers

    private func answer<T: Sendable>(
        _ call: Call, _ body: (Store) throws(ServiceError) -> T
    ) async throws(ServiceError) -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let proceed = store.withLock { store in
                store.calls.append(call)
                if store.held.contains(call) {
                    store.waiting[call, default: []].append(continuation)
                    return false
                }
                return true
            }
            changed.signal()
            if proceed { continuation.resume() }
        }
        let snapshot = store.withLock { store in
            store.answered.append(call)
            return store
        }
        changed.signal()
        if let failure = snapshot.failures[call] { throw failure }
        return try body(snapshot)
    }

    private static func matching(_ query: String, in users: [DirectoryUser]) -> [DirectoryUser] {
        guard !query.isEmpty else { return users }
        let q = query.lowercased()
        return users.filter {
            $0.displayName.lowercased().hasPrefix(q) || $0.principalName.lowercased().hasPrefix(q)
        }
    }

    private static func page(of users: [DirectoryUser], query: String, offset: Int, size: Int) -> UserPage {
        let end = min(users.count, offset + size)
        let slice = offset < end ? Array(users[offset..<end]) : []
        let next = end < users.count ? PageCursor("\(query)|\(end)|\(size)") : nil
        return UserPage(users: slice, next: next)
    }
}
