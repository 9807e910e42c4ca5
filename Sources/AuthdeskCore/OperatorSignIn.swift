/// Who the provider's token acts as: a signed-in operator, an application, or a service that
/// does not say (Auth0's Management API).
public enum OperatorSignIn: Sendable, Hashable, Codable {
    /// A delegated sign-in (device code): the operator's principal name and object id.
    case user(principalName: String, id: String)
    /// A client secret or certificate: the application acts, with its own permissions.
    case application
    /// The service does not tell who acts (`service` names it: "Auth0").
    case notTold(service: String)
}
