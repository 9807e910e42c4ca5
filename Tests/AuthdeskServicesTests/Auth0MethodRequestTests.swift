import AuthdeskCore
import Testing
@testable import AuthdeskServices

/// New Auth0 methods are checked before sending and encoded as Auth0 wants.
@Suite struct Auth0MethodRequestTests {
    @Test(arguments: [
        ("+14155550123", "+14155550123"),
        ("+1 (415) 555-0123", "+14155550123"),
        (" +48 601 234 567 ", "+48601234567"),
    ])
    func phoneNumbersAreE164(_ text: String, _ expected: String) throws {
        #expect(try Auth0MethodRequest.phoneNumber(text) == expected)
    }

    @Test(arguments: ["4155550123", "+1 415", "+0123456789", "+1415555012345678", "+1415abc0123", "", "+"])
    func otherPhoneNumbersAreRefusedWithTheFormat(_ text: String) {
        let error = #expect(throws: ServiceError.self) { try Auth0MethodRequest.phoneNumber(text) }
        #expect(error?.kind == .badInput)
        #expect(error?.code == "invalidPhoneNumber")
        #expect(error?.message.contains("E.164") == true)
    }

    @Test(arguments: [
        ("JBSWY3DPEHPK3PXP", "JBSWY3DPEHPK3PXP"),
        ("jbsw y3dp ehpk 3pxp", "JBSWY3DPEHPK3PXP"),
        ("JBSWY3DPEHPK3PXPJB======", "JBSWY3DPEHPK3PXPJB======"),
    ])
    func base32SecretsAreAccepted(_ text: String, _ expected: String) throws {
        #expect(try Auth0MethodRequest.totpSecret(text) == expected)
    }

    @Test(arguments: ["JBSWY3DPEHPK3PX", "JBSWY3DPEHPK3PX1", "JBSWY3DPEHPK3PX8", "JBSWY3DP=EHPK3PXP", "JBSWY3DPEHPK3PXP========", ""])
    func otherSecretsAreRefused(_ text: String) {
        let error = #expect(throws: ServiceError.self) { try Auth0MethodRequest.totpSecret(text) }
        #expect(error?.code == "invalidTotpSecret")
        #expect(error?.message.contains("base32") == true)
    }

    @Test func bodiesCarryAuth0sFieldNames() throws {
        #expect(try Auth0MethodRequest.phone(number: "+1 415 555 0123", channel: .voice, name: " Desk ").body() == [
            "type": "phone", "phone_number": "+14155550123", "preferred_authentication_method": "voice", "name": "Desk",
        ])
        #expect(try Auth0MethodRequest.email(address: "a@example.com").body() == ["type": "email", "email": "a@example.com"])
        #expect(try Auth0MethodRequest.totp(secret: Secret("jbswy3dpehpk3pxp")).body() == ["type": "totp", "totp_secret": "JBSWY3DPEHPK3PXP"])
        #expect(try Auth0MethodRequest.webAuthnRoaming(keyID: "k1", publicKey: "pQECAyYg", relyingParty: "Example.com").body() == [
            "type": "webauthn-roaming", "key_id": "k1", "public_key": "pQECAyYg", "relying_party_identifier": "example.com",
        ])
    }

    @Test func badFieldsAreRefused() {
        let cases: [(Auth0MethodRequest, String)] = [
            (.email(address: "not-an-address"), "invalidEmailAddress"),
            (.phone(number: "+14155550123", name: "a name far longer than twenty"), "invalidName"),
            (.webAuthnRoaming(keyID: "", publicKey: "pQ", relyingParty: "example.com"), "invalidKeyId"),
            (.webAuthnRoaming(keyID: "k", publicKey: "not base64!", relyingParty: "example.com"), "invalidPublicKey"),
            (.webAuthnRoaming(keyID: "k", publicKey: "pQ", relyingParty: "https://example.com/"), "invalidRelyingParty"),
        ]
        for (request, code) in cases {
            let error = #expect(throws: ServiceError.self) { try request.body() }
            #expect(error?.code == code, "\(request)")
        }
    }

    @Test func theSecretNeverShowsInADescription() {
        let request = Auth0MethodRequest.totp(secret: Secret("JBSWY3DPEHPK3PXP"))
        #expect(!String(describing: request).contains("JBSWY3DPEHPK3PXP"))
        #expect(!String(reflecting: request).contains("JBSWY3DPEHPK3PXP"))
    }
}
