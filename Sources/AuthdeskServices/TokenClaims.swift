import Foundation

/// What an access token says about who holds it and what it may do, read from a JWT's payload
/// (`upn`, `appid` / `azp`, `tid`, `roles`, `scp`, `wids`, Auth0's `scope`). Only these claims
/// are kept: never the token, its signature or any other part of it. An opaque token has none.
public struct TokenClaims: Sendable, Hashable {
    /// The signed-in user's name (`upn`, `preferred_username`, `unique_name` or `email`); nil
    /// for an application's token.
    public var userName: String?
    /// The client (application) id the token was issued to.
    public var applicationID: String?
    public var tenantID: String?
    /// Application permissions (`roles`).
    public var roles: [String]
    /// Delegated permissions (`scp`) or Auth0 scopes (`scope`).
    public var scopes: [String]
    /// The signed-in user's directory role template ids (`wids`).
    public var directoryRoleIDs: [String]

    public init(
        userName: String? = nil, applicationID: String? = nil, tenantID: String? = nil, roles: [String] = [],
        scopes: [String] = [], directoryRoleIDs: [String] = []
    ) {
        self.userName = userName
        self.applicationID = applicationID
        self.tenantID = tenantID
        self.roles = roles
        self.scopes = scopes
        self.directoryRoleIDs = directoryRoleIDs
    }

    /// Every permission the token carries, application and delegated, sorted.
    public var permissions: [String] { Array(Set(roles + scopes)).sorted() }

    /// Whether the token carries `permission` (letter case ignored, as the services do).
    public func grants(_ permission: String) -> Bool {
        permissions.contains { $0.caseInsensitiveCompare(permission) == .orderedSame }
    }

    /// The claims of a JWT; nil for a token that is not one.
    public static func of(token: String) -> TokenClaims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
            let claims = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return nil }
        func strings(_ name: String) -> [String] {
            if let list = claims[name] as? [Any] { return list.compactMap { $0 as? String } }
            if let text = claims[name] as? String { return text.split(separator: " ").map(String.init) }
            return []
        }
        let name = ["upn", "preferred_username", "unique_name", "email"].lazy.compactMap { claims[$0] as? String }
            .first { !$0.isEmpty && $0.count <= 256 }
        return TokenClaims(
            userName: name, applicationID: (claims["appid"] ?? claims["azp"]) as? String, tenantID: claims["tid"] as? String,
            roles: strings("roles"), scopes: strings("scp") + strings("scope"), directoryRoleIDs: strings("wids"))
    }
}
