import Foundation

/// The answer to one request of a Graph JSON batch: its status, headers and body, as an
/// ``HTTPResponse`` would carry them, so that failures decode the same way as single requests.
public struct GraphBatchResponse: Sendable {
    public var id: String
    public var response: HTTPResponse

    public init(id: String, response: HTTPResponse) {
        self.id = id
        self.response = response
    }

    /// The body as JSON, or nil when there is none.
    var json: JSONValue? { JSONValue.parse(response.body) }

    /// The failure this answer stands for (nil when it succeeded): the service's code, message
    /// and request id, as for a request sent on its own.
    public var failure: ServiceError? {
        response.isSuccess ? nil : ServiceErrorDecoder.error(from: response)
    }
}
