import AuthdeskCore
import Foundation

/// A new Auth0 authentication method, as an operator asks for it: checked before anything is
/// sent (E.164 phone number, e-mail shape, base32 TOTP secret), then encoded as Auth0 wants.
/// Its description never shows the TOTP secret.
public enum Auth0MethodRequest: Sendable, Hashable, CustomStringConvertible {
    /// A phone receiving codes by SMS or voice call; `number` in E.164 (`+14155550123`).
    case phone(number: String, channel: Channel = .sms, name: String? = nil)
    /// An e-mail address receiving codes.
    case email(address: String, name: String? = nil)
    /// An authenticator app, enrolled with a base32 secret the user also gets.
    case totp(secret: Secret, name: String? = nil)
    /// A FIDO security key: its credential id, base64 public key and relying party (a host name).
    case webAuthnRoaming(keyID: String, publicKey: String, relyingParty: String, name: String? = nil)

    /// How a phone receives its codes (Auth0's `preferred_authentication_method`).
    public enum Channel: String, Sendable, Hashable, CaseIterable {
        case sms
        case voice
    }

    /// Auth0's `type` of the method.
    public var type: String {
        switch self {
        case .phone: "phone"
        case .email: "email"
        case .totp: "totp"
        case .webAuthnRoaming: "webauthn-roaming"
        }
    }

    public var description: String {
        switch self {
        case .phone(let number, let channel, _): "phone \(number) (\(channel.rawValue))"
        case .email(let address, _): "email \(address)"
        case .totp: "totp (secret \(Redactor.mask))"
        case .webAuthnRoaming(let keyID, _, let party, _): "webauthn-roaming \(keyID) for \(party)"
        }
    }

    /// The longest name Auth0 keeps for a method.
    public static let maxNameLength = 20

    /// The request's JSON body, after every field is checked; a ``ServiceError`` of kind
    /// `.badInput` that says what is valid otherwise.
    func body() throws(ServiceError) -> [String: String] {
        var body = ["type": type]
        switch self {
        case .phone(let number, let channel, let name):
            body["phone_number"] = try Auth0MethodRequest.phoneNumber(number)
            body["preferred_authentication_method"] = channel.rawValue
            body["name"] = try Auth0MethodRequest.name(name)
        case .email(let address, let name):
            body["email"] = try GraphProvider.emailAddress(address)
            body["name"] = try Auth0MethodRequest.name(name)
        case .totp(let secret, let name):
            body["totp_secret"] = try Auth0MethodRequest.totpSecret(secret.reveal())
            body["name"] = try Auth0MethodRequest.name(name)
        case .webAuthnRoaming(let keyID, let publicKey, let relyingParty, let name):
            let key = keyID.trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !key.contains(where: \.isWhitespace) else {
                throw ServiceError(kind: .badInput, code: "invalidKeyId", message: "A security key needs its credential id (key_id), without spaces")
            }
            let publicKey = publicKey.trimmingCharacters(in: .whitespaces)
            guard !publicKey.isEmpty, publicKey.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+/=-_".contains($0)) }) else {
                throw ServiceError(kind: .badInput, code: "invalidPublicKey", message: "A security key needs its public key in base64 (letters, digits, + / = - _)")
            }
            body["key_id"] = key
            body["public_key"] = publicKey
            body["relying_party_identifier"] = try Auth0MethodRequest.hostName(relyingParty)
            body["name"] = try Auth0MethodRequest.name(name)
        }
        return body
    }

    /// An E.164 number as Auth0 wants it: `+`, then 7 to 15 digits; spaces, dashes, dots and
    /// brackets that people type are removed first (`+1 (415) 555-0123` → `+14155550123`).
    public static func phoneNumber(_ text: String) throws(ServiceError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let compact = trimmed.filter { !" -.()".contains($0) }
        let digits = compact.dropFirst()
        guard compact.first == "+", (7...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              digits.first != "0" else {
            throw ServiceError(
                kind: .badInput, code: "invalidPhoneNumber",
                message: "'\(trimmed)' is not a phone number Auth0 accepts: use E.164, + then the country code and number, 7 to 15 digits, e.g. +14155550123")
        }
        return compact
    }

    /// A base32 TOTP secret (RFC 4648: A-Z and 2-7, optional `=` padding, spaces ignored), at
    /// least 16 characters (80 bits); returned upper-case without spaces.
    public static func totpSecret(_ text: String) throws(ServiceError) -> String {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        let unpadded = compact.prefix { $0 != "=" }
        let padding = compact.dropFirst(unpadded.count)
        guard unpadded.count >= 16, unpadded.allSatisfy({ ("A"..."Z").contains($0) || ("2"..."7").contains($0) }),
              padding.allSatisfy({ $0 == "=" }), padding.count < 8 else {
            throw ServiceError(
                kind: .badInput, code: "invalidTotpSecret",
                message: "The TOTP secret must be base32: at least 16 of the letters A-Z and digits 2-7 (0, 1, 8 and 9 are not base32)")
        }
        return compact
    }

    /// A method's name: at most 20 characters on one line; nil or blank means none.
    static func name(_ text: String?) throws(ServiceError) -> String? {
        guard let text else { return nil }
        let name = text.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return nil }
        guard name.count <= maxNameLength, !name.contains(where: \.isNewline) else {
            throw ServiceError(kind: .badInput, code: "invalidName", message: "A method's name must be 1 to \(maxNameLength) characters on one line")
        }
        return name
    }

    /// A relying party identifier: a host name such as `example.com`.
    static func hostName(_ text: String) throws(ServiceError) -> String {
        let host = text.trimmingCharacters(in: .whitespaces).lowercased()
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !host.isEmpty, host.count <= 253,
              labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }) else {
            throw ServiceError(kind: .badInput, code: "invalidRelyingParty", message: "The relying party must be a host name, e.g. example.com")
        }
        return host
    }
}
