import AuthdeskCore
import AuthdeskServices

/// A ``TenantDirectory`` whose providers are all audited by one ``ChangeAuditor``: the console's
/// tenant switch and multi-tenant jobs journal every change wherever it is made.
public struct AuditedTenantDirectory: TenantDirectory {
    public let base: any TenantDirectory
    public let auditor: ChangeAuditor

    public init(base: any TenantDirectory, auditor: ChangeAuditor) {
        self.base = base
        self.auditor = auditor
    }

    public var tenants: [TenantInfo] { base.tenants }

    public func provider(for name: String) async throws(ServiceError) -> any IdentityProvider {
        let provider = try await base.provider(for: name)
        if provider is AuditedProvider { return provider }
        return auditor.wrap(provider)
    }
}
