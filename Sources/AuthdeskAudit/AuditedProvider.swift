import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import Foundation
import Synchronization

/// An ``IdentityProvider`` whose every write is journalled by a ``ChangeAuditor`` once the
/// service has answered (success or refusal), with the answer's request id; reads pass through,
/// and the users they return are remembered so that entries carry the user's name.
///
/// A password reset is journalled when accepted (`accepted`, or `succeeded` when applied at once
/// as in Auth0); following it with ``operationUpdates(of:)`` adds a `password reset finished`
/// entry with the final status.
public struct AuditedProvider: IdentityProvider {
    public let base: any IdentityProvider
    public let auditor: ChangeAuditor
    private let known: KnownUsers

    init(base: any IdentityProvider, auditor: ChangeAuditor) {
        self.base = base
        self.auditor = auditor
        known = KnownUsers()
    }

    public var tenant: TenantInfo { base.tenant }
    public var capabilities: Set<ProviderAction> { base.capabilities }

    // MARK: Reads

    public func searchUsers(_ query: String, pageSize: Int) async throws(ServiceError) -> UserPage {
        let page = try await base.searchUsers(query, pageSize: pageSize)
        known.remember(page.users)
        return page
    }

    public func nextUsers(_ cursor: PageCursor) async throws(ServiceError) -> UserPage {
        let page = try await base.nextUsers(cursor)
        known.remember(page.users)
        return page
    }

    public func user(_ idOrName: String) async throws(ServiceError) -> DirectoryUser {
        let user = try await base.user(idOrName)
        known.remember([user])
        return user
    }

    public func methods(of userID: String) async throws(ServiceError) -> [AuthMethod] {
        try await base.methods(of: userID)
    }

    public func users(_ idsOrNames: [String]) async -> [String: Result<DirectoryUser, ServiceError>] {
        let found = await base.users(idsOrNames)
        known.remember(found.values.compactMap { try? $0.get() })
        return found
    }

    public func targetFacts(of userIDs: [String]) async -> [String: Result<TargetFacts, ServiceError>] {
        await base.targetFacts(of: userIDs)
    }

    public var writeBudget: WriteBudget? { base.writeBudget }
    public var loadObservers: LoadObservers? { base.loadObservers }

    public var readBatchSize: Int { base.readBatchSize }

    public func methodsAndPreferences(
        of userIDs: [String]
    ) async throws(ServiceError) -> [String: Result<MethodsAndPreferences, ServiceError>] {
        try await base.methodsAndPreferences(of: userIDs)
    }

    public func methodLists(of userIDs: [String]) async throws(ServiceError) -> [String: Result<[AuthMethod], ServiceError>] {
        try await base.methodLists(of: userIDs)
    }

    public func signInPreferences(of userID: String) async throws(ServiceError) -> SignInPreferences {
        try await base.signInPreferences(of: userID)
    }

    public func operatorProfile() async throws(ServiceError) -> OperatorProfile {
        try await base.operatorProfile()
    }

    public func targetFacts(of userID: String) async throws(ServiceError) -> TargetFacts {
        try await base.targetFacts(of: userID)
    }

    // MARK: Writes

    public func addPhone(to userID: String, number: String, type: PhoneType) async throws(ServiceError) -> PhoneMethod {
        let change = AuditedChange(userID: userID, action: "add phone", target: "\(type.displayName) \(number)")
        return try await audited(change) { () async throws(ServiceError) in try await base.addPhone(to: userID, number: number, type: type) }
    }

    public func updatePhone(of userID: String, type: PhoneType, number: String) async throws(ServiceError) {
        let change = AuditedChange(userID: userID, action: "update phone", target: "\(type.displayName) \(number)")
        try await audited(change) { () async throws(ServiceError) in try await base.updatePhone(of: userID, type: type, number: number) }
    }

