/// One tenant an operator works in: an Entra directory or an Auth0 tenant, as a profile names it.
public struct TenantInfo: Sendable, Hashable, Codable {
    /// The profile's name (`contoso`); what the banner and `:tenant` show.
    public var name: String
    public var provider: ProviderKind
    /// The Entra tenant id (a GUID) or the Auth0 domain.
    public var id: String
    /// The directory's primary domain (`contoso.com`) or the Auth0 domain.
    public var domain: String
    /// The banner colour the profile asks for (`red`, `blue`, ...), if any.
    public var color: String?
    /// Whether every write is refused for this tenant.
    public var readOnly: Bool
    /// Whether every change asks how the caller was verified (`require_caller_verification`).
    public var requiresCallerVerification: Bool?

    public init(
        name: String, provider: ProviderKind, id: String, domain: String,
        color: String? = nil, readOnly: Bool = false
    ) {
        self.name = name
        self.provider = provider
        self.id = id
        self.domain = domain
        self.color = color
        self.readOnly = readOnly
    }
}
