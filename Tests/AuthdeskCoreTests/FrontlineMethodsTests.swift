import AuthdeskCore
import Foundation
import Testing

/// QR code + PIN and external authentication methods: typed, shown, and treated by both reset
/// policies (`portal` keeps them, as the Entra portal does; `all` removes them).
struct FrontlineMethodsTests {
    static let qr = AuthMethod.qrCodePin(QrCodePinMethod(
        id: "qr-1", standardExpires: try? Date("2027-03-31T08:00:00Z", strategy: .iso8601), forceChangePin: true))
    static let external = AuthMethod.externalAuthentication(
        ExternalAuthenticationMethod(id: "ext-1", displayName: "Contoso Hardware MFA", configurationId: "cfg-1"))

    @Test func portalKeepsThemAndAllRemovesThem() {
        for method in [Self.qr, Self.external] {
            #expect(ResetPolicy.portal.treatment(of: method) == .keep(.keptByPolicy), "\(method.title)")
            #expect(ResetPolicy.all.treatment(of: method) == .remove(.delete), "\(method.title)")
        }
    }

    @Test func theyAreShownAndAddressable() {
        #expect(Self.qr.title == "QR code + PIN")
        #expect(Self.qr.summary == "badge until 2027-03-31")
        #expect(Self.qr.details.contains(MethodDetail("PIN change due", "yes")))
        #expect(Self.external.summary == "Contoso Hardware MFA")
        #expect(Self.external.details.contains(MethodDetail("Configuration", "cfg-1")))
        #expect(AuthMethod.addressing(.qrCodePin, id: "qr-1")?.kind == .qrCodePin)
        #expect(AuthMethod.addressing(.externalAuthentication, id: "ext-1")?.id == "ext-1")
    }
}
