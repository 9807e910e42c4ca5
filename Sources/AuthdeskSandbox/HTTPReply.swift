import Foundation

/// An answer of the sandbox before it goes on the wire: status, headers in order, body.
///
/// A JSON answer keeps its value until it is written (``body``), so that the text is made after
/// the store's lock is released, and a `$batch` puts its inner answers' values in its own
/// without writing and reading them again.
struct HTTPReply: Sendable {
    /// What the body is made of: bytes as they go out, or a JSON value written when asked for.
    enum Payload: Sendable {
        case bytes(Data)
        case json(JSON)
    }

    var status: Int
    var headers: [(name: String, value: String)]
    var payload: Payload
    /// Fault injection: close the connection instead of answering.
    var dropConnection = false

    init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.payload = .bytes(body)
    }

    /// The bytes that go on the wire (a JSON value is written here, each time it is asked for).
    var body: Data {
        get {
            switch payload {
            case .bytes(let data): return data
            case .json(let value): return value.data
            }
        }
        set { payload = .bytes(newValue) }
    }

    /// A JSON answer.
    static func json(_ status: Int, _ value: JSON, headers: [(name: String, value: String)] = []) -> HTTPReply {
        var reply = HTTPReply(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers)
        reply.payload = .json(value)
        return reply
    }

    /// An answer without a body (204, 202 without content).
    static func empty(_ status: Int, headers: [(name: String, value: String)] = []) -> HTTPReply {
        HTTPReply(status: status, headers: headers)
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringCase(name) }?.value
    }

    mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.equalsIgnoringCase(name) }
        headers.append((name, value))
    }

    /// The body as JSON (for `$batch` inner answers): the value itself when the answer was made
    /// from one, else the bytes parsed.
    var jsonBody: JSON? {
        switch payload {
        case .json(let value): return value
        case .bytes(let data): return data.isEmpty ? nil : JSON.parse(data)
        }
    }
}
