import AuthdeskCore
import Foundation
import Testing

@Suite struct AuthMethodTests {
    @Test func phoneDetailsNameTheSlotAndState() {
        let method = AuthMethod.phone(PhoneMethod(
            id: PhoneType.office.methodID, phoneNumber: "+1 2065555555", phoneType: .office,
            smsSignInState: SmsSignInState(rawValue: "notSupported")))
        #expect(method.kind == .phone)
        #expect(method.title == "Office phone")
        #expect(method.summary == "+1 2065555555")
        let details = Dictionary(uniqueKeysWithValues: method.details.map { ($0.label, $0.value) })
        #expect(details["SMS sign-in"] == "notSupported")
        #expect(details["Id"] == "e37fc753-ff3b-4958-9484-eaa9425c82bc")
    }

    @Test func unknownTypesKeepTheirNameAndFields() {
        let method = AuthMethod.unknown(UnknownMethod(
            id: "x1", typeName: "#microsoft.graph.qrCodePinAuthenticationMethod", fields: ["displayName": "Badge"]))
        #expect(method.kind == .unknown)
        #expect(method.title == "#microsoft.graph.qrCodePinAuthenticationMethod")
        #expect(method.summary == "Badge")
        #expect(method.details.contains(MethodDetail("displayName", "Badge")))
    }

    @Test func auth0TypesMapToKinds() {
        let pairs: [(String, MethodKind)] = [
            ("phone", .auth0Phone), ("email", .auth0Email), ("totp", .auth0Totp),
            ("webauthn-roaming", .auth0WebAuthnRoaming), ("webauthn-platform", .auth0WebAuthnPlatform),
            ("passkey", .auth0Passkey), ("push", .auth0Push), ("recovery-code", .auth0RecoveryCode),
            ("guardian", .auth0Guardian), ("email-verification", .auth0EmailVerification),
            ("password", .auth0Password), ("something-new", .unknown),
        ]
        for (type, kind) in pairs {
            #expect(AuthMethod.auth0(Auth0Method(id: "\(type)|dev_1", type: type)).kind == kind)
        }
        #expect(AuthMethod.auth0(Auth0Method(id: "x|dev_1", type: "something-new")).title == "something-new")
    }

    @Test func timestampsAreUTCToTheSecond() {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(AuthMethod.timestamp(date) == "2023-11-14 22:13:20")
    }
}
