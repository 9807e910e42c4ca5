import AuthdeskCore
import Foundation

/// Reads the Auth0 Management API's JSON (snake_case) into the core types: users, and
/// authentication methods of every type (types this version does not know are kept as they are).
enum Auth0Decoder {
    /// A user: the id is `user_id`, the principal name the e-mail (or the id when there is none).
    static func user(_ json: JSONValue) -> DirectoryUser? {
        guard let id = json["user_id"]?.string, !id.isEmpty else { return nil }
        let email = json["email"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        let name = json["name"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            ?? json["nickname"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        return DirectoryUser(
            id: id, displayName: name ?? email ?? id, principalName: email ?? id, mail: email,
            accountEnabled: json["blocked"]?.bool.map { !$0 })
    }

    /// A method, whatever its type; nil only when the item is not an object.
    static func method(_ json: JSONValue) -> Auth0Method? {
        guard json.object != nil else { return nil }
        let type = json["type"]?.string ?? "unknown"
        return Auth0Method(
            id: json["id"]?.string ?? "", type: type == "webauthn_roaming" ? "webauthn-roaming" : type,
            name: json["name"]?.string, confirmed: json["confirmed"]?.bool,
            phoneNumber: json["phone_number"]?.string, email: json["email"]?.string,
            preferredAuthenticationMethod: json["preferred_authentication_method"]?.string,
            createdAt: json["created_at"]?.date ?? json["enrolled_at"]?.date,
            lastAuthAt: json["last_auth_at"]?.date)
    }

    /// The items of a method list: a bare array, or `{start, limit, total, authenticators}`.
    static func methodList(_ json: JSONValue) -> (items: [JSONValue], total: Int?)? {
        if let items = json.array { return (items, nil) }
        guard let items = json["authenticators"]?.array else { return nil }
        return (items, json["total"]?.int)
    }

    /// The users of a search answer: a bare array, or `{start, limit, length, total, users}`.
    static func userList(_ json: JSONValue) -> (items: [JSONValue], total: Int?)? {
        if let items = json.array { return (items, nil) }
        guard let items = json["users"]?.array else { return nil }
        return (items, json["total"]?.int)
    }
}
