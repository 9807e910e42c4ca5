import Crypto
import _CryptoExtras
import Foundation
import Testing
@testable import AuthdeskServices

@Suite struct ClientCertificateTests {
    /// A key made for the test and stand-in certificate bytes: the assertion only hashes the
    /// certificate, so any DER-looking bytes serve.
    static func material() throws -> (key: _RSA.Signing.PrivateKey, der: Data, pem: String) {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let der = Data((0..<300).map { UInt8($0 % 251) })
        let pem = key.pemRepresentation + "\n-----BEGIN CERTIFICATE-----\n"
            + der.base64EncodedString(options: .lineLength64Characters) + "\n-----END CERTIFICATE-----\n"
        return (key, der, pem)
    }

    static func decode(_ part: Substring) throws -> [String: JSONValue] {
        var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        let data = try #require(Data(base64Encoded: text))
        return try #require(JSONValue.parse(data)?.object)
    }

    static func bytes(_ part: Substring) throws -> Data {
        var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return try #require(Data(base64Encoded: text))
    }

    @Test(arguments: [ClientCertificate.Algorithm.ps256, .rs256])
    func assertionIsSignedWithTheKeyAndNamesTheCertificate(_ algorithm: ClientCertificate.Algorithm) throws {
        let (key, der, pem) = try Self.material()
        let certificate = try ClientCertificate(pem: pem)
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let jwt = try certificate.assertion(
            clientID: "app-1", audience: "http://127.0.0.1:9/t/oauth2/v2.0/token", now: now, algorithm: algorithm, jti: "j-1")
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        let header = try Self.decode(parts[0])
        #expect(header["alg"] == .string(algorithm.rawValue))
        #expect(header["typ"] == .string("JWT"))
        let thumbprint = ClientCertificate.base64URL(Data(SHA256.hash(data: der)))
        #expect(header["x5t#S256"] == .string(thumbprint))
        #expect((header["x5t"] != nil) == (algorithm == .rs256))
        let claims = try Self.decode(parts[1])
        #expect(claims == [
            "aud": .string("http://127.0.0.1:9/t/oauth2/v2.0/token"), "iss": .string("app-1"), "sub": .string("app-1"),
            "jti": .string("j-1"), "nbf": .number(1_795_000_000), "iat": .number(1_795_000_000), "exp": .number(1_795_000_300),
        ])
        let signature = _RSA.Signing.RSASignature(rawRepresentation: try Self.bytes(parts[2]))
        let signed = Data("\(parts[0]).\(parts[1])".utf8)
        let padding: _RSA.Signing.Padding = algorithm == .ps256 ? .PSS : .insecurePKCS1v1_5
        #expect(key.publicKey.isValidSignature(signature, for: SHA256.hash(data: signed), padding: padding))
        #expect(!key.publicKey.isValidSignature(signature, for: SHA256.hash(data: Data("tampered".utf8)), padding: padding))
    }

    @Test func missingPiecesAreNamed() throws {
        let (key, _, pem) = try Self.material()
        let noCertificate = #expect(throws: ServiceError.self) { try ClientCertificate(pem: key.pemRepresentation) }
        #expect(noCertificate?.code == "invalidCertificate")
        #expect(noCertificate?.message.contains("BEGIN CERTIFICATE") == true)
        let start = try #require(pem.range(of: "-----BEGIN CERTIFICATE-----"))
        let certificateOnly = String(pem[start.lowerBound...])
        let noKey = #expect(throws: ServiceError.self) { try ClientCertificate(pem: certificateOnly) }
        #expect(noKey?.message.contains("PRIVATE KEY") == true)
        let encrypted = certificateOnly + "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"
        let locked = #expect(throws: ServiceError.self) { try ClientCertificate(pem: encrypted) }
        #expect(locked?.message.contains("encrypted") == true)
        let garbage = certificateOnly + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
        let bad = #expect(throws: ServiceError.self) { try ClientCertificate(pem: garbage) }
        #expect(bad?.kind == .signIn)
    }

    @Test func readsTheFileOrSaysWhyNot() throws {
        let (_, der, pem) = try Self.material()
        let path = FileManager.default.temporaryDirectory.appending(path: "authdesk-cert-\(UUID().uuidString).pem").path
        try pem.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let certificate = try ClientCertificate(contentsOfFile: path)
        #expect(certificate.sha256Thumbprint == ClientCertificate.base64URL(Data(SHA256.hash(data: der))))
        let missing = #expect(throws: ServiceError.self) { try ClientCertificate(contentsOfFile: path + ".missing") }
        #expect(missing?.message.contains("cannot be read") == true)
    }

    @Test func credentialPostsTheAssertionNotASecret() async throws {
        let (_, _, pem) = try Self.material()
        let loader = ScriptedLoader([ScriptedLoader.json(200, #"{"token_type":"Bearer","expires_in":3599,"access_token":"app-token"}"#)])
        let signIn = EntraSignIn(authority: URL(string: "http://127.0.0.1:9")!, tenantID: "t-1", clientID: "app-1")
        let credential = CertificateCredential(
            signIn: signIn, certificate: try ClientCertificate(pem: pem),
            transport: HTTPTransport(loader: loader, sleep: SleepRecorder().sleep, logger: LogCapture().logger()))
        #expect(try await credential.token().value == "app-token")
        let body = try #require(loader.sent.first).body
        let fields = Dictionary(uniqueKeysWithValues: body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        })
        #expect(fields["grant_type"] == "client_credentials")
        #expect(fields["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        #expect(fields["client_assertion"]?.split(separator: ".").count == 3)
        #expect(fields["client_secret"] == nil)
    }
}
