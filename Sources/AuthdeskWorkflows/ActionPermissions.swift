import AuthdeskCore
import AuthdeskServices

/// The one table of what each action authdesk offers needs from the service: in Microsoft Graph
/// one of its permissions (in the token's `roles` or `scp`), for a delegated sign-in one of
/// the directory roles, and whether an application may do it at all; in Auth0 the Management
/// API scopes. `whoami` marks each action allowed or refused from it, and a 403 names what it
/// lacks from it. (API-FACTS.md; Graph's permission and role references.)
public struct ActionPermissions: Sendable, Hashable {
    /// The command that does it: `methods add-phone`.
    public var command: String
    /// Graph: any one of these permissions; nil when Graph has no such action.
    public var graphPermissions: [String]?
    /// Graph, delegated sign-in: any one of these directory roles (empty: none needed).
    public var graphRoles: [AdminRole]
    /// Graph: only a signed-in operator may do it (no application permission exists).
    public var delegatedOnly: Bool
    /// Auth0: every one of these scopes; nil when authdesk offers no such action on Auth0.
    public var auth0Scopes: [String]?

    public init(
        _ command: String, graph: [String]?, roles: [AdminRole] = [], delegatedOnly: Bool = false, auth0: [String]?
    ) {
        self.command = command
        graphPermissions = graph
        graphRoles = roles
        self.delegatedOnly = delegatedOnly
        auth0Scopes = auth0
    }

    static let readMethods = ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"]
    static let writeMethods = ["UserAuthenticationMethod.ReadWrite.All"]
    /// The roles that may change authentication methods (an Authentication Administrator only
    /// of users without an administrator role).
    static let methodRoles: [AdminRole] = [
        .authenticationAdministrator, .privilegedAuthenticationAdministrator, .globalAdministrator,
    ]

    /// Every action, in the order `whoami` lists them.
    public static let all: [ActionPermissions] = [
        ActionPermissions("users search", graph: ["User.Read.All", "User.ReadBasic.All", "Directory.Read.All"], auth0: ["read:users"]),
        ActionPermissions("methods list", graph: readMethods, roles: methodRoles, auth0: ["read:users", "read:authentication_methods"]),
        ActionPermissions("methods add-phone", graph: writeMethods, roles: methodRoles, auth0: ["create:authentication_methods"]),
        ActionPermissions("methods update-phone", graph: writeMethods, roles: methodRoles, auth0: nil),
        ActionPermissions("methods sms-sign-in", graph: writeMethods, roles: methodRoles, auth0: nil),
        ActionPermissions("methods add-email", graph: writeMethods, roles: methodRoles, auth0: ["create:authentication_methods"]),
        ActionPermissions("methods update-email", graph: writeMethods, roles: methodRoles, auth0: nil),
        ActionPermissions("methods delete", graph: writeMethods, roles: methodRoles, auth0: ["delete:authentication_methods"]),
        ActionPermissions("tap create", graph: writeMethods, roles: methodRoles, auth0: nil),
        ActionPermissions(
            "password reset", graph: writeMethods, roles: methodRoles, delegatedOnly: true, auth0: ["update:users"]),
        ActionPermissions(
            "sessions revoke", graph: ["User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"],
            roles: methodRoles + [.helpdeskAdministrator, .userAdministrator], auth0: ["update:users"]),
        ActionPermissions(
            "reset-mfa", graph: writeMethods, roles: methodRoles,
            auth0: ["read:authentication_methods", "delete:authentication_methods", "delete:guardian_enrollments"]),
        ActionPermissions("users show", graph: ["User.Read.All", "Directory.Read.All"], auth0: ["read:users"]),
        ActionPermissions(
            "users block", graph: accountPermissions, roles: accountRoles, auth0: ["update:users"]),
        ActionPermissions(
            "users unblock", graph: accountPermissions, roles: accountRoles, auth0: ["update:users"]),
        ActionPermissions("users mfa-state", graph: writeMethods, roles: methodRoles, auth0: nil),
        ActionPermissions("methods default", graph: writeMethods, roles: methodRoles, auth0: nil),
        ActionPermissions("methods qr-code create", graph: writeMethods, roles: methodRoles, auth0: nil),
        ActionPermissions("methods qr-code reset-pin", graph: writeMethods, roles: methodRoles, auth0: nil),
        ActionPermissions("methods qr-code temporary", graph: writeMethods, roles: methodRoles, auth0: nil),
        ActionPermissions("methods add", graph: nil, auth0: ["create:authentication_methods"]),
        ActionPermissions("methods enroll", graph: nil, auth0: ["create:guardian_enrollment_tickets"]),
        ActionPermissions("methods replace", graph: nil, auth0: ["update:authentication_methods"]),
        ActionPermissions("methods delete-all", graph: nil, auth0: ["delete:authentication_methods"]),
        ActionPermissions("sessions forget-browsers", graph: nil, auth0: ["update:users"]),
        ActionPermissions("methods update", graph: nil, auth0: ["update:authentication_methods"]),
        ActionPermissions("methods delete-enrollments", graph: nil, auth0: ["delete:guardian_enrollments"]),
    ]

    /// Turning sign-in off and on (`accountEnabled`, a sensitive property).
    static let accountPermissions = ["User.EnableDisableAccount.All", "User.ReadWrite.All", "Directory.ReadWrite.All"]
    /// The roles that may turn sign-in off and on (each only for some targets: Global and
    /// Privileged Authentication Administrators for anyone).
    static let accountRoles: [AdminRole] = [
        .userAdministrator, .helpdeskAdministrator, .authenticationAdministrator, .privilegedAuthenticationAdministrator,
        .globalAdministrator,
    ]

    /// The entry of `command`, if the table has one.
    public static func of(_ command: String) -> ActionPermissions? {
        all.first { $0.command == command }
    }
}
