/// The service's answer to a write it accepted, so that a journal records the status the
/// service gave (200, 201, 204...) and its request id rather than an assumed one.
public struct WriteReceipt: Sendable {
    /// The answer as it came: status, headers, body, ids.
    public let response: HTTPResponse

    public init(_ response: HTTPResponse) {
        self.response = response
    }

    public var status: Int { response.status }

    /// The request id to quote: the service's own, else the `client-request-id` authdesk sent
    /// (as ``RequestLog`` records it).
    public var requestID: String { response.requestID ?? response.clientRequestID }
}
