/// A failed call to an identity service, as the bulk engine sees it: HTTP status (nil when no
/// answer came), the service's error code, its message and the request id to quote to support.
public struct ServiceFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var httpStatus: Int?
    public var code: String?
    public var message: String
    public var requestID: String?

    public init(httpStatus: Int?, code: String? = nil, message: String, requestID: String? = nil) {
        self.httpStatus = httpStatus
        self.code = code
        self.message = message
        self.requestID = requestID
    }

    /// `message (HTTP 403 accessDenied, request id abc)`.
    public var description: String {
        var facts: [String] = []
        if let httpStatus { facts.append("HTTP \(httpStatus)") }
        if let code { facts.append(code) }
        if let requestID { facts.append("request id \(requestID)") }
        return facts.isEmpty ? message : "\(message) (\(facts.joined(separator: ", ")))"
    }
}
