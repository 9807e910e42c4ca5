import Foundation

/// Auth0's brute-force protection blocks: `GET|DELETE /user-blocks/{id}` and
/// `GET|DELETE /user-blocks?identifier=` (an e-mail or username); reads need `read:users`,
/// deletes `update:users`; DELETE answers 204.
enum Auth0UserBlocks {
    static func handle(_ request: IncomingRequest, path: [String], token: TokenRecord, state: inout SandboxState) -> HTTPReply {
        let scope = request.method == "GET" ? "read:users" : "update:users"
        guard token.allows(scope) else {
            return Auth0Endpoints.error(403, "Forbidden", "Insufficient scope, expected any of: \(scope)", code: "insufficient_scope")
        }
        let indices: [Int]
        switch path.count {
        case 2:
            guard let index = state.auth0.users.firstIndex(where: { $0.userId == path[1] }) else {
                return Auth0Endpoints.error(404, "Not Found", "The user does not exist.", code: "inexistent_user")
            }
            indices = [index]
        case 1:
            guard let identifier = request.queryValue("identifier"), !identifier.isEmpty else {
                return Auth0Endpoints.error(400, "Bad Request", "Query validation error: Missing required property: identifier",
                                            code: "invalid_query_string")
            }
            indices = state.auth0.users.indices.filter { index in
                state.auth0.users[index].blockedFor.contains { $0["identifier"]?.stringValue?.lowercased() == identifier.lowercased() }
            }
        default:
            return Auth0Endpoints.error(404, "Not Found", "Not Found: \(request.method) /api/v2/\(path.joined(separator: "/")) is not served by the sandbox.")
        }
        switch request.method {
        case "GET":
            return .json(200, .obj(["blocked_for": .array(indices.flatMap { state.auth0.users[$0].blockedFor })]))
        case "DELETE":
            for index in indices { state.auth0.users[index].blockedFor = [] }
            return .empty(204)
        default:
            return Auth0Endpoints.error(404, "Not Found", "Not Found: \(request.method) /api/v2/\(path.joined(separator: "/")) is not served by the sandbox.")
        }
    }
}
