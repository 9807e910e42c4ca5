import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Turns a failed answer into a ``ServiceError``: Graph's `{"error":{"code","message",
/// "innerError":{"request-id"}}}`, the Entra (OAuth) token error `{"error","error_description":
/// "AADSTS...","error_codes"}`, Auth0's `{"statusCode","error","message","errorCode"}`, or the
/// bare status when the body says nothing readable.
public enum ServiceErrorDecoder {
    /// An OAuth error body (`error`, `error_description`, `error_codes`), as sign-in reads it.
    public struct OAuthError: Sendable, Hashable {
        /// `invalid_client`, `authorization_pending`, `slow_down`, `expired_token`, ...
        public var error: String
        public var description: String?
        /// `AADSTS7000215`, when the description or `error_codes` holds one.
        public var aadstsCode: String?
    }

    public static func error(from response: HTTPResponse) -> ServiceError {
        let json = JSONValue.parse(response.body)
        let requestID = response.requestID
        if let graph = json?["error"], graph.object != nil {
            let code = graph["code"]?.string
            let message = graph["message"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            return ServiceError(
                kind: kind(status: response.status), status: response.status, code: code,
                message: Redactor.text(message ?? statusText(response.status)),
                requestID: requestID ?? graph["innerError"]?["request-id"]?.string)
        }
        if let json, json["statusCode"] != nil, let message = json["message"]?.string {
            return ServiceError(
                kind: kind(status: response.status), status: response.status,
                code: json["errorCode"]?.string ?? json["error"]?.string,
                message: Redactor.text(message), requestID: requestID)
        }
        if let oauth = oauthError(from: response) {
            return ServiceError(
                kind: response.status >= 500 ? .unavailable : .signIn, status: response.status,
                code: oauth.aadstsCode ?? oauth.error,
                message: Redactor.text(summary(oauth.description) ?? oauth.error),
                requestID: requestID)
        }
        if let json, let message = json["message"]?.string {
            return ServiceError(
                kind: kind(status: response.status), status: response.status,
                code: json["code"]?.string, message: Redactor.text(message), requestID: requestID)
        }
        return ServiceError(
            kind: kind(status: response.status), status: response.status,
            message: statusText(response.status), requestID: requestID)
    }

    /// The OAuth error in `response`, if its body is one.
    public static func oauthError(from response: HTTPResponse) -> OAuthError? {
        guard let json = JSONValue.parse(response.body), let error = json["error"]?.string else { return nil }
        let description = json["error_description"]?.string
        var aadsts = json["error_codes"]?.array?.first?.int.map { "AADSTS\($0)" }
        if aadsts == nil, let description, let match = description.firstMatch(of: #/AADSTS\d+/#) {
            aadsts = String(match.output)
        }
        return OAuthError(error: error, description: description, aadstsCode: aadsts)
    }

    /// The kind an HTTP status means.
    public static func kind(status: Int) -> ServiceError.Kind {
        switch status {
        case 401: .signIn
        case 403: .forbidden
        case 404, 410: .notFound
        case 429: .throttled
        case 500...: .unavailable
        case 200..<300: .invalidResponse
        default: .badInput
        }
    }

    /// The first line of an Entra description without its `Trace ID`/`Timestamp` tail.
    static func summary(_ description: String?) -> String? {
        guard let description else { return nil }
        let firstLine = description.split(whereSeparator: \.isNewline).first.map(String.init) ?? description
        let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func statusText(_ status: Int) -> String {
        "The service answered HTTP \(status) (\(HTTPURLResponse.localizedString(forStatusCode: status)))"
    }
}
