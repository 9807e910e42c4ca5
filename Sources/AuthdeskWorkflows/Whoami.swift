import AuthdeskConfig
import AuthdeskCore
import AuthdeskServices
import Foundation

/// Who a profile signs in as and what that sign-in may do (`authdesk whoami`, the console's
/// `:whoami`): provider, endpoints, sign-in kind, the operator or the application, directory
/// roles, the permissions in the token, and every action allowed or refused by
/// ``ActionPermissions``. Read from the token's claims and the service; no secret is kept.
public struct Whoami: Sendable, Hashable {
    public var profile: String
    public var provider: ProviderKind
    /// `authority` and `graph` (Graph), `domain` and `managementApi` (Auth0).
    public var endpoints: [String: String]
    /// `device-code`, `client-secret` or `certificate`.
    public var signIn: String
    /// The operator's principal name, or `the application <client id>`.
    public var who: String
    public var isApplication: Bool
    /// The operator's directory roles; nil when not known (an application, Auth0).
    public var directoryRoles: [String]?
    /// Why the roles are not known.
    public var rolesNote: String?
    /// The permissions (Graph) or scopes (Auth0) in the token.
    public var permissions: [String]
    public var actions: [ActionVerdict]

    /// Signs in to tenant `name` of `workspace` (if not yet) and reads what its sign-in may do.
    public static func read(_ name: String, in workspace: Workspace) async throws -> Whoami {
        let profile = try workspace.profile(named: name)
        let provider = try await workspace.provider(for: name)
        let claims = await workspace.tokenClaims(in: name) ?? TokenClaims()
        let isApplication = claims.userName == nil
        var roles: [AdminRole]?
        var rolesNote: String?
        if isApplication {
            rolesNote = profile.provider == .auth0 ? "not told by Auth0" : "unknown (application sign-in)"
        } else if let operatorProfile = try? await provider.operatorProfile(), let known = operatorProfile.roles {
            roles = known
        } else {
            roles = claims.directoryRoleIDs.map { AdminRole(templateID: $0, reportedName: nil) }
        }
        let actions = ActionPermissions.all.map { $0.verdict(provider: profile.provider, claims: claims, roles: roles) }
        return Whoami(
            profile: name, provider: profile.provider, endpoints: endpoints(of: profile), signIn: profile.signIn.rawValue,
            who: claims.userName ?? "the application \(claims.applicationID ?? profile.clientID)", isApplication: isApplication,
            directoryRoles: roles?.map(\.displayName), rolesNote: rolesNote, permissions: claims.permissions, actions: actions)
    }

    static func endpoints(of profile: Profile) -> [String: String] {
        switch profile.provider {
        case .graph:
            ["authority": profile.authorityURL.absoluteString, "graph": profile.graphURL.absoluteString]
        case .auth0:
            ["domain": profile.domain ?? "", "managementApi": profile.auth0URL.map { $0.absoluteString + "/api/v2" } ?? ""]
        }
    }

    /// Every profile of `workspace` when `all` (in the workspace's order), else its default one.
    public static func read(all: Bool, in workspace: Workspace) async throws -> [Whoami] {
        var found: [Whoami] = []
        for name in all ? workspace.profiles.map(\.name) : [workspace.defaultTenant] {
            found.append(try await read(name, in: workspace))
        }
        return found
    }
}

extension Workspace {
    /// What the token of tenant `name` says (signed in first); nil for an opaque token.
    public func tokenClaims(in name: String) async -> TokenClaims? {
        await operators.source(in: name)?.claims()
    }
}
