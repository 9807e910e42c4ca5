import AuthdeskCore
import AuthdeskServices

extension ActionPermissions {
    /// This action for a sign-in to `provider` whose token says `claims`, by an operator with
    /// `roles` (nil: an application, or a service that does not tell).
    public func verdict(provider: ProviderKind, claims: TokenClaims, roles: [AdminRole]?) -> ActionVerdict {
        switch provider {
        case .auth0:
            guard let scopes = auth0Scopes else {
                return ActionVerdict(command: command, allowed: false, missing: "not offered for Auth0")
            }
            let lacking = scopes.filter { !claims.grants($0) }
            return lacking.isEmpty
                ? ActionVerdict(command: command, allowed: true)
                : ActionVerdict(command: command, allowed: false, missing: "the scope" + (lacking.count == 1 ? " " : "s ") + lacking.joined(separator: ", "))
        case .graph:
            return graphVerdict(claims: claims, roles: roles)
        }
    }

    func graphVerdict(claims: TokenClaims, roles: [AdminRole]?) -> ActionVerdict {
        guard let permissions = graphPermissions else {
            return ActionVerdict(command: command, allowed: false, missing: "not offered for Microsoft Graph")
        }
        let isApplication = claims.userName == nil
        if isApplication, delegatedOnly {
            return ActionVerdict(
                command: command, allowed: false,
                missing: "a signed-in operator (sign_in = \"device-code\"): Graph has no application permission for it")
        }
        guard permissions.contains(where: claims.grants) else {
            let kind = isApplication ? "application permission" : "delegated permission"
            return ActionVerdict(command: command, allowed: false, missing: Self.oneOf(kind, permissions))
        }
        guard !isApplication, !graphRoles.isEmpty else { return ActionVerdict(command: command, allowed: true) }
        guard let roles else {
            return ActionVerdict(command: command, allowed: true, note: "directory role unknown: needs " + Self.names(graphRoles))
        }
        guard roles.contains(where: graphRoles.contains) else {
            return ActionVerdict(command: command, allowed: false, missing: Self.oneOf("directory role", graphRoles.map(\.displayName)))
        }
        let onlyNonAdmins = !roles.contains(.globalAdministrator) && !roles.contains(.privilegedAuthenticationAdministrator)
        let limited = graphRoles.contains(.privilegedAuthenticationAdministrator) && onlyNonAdmins
        return ActionVerdict(
            command: command, allowed: true,
            note: limited ? "users without an administrator role only (an administrator's need a Privileged Authentication Administrator)" : nil)
    }

    /// `the directory role X` or `one of the directory roles X, Y`.
    static func oneOf(_ kind: String, _ names: [String]) -> String {
        names.count == 1 ? "the \(kind) \(names[0])" : "one of the \(kind)s \(names.joined(separator: ", "))"
    }

    static func names(_ roles: [AdminRole]) -> String {
        roles.map(\.displayName).joined(separator: ", ")
    }

    /// What a refusal (403) of `command` means: what the service wants for it, or nil for a
    /// command the table does not know.
    public static func refusalHint(for command: String, provider: ProviderKind?) -> String? {
        guard let entry = of(command) else { return nil }
        var needs: [String] = []
        if provider != .auth0, let permissions = entry.graphPermissions {
            var graph = "Microsoft Graph: " + oneOf("permission", permissions)
            if !entry.graphRoles.isEmpty { graph += ", and for a signed-in operator " + oneOf("directory role", entry.graphRoles.map(\.displayName)) }
            if entry.delegatedOnly { graph += "; a signed-in operator only (sign_in = \"device-code\")" }
            needs.append(graph)
        }
        if provider != .graph, let scopes = entry.auth0Scopes {
            needs.append("Auth0: the scope" + (scopes.count == 1 ? " " : "s ") + scopes.joined(separator: ", "))
        }
        return needs.isEmpty ? nil : "'\(command)' needs " + needs.joined(separator: "; ") + " " + whoamiPointer
    }

    /// How a refusal's hint ends: where to see what the sign-in has.
    public static let whoamiPointer = "(authdesk whoami shows what this sign-in has)"

    /// The table's command named by the words of `arguments` (`methods add-phone USER ...` →
    /// `methods add-phone`; `jobs resume` → `reset-mfa`), wherever options put them.
    public static func command(in arguments: [String]) -> String? {
        let words = arguments.prefix { $0 != "--" }.filter { !$0.hasPrefix("-") }
        func names(_ command: [String]) -> Bool {
            words.indices.contains { words[$0...].starts(with: command) }
        }
        if names(["jobs", "resume"]) { return "reset-mfa" }
        return all.map(\.command).filter { names($0.split(separator: " ").map(String.init)) }.max { $0.count < $1.count }
    }
}