    public func setSmsSignIn(of userID: String, enabled: Bool) async throws(ServiceError) {
        let change = AuditedChange(
            userID: userID, action: enabled ? "enable SMS sign-in" : "disable SMS sign-in", target: PhoneType.mobile.displayName)
        try await audited(change) { () async throws(ServiceError) in try await base.setSmsSignIn(of: userID, enabled: enabled) }
    }

    public func addEmail(to userID: String, address: String) async throws(ServiceError) -> EmailMethod {
        let change = AuditedChange(userID: userID, action: "add e-mail", target: address)
        return try await audited(change) { () async throws(ServiceError) in try await base.addEmail(to: userID, address: address) }
    }

    public func updateEmail(of userID: String, address: String) async throws(ServiceError) {
        let change = AuditedChange(userID: userID, action: "update e-mail", target: address)
        try await audited(change) { () async throws(ServiceError) in try await base.updateEmail(of: userID, address: address) }
    }

    @discardableResult
    public func deleteMethod(_ method: AuthMethod, of userID: String) async throws(ServiceError) -> WriteReceipt {
        let summary = method.summary.isEmpty ? "" : " \(method.summary)"
        let change = AuditedChange(userID: userID, action: "delete method", target: "\(method.title)\(summary) (\(method.id))")
        return try await audited(change) { () async throws(ServiceError) in try await base.deleteMethod(method, of: userID) }
    }

    @discardableResult
    public func deactivateHardwareOath(_ methodID: String, of userID: String) async throws(ServiceError) -> WriteReceipt {
        let change = AuditedChange(userID: userID, action: "deactivate hardware token", target: methodID)
        return try await audited(change) { () async throws(ServiceError) in try await base.deactivateHardwareOath(methodID, of: userID) }
    }

    public func createTemporaryAccessPass(
        for userID: String, _ request: TemporaryAccessPassRequest
    ) async throws(ServiceError) -> IssuedTemporaryAccessPass {
        var facts: [String] = []
        if let minutes = request.lifetimeInMinutes { facts.append("lifetime \(minutes) min") }
        if request.isUsableOnce == true { facts.append("usable once") }
        if let start = request.startDateTime { facts.append("from \(AuthMethod.timestamp(start))") }
        var change = AuditedChange(
            userID: userID, action: "create TAP", target: facts.isEmpty ? nil : facts.joined(separator: ", "))
        let log = RequestLog(), trace = WriteTrace()
        var evidence = ChangeEvidence(before: await snapshot(userID))
        let result = await collecting(log, trace) { () async throws(ServiceError) in
            try await base.createTemporaryAccessPass(for: userID, request)
        }
        evidence.requests = trace.all
        switch result {
        case .success(let issued):
            change.secrets = [Secret(issued.pass)]
            evidence.after = await snapshot(userID)
            await auditor.record(
                change, tenant: tenant, user: known.user(userID), outcome: .succeeded, requestID: log.last, evidence: evidence)
            return issued
        case .failure(let error):
            await failed(change, error, log, evidence)
            throw error
        }
    }

    @discardableResult
    public func setDefaultMethod(of userID: String, to method: DefaultMethod) async throws(ServiceError) -> WriteReceipt {
        let change = AuditedChange(userID: userID, action: "set default method", target: method.rawValue)
        return try await audited(change) { () async throws(ServiceError) in try await base.setDefaultMethod(of: userID, to: method) }
    }

    public func revokeSessions(of userID: String) async throws(ServiceError) {
        let change = AuditedChange(userID: userID, action: "revoke sessions")
        try await audited(change) { () async throws(ServiceError) in try await base.revokeSessions(of: userID) }
    }

