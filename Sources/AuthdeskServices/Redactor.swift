import Foundation

/// Removes secrets (tokens, client secrets, passwords, passes, device codes) from anything that
/// may be logged or shown: headers, URLs, form bodies, JSON bodies and free text.
public enum Redactor {
    /// What replaces a secret.
    public static let mask = "[REDACTED]"

    /// Header names whose values are always secret (compared case-insensitively).
    public static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key",
    ]

    /// Field names (form fields, query items, JSON keys) whose values are secret
    /// (compared case-insensitively).
    public static let secretFields: Set<String> = [
        "client_secret", "client_assertion", "assertion", "access_token", "refresh_token",
        "id_token", "device_code", "code", "password", "newpassword", "temporaryaccesspass",
        "secretkey", "totp_secret", "secret", "token", "ticket_url",
    ]

    /// The headers with every secret value masked.
    public static func headers(_ headers: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value) in headers {
            out[name] = secretHeaders.contains(name.lowercased()) ? mask : text(value)
        }
        return out
    }

    /// The URL as text with secret query items masked.
    public static func url(_ url: URL) -> String {
        let text = url.absoluteString
        guard let question = text.firstIndex(of: "?") else { return text }
        var query = text[text.index(after: question)...]
        var fragment = ""
        if let hash = query.firstIndex(of: "#") {
            fragment = String(query[hash...])
            query = query[..<hash]
        }
        return text[...question] + form(String(query)) + fragment
    }

    /// A `application/x-www-form-urlencoded` body (or a query string) with secret fields masked.
    public static func form(_ body: String) -> String {
        body.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<equals]
            let decoded = name.removingPercentEncoding ?? String(name)
            return isSecret(decoded) ? "\(name)=\(mask)" : String(pair)
        }.joined(separator: "&")
    }

    /// A JSON text with the string values of secret keys masked (the rest kept as it was).
    public static func json(_ body: String) -> String {
        var result = ""
        var cursor = body.startIndex
        for match in body.matches(of: jsonPair) where isSecret(String(match.output.1)) {
            result += body[cursor..<match.output.2.startIndex]
            result += mask
            cursor = match.output.2.endIndex
        }
        result += body[cursor...]
        return result
    }

    /// Free text (a log line, an error message): bearer tokens, JWTs and `name=value` secrets masked.
    public static func text(_ text: String) -> String {
        var result = json(text)
        result = result.replacing(bearer) { _ in "Bearer \(mask)" }
        result = result.replacing(jwt) { _ in mask }
        result = result.replacing(assignment) { match in
            isSecret(String(match.output.1)) ? "\(match.output.1)=\(mask)" : String(match.output.0)
        }
        return result
    }

    /// A body for a log line: JSON or form, by content type, masked.
    public static func body(_ data: Data, contentType: String?) -> String {
        guard let text = String(data: data, encoding: .utf8) else { return "<\(data.count) bytes>" }
        if contentType?.lowercased().contains("x-www-form-urlencoded") == true { return form(text) }
        return self.text(text)
    }

    static func isSecret(_ name: String) -> Bool {
        secretFields.contains(name.lowercased())
    }

    // "key" : "value" (value may hold escaped quotes)
    private static var jsonPair: Regex<(Substring, Substring, Substring)> { #/"([A-Za-z0-9_@.\-]+)"\s*:\s*"((?:[^"\\]|\\.)*)"/# }
    private static var bearer: Regex<Substring> { #/(?i)bearer\s+[A-Za-z0-9\-._~+/]+=*/# }
    private static var jwt: Regex<Substring> { #/eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*/# }
    private static var assignment: Regex<(Substring, Substring, Substring)> { #/([A-Za-z_]+)=([^&\s"]+)/# }
}
