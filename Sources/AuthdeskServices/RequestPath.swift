import Foundation

/// What goes into a request's path, checked the same way for every service: a key (user id,
/// principal name, e-mail) trimmed and refused when empty or holding characters the service's
/// ids never hold, and a URL built from a base and percent-encoded segments.
enum RequestPath {
    /// `text` trimmed; `.badInput` with `missing` when empty, or with `refusal(key)` when a
    /// character is one `refused` matches.
    static func key(
        _ text: String, missing: String, refused: (Character) -> Bool, refusal: (String) -> String
    ) throws(ServiceError) -> String {
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { throw ServiceError(kind: .badInput, message: missing) }
        guard !key.contains(where: refused) else { throw ServiceError(kind: .badInput, message: refusal(key)) }
        return key
    }

    /// `base` + percent-encoded `segments` + `query`; `.badInput` when that is no URL.
    static func url(_ base: URL, _ segments: [String], query: [(String, String)] = []) throws(ServiceError) -> URL {
        guard let url = GraphEndpoints.url(base, segments, query: query) else {
            throw ServiceError(kind: .badInput, message: "The request cannot be put in a URL")
        }
        return url
    }
}
