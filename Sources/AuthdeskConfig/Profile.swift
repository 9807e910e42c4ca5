import AuthdeskCore
import Foundation

/// One tenant's connection settings, resolved and checked: endpoints, client id, how to sign
/// in and the secret to sign in with.
public struct Profile: Sendable {
    public var name: String
    public var provider: ProviderKind
    /// Entra tenant id (GUID or domain); nil for Auth0.
    public var tenantID: String?
    /// Auth0 domain (`acme.eu.auth0.com`); nil for Graph.
    public var domain: String?
    public var clientID: String
    public var signIn: SignInMethod
    public var clientSecret: Secret?
    public var certificatePath: String?
    /// Entra's sign-in authority (`https://login.microsoftonline.com`).
    public var authorityURL: URL
    /// Graph's root (`https://graph.microsoft.com`), without the version segment.
    public var graphURL: URL
    /// Auth0's root (`https://acme.eu.auth0.com`), without `/api/v2`.
    public var auth0URL: URL?
    public var readOnly: Bool
    public var color: String?
    /// `require_caller_verification`: every change asks how the caller was verified.
    public var requireCallerVerification = false
    /// `graph_write_budget`: the Graph writes per 2.5 minutes this app may make in the tenant,
    /// where it is not Graph's documented 3,000 (nil); a bulk run paces its writes by it.
    public var graphWriteBudget: Int?

    public init(
        name: String, provider: ProviderKind, tenantID: String? = nil, domain: String? = nil,
        clientID: String, signIn: SignInMethod, clientSecret: Secret? = nil,
        certificatePath: String? = nil, authorityURL: URL = Profile.defaultAuthority,
        graphURL: URL = Profile.defaultGraph, auth0URL: URL? = nil, readOnly: Bool = false,
        color: String? = nil
    ) {
        self.name = name
        self.provider = provider
        self.tenantID = tenantID
        self.domain = domain
        self.clientID = clientID
        self.signIn = signIn
        self.clientSecret = clientSecret
        self.certificatePath = certificatePath
        self.authorityURL = authorityURL
        self.graphURL = graphURL
        self.auth0URL = auth0URL
        self.readOnly = readOnly
        self.color = color
    }

    public static let defaultAuthority = URL(string: "https://login.microsoftonline.com")!
    public static let defaultGraph = URL(string: "https://graph.microsoft.com")!

    /// The tenant as the console's banner and the providers know it.
    public var tenant: TenantInfo {
        var tenant = TenantInfo(
            name: name, provider: provider, id: tenantID ?? domain ?? "",
            domain: domain ?? tenantID ?? "", color: color, readOnly: readOnly
        )
        tenant.requiresCallerVerification = requireCallerVerification ? true : nil
        return tenant
    }
}
