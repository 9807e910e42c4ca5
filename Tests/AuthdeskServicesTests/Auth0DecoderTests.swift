import AuthdeskCore
import Foundation
import Testing
@testable import AuthdeskServices

/// Reading Auth0's payloads, with the samples of shared/seeds/auth0-manage-auth-methods.md.
@Suite struct Auth0DecoderTests {
    func parse(_ text: String) throws -> JSONValue {
        try #require(JSONValue.parse(Data(text.utf8)))
    }

    func date(_ text: String) throws -> Date {
        try #require(JSONValue.parseDate(text))
    }

    @Test func theSeedsMethodListIsRead() throws {
        let json = try parse("""
            [{"id": "totp|dev_XXXXXXXXXXXXXXXX", "type": "totp", "confirmed": true,
              "created_at": "2021-09-23T22:57:30.206Z", "last_auth_at": "2021-09-23T22:57:51.652Z"}]
            """)
        let (items, total) = try #require(Auth0Decoder.methodList(json))
        #expect(total == nil)
        let method = try #require(items.first.flatMap(Auth0Decoder.method))
        #expect(method == Auth0Method(
            id: "totp|dev_XXXXXXXXXXXXXXXX", type: "totp", confirmed: true,
            createdAt: try date("2021-09-23T22:57:30.206Z"), lastAuthAt: try date("2021-09-23T22:57:51.652Z")))
        #expect(method.kind == .auth0Totp)
    }

    @Test func thePagedShapeCarriesTheTotal() throws {
        let json = try parse(#"{"start":0,"limit":2,"total":5,"authenticators":[{"id":"a","type":"push"},{"id":"b","type":"email"}]}"#)
        let (items, total) = try #require(Auth0Decoder.methodList(json))
        #expect(total == 5)
        #expect(items.compactMap(Auth0Decoder.method).map(\.kind) == [.auth0Push, .auth0Email])
    }

    @Test func theSeedsCreatedMethodsAreRead() throws {
        let phone = try #require(Auth0Decoder.method(try parse("""
            {"type": "phone", "name": "SMS", "created_at": "2023-01-01T00:00:00.000Z",
             "phone_number": "user@example.com", "id": "phone|dev_XXXXXXXXXXXXXXXX"}
            """)))
        #expect(phone.kind == .auth0Phone)
        #expect(phone.name == "SMS")
        #expect(phone.phoneNumber == "user@example.com")
        #expect(phone.createdAt == (try date("2023-01-01T00:00:00.000Z")))
        let email = try #require(Auth0Decoder.method(try parse("""
            {"type": "email", "name": "Email Factor", "created_at": "2023-01-01T00:00:00.000Z",
             "email": "user@example.com", "id": "email|dev_XXXXXXXXXXXXXXXX"}
            """)))
        #expect(email.email == "user@example.com")
        #expect(AuthMethod.auth0(email).summary == "user@example.com")
        let key = try #require(Auth0Decoder.method(try parse("""
            {"type": "webauthn-roaming", "name": "WebAuthn with security keys",
             "relyingPartyIdentifier": "example-tenant.auth0.com", "keyId": "X9FrwMfmzj...",
             "publicKey": "bXktcHVibGljLWtle...", "created_at": "2023-03-09T17:33:47.545Z",
             "id": "webauthn-roaming|dev_XXXXXXXXXXXXXXXX"}
            """)))
        #expect(key.kind == .auth0WebAuthnRoaming)
        #expect(AuthMethod.auth0(key).title == "Security key (WebAuthn)")
    }

    @Test func theSeedsReplaceAndUpdateAnswersAreRead() throws {
        let replaced = try parse("""
            [{"id": "phone|dev_XXXXXXXXXXXXXXXX", "type": "phone", "name": "SMS", "phone_number": "+00000000000",
              "created_at": "2023-03-09T17:53:23.647Z", "preferred_authentication_method": "sms",
              "authentication_methods": [{"id": "sms|dev_XXXXXXXXXXXXXXXX", "type": "sms"}]}]
            """)
        let methods = try #require(replaced.array).compactMap(Auth0Decoder.method)
        #expect(methods.map(\.preferredAuthenticationMethod) == ["sms"])
        let updated = try #require(Auth0Decoder.method(try parse("""
            {"type": "phone", "name": "Mobile SMS", "created_at": "2023-01-12T00:03:52.855Z",
             "last_auth_at": "2023-01-12T00:04:05.157Z", "phone_number": "+00000000000",
             "preferred_authentication_method": "sms", "id": "phone|dev_XXXXXXXXXXXXXXXX",
             "authentication_methods": [{"id": "phone|dev_XXXXXXXXXXXXXXXX", "type": "phone"}]}
            """)))
        #expect(updated.name == "Mobile SMS")
        #expect(updated.lastAuthAt == (try date("2023-01-12T00:04:05.157Z")))
    }

    @Test func unknownTypesAreKeptWithTheirName() throws {
        let method = try #require(Auth0Decoder.method(try parse(#"{"id":"x|dev_1","type":"carrier-pigeon","name":"Coo"}"#)))
        #expect(method.kind == .unknown)
        #expect(AuthMethod.auth0(method).title == "carrier-pigeon")
        #expect(Auth0Decoder.method(try parse(#""text""#)) == nil)
        let underscore = try #require(Auth0Decoder.method(try parse(#"{"id":"w","type":"webauthn_roaming"}"#)))
        #expect(underscore.kind == .auth0WebAuthnRoaming)
    }

    @Test func usersAreReadWithTheirEmailAsPrincipalName() throws {
        let json = try parse("""
            {"start":0,"limit":50,"length":2,"total":2,"users":[
             {"user_id":"auth0|65f2","email":"marta.nowak@example.com","name":"Marta Nowak","blocked":true},
             {"user_id":"sms|1","nickname":"nick"},
             {"email":"no-id@example.com"}]}
            """)
        let (items, total) = try #require(Auth0Decoder.userList(json))
        #expect(total == 2)
        let users = items.compactMap(Auth0Decoder.user)
        #expect(users == [
            DirectoryUser(id: "auth0|65f2", displayName: "Marta Nowak", principalName: "marta.nowak@example.com",
                          mail: "marta.nowak@example.com", accountEnabled: false),
            DirectoryUser(id: "sms|1", displayName: "nick", principalName: "sms|1"),
        ])
    }
}
