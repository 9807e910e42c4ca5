import Foundation

/// What the service answered, with the ids that tie it to its request.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data
    /// The `client-request-id` this client sent.
    public var clientRequestID: String
    /// How many times the request was sent (1 when no retry was needed).
    public var attempts: Int
    /// How many of those attempts the service throttled (429) before this answer.
    public var throttledAttempts = 0
    /// How long the attempts waited for their turn within the service's stated rate limit
    /// (``RequestPacer``): the client's own wait, not the service's slowness.
    public var pacedFor: Duration = .zero

    public init(status: Int, headers: [String: String], body: Data, clientRequestID: String, attempts: Int = 1) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
        self.clientRequestID = clientRequestID
        self.attempts = attempts
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The service's own id for this request: Graph's `request-id`, Entra's `x-ms-request-id`,
    /// Auth0's `x-auth0-requestid` (or a proxy's `x-request-id`), or the `request-id` inside a
    /// Graph error body.
    public var requestID: String? {
        if let id = header("request-id") ?? header("x-ms-request-id") ?? header("x-auth0-requestid")
            ?? header("x-request-id"), !id.isEmpty {
            return id
        }
        let json = JSONValue.parse(body)
        return json?["error"]?["innerError"]?["request-id"]?.string
            ?? json?["error"]?["innererror"]?["request-id"]?.string
            ?? json?["trace_id"]?.string
    }
}
