import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Certificates and digests")
struct RSAPublicKeyTests {
    func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    @Test func digestsMatchTheStandardVectors() {
        #expect(hex(SHA.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA.sha256([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA.sha1(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(hex(SHA.sha256(long)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func theSampleCertificateReadsWithItsThumbprints() throws {
        let (certificate, key) = try Sandbox.sampleCertificate()
        #expect(key.contains("BEGIN PRIVATE KEY"))
        let parsed = try #require(RSAPublicKey(certificatePEM: certificate))
        #expect(parsed.modulus.count == 256)
        #expect(parsed.exponent == [0x01, 0x00, 0x01])
        #expect(parsed.thumbprintSHA256 == "9Rd3DM7uu61JsyQeX8xGe4OAkxtiGbozzQAieXfNX1c")
        #expect(parsed.thumbprintSHA1 == "zLpyepHdISYEuo2amCMqOhHiLKk")
        #expect(RSAPublicKey(certificatePEM: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----") == nil)
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
}
