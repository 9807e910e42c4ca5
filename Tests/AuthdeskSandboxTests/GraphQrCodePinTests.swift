import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Graph QR code + PIN and external methods")
struct GraphQrCodePinTests {
    static let olga = "/v1.0/users/olga.smirnova@fabrikam.com/authentication"

    func start(_ tenant: String = "contoso") async throws -> (Sandbox, TestClient, String) {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        return (sandbox, client, try await client.appToken(tenant))
    }

    @Test func thePinIsInTheCreationAnswerOnlyAndOneMethodPerUser() async throws {
        let (sandbox, client, token) = try await start()
        let path = "/v1.0/users/CameronW@contoso.com/authentication/qrCodePinMethod"
        #expect(try await client.get(path, token: token).status == 404)
        let short = try await client.send("PUT", client.url(path), token: token,
                                          body: .json(#"{"standardQRCode":{},"pin":{"code":"1234"}}"#))
        #expect(short.status == 400)
        let long = try await client.send("PUT", client.url(path), token: token, body: .json(
            #"{"standardQRCode":{"startDateTime":"2026-01-01T00:00:00Z","expireDateTime":"2027-03-01T00:00:00Z"},"pin":{"code":"12345678"}}"#))
        #expect(long.status == 400)
        let created = try await client.send("PUT", client.url(path), token: token,
                                            body: .json(#"{"standardQRCode":{},"pin":{"code":"24681357"}}"#))
        #expect(created.status == 201)
        #expect((created.object["pin"] as? [String: Any])?["code"] as? String == "24681357")
        #expect((created.object["pin"] as? [String: Any])?["forceChangePinNextSignIn"] as? Bool == true)
        let read = try await client.get(path, token: token)
        #expect((read.object["pin"] as? [String: Any])?["code"] is NSNull)
        let listed = try await client.get("/v1.0/users/CameronW@contoso.com/authentication/methods", token: token)
        #expect(listed.values.contains { $0["@odata.type"] as? String == "#microsoft.graph.qrCodePinAuthenticationMethod" })
        let again = try await client.send("PUT", client.url(path), token: token,
                                          body: .json(#"{"standardQRCode":{},"pin":{"code":"24681357"}}"#))
        #expect(again.status == 400)
        await sandbox.stop()
    }

    @Test func temporaryCodesAndPinResets() async throws {
        let (sandbox, client, token) = try await start("fabrikam")
        let path = "\(Self.olga)/qrCodePinMethod"
        let window = #"{"startDateTime":"2026-12-03T08:00:00Z","expireDateTime":"2026-12-03T16:00:00Z"}"#
        let tooLong = try await client.send("PUT", client.url("\(path)/temporaryQRCode"), token: token,
                                            body: .json(#"{"startDateTime":"2026-12-03T08:00:00Z","expireDateTime":"2026-12-04T08:00:00Z"}"#))
        #expect(tooLong.status == 400)
        #expect(try await client.send("PUT", client.url("\(path)/temporaryQRCode"), token: token, body: .json(window)).status == 201)
        let read = try await client.get(path, token: token)
        #expect((read.object["temporaryQRCode"] as? [String: Any])?["expireDateTime"] as? String == "2026-12-03T16:00:00Z")
        #expect(try await client.send("DELETE", client.url("\(path)/temporaryQRCode"), token: token).status == 204)
        let pin = try await client.send("PATCH", client.url("\(path)/pin"), token: token, body: .json(#"{"code":"97531864"}"#))
        #expect(pin.status == 200)
        #expect(pin.object["code"] as? String == "97531864")
        #expect(try await client.send("PATCH", client.url("\(path)/pin"), token: token, body: .json(#"{"code":"12ab"}"#)).status == 400)
        #expect(try await client.send("DELETE", client.url(path), token: token).status == 204)
        #expect(try await client.get(path, token: token).status == 404)
        await sandbox.stop()
    }

    @Test func externalMethodsAreListedAndDeletedNotCreated() async throws {
        let (sandbox, client, token) = try await start("fabrikam")
        let path = "\(Self.olga)/externalAuthenticationMethods"
        let list = try await client.get(path, token: token)
        #expect(list.values.first?["displayName"] as? String == "Contoso Hardware MFA")
        #expect(list.values.first?["configurationId"] as? String == "7f3b9c1e-5d2a-4e8f-b6c4-0a9d3e7f1b52")
        #expect(try await client.send("POST", client.url(path), token: token, body: .json("{}")).status == 405)
        let id = try #require(list.values.first?["id"] as? String)
        #expect(try await client.send("DELETE", client.url("\(path)/\(id)"), token: token).status == 204)
        #expect(try await client.get(path, token: token).values.isEmpty)
        await sandbox.stop()
    }
}
