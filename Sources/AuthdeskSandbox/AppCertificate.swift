import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// A certificate registered for a tenant's app: its RSA public key and the thumbprints (`x5t`,
/// `x5t#S256`) a client assertion names it by. Parsing, digests and signature checks are
/// swift-certificates' and swift-crypto's; the sandbox only decides what to accept.
struct AppCertificate: Sendable {
    let publicKey: _RSA.Signing.PublicKey
    /// `x5t#S256`: base64url SHA-256 of the certificate's DER.
    let thumbprintSHA256: String
    /// `x5t`: base64url SHA-1 of the certificate's DER.
    let thumbprintSHA1: String

    /// The signature schemes of client assertions (JWA, RFC 7518).
    enum Algorithm: String, Sendable, CaseIterable {
        /// RSASSA-PKCS1-v1_5 with SHA-256.
        case rs256 = "RS256"
        /// RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt.
        case ps256 = "PS256"
    }

    /// Reads the first certificate of a PEM text (other blocks and any line length are fine);
    /// nil when there is none or its key is not RSA.
    init?(certificatePEM pem: String) {
        let begin = "-----BEGIN CERTIFICATE-----"
        let end = "-----END CERTIFICATE-----"
        guard let start = pem.range(of: begin), let stop = pem.range(of: end, range: start.upperBound..<pem.endIndex) else { return nil }
        let body = pem[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
        guard let der = Data(base64Encoded: String(body)) else { return nil }
        self.init(certificateDER: [UInt8](der))
    }

    init?(certificateDER der: [UInt8]) {
        guard let certificate = try? Certificate(derEncoded: der),
              let key = _RSA.Signing.PublicKey(certificate.publicKey) else { return nil }
        publicKey = key
        (thumbprintSHA256, thumbprintSHA1) = AppCertificate.thumbprints(of: der)
    }

    /// `x5t#S256` and `x5t` of a certificate: its DER's SHA-256 and SHA-1, base64url.
    static func thumbprints(of der: [UInt8]) -> (sha256: String, sha1: String) {
        (Base64URL.encode(Data(SHA256.hash(data: der))), Base64URL.encode(Data(Insecure.SHA1.hash(data: der))))
    }

    /// Whether `signature` is this key's signature of `message` under `algorithm`.
    func verifies(_ signature: Data, of message: Data, algorithm: Algorithm) -> Bool {
        let padding: _RSA.Signing.Padding = algorithm == .rs256 ? .insecurePKCS1v1_5 : .PSS
        return publicKey.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: message, padding: padding)
    }
}
