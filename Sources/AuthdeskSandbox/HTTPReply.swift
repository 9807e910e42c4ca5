import Foundation

/// An answer of the sandbox before it goes on the wire: status, headers in order, body.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data
    /// Fault injection: close the connection instead of answering.
    var dropConnection = false

    init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer.
    static func json(_ status: Int, _ value: JSON, headers: [(name: String, value: String)] = []) -> HTTPReply {
        HTTPReply(status: status,
                  headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
                  body: value.data)
    }

    /// An answer without a body (204, 202 without content).
    static func empty(_ status: Int, headers: [(name: String, value: String)] = []) -> HTTPReply {
        HTTPReply(status: status, headers: headers)
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    /// The body parsed as JSON (for `$batch` inner answers).
    var jsonBody: JSON? {
        body.isEmpty ? nil : JSON.parse(body)
    }
}
