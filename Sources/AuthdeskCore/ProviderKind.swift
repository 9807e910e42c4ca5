/// Which identity service a tenant lives in: Microsoft Entra ID (through Graph) or Auth0.
public enum ProviderKind: String, Sendable, Hashable, Codable, CaseIterable {
    case graph
    case auth0

    /// The name operators know the service by.
    public var displayName: String {
        switch self {
        case .graph: "Microsoft Entra ID"
        case .auth0: "Auth0"
        }
    }
}
