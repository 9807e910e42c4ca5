import Foundation
import Testing
import _CryptoExtras
@testable import AuthdeskSandbox

@Suite("Certificates and client assertions")
struct AppCertificateTests {
    func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    func hex(base64URL text: String) -> String {
        hex(Base64URL.decode(text) ?? Data())
    }

    @Test func thumbprintsAreTheStandardDigests() {
        let abc = AppCertificate.thumbprints(of: Array("abc".utf8))
        #expect(hex(base64URL: abc.sha256) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(base64URL: abc.sha1) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(base64URL: AppCertificate.thumbprints(of: []).sha256) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(hex(base64URL: AppCertificate.thumbprints(of: long).sha256) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func theSampleCertificateReadsWithItsThumbprints() throws {
        let (certificate, key) = try Sandbox.sampleCertificate()
        #expect(key.contains("BEGIN PRIVATE KEY"))
        let parsed = try #require(AppCertificate(certificatePEM: certificate))
        let numbers = try parsed.publicKey.getKeyPrimitives()
        #expect(numbers.modulus.drop { $0 == 0 }.count == 256)
        #expect(Array(numbers.publicExponent.drop { $0 == 0 }) == [0x01, 0x00, 0x01])
        #expect(parsed.thumbprintSHA256 == "9Rd3DM7uu61JsyQeX8xGe4OAkxtiGbozzQAieXfNX1c")
        #expect(parsed.thumbprintSHA1 == "zLpyepHdISYEuo2amCMqOhHiLKk")
        #expect(AppCertificate(certificatePEM: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----") == nil)
        #expect(AppCertificate(certificatePEM: key) == nil)
    }

