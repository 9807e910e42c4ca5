import AuthdeskCore
import Foundation

/// ``IdentityProvider`` for Microsoft Entra ID through Microsoft Graph: users, their
/// authentication methods (v1.0, with hardware OATH tokens from beta when it answers).
public struct GraphProvider: IdentityProvider {
    public let endpoints: GraphEndpoints
    /// Sends every request: bearer token, 401 refresh, Graph's errors, the write budget.
    let client: AuthorizedClient
    /// How long a password reset is followed before giving up on it.
    public var operationTimeout: Duration = .seconds(600)

    /// Largest `$top` Graph accepts for users.
    public static let maxPageSize = 999

    public init(
        tenant: TenantInfo, endpoints: GraphEndpoints, tokens: any TokenProvider, transport: HTTPTransport,
        budget: WriteBudget? = nil
    ) {
        self.endpoints = endpoints
        client = AuthorizedClient(
            tenant: tenant, tokens: tokens, transport: transport,
            budget: budget ?? WriteBudget(now: transport.now, sleep: transport.sleep),
            serviceName: "Graph", error: { transport.error(from: $0) }, requestID: { $0.requestID })
    }

    public var tenant: TenantInfo { client.tenant }
    var transport: HTTPTransport { client.transport }
    /// Every write takes from it; share one per tenant across providers and jobs.
    public var budget: WriteBudget { client.budget }
    public var writeBudget: WriteBudget? { budget }

    // MARK: Users

    public func searchUsers(_ query: String, pageSize: Int) async throws(ServiceError) -> UserPage {
        guard (1...GraphProvider.maxPageSize).contains(pageSize) else {
            throw ServiceError(kind: .badInput, message: "The page size must be 1 to \(GraphProvider.maxPageSize), not \(pageSize)")
        }
        var items: [(String, String)] = [
            ("$select", GraphDecoder.userFields.joined(separator: ",")), ("$top", String(pageSize)),
        ]
        let term = query.trimmingCharacters(in: .whitespacesAndNewlines)
            .filter { $0 != "\"" && $0 != "\\" }
        if !term.isEmpty {
            let clauses = ["displayName", "userPrincipalName", "mail"].map { "\"\($0):\(term)\"" }
            items.append(("$search", clauses.joined(separator: " OR ")))
        }
        let url = try graphURL(["users"], query: items)
        return try await userPage(url)
    }

    public func nextUsers(_ cursor: PageCursor) async throws(ServiceError) -> UserPage {
        guard let url = URL(string: cursor.value), endpoints.isGraphURL(url) else {
            throw ServiceError(kind: .badInput, message: "This page cursor does not point at this tenant's Graph service")
        }
        return try await userPage(url)
    }

    public func user(_ idOrName: String) async throws(ServiceError) -> DirectoryUser {
        let key = try GraphProvider.userKey(idOrName)
        let url = try graphURL(["users", key], query: [("$select", GraphDecoder.userFields.joined(separator: ","))])
        let json = try await client.getJSON(url)
        guard let user = GraphDecoder.user(json) else {
            throw ServiceError(kind: .invalidResponse, message: "Graph answered a user without an id")
        }
        return user
    }

    // MARK: Methods

    public func methods(of userID: String) async throws(ServiceError) -> [AuthMethod] {
        let key = try GraphProvider.userKey(userID)
        let v1 = try graphURL(["users", key, "authentication", "methods"])
        guard let beta = GraphEndpoints.url(endpoints.graphBeta, ["users", key, "authentication", "hardwareOathMethods"]) else {
            throw ServiceError(kind: .badInput, message: "The user id cannot be put in a URL")
        }
        async let hardware = optionalList(beta, defaultType: "hardwareOathAuthenticationMethod")
        var methods = try await list(v1, defaultType: nil)
        let known = Set(methods.map(\.id))
        methods += await hardware.filter { !known.contains($0.id) }
        return methods
    }

    // MARK: Plumbing

    func userPage(_ url: URL) async throws(ServiceError) -> UserPage {
        let json = try await client.getJSON(url, headers: ["ConsistencyLevel": "eventual"])
        guard let (items, next) = GraphDecoder.list(json) else {
            throw ServiceError(kind: .invalidResponse, message: "Graph answered a user list without a value array")
        }
        return UserPage(users: items.compactMap(GraphDecoder.user), next: next.map(PageCursor.init))
    }

    /// Every item of a method list, following next links.
    func list(_ url: URL, defaultType: String?) async throws(ServiceError) -> [AuthMethod] {
        var methods: [AuthMethod] = []
        var next: URL? = url
        var pages = 0
        while let current = next, pages < 50 {
            pages += 1
            let json = try await client.getJSON(current)
            guard let (items, link) = GraphDecoder.list(json) else {
                throw ServiceError(kind: .invalidResponse, message: "Graph answered a method list without a value array")
            }
            methods += items.compactMap { GraphDecoder.method($0, defaultType: defaultType) }
            next = link.flatMap(URL.init(string:)).flatMap { endpoints.isGraphURL($0) ? $0 : nil }
        }
        return methods
    }

    /// A list from an endpoint that may not answer (beta): empty when it fails.
    func optionalList(_ url: URL, defaultType: String) async -> [AuthMethod] {
        do {
            return try await list(url, defaultType: defaultType)
        } catch {
            return []
        }
    }

    func graphURL(_ segments: [String], query: [(String, String)] = []) throws(ServiceError) -> URL {
        try RequestPath.url(endpoints.graph, segments, query: query)
    }

    /// Checks a user id or principal name before it goes into a path.
    static func userKey(_ idOrName: String) throws(ServiceError) -> String {
        try RequestPath.key(
            idOrName, missing: "A user is needed: an object id or a user principal name (name@domain)",
            refused: { $0.isNewline || $0 == "/" || $0 == "?" },
            refusal: { "'\($0)' is not a user id or principal name: it may not contain '/', '?' or line breaks" })
    }
}
