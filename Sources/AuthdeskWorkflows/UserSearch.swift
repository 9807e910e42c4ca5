import AuthdeskCore
import AuthdeskServices

/// Finds users whose name, principal name or e-mail starts with a text, page after page, up to
/// a number of users: what `users search` lists.
public enum UserSearch {
    /// At most `limit` users matching `query` (pages of up to 100 read as needed).
    public static func first(
        _ limit: Int, matching query: String, in provider: any IdentityProvider
    ) async throws(ServiceError) -> [DirectoryUser] {
        var page = try await provider.searchUsers(query, pageSize: min(limit, 100))
        var users = page.users
        while users.count < limit, let next = page.next {
            page = try await provider.nextUsers(next)
            users += page.users
        }
        return Array(users.prefix(limit))
    }
}