    @Test func aCertificateCanBeRegisteredAtRunTime() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let (certificate, _) = try Sandbox.sampleCertificate()
        #expect(throws: (any Error).self) { try sandbox.registerCertificate("nonsense", forTenant: "contoso") }
        #expect(throws: (any Error).self) { try sandbox.registerCertificate(certificate, forTenant: "nowhere") }
        try sandbox.registerCertificate(certificate, forTenant: "fabrikam")
        #expect(sandbox.withState { $0.tenants.first { $0.name == "fabrikam" }?.certificates.count } == 2)
        await sandbox.stop()
    }

    // MARK: Client assertions signed here with swift-crypto

    static let issued = Date(timeIntervalSince1970: 1_800_000_000)

    /// A client assertion for `tenant`, naming a certificate by `x5t#S256` and signed by `key`.
    /// `fraction`: seconds added to `iat`, `nbf` and `exp`, sent as fractional numbers when not 0
    /// (MSAL Python's assertions carry `time.time()` as it is).
    func assertion(for tenant: TenantRecord, thumbprint: String, algorithm: AppCertificate.Algorithm,
                   key: _RSA.Signing.PrivateKey, fraction: Double = 0) throws -> String {
        let iat = Int(Self.issued.timeIntervalSince1970)
        func time(_ seconds: Int) -> JSON { fraction == 0 ? .int(seconds) : .double(Double(seconds) + fraction) }
        let header = JSON.obj(["alg": .string(algorithm.rawValue), "typ": .string("JWT"), "x5t#S256": .string(thumbprint)])
        let claims = JSON.obj([
            "aud": .string("https://login.microsoftonline.com/\(tenant.id)/oauth2/v2.0/token"),
            "iss": .string(tenant.clientId), "sub": .string(tenant.clientId), "jti": .string(UUID().uuidString),
            "nbf": time(iat), "iat": time(iat), "exp": time(iat + 600),
        ])
        let input = "\(Base64URL.encode(header.data)).\(Base64URL.encode(claims.data))"
        let padding: _RSA.Signing.Padding = algorithm == .rs256 ? .insecurePKCS1v1_5 : .PSS
        let signature = try key.signature(for: Data(input.utf8), padding: padding)
        return "\(input).\(Base64URL.encode(signature.rawRepresentation))"
    }

    func errorCodes(_ reply: HTTPReply?) -> [JSON]? {
        reply?.jsonBody?["error_codes"]?.arrayValue
    }

    @Test(arguments: AppCertificate.Algorithm.allCases)
    func anAssertionIsAcceptedOnlyWithTheRegisteredKeyAndThumbprint(_ algorithm: AppCertificate.Algorithm) throws {
        let tenant = try #require(try SeedLoader.entraTenants(usersPerTenant: 0, seed: 1).first { $0.name == "contoso" })
        let registered = try #require(tenant.certificates.first)
        let sampleKey = try _RSA.Signing.PrivateKey(pemRepresentation: try Sandbox.sampleCertificate().privateKeyPEM)
        let now = Self.issued.addingTimeInterval(10)

        let valid = try assertion(for: tenant, thumbprint: registered.thumbprintSHA256, algorithm: algorithm, key: sampleKey)
        #expect(EntraEndpoints.checkAssertion(valid, tenant: tenant, now: now) == nil)

        var tampered = Array(valid)
        let index = tampered.count - 10
        tampered[index] = tampered[index] == "A" ? "B" : "A"
        #expect(errorCodes(EntraEndpoints.checkAssertion(String(tampered), tenant: tenant, now: now)) == [.int(700027)])

        let unknownThumbprint = AppCertificate.thumbprints(of: Array("another certificate".utf8)).sha256
        let misnamed = try assertion(for: tenant, thumbprint: unknownThumbprint, algorithm: algorithm, key: sampleKey)
        let notFound = EntraEndpoints.checkAssertion(misnamed, tenant: tenant, now: now)
        #expect(errorCodes(notFound) == [.int(700027)])
        #expect(notFound?.jsonBody?["error_description"]?.stringValue?.contains("The key was not found.") == true)

        let strangerKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let forged = try assertion(for: tenant, thumbprint: registered.thumbprintSHA256, algorithm: algorithm, key: strangerKey)
        let refused = EntraEndpoints.checkAssertion(forged, tenant: tenant, now: now)
        #expect(errorCodes(refused) == [.int(700027)])
        #expect(refused?.jsonBody?["error_description"]?.stringValue?.contains("did not match the expected signature") == true)
    }

    @Test func fractionalTimesAsMSALPythonSendsThemAreAccepted() throws {
        let tenant = try #require(try SeedLoader.entraTenants(usersPerTenant: 0, seed: 1).first { $0.name == "contoso" })
        let registered = try #require(tenant.certificates.first)
        let sampleKey = try _RSA.Signing.PrivateKey(pemRepresentation: try Sandbox.sampleCertificate().privateKeyPEM)
        let signed = try assertion(
            for: tenant, thumbprint: registered.thumbprintSHA256, algorithm: .rs256, key: sampleKey, fraction: 0.618034)
        #expect(EntraEndpoints.checkAssertion(signed, tenant: tenant, now: Self.issued.addingTimeInterval(10)) == nil)
        let late = EntraEndpoints.checkAssertion(signed, tenant: tenant, now: Self.issued.addingTimeInterval(3600))
        #expect(errorCodes(late) == [.int(700024)])
    }

    @Test func aSignatureChecksOnlyUnderItsOwnAlgorithm() throws {
        let certificate = try #require(AppCertificate(certificatePEM: try Sandbox.sampleCertificate().certificatePEM))
        let key = try _RSA.Signing.PrivateKey(pemRepresentation: try Sandbox.sampleCertificate().privateKeyPEM)
        let message = Data("header.claims".utf8)
        let pkcs1 = try key.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation
        let pss = try key.signature(for: message, padding: .PSS).rawRepresentation
        #expect(certificate.verifies(pkcs1, of: message, algorithm: .rs256))
        #expect(certificate.verifies(pss, of: message, algorithm: .ps256))
        #expect(!certificate.verifies(pkcs1, of: message, algorithm: .ps256))
        #expect(!certificate.verifies(pss, of: message, algorithm: .rs256))
        #expect(!certificate.verifies(pkcs1, of: Data("header.claimz".utf8), algorithm: .rs256))
        #expect(!certificate.verifies(Data(pkcs1.dropLast()), of: message, algorithm: .rs256))
    }
}
