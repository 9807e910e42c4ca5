import AuthdeskCore
import Foundation

/// ``IdentityProvider`` for an Auth0 tenant through the Management API v2: user search (Lucene,
/// search engine v3, at most 1,000 results), lookup by user id or e-mail, and every
/// authentication method of a user; writes in `Auth0Provider+Writes.swift`.
public struct Auth0Provider: IdentityProvider {
    /// The tenant's root: `https://acme.eu.auth0.com` or the sandbox's `http://127.0.0.1:PORT`.
    public let root: URL
    /// Sends every request: bearer token, 401 refresh, Auth0's errors, the write budget.
    let client: AuthorizedClient

    /// Methods asked for per page when listing a user's methods (Auth0's largest page).
    public static let methodsPerPage = 100
    /// Pages of methods read at most for one user, so that a misbehaving service cannot loop.
    static let maxMethodPages = 50

    public var capabilities: Set<ProviderAction> { ProviderAction.auth0 }

    /// The default budget stays under the Management API's rate limit of the smaller plans
    /// (bursts of 10, 5 a second); 429s beyond it are retried as `x-ratelimit-reset` says.
    public init(
        tenant: TenantInfo, root: URL, tokens: any TokenProvider, transport: HTTPTransport,
        budget: WriteBudget? = nil
    ) {
        self.root = root
        client = AuthorizedClient(
            tenant: tenant, tokens: tokens, transport: transport,
            budget: budget ?? WriteBudget(capacity: 10, refillPerSecond: 5, now: transport.now, sleep: transport.sleep),
            serviceName: "Auth0", error: Auth0Provider.error(from:), requestID: Auth0Provider.requestID(of:),
            pacer: RequestPacer(probes: true))
    }

    public var tenant: TenantInfo { client.tenant }
    /// Every write takes from it; share one per tenant across providers and jobs.
    public var budget: WriteBudget { client.budget }
    public var writeBudget: WriteBudget? { budget }

    /// `{root}/api/v2`.
    public var managementAPI: URL {
        root.appending(path: "api/v2", directoryHint: .notDirectory)
    }

    // MARK: Users

    /// Users whose id, e-mail or name starts with `query`; `pageSize` above 100 (Auth0's
    /// largest page) asks for 100.
    public func searchUsers(_ query: String, pageSize: Int) async throws(ServiceError) -> UserPage {
        guard pageSize >= 1 else {
            throw ServiceError(kind: .badInput, message: "The page size must be 1 to \(Auth0UserQuery.maxPerPage), not \(pageSize)")
        }
        return try await userPage(Auth0UserQuery(text: query, perPage: min(pageSize, Auth0UserQuery.maxPerPage)))
    }

    public func nextUsers(_ cursor: PageCursor) async throws(ServiceError) -> UserPage {
        guard let query = Auth0UserQuery(cursor: cursor.value) else {
            throw ServiceError(kind: .badInput, message: "This page cursor is not from an Auth0 user search")
        }
        return try await userPage(query)
    }

    /// One user by user id (`auth0|65f2...`, `google-oauth2|...`) or, when it reads as an
    /// e-mail address, by e-mail.
    public func user(_ idOrName: String) async throws(ServiceError) -> DirectoryUser {
        let key = try Auth0Provider.userKey(idOrName)
        if key.contains("@"), !key.contains("|") {
            return try await user(byEmail: key)
        }
        let json = try await client.getJSON(try apiURL(["users", key]))
        guard let user = Auth0Decoder.user(json) else {
            throw ServiceError(kind: .invalidResponse, message: "Auth0 answered a user without a user_id")
        }
        return user
    }

    /// The one user with this e-mail (`/users-by-email`): `.notFound` when none, `.badInput`
    /// naming their ids when several accounts share it.
    public func user(byEmail address: String) async throws(ServiceError) -> DirectoryUser {
        let address = try GraphProvider.emailAddress(address)
        let json = try await client.getJSON(try apiURL(["users-by-email"], query: [("email", address)]))
        guard let items = json.array else {
            throw ServiceError(kind: .invalidResponse, message: "Auth0 answered a lookup by e-mail without a list")
        }
        let users = items.compactMap(Auth0Decoder.user)
        switch users.count {
        case 0:
            throw ServiceError(kind: .notFound, code: "inexistent_user", message: "No Auth0 user has the e-mail \(address)")
        case 1:
            return users[0]
        default:
            throw ServiceError(
                kind: .badInput, code: "ambiguousEmail",
                message: "\(users.count) Auth0 users have the e-mail \(address) (\(users.map(\.id).joined(separator: ", "))): give the user id instead")
        }
    }

    // MARK: Methods

