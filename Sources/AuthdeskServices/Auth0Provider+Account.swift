import AuthdeskCore
import Foundation

/// The Auth0 provider's account calls: `blocked`, last login and logins count from the user,
/// brute-force protection blocks (`/user-blocks/{id}`), and block / unblock (`PATCH /users/{id}`
/// `blocked`; an unblock also deletes the user's brute-force blocks).
extension Auth0Provider {
    public func accountDetails(of userID: String) async throws(ServiceError) -> AccountDetails {
        let found = try await user(userID)
        let key = try Auth0Provider.userKey(found.id)
        let json = try await client.getJSON(try apiURL(["users", key]))
        let user = Auth0Decoder.user(json) ?? found
        let blocks = await GraphProvider.readable { () async throws(ServiceError) in try await bruteForceBlocks(of: key) }
        return AccountDetails(
            user: user, accountEnabled: !(json["blocked"]?.bool ?? false), bruteForceBlocks: blocks,
            lastLogin: json["last_login"]?.date, loginsCount: json["logins_count"]?.int)
    }

    /// `GET /user-blocks/{id}`: the identifiers brute-force protection locked out, and from where.
    public func bruteForceBlocks(of userID: String) async throws(ServiceError) -> [BruteForceBlock] {
        let key = try Auth0Provider.userKey(userID)
        let json = try await client.getJSON(try apiURL(["user-blocks", key]))
        return (json["blocked_for"]?.array ?? []).compactMap { item in
            item["identifier"]?.string.map { BruteForceBlock(identifier: $0, ip: item["ip"]?.string) }
        }
    }

    @discardableResult
    public func setAccountEnabled(of userID: String, enabled: Bool) async throws(ServiceError) -> AccountChangeReceipt {
        let key = try Auth0Provider.userKey(userID)
        struct Body: Encodable { let blocked: Bool }
        _ = try await client.write(.json(method: "PATCH", url: try apiURL(["users", key]), body: Body(blocked: !enabled)))
        var steps = ["blocked set to \(!enabled)"]
        if enabled {
            _ = try await client.write(HTTPRequest(method: "DELETE", url: try apiURL(["user-blocks", key])))
            steps.append("brute-force protection blocks lifted")
        }
        return AccountChangeReceipt(accountEnabled: enabled, steps: steps)
    }
}
