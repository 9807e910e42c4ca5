import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Graph writes")
struct GraphWritesTests {
    static let mobile = "3179e48a-750b-4051-897c-87b9720928f7"
    static let alternate = "b6332ec1-7057-4abe-9331-3d72feddfe41"
    static let office = "e37fc753-ff3b-4958-9484-eaa9425c82bc"

    func start(_ options: SandboxOptions = SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .milliseconds(50))) async throws -> (Sandbox, TestClient) {
        let sandbox = try await Sandbox.start(options)
        return (sandbox, TestClient(sandbox))
    }

    func phones(_ client: TestClient, _ user: String, _ token: String) async throws -> [String: String] {
        let answer = try await client.get("/v1.0/users/\(user)/authentication/phoneMethods", token: token)
        return Dictionary(uniqueKeysWithValues: answer.values.compactMap { item -> (String, String)? in
            guard let type = item["phoneType"] as? String, let number = item["phoneNumber"] as? String else { return nil }
            return (type, number)
        })
    }

    @Test func phonesFollowTheServiceRules() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let base = "/v1.0/users/CameronW@contoso.com/authentication/phoneMethods"
        let post = { (json: String) in try await client.send("POST", client.url(base), token: token, body: .json(json)) }

        let alternateFirst = try await post(#"{"phoneNumber":"+1 2065555556","phoneType":"alternateMobile"}"#)
        #expect(alternateFirst.status == 400)
        let badFormat = try await post(#"{"phoneNumber":"2065555555","phoneType":"mobile"}"#)
        #expect(badFormat.status == 400)
        #expect(badFormat.errorCode == "badRequest")
        let badType = try await post(#"{"phoneNumber":"+1 2065555555","phoneType":"fax"}"#)
        #expect(badType.status == 400)

        let created = try await post(#"{"phoneNumber":"+1 2065555555","phoneType":"mobile"}"#)
        #expect(created.status == 201)
        #expect(created.object["id"] as? String == Self.mobile)
        #expect(created.object["phoneNumber"] as? String == "+1 2065555555")
        #expect(created.object["smsSignInState"] as? String != nil)
        #expect((created.object["@odata.context"] as? String)?.hasSuffix("/phoneMethods/$entity") == true)
        let again = try await post(#"{"phoneNumber":"+1 2065550000","phoneType":"mobile"}"#)
        #expect(again.status == 400)
        let alternate = try await post(#"{"phoneNumber":"+44 7700900123","phoneType":"alternateMobile"}"#)
        #expect(alternate.status == 201)
        #expect(alternate.object["id"] as? String == Self.alternate)
        let office = try await post(#"{"phoneNumber":"+1 5555551234x123","phoneType":"office"}"#)
        #expect(office.status == 201)
        #expect(office.object["id"] as? String == Self.office)

        let retype = try await client.send("PATCH", client.url("\(base)/\(Self.office)"), token: token, body: .json(#"{"phoneType":"mobile"}"#))
        #expect(retype.status == 400)
        let renumber = try await client.send("PATCH", client.url("\(base)/\(Self.office)"), token: token,
                                             body: .json(#"{"phoneNumber":"+1 4255550100","phoneType":"office"}"#))
        #expect(renumber.status == 204)
        #expect(renumber.body.isEmpty)
        let enable = try await client.send("POST", client.url("\(base)/\(Self.mobile)/enableSmsSignIn"), token: token)
        #expect(enable.status == 204)
        let mobile = try await client.get("\(base)/\(Self.mobile)", token: token)
        #expect(mobile.object["smsSignInState"] as? String == "ready")
        let officeSms = try await client.send("POST", client.url("\(base)/\(Self.office)/enableSmsSignIn"), token: token)
        #expect(officeSms.status == 400)

        let now = try await phones(client, "CameronW@contoso.com", token)
        #expect(now == ["mobile": "+1 2065555555", "alternateMobile": "+44 7700900123", "office": "+1 4255550100"])

        // alternateMobile goes before mobile; the default (sms, set with the first phone) goes last.
        let mobileFirst = try await client.send("DELETE", client.url("\(base)/\(Self.mobile)"), token: token)
        #expect(mobileFirst.status == 400)
        for id in [Self.alternate, Self.office, Self.mobile] {
            let deleted = try await client.send("DELETE", client.url("\(base)/\(id)"), token: token)
            #expect(deleted.status == 204, "\(id)")
        }
        let gone = try await client.get("\(base)/\(Self.office)", token: token)
        #expect(gone.status == 404)
        #expect(try await phones(client, "CameronW@contoso.com", token).isEmpty)
        await sandbox.stop()
    }

    @Test func theDefaultMethodCannotBeDeletedWhileOthersExist() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let base = "/v1.0/users/avery.howard@contoso.com/authentication/phoneMethods"
        let refused = try await client.send("DELETE", client.url("\(base)/\(Self.mobile)"), token: token)
        #expect(refused.status == 400)
        #expect(refused.errorCode == "badRequest")
        let message = (refused.object["error"] as? [String: Any])?["message"] as? String
        #expect(message == "Cannot delete default method with other methods configured. Please change default method before deletion.")
        let prefs = try await client.get("/beta/users/avery.howard@contoso.com/authentication/signInPreferences", token: token)
        #expect(prefs.object["userPreferredMethodForSecondaryAuthentication"] as? String == "sms")
        #expect(try await client.send("DELETE", client.url("\(base)/\(Self.office)"), token: token).status == 204)
        #expect(try await client.send("DELETE", client.url("\(base)/\(Self.mobile)"), token: token).status == 204)
        await sandbox.stop()
    }

    @Test func emailIsOnePerUser() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let base = "/v1.0/users/CameronW@contoso.com/authentication/emailMethods"
        let created = try await client.send("POST", client.url(base), token: token, body: .json(#"{"emailAddress":"cameron@example.org"}"#))
        #expect(created.status == 201)
        let id = try #require(created.object["id"] as? String)
        #expect(created.object["emailAddress"] as? String == "cameron@example.org")
        #expect(try await client.send("POST", client.url(base), token: token, body: .json(#"{"emailAddress":"other@example.org"}"#)).status == 400)
        #expect(try await client.send("PATCH", client.url("\(base)/\(id)"), token: token, body: .json(#"{"emailAddress":"not-an-address"}"#)).status == 400)
        #expect(try await client.send("PATCH", client.url("\(base)/\(id)"), token: token, body: .json(#"{"emailAddress":"c.white@example.org"}"#)).status == 204)
        let read = try await client.get("\(base)/\(id)", token: token)
        #expect(read.object["emailAddress"] as? String == "c.white@example.org")
        #expect(try await client.send("DELETE", client.url("\(base)/\(id)"), token: token).status == 204)
        #expect(try await client.get(base, token: token).values.isEmpty)
        await sandbox.stop()
    }

    @Test func temporaryAccessPassIsShownOnceAndReplacesTheOldOne() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let base = "/v1.0/users/zoe.lindqvist@contoso.com/authentication/temporaryAccessPassMethods"
        #expect(try await client.send("POST", client.url(base), token: token, body: .json(#"{"lifetimeInMinutes":5}"#)).status == 400)
        #expect(try await client.send("POST", client.url(base), token: token, body: .json(#"{"lifetimeInMinutes":43201}"#)).status == 400)
        let created = try await client.send("POST", client.url(base), token: token, body: .json(#"{"lifetimeInMinutes":60,"isUsableOnce":true}"#))
        #expect(created.status == 201)
        let pass = try #require(created.object["temporaryAccessPass"] as? String)
        #expect(pass.count >= 8)
        #expect(created.object["isUsable"] as? Bool == true)
        #expect(created.object["lifetimeInMinutes"] as? Int == 60)
        let list = try await client.get(base, token: token)
        #expect(list.values.count == 1)
        #expect(list.values.first?["id"] as? String == created.object["id"] as? String)
        #expect(list.values.first?["temporaryAccessPass"] is NSNull)
        #expect(!String(decoding: list.body, as: UTF8.self).contains(pass))
        let id = try #require(created.object["id"] as? String)
        let later = try await client.send("POST", client.url(base), token: token,
                                          body: .json(#"{"lifetimeInMinutes":60,"startDateTime":"2099-01-01T00:00:00Z"}"#))
        #expect(later.status == 201)
        #expect(later.object["isUsable"] as? Bool == false)
        #expect(later.object["methodUsabilityReason"] as? String == "NotYetValid")
        let replaced = try await client.get(base, token: token)
        #expect(replaced.values.compactMap { $0["id"] as? String } == [later.object["id"] as? String].compactMap { $0 })
        #expect(try await client.send("DELETE", client.url("\(base)/\(id)"), token: token).status == 404)
        await sandbox.stop()
    }

    @Test func registeredMethodsCanBeDeletedButNotThePassword() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let user = "/beta/users/zoe.lindqvist@contoso.com/authentication"
        // Zoë's default is push: everything else goes first, Microsoft Authenticator last.
        for type in [GraphMethodType.fido2, .softwareOath, .windowsHelloForBusiness, .platformCredential, .hardwareOath, .email, .temporaryAccessPass] {
            let list = try await client.get("\(user)/\(type.segment)", token: token)
            let id = try #require(list.values.first?["id"] as? String)
            let deleted = try await client.send("DELETE", client.url("\(user)/\(type.segment)/\(id)"), token: token)
            #expect(deleted.status == 204, "\(type.segment)")
        }
        let authenticator = try await client.get("\(user)/microsoftAuthenticatorMethods", token: token)
        let authenticatorId = try #require(authenticator.values.first?["id"] as? String)
        let blocked = try await client.send("DELETE", client.url("\(user)/microsoftAuthenticatorMethods/\(authenticatorId)"), token: token)
        #expect(blocked.status == 400)
        for id in [Self.alternate, Self.office, Self.mobile] {
            #expect(try await client.send("DELETE", client.url("\(user)/phoneMethods/\(id)"), token: token).status == 204)
        }
        #expect(try await client.send("DELETE", client.url("\(user)/microsoftAuthenticatorMethods/\(authenticatorId)"), token: token).status == 204)
        let password = try await client.send("DELETE", client.url("\(user)/passwordMethods/28c10230-6103-485e-b985-444c60001490"), token: token)
        #expect(password.status == 400)
        let left = try await client.get("\(user)/methods", token: token)
        #expect(left.values.compactMap { $0["@odata.type"] as? String } == ["#microsoft.graph.passwordAuthenticationMethod"])
        await sandbox.stop()
    }

    /// A deactivated hardware token cannot be used to sign in, so it is not one of the "other
    /// methods" that keep the default from being deleted; an activated one is.
    @Test func aDeactivatedHardwareTokenDoesNotHoldBackTheDefault() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let user = "/beta/users/zoe.lindqvist@contoso.com/authentication"
        for type in [GraphMethodType.fido2, .softwareOath, .windowsHelloForBusiness, .platformCredential, .email, .temporaryAccessPass] {
            let list = try await client.get("\(user)/\(type.segment)", token: token)
            let id = try #require(list.values.first?["id"] as? String)
            #expect(try await client.send("DELETE", client.url("\(user)/\(type.segment)/\(id)"), token: token).status == 204)
        }
        for id in [Self.alternate, Self.office, Self.mobile] {
            #expect(try await client.send("DELETE", client.url("\(user)/phoneMethods/\(id)"), token: token).status == 204)
        }
        let authenticator = try await client.get("\(user)/microsoftAuthenticatorMethods", token: token)
        let authenticatorId = try #require(authenticator.values.first?["id"] as? String)
        let deleteDefault = { try await client.send("DELETE", client.url("\(user)/microsoftAuthenticatorMethods/\(authenticatorId)"), token: token) }
        let whileActivated = try await deleteDefault()
        #expect(whileActivated.status == 400)
        #expect(whileActivated.errorCode == "badRequest")
        let hardware = try #require(try await client.get("\(user)/hardwareOathMethods", token: token).values.first?["id"] as? String)
        #expect(try await client.send("POST", client.url("\(user)/hardwareOathMethods/\(hardware)/deactivate"), token: token).status == 204)
        #expect(try await deleteDefault().status == 204)
        let left = try await client.get("\(user)/methods", token: token).values.compactMap { $0["@odata.type"] as? String }
        #expect(left.sorted() == ["#microsoft.graph.hardwareOathAuthenticationMethod", "#microsoft.graph.passwordAuthenticationMethod"])
        await sandbox.stop()
    }

    @Test func anAuthenticationAdministratorCannotChangeAnAdmin() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.operatorToken()
        let body = TestClient.Body.json(#"{"phoneNumber":"+1 2065555555","phoneType":"office"}"#)
        let admin = try await client.send("POST", client.url("/v1.0/users/priya.raman@contoso.com/authentication/phoneMethods"), token: token, body: body)
        #expect(admin.status == 403)
        #expect(admin.errorCode == "accessDenied")
        #expect((admin.object["error"] as? [String: Any])?["message"] as? String == "Request Authorization failed")
        let readAdmin = try await client.get("/v1.0/users/priya.raman@contoso.com/authentication/methods", token: token)
        #expect(readAdmin.status == 200)
        let user = try await client.send("POST", client.url("/v1.0/users/CameronW@contoso.com/authentication/phoneMethods"), token: token, body: body)
        #expect(user.status == 201)
        let app = try await client.appToken()
        let byApp = try await client.send("POST", client.url("/v1.0/users/priya.raman@contoso.com/authentication/phoneMethods"), token: app, body: body)
        #expect(byApp.status == 201)
        await sandbox.stop()
    }

    @Test func writesBeyondTheBudgetAreThrottled() async throws {
        let (sandbox, client) = try await start(SandboxOptions(usersPerTenant: 0, graphWriteBudget: 3))
        let token = try await client.appToken()
        var statuses: [Int] = []
        var retryAfter: String?
        for _ in 0..<4 {
            let answer = try await client.send("POST", client.url("/v1.0/users/CameronW@contoso.com/revokeSignInSessions"), token: token)
            statuses.append(answer.status)
            if answer.status == 429 {
                retryAfter = answer.header("Retry-After")
                #expect(answer.errorCode == "TooManyRequests")
            }
        }
        #expect(statuses == [200, 200, 200, 429])
        let seconds = try #require(retryAfter.flatMap(Double.init))
        #expect(seconds > 0 && seconds <= 50)
        #expect(try await client.get("/v1.0/users", token: token).status == 200)
        await sandbox.stop()
    }

    @Test func concurrentWritesLeaveConsistentState() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let base = "/v1.0/users/CameronW@contoso.com/authentication/emailMethods"
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<20 {
                group.addTask {
                    try await client.send("POST", client.url(base), token: token, body: .json(#"{"emailAddress":"c\#(index)@example.org"}"#)).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 201 }.count == 1)
        #expect(statuses.filter { $0 == 400 }.count == 19)
        #expect(try await client.get(base, token: token).values.count == 1)
        await sandbox.stop()
    }

    @Test func aReadOnlySignInCanReadButNotWrite() async throws {
        let (sandbox, client) = try await start(SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .zero))
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let refused = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/devicecode"), body: .form([
            "client_id": tenant.clientId, "scope": "Mail.Send",
        ]))
        #expect(refused.status == 400)
        #expect(refused.object["error"] as? String == "invalid_scope")
        let start = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/devicecode"), body: .form([
            "client_id": tenant.clientId, "scope": "https://graph.microsoft.com/UserAuthenticationMethod.Read.All",
        ]))
        let code = try #require(start.object["device_code"] as? String)
        let signedIn = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form([
            "client_id": tenant.clientId, "device_code": code, "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        ]))
        #expect(signedIn.object["scope"] as? String == "https://graph.microsoft.com/UserAuthenticationMethod.Read.All")
        let token = try #require(signedIn.object["access_token"] as? String)
        #expect(try await client.get("/v1.0/users/CameronW@contoso.com/authentication/methods", token: token).status == 200)
        let users = try await client.get("/v1.0/users", token: token)
        #expect(users.status == 403)
        let write = try await client.send("POST", client.url("/v1.0/users/CameronW@contoso.com/authentication/emailMethods"), token: token,
                                          body: .json(#"{"emailAddress":"c@example.org"}"#))
        #expect(write.status == 403)
        #expect(write.errorCode == "accessDenied")
        await sandbox.stop()
    }
}
