import Foundation

/// One Graph request being answered: who asks (the token), in which tenant, on which version.
struct GraphContext {
    var request: IncomingRequest
    var requestId: String
    /// `v1.0` or `beta`.
    var version: String
    var token: TokenRecord
    var tenantIndex: Int
    var now: Date
    /// `http://127.0.0.1:PORT/v1.0`
    var base: String

    var isBeta: Bool { version == "beta" }

    func error(_ status: Int, _ code: String, _ message: String, headers: [(name: String, value: String)] = []) -> HTTPReply {
        GraphError.reply(status, code: code, message: message, request: request, requestId: requestId, headers: headers)
    }

    /// `'CameronW%40contoso.com'` as Graph writes a user key in `@odata.context`.
    static func contextKey(_ key: String) -> String {
        key.contains("@") ? key.replacingOccurrences(of: "@", with: "%40") : key
    }
}
