/// One request a journalled change sent: method, URL, body (secrets masked before it was
/// recorded) and the service's request id of its answer.
public struct AuditRequest: Sendable, Hashable, Codable {
    public var method: String
    public var url: String
    public var body: String?
    public var requestID: String?

    public init(method: String, url: String, body: String? = nil, requestID: String? = nil) {
        self.method = method
        self.url = url
        self.body = body
        self.requestID = requestID
    }
}
