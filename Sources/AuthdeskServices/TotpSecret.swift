import AuthdeskCore
import Foundation

/// A TOTP secret authdesk generates for an authenticator app (160 random bits in base32, RFC
/// 4226's recommended length) and the `otpauth://` URI an app scans to enrol it. Both are
/// secrets: shown once to the operator, never journalled or logged.
public enum TotpSecret {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    /// A new secret: 20 random bytes, base32 without padding (32 characters).
    public static func generate() -> Secret {
        var generator = SystemRandomNumberGenerator()
        return Secret(base32((0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
    }

    /// RFC 4648 base32 of `bytes`, without padding.
    static func base32(_ bytes: [UInt8]) -> String {
        var out = "", buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }

    /// The key URI an authenticator app reads (Google Authenticator's format):
    /// `otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&algorithm=SHA1&digits=6&period=30`.
    public static func uri(secret: Secret, account: String, issuer: String) -> Secret {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":/?#&=+")
        func escaped(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        let label = escaped(issuer) + ":" + escaped(account)
        return Secret("otpauth://totp/\(label)?secret=\(secret.reveal())&issuer=\(escaped(issuer))&algorithm=SHA1&digits=6&period=30")
    }
}

extension Auth0MethodRequest {
    /// Checks every field as ``body()`` does, before anything is sent.
    public func validate() throws(ServiceError) {
        _ = try body()
    }

    /// The TOTP secret of a `.totp` request.
    public var totpSecret: Secret? {
        if case .totp(let secret, _) = self { return secret }
        return nil
    }
}
