import AuthdeskCore
import AuthdeskServices

extension ChangeWorkflow {
    /// Runs `body` (the pre-flight and the send of one change to `target`) holding the user's
    /// lease, when the workflow takes leases: another operator's lease refuses it before
    /// anything is sent (``ChangeLease/holding(_:user:_:)``).
    public func holding<T>(_ target: DirectoryUser, _ body: () async throws -> T) async throws -> T {
        guard let lease else { return try await body() }
        let key = TenantUserKey(tenant: provider.tenant.name, userID: target.id)
        return try await lease.holding(key, user: ChangeLease.name(of: target), body)
    }
}
