import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One write request as it goes (or would go) to the service: method, URL and body, with every
/// secret masked (passwords, passes, PINs, tokens). What a dry run prints and an audit entry keeps.
public struct PlannedRequest: Sendable, Hashable, Codable {
    public var method: String
    /// The URL, secret query items masked.
    public var url: String
    /// The body as text, secrets masked; nil when there is none.
    public var body: String?
    /// The service's request id of the answer (nil in a dry run, or when no answer came).
    public var requestID: String?
    /// The answer's HTTP status (nil in a dry run, or when no answer came).
    public var status: Int?

    public init(method: String, url: String, body: String? = nil, requestID: String? = nil, status: Int? = nil) {
        self.method = method
        self.url = url
        self.body = body
        self.requestID = requestID
        self.status = status
    }

    /// Fields masked on top of ``Redactor/secretFields``: what a dry run must never print.
    public static let extraSecretFields: Set<String> = ["pin", "newpin", "temporaryaccesspass", "passcode", "otp"]

    /// The request `request` as it is recorded: masked.
    public init(_ request: URLRequest) {
        method = request.httpMethod ?? "GET"
        url = request.url.map(Redactor.url) ?? ""
        body = request.httpBody.flatMap { data in
            data.isEmpty ? nil : Self.mask(Redactor.body(data, contentType: request.value(forHTTPHeaderField: "Content-Type")))
        }
    }

    /// `"pin": "1234"` and the like masked, whatever Redactor already did.
    static func mask(_ text: String) -> String {
        var result = ""
        var cursor = text.startIndex
        let pair = #/"([A-Za-z0-9_]+)"\s*:\s*"((?:[^"\\]|\\.)*)"/#
        for match in text.matches(of: pair) where extraSecretFields.contains(String(match.output.1).lowercased()) {
            result += text[cursor..<match.output.2.startIndex]
            result += Redactor.mask
            cursor = match.output.2.endIndex
        }
        result += text[cursor...]
        return result
    }

    /// `POST https://graph.microsoft.com/v1.0/users/…/phoneMethods {"phoneNumber":…}`: one line.
    public var line: String {
        "\(method) \(url)" + (body.map { " \($0)" } ?? "")
    }
}
