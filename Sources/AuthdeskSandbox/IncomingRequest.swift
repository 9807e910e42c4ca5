import Foundation

/// A request as the sandbox's endpoints see it: method, decoded path segments, decoded query,
/// lowercased headers and the body. `$batch` builds these from its inner requests too.
struct IncomingRequest: Sendable {
    var method: String
    /// The path split on `/`, each segment percent-decoded (`CameronW%40contoso.com` → `CameronW@contoso.com`).
    var segments: [String]
    /// Query parameters in order, names and values decoded (`+` is a space).
    var query: [(name: String, value: String)]
    /// Header names lowercased.
    var headers: [String: String]
    var body: Data
    /// The raw query string, as sent.
    var rawQuery: String?
    /// The body already parsed as JSON (``parseJSONBody()``, or a `$batch`'s inner body), so
    /// that the parsing is done before the store's lock is taken.
    var parsedBody: JSON?

    init(method: String, path: String, query: String?, headers: [String: String], body: Data) {
        self.method = method.uppercased()
        self.segments = path.split(separator: "/", omittingEmptySubsequences: true).map { String($0).percentDecoded }
        self.query = IncomingRequest.parseForm(query ?? "")
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
        self.rawQuery = query
    }

    /// The first value of a query parameter, by exact name.
    func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The body as form fields (application/x-www-form-urlencoded).
    var formFields: [String: String] {
        let text = String(decoding: body, as: UTF8.self)
        return Dictionary(IncomingRequest.parseForm(text).map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The body as JSON, nil when empty or not JSON.
    var jsonBody: JSON? {
        if let parsedBody { return parsedBody }
        return body.isEmpty ? nil : JSON.parse(body)
    }

    /// Parses a JSON body once, ahead of ``jsonBody`` (which then reads the value kept).
    mutating func parseJSONBody() {
        guard !body.isEmpty, header("content-type")?.lowercased().contains("json") == true else { return }
        parsedBody = JSON.parse(body)
    }

    /// The bearer token of the Authorization header (found by its bytes: a token is long, and
    /// walking it as characters cost a tenth of a `$batch`'s CPU).
    var bearerToken: String? {
        guard let value = header("authorization"), let space = value.utf8.firstIndex(of: UInt8(ascii: " ")),
              value[..<space].lowercased() == "bearer" else { return nil }
        let token = String(value[value.utf8.index(after: space)...]).trimmingSpaces
        return token.isEmpty ? nil : token
    }

    static func parseForm(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.contains("+") ? s.replacingOccurrences(of: "+", with: " ") : String(s)
                return spaced.percentDecoded
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
