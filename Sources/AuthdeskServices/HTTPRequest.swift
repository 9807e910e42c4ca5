import Foundation

/// One request a provider asks the transport to send: method, URL, headers, body.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    /// Header names as given; the transport adds `client-request-id` when absent.
    public var headers: [String: String]
    public var body: Data?
    /// Whether sending it twice does no more than sending it once. A request that is not is never
    /// sent again once it may have reached the service (a connection dropped after sending): a
    /// retried `POST .../phoneMethods` that had landed would fail as a duplicate and hide the success.
    public var isIdempotent: Bool

    /// `idempotent` defaults to true for every method but `POST`.
    public init(method: String = "GET", url: URL, headers: [String: String] = [:], body: Data? = nil, idempotent: Bool? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.isIdempotent = idempotent ?? (method.uppercased() != "POST")
    }

    /// A `POST` with an `application/x-www-form-urlencoded` body, fields in the order given.
    public static func form(url: URL, fields: [(String, String)], headers: [String: String] = [:]) -> HTTPRequest {
        var headers = headers
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Accept"] = "application/json"
        let body = fields.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        // Form posts ask for tokens: asking twice is harmless.
        return HTTPRequest(method: "POST", url: url, headers: headers, body: Data(body.utf8), idempotent: true)
    }

    /// A request with a JSON body.
    public static func json(
        method: String, url: URL, body: some Encodable, headers: [String: String] = [:]
    ) throws(ServiceError) -> HTTPRequest {
        var headers = headers
        headers["Content-Type"] = "application/json"
        headers["Accept"] = "application/json"
        do {
            let data = try JSONEncoder().encode(body)
            return HTTPRequest(method: method, url: url, headers: headers, body: data)
        } catch {
            throw ServiceError(kind: .badInput, message: "The request body could not be encoded: \(error)")
        }
    }

    /// The value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Percent-encodes everything but the unreserved characters (RFC 3986), for form fields,
    /// query values and path segments.
    public static func formEncode(_ text: String) -> String {
        // Ids and names are mostly unreserved already: Foundation's encoder (through CFString)
        // is asked only when a byte needs escaping, which a bulk run's profile showed.
        guard !text.utf8.allSatisfy(isUnreserved) else { return text }
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// Whether `byte` is an unreserved character of RFC 3986 (`A-Z a-z 0-9 - . _ ~`).
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
