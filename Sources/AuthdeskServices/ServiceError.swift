/// A failure from an identity service or on the way to it, in terms an operator can act on,
/// always with the service's code and request id when it sent them.
public struct ServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, which decides what the operator can do about it.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The request was wrong (400, 409, 422): fix the input.
        case badInput
        /// Sign-in failed or the token was refused (401).
        case signIn
        /// The operator or app may not do this (403).
        case forbidden
        /// No such user or method (404).
        case notFound
        /// Throttled (429) and retries ran out.
        case throttled
        /// The service failed or is down (5xx), or the connection broke.
        case unavailable
        /// The answer could not be read.
        case invalidResponse
        /// Refused before sending: read-only mode.
        case readOnly
    }

    public var kind: Kind
    /// HTTP status, when there was an answer.
    public var status: Int?
    /// The service's error code (`Request_ResourceNotFound`, `inexistent_user`, `AADSTS7000215`...).
    public var code: String?
    public var message: String
    /// The request id to quote to Microsoft or Auth0 support.
    public var requestID: String?
    /// How long the service asked to wait before sending again (a 429's `Retry-After`, or
    /// Auth0's rate-limit reset), when it was throttled.
    public var retryAfter: Duration?

    public init(
        kind: Kind, status: Int? = nil, code: String? = nil, message: String, requestID: String? = nil,
        retryAfter: Duration? = nil
    ) {
        self.kind = kind
        self.status = status
        self.code = code
        self.message = message
        self.requestID = requestID
        self.retryAfter = retryAfter
    }

    /// `message (HTTP 404 Request_ResourceNotFound, request id abc)`.
    public var description: String {
        var facts: [String] = []
        if let status { facts.append("HTTP \(status)") }
        if let code { facts.append(code) }
        var text = message
        if !facts.isEmpty { text += " (" + facts.joined(separator: " ") }
        if let requestID { text += (facts.isEmpty ? " (" : ", ") + "request id \(requestID)" }
        if !facts.isEmpty || requestID != nil { text += ")" }
        return text
    }
}
