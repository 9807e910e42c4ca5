import AuthdeskCore
import AuthdeskServices

/// A tenant a switch opened: what the browser needs of its provider (the tenant as the provider
/// knows it, and what it offers).
public struct TenantOpening: Sendable, Equatable {
    public var tenant: TenantInfo
    public var capabilities: Set<ProviderAction>

    public init(tenant: TenantInfo, capabilities: Set<ProviderAction>) {
        self.tenant = tenant
        self.capabilities = capabilities
    }
}