    public func resetPassword(of userID: String, newPassword: String?) async throws(ServiceError) -> PasswordReset {
        var change = AuditedChange(
            userID: userID, action: "reset password", target: newPassword == nil ? "generated password" : "password given",
            secrets: newPassword.map { [Secret($0)] } ?? [])
        let log = RequestLog(), trace = WriteTrace()
        let result = await collecting(log, trace) { () async throws(ServiceError) in
            try await base.resetPassword(of: userID, newPassword: newPassword)
        }
        let evidence = ChangeEvidence(requests: trace.all)
        switch result {
        case .success(let reset):
            if let generated = reset.generatedPassword { change.secrets.append(Secret(generated)) }
            let outcome: AuditOutcome = reset.operationURL == nil ? .succeeded : .accepted
            await auditor.record(
                change, tenant: tenant, user: known.user(userID), outcome: outcome, requestID: log.last, evidence: evidence)
            if let url = reset.operationURL { known.follow(url, userID: userID) }
            return reset
        case .failure(let error):
            await failed(change, error, log, evidence)
            throw error
        }
    }

    public func operationUpdates(of reset: PasswordReset) -> AsyncThrowingStream<LongRunningOperation, any Error> {
        guard let url = reset.operationURL, let userID = known.followed(url) else { return base.operationUpdates(of: reset) }
        let base = base, auditor = auditor, tenant = tenant, user = known.user(userID)
        let change = AuditedChange(userID: userID, action: "password reset finished")
        return AsyncThrowingStream { continuation in
            let task = Task {
                let log = RequestLog()
                await RequestLog.$current.withValue(log) {
                    // Made inside the log's scope, so that the provider's polling task records in it.
                    let upstream = base.operationUpdates(of: reset)
                    do {
                        for try await update in upstream {
                            if update.status == .succeeded || update.status == .failed {
                                await auditor.record(
                                    change, tenant: tenant, user: user,
                                    outcome: update.status == .succeeded ? .succeeded : .failed,
                                    detail: update.statusDetail, requestID: log.last)
                            }
                            continuation.yield(update)
                        }
                        continuation.finish()
                    } catch {
                        continuation.finish(throwing: error)
                    }
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    // MARK: Auditing

    /// Runs the write `body` and journals `change` with its outcome; `secrets` names what of the
    /// answer (a generated PIN) no field of the entry may contain.
    func audited<T>(
        _ change: AuditedChange, _ body: () async throws(ServiceError) -> T, secrets: (T) -> [Secret] = { _ in [] }
    ) async throws(ServiceError) -> T {
        let log = RequestLog(), trace = WriteTrace()
        var evidence = ChangeEvidence(before: await snapshot(change.userID))
        let result = await collecting(log, trace, body)
        evidence.requests = trace.all
        switch result {
        case .success(let result):
            var change = change
            change.secrets += secrets(result)
            evidence.after = await snapshot(change.userID)
            await auditor.record(
                change, tenant: tenant, user: known.user(change.userID), outcome: .succeeded, requestID: log.last,
                evidence: evidence)
            return result
        case .failure(let error):
            await failed(change, error, log, evidence)
            throw error
        }
    }

    /// The user's methods now, for the evidence (nil when they cannot be read: the change goes on).
    private func snapshot(_ userID: String) async -> [AuthMethod]? {
        try? await base.methods(of: userID)
    }

    /// Runs `body` with `log` as the task's request log and `trace` as its write trace, and gives
    /// its result or its failure.
    private func collecting<T>(
        _ log: RequestLog, _ trace: WriteTrace, _ body: () async throws(ServiceError) -> T
    ) async -> Result<T, ServiceError> {
        await RequestLog.$current.withValue(log) {
            await WriteTrace.$current.withValue(trace) {
                do throws(ServiceError) {
                    return .success(try await body())
                } catch {
                    return .failure(error)
                }
            }
        }
    }

    private func failed(_ change: AuditedChange, _ error: ServiceError, _ log: RequestLog, _ evidence: ChangeEvidence) async {
        guard let outcome = ChangeAuditor.outcome(of: error) else { return }
        await auditor.record(
            change, tenant: tenant, user: known.user(change.userID), outcome: outcome,
            detail: ChangeAuditor.detail(of: error), requestID: error.requestID ?? log.last, evidence: evidence)
    }
}