    /// Every method of the user, all pages read; types this version does not know are kept.
    public func methods(of userID: String) async throws(ServiceError) -> [AuthMethod] {
        let key = try Auth0Provider.userKey(userID)
        var methods: [AuthMethod] = []
        for page in 0..<Auth0Provider.maxMethodPages {
            let url = try apiURL(["users", key, "authentication-methods"], query: [
                ("page", String(page)), ("per_page", String(Auth0Provider.methodsPerPage)), ("include_totals", "true"),
            ])
            let json = try await client.getJSON(url)
            guard let (items, total) = Auth0Decoder.methodList(json) else {
                throw ServiceError(kind: .invalidResponse, message: "Auth0 answered a method list that is neither a list nor {authenticators}")
            }
            methods += items.compactMap(Auth0Decoder.method).map(AuthMethod.auth0)
            let done = total.map { methods.count >= $0 } ?? (items.count < Auth0Provider.methodsPerPage)
            if done || items.isEmpty { break }
        }
        return methods
    }

    // MARK: Plumbing

    func userPage(_ query: Auth0UserQuery) async throws(ServiceError) -> UserPage {
        guard !query.isPastCap else {
            throw ServiceError(
                kind: .badInput, code: "searchResultLimit",
                message: "Auth0 returns only the first \(Auth0UserQuery.resultCap) users of a search and this one has more (\(query.start) shown): narrow it with more of the name, e-mail or user id")
        }
        var items: [(String, String)] = [
            ("search_engine", "v3"), ("page", String(query.page)), ("per_page", String(query.perPage)),
            ("include_totals", "true"),
        ]
        if !query.lucene.isEmpty { items.insert(("q", query.lucene), at: 0) }
        let json = try await client.getJSON(try apiURL(["users"], query: items))
        guard let (list, total) = Auth0Decoder.userList(json) else {
            throw ServiceError(kind: .invalidResponse, message: "Auth0 answered a user search without a users list")
        }
        let reached = query.start + list.count
        let more = total.map { reached < $0 || ($0 >= Auth0UserQuery.resultCap && reached >= Auth0UserQuery.resultCap) }
            ?? (list.count == query.perPage)
        return UserPage(users: list.compactMap(Auth0Decoder.user), next: more && !list.isEmpty ? PageCursor(query.next.cursor) : nil)
    }

    func apiURL(_ segments: [String], query: [(String, String)] = []) throws(ServiceError) -> URL {
        try RequestPath.url(managementAPI, segments, query: query)
    }

    /// Checks a user id (or e-mail) before it goes into a path, where it is percent-encoded
    /// (`auth0|65f2...` → `auth0%7C65f2...`).
    static func userKey(_ idOrEmail: String) throws(ServiceError) -> String {
        try RequestPath.key(
            idOrEmail, missing: "A user is needed: an Auth0 user id (auth0|65f2..., google-oauth2|...) or an e-mail address",
            refused: { $0.isNewline || $0.isWhitespace },
            refusal: { "'\($0)' is not an Auth0 user id or e-mail: it may not contain spaces or line breaks" })
    }

    // MARK: Errors

    /// Auth0's failure in operator terms: Auth0's `errorCode` (`inexistent_user`,
    /// `too_many_entities`, ...) or error, its message, and the request id.
    static func error(from response: HTTPResponse) -> ServiceError {
        var error = ServiceErrorDecoder.error(from: response)
        error.requestID = requestID(of: response)
        switch (response.status, error.code) {
        case (_, "inexistent_user"):
            error.kind = .notFound
            error.message = "No such Auth0 user (\(error.message))"
        case (_, "inexistent_authentication_method"):
            error.kind = .notFound
            error.message = "The user has no such authentication method (\(error.message))"
        case (409, _):
            error.kind = .badInput
            if !error.message.lowercased().contains("already exists") { error.message += ": it already exists" }
        case (403, "too_many_entities"):
            error.kind = .forbidden
            error.message = "The user has as many methods as Auth0 allows: \(error.message)"
        case (429, _):
            let reset = response.header("x-ratelimit-reset").flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
            error.message = "Auth0's rate limit was reached\(response.header("x-ratelimit-limit").map { " (\($0) requests)" } ?? ""): \(error.message)"
                + (reset.map { "; it resets at \(AuthMethod.timestamp($0))" } ?? "")
        default:
            break
        }
        if [429, 503, 504].contains(response.status), response.attempts > 1 {
            error.message += " (gave up after \(response.attempts) attempts)"
        }
        return error
    }

    /// The id to quote for a request: Auth0's `x-auth0-requestid` when it sent one, another
    /// request-id header, or else the `client-request-id` authdesk sent (and logged).
    static func requestID(of response: HTTPResponse) -> String {
        if let id = response.header("x-auth0-requestid"), !id.isEmpty { return id }
        return response.requestID ?? response.clientRequestID
    }
}
