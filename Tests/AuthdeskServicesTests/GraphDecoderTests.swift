import AuthdeskCore
import Foundation
import Testing
@testable import AuthdeskServices

@Suite struct GraphDecoderTests {
    func methods(_ text: String, defaultType: String? = nil) throws -> [AuthMethod] {
        let json = try #require(JSONValue.parse(Data(text.utf8)))
        let list = try #require(GraphDecoder.list(json))
        return list.items.compactMap { GraphDecoder.method($0, defaultType: defaultType) }
    }

    @Test func passwordOnly() throws {
        let decoded = try methods(GraphFixtures.cameronPasswordOnly)
        #expect(decoded.count == 1)
        guard case .password(let password) = decoded.first else {
            Issue.record("expected a password, got \(decoded)")
            return
        }
        #expect(password.id == PasswordMethod.graphID)
        #expect(password.createdAt == Date(timeIntervalSince1970: 1_695_033_487))
    }

    @Test func addedMobileAnswer() throws {
        let json = try #require(JSONValue.parse(Data(GraphFixtures.cameronAddedMobile.utf8)))
        let method = GraphDecoder.method(json, defaultType: "phoneAuthenticationMethod")
        #expect(method == .phone(PhoneMethod(
            id: PhoneType.mobile.methodID, phoneNumber: "+1 2065555555", phoneType: .mobile,
            smsSignInState: .notAllowedByPolicy)))
    }

    @Test func officeMobileAndPassword() throws {
        let decoded = try methods(GraphFixtures.cameronThreeMethods)
        #expect(decoded.map(\.kind) == [.phone, .phone, .password])
        #expect(decoded[0] == .phone(PhoneMethod(
            id: PhoneType.office.methodID, phoneNumber: "+1 4255550199", phoneType: .office, smsSignInState: .notSupported)))
        #expect(decoded[1].summary == "+1 2065555555")
    }

    @Test func betaPasswordWithNullCreationDate() throws {
        let decoded = try methods(GraphFixtures.averyPasswordOnly)
        #expect(decoded == [.password(PasswordMethod(id: PasswordMethod.graphID, createdAt: nil))])
    }

    @Test func phoneMethodsListWithoutODataType() throws {
        let decoded = try methods(GraphFixtures.averyPhoneMethods, defaultType: "phoneAuthenticationMethod")
        #expect(decoded == [
            .phone(PhoneMethod(id: PhoneType.office.methodID, phoneNumber: "+1 4255550199", phoneType: .office, smsSignInState: .notSupported)),
            .phone(PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 2065550123", phoneType: .mobile, smsSignInState: .ready)),
        ])
    }

    @Test func mobileAndPassword() throws {
        let decoded = try methods(GraphFixtures.averyMobileAndPassword)
        #expect(decoded.map(\.id) == [PhoneType.mobile.methodID, PasswordMethod.graphID])
    }

    @Test func everyOtherTypeAndAnUnknownOne() throws {
        let decoded = try methods(GraphFixtures.everyType)
        #expect(decoded.map(\.kind) == [
            .email, .fido2, .microsoftAuthenticator, .softwareOath, .temporaryAccessPass,
            .windowsHelloForBusiness, .platformCredential, .unknown,
        ])
        #expect(decoded[0] == .email(EmailMethod(id: "3ddfcfc8-9383-446f-83cc-3ab9be4be18f", emailAddress: "kim@contoso.com")))
        guard case .fido2(let key) = decoded[1], case .microsoftAuthenticator(let app) = decoded[2],
              case .temporaryAccessPass(let tap) = decoded[4], case .platformCredential(let mac) = decoded[6],
              case .windowsHelloForBusiness(let hello) = decoded[5], case .unknown(let unknown) = decoded[7] else {
            Issue.record("unexpected cases: \(decoded)")
            return
        }
        #expect(key.model == "YubiKey 5 NFC")
        #expect(key.aaGuid == "2fc0579f-8113-47ea-b116-bb5a8db9202a")
        #expect(key.attestationLevel == "attested")
        #expect(key.passkeyType == "deviceBound")
        #expect(app.deviceTag == "SoftwareTokenActivated")
        #expect(app.phoneAppVersion == "6.8.7")
        #expect(app.createdAt != nil)
        #expect(tap.lifetimeInMinutes == 60)
        #expect(tap.isUsableOnce == false)
        #expect(tap.isUsable == true)
        #expect(tap.methodUsabilityReason == "EnabledByPolicy")
        #expect(tap.startDateTime != nil)
        #expect(hello.keyStrength == "normal")
        #expect(mac.platform == "macOS")
        #expect(unknown.typeName == "#microsoft.graph.futureBadgeAuthenticationMethod")
        #expect(unknown.id == "qr-1")
        #expect(unknown.fields == ["displayName": "Badge", "pinLength": "8", "isEnabled": "true"])
    }

    @Test func hardwareOathWithNestedDevice() throws {
        let decoded = try methods(GraphFixtures.hardwareOath, defaultType: "hardwareOathAuthenticationMethod")
        #expect(decoded == [.hardwareOath(HardwareOathMethod(
            id: "aad49556-8b6e-4a3d-a1f5-cd2c4c1c5d8b", displayName: "Token 1", serialNumber: "TOTP123456",
            manufacturer: "Contoso", model: "Hardware Token 1000", status: "activated"))])
    }

    @Test func userPageWithNextLink() throws {
        let json = try #require(JSONValue.parse(Data(GraphFixtures.userPage.utf8)))
        let list = try #require(GraphDecoder.list(json))
        #expect(list.next == "https://graph.microsoft.com/v1.0/users?$select=id,displayName&$top=1&$skiptoken=RFNwdAIAAQAAAB")
        #expect(list.items.compactMap(GraphDecoder.user) == [DirectoryUser(
            id: "a87cc624-b550-4559-b934-3bc0325a4808", displayName: "Cameron White",
            principalName: "CameronW@contoso.com", mail: "CameronW@contoso.com", jobTitle: "Sales",
            accountEnabled: true)])
    }

    @Test func userWithoutIdIsSkipped() throws {
        let json = try #require(JSONValue.parse(Data(#"{"displayName": "Ghost"}"#.utf8)))
        #expect(GraphDecoder.user(json) == nil)
    }
}
