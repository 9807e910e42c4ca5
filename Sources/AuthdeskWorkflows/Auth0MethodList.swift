import AuthdeskCore
import AuthdeskServices
import Foundation

/// The methods `methods replace --from FILE` puts in place of all of a user's methods: a JSON
/// array of objects as Auth0's `PUT /users/{id}/authentication-methods` takes them (`type`
/// phone, email or totp, with `phone_number` and `preferred_authentication_method`, `email`, or
/// `totp_secret`; an optional `name`). Every item is checked before anything is sent.
public enum Auth0MethodList {
    static let example = #"[{"type": "phone", "phone_number": "+14155550123"}, {"type": "email", "email": "user@example.com"}]"#

    public static func parse(_ data: Data) throws -> [Auth0MethodRequest] {
        guard let items = (try? JSONSerialization.jsonObject(with: data)) as? [Any] else {
            throw UsageError("The methods must be a JSON array of objects, e.g. \(example)")
        }
        guard !items.isEmpty else {
            throw UsageError("The list has no method: give at least one (phone, email or totp); to remove them all, use methods delete-all")
        }
        return try items.enumerated().map { index, item in try request(item, at: index + 1) }
    }

    static func request(_ item: Any, at position: Int) throws -> Auth0MethodRequest {
        guard let object = item as? [String: Any] else {
            throw UsageError("Method \(position) is not a JSON object, e.g. \(example)")
        }
        let allowed: Set<String> = ["type", "name", "phone_number", "preferred_authentication_method", "email", "totp_secret"]
        if let extra = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw UsageError("Method \(position) has '\(extra)', which Auth0 does not take; valid: \(allowed.sorted().joined(separator: ", "))")
        }
        func field(_ key: String) throws -> String? {
            guard let value = object[key] else { return nil }
            guard let text = value as? String else { throw UsageError("Method \(position): \(key) must be a string") }
            return text
        }
        let name = try field("name")
        let request: Auth0MethodRequest
        switch try field("type") {
        case "phone"?:
            guard let number = try field("phone_number") else { throw UsageError("Method \(position) (phone) needs phone_number, e.g. +14155550123") }
            let channelName = try field("preferred_authentication_method") ?? "sms"
            guard let channel = Auth0MethodRequest.Channel(rawValue: channelName) else {
                throw UsageError("Method \(position): preferred_authentication_method must be sms or voice, not '\(channelName)'")
            }
            request = .phone(number: number, channel: channel, name: name)
        case "email"?:
            guard let address = try field("email") else { throw UsageError("Method \(position) (email) needs email") }
            request = .email(address: address, name: name)
        case "totp"?:
            guard let secret = try field("totp_secret") else { throw UsageError("Method \(position) (totp) needs totp_secret (base32)") }
            request = .totp(secret: Secret(secret), name: name)
        case let other:
            throw UsageError("Method \(position) has type '\(other ?? "none")'; replacing all methods takes phone, email or totp")
        }
        do throws(ServiceError) {
            try request.validate()
        } catch {
            throw UsageError("Method \(position): \(error.message)")
        }
        return request
    }
}
