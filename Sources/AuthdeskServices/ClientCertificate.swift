import Crypto
import _CryptoExtras
import Foundation

/// An app's certificate and its RSA private key, read from PEM (one file holding both, as
/// `AZURE_CLIENT_CERTIFICATE_PATH` expects, or two), able to sign client assertions.
public struct ClientCertificate: Sendable {
    /// How the assertion is signed: PS256 (RSA-PSS, preferred) or RS256 (PKCS #1 v1.5).
    public enum Algorithm: String, Sendable, Hashable {
        case ps256 = "PS256"
        case rs256 = "RS256"
    }

    let key: _RSA.Signing.PrivateKey
    /// The certificate's DER bytes (the first certificate in the PEM: the leaf).
    let certificateDER: Data

    /// Reads the first `CERTIFICATE` block and the `PRIVATE KEY` (PKCS #8) or
    /// `RSA PRIVATE KEY` (PKCS #1) block of `pem`; throws a `.signIn` error that says what is
    /// missing.
    public init(pem: String) throws(ServiceError) {
        guard let certificate = ClientCertificate.block(in: pem, label: "CERTIFICATE"),
              let der = Data(base64Encoded: certificate, options: .ignoreUnknownCharacters), !der.isEmpty else {
            throw ClientCertificate.invalid("no -----BEGIN CERTIFICATE----- block was found")
        }
        let keyLabel = ["PRIVATE KEY", "RSA PRIVATE KEY"].first { ClientCertificate.block(in: pem, label: $0) != nil }
        guard let keyLabel, let body = ClientCertificate.block(in: pem, label: keyLabel) else {
            if pem.contains("ENCRYPTED PRIVATE KEY") {
                throw ClientCertificate.invalid("the private key is encrypted; export it without a passphrase")
            }
            throw ClientCertificate.invalid("no -----BEGIN PRIVATE KEY----- block was found (an RSA key is needed)")
        }
        do {
            key = try _RSA.Signing.PrivateKey(pemRepresentation: "-----BEGIN \(keyLabel)-----\n\(body)\n-----END \(keyLabel)-----")
        } catch {
            throw ClientCertificate.invalid("the private key is not an RSA key of 2048 bits or more")
        }
        certificateDER = der
    }

    /// Reads the PEM file at `path` (certificate and key, as `AZURE_CLIENT_CERTIFICATE_PATH` holds them).
    public init(contentsOfFile path: String) throws(ServiceError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ServiceError(
                kind: .signIn, code: "invalidCertificate",
                message: "The certificate file \(path) cannot be read: check the path and its permissions")
        }
        try self.init(pem: text)
    }

    /// `x5t#S256`: the certificate's SHA-256 thumbprint, base64url.
    public var sha256Thumbprint: String {
        ClientCertificate.base64URL(Data(SHA256.hash(data: certificateDER)))
    }

    /// `x5t`: the certificate's SHA-1 thumbprint, base64url (what older services look up).
    public var sha1Thumbprint: String {
        ClientCertificate.base64URL(Data(Insecure.SHA1.hash(data: certificateDER)))
    }

    /// A signed client assertion (RFC 7523) for `audience` (the token URL): `iss` = `sub` =
    /// the client id, a fresh `jti`, valid from `now` for `lifetime` seconds.
    public func assertion(
        clientID: String, audience: String, now: Date, lifetime: TimeInterval = 300,
        algorithm: Algorithm = .ps256, jti: String = UUID().uuidString.lowercased()
    ) throws(ServiceError) -> String {
        var header: [String: String] = ["alg": algorithm.rawValue, "typ": "JWT", "x5t#S256": sha256Thumbprint]
        if algorithm == .rs256 { header["x5t"] = sha1Thumbprint }
        let issued = Int(now.timeIntervalSince1970)
        let claims = Claims(
            aud: audience, iss: clientID, sub: clientID, jti: jti,
            nbf: issued, iat: issued, exp: issued + Int(lifetime))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            let signingInput = ClientCertificate.base64URL(try encoder.encode(header)) + "."
                + ClientCertificate.base64URL(try encoder.encode(claims))
            let padding: _RSA.Signing.Padding = algorithm == .ps256 ? .PSS : .insecurePKCS1v1_5
            let signature = try key.signature(for: Data(signingInput.utf8), padding: padding)
            return signingInput + "." + ClientCertificate.base64URL(signature.rawRepresentation)
        } catch {
            throw ServiceError(kind: .signIn, code: "assertionFailed", message: "The client assertion could not be signed")
        }
    }

    struct Claims: Encodable {
        let aud: String, iss: String, sub: String, jti: String
        let nbf: Int, iat: Int, exp: Int
    }

    static func block(in pem: String, label: String) -> String? {
        let begin = "-----BEGIN \(label)-----", end = "-----END \(label)-----"
        guard let start = pem.range(of: begin), let stop = pem.range(of: end, range: start.upperBound..<pem.endIndex) else {
            return nil
        }
        return pem[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func invalid(_ why: String) -> ServiceError {
        ServiceError(
            kind: .signIn, code: "invalidCertificate",
            message: "The certificate file cannot be used: \(why). It must hold the certificate and its unencrypted RSA private key in PEM")
    }
}
