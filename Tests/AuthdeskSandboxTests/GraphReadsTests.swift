import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Graph reads")
struct GraphReadsTests {
    @Test func aRequestWithoutATokenIsRefusedWith401() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let answer = try await client.get("/v1.0/users", token: nil, headers: ["client-request-id": "abc-123"])
        #expect(answer.status == 401)
        #expect(answer.errorCode == "InvalidAuthenticationToken")
        #expect(answer.header("request-id") != nil)
        #expect(answer.header("client-request-id") == "abc-123")
        let inner = (answer.object["error"] as? [String: Any])?["innerError"] as? [String: Any]
        #expect(inner?["request-id"] as? String == answer.header("request-id"))
        #expect(inner?["client-request-id"] as? String == "abc-123")
        let unknown = try await client.get("/v1.0/users", token: "made.up.token")
        #expect(unknown.status == 401)
        await sandbox.stop()
    }

    @Test func anExpiredTokenIsRefused() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        sandbox.withState { state in
            state.tokens[token]?.expiresAt = Date().addingTimeInterval(-1)
        }
        let answer = try await client.get("/v1.0/users", token: token)
        #expect(answer.status == 401)
        #expect(answer.errorCode == "InvalidAuthenticationToken")
        await sandbox.stop()
    }

    @Test func aTokenOfOneTenantCannotReadAnother() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let fabrikam = try await client.appToken("fabrikam")
        let cameron = try await client.get("/v1.0/users/CameronW%40contoso.com", token: fabrikam)
        #expect(cameron.status == 404)
        #expect(cameron.errorCode == "Request_ResourceNotFound")
        let list = try await client.get("/v1.0/users", token: fabrikam, query: ["$top": "999"])
        let upns = list.values.compactMap { $0["userPrincipalName"] as? String }
        #expect(!upns.isEmpty)
        #expect(upns.allSatisfy { $0.hasSuffix("@fabrikam.com") })
        await sandbox.stop()
    }

    @Test func filterFindsUsersByPrefixIgnoringCase() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 50))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let answer = try await client.get("/v1.0/users", token: token, query: [
            "$filter": "startswith(displayName,'cameron') or startswith(userPrincipalName,'AVERY')",
        ])
        #expect(answer.status == 200)
        let names = Set(answer.values.compactMap { $0["displayName"] as? String })
        #expect(names.contains("Cameron White"))
        #expect(names.contains("Avery Howard"))
        #expect(answer.values.allSatisfy {
            (($0["displayName"] as? String) ?? "").lowercased().hasPrefix("cameron")
                || (($0["userPrincipalName"] as? String) ?? "").lowercased().hasPrefix("avery")
        })
        #expect((answer.object["@odata.context"] as? String)?.hasSuffix("/v1.0/$metadata#users") == true)
        let bad = try await client.get("/v1.0/users", token: token, query: ["$filter": "startswith(displayName"])
        #expect(bad.status == 400)
        await sandbox.stop()
    }

    @Test func searchNeedsConsistencyLevelEventual() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 20))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let query = ["$search": "\"displayName:white\" OR \"mail:avery\""]
        let refused = try await client.get("/v1.0/users", token: token, query: query)
        #expect(refused.status == 400)
        #expect(refused.errorCode == "Request_UnsupportedQuery")
        let answer = try await client.get("/v1.0/users", token: token, query: query.merging(["$count": "true"]) { a, _ in a },
                                          headers: ["ConsistencyLevel": "eventual"])
        #expect(answer.status == 200)
        let upns = Set(answer.values.compactMap { $0["userPrincipalName"] as? String })
        #expect(upns.contains("CameronW@contoso.com"))
        #expect(upns.contains("avery.howard@contoso.com"))
        #expect(answer.object["@odata.count"] as? Int == answer.values.count)
        await sandbox.stop()
    }

    @Test func pagingFollowsNextLinkWithoutRepeatsOrGaps() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 120))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        var first = try await client.get("/v1.0/users", token: token, query: ["$top": "50", "$select": "id,displayName", "$count": "true"])
        #expect(first.status == 200)
        let total = try #require(first.object["@odata.count"] as? Int)
        #expect(first.values.first?.keys.sorted() == ["displayName", "id"])
        var ids: [String] = first.values.compactMap { $0["id"] as? String }
        var pages = 1
        while let next = first.object["@odata.nextLink"] as? String {
            #expect(next.contains("$skiptoken="))
            first = try await client.send("GET", try #require(URL(string: next)), token: token)
            #expect(first.status == 200)
            ids += first.values.compactMap { $0["id"] as? String }
            pages += 1
        }
        #expect(ids.count == total)
        #expect(Set(ids).count == total)
        #expect(pages == (total + 49) / 50)
        let skip = try await client.get("/v1.0/users", token: token, query: ["$skip": "10"])
        #expect(skip.status == 400)
        let tooMany = try await client.get("/v1.0/users", token: token, query: ["$top": "1000"])
        #expect(tooMany.status == 400)
        await sandbox.stop()
    }

    @Test func defaultPageIsAHundred() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 150))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let answer = try await client.get("/v1.0/users", token: token)
        #expect(answer.values.count == 100)
        #expect(answer.object["@odata.nextLink"] as? String != nil)
        await sandbox.stop()
    }

    @Test func aUserIsFoundByIdOrPercentEncodedUPN() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let byUPN = try await client.get("/v1.0/users/CameronW%40Contoso.com", token: token)
        #expect(byUPN.status == 200)
        let id = try #require(byUPN.object["id"] as? String)
        let byId = try await client.get("/v1.0/users/\(id)", token: token)
        #expect(byId.object["displayName"] as? String == "Cameron White")
        let missing = try await client.get("/v1.0/users/nobody%40contoso.com", token: token)
        #expect(missing.status == 404)
        #expect(missing.errorCode == "Request_ResourceNotFound")
        await sandbox.stop()
    }

    @Test func methodsListMixesTypesWithODataTypes() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let cameron = try await client.get("/v1.0/users/CameronW@contoso.com/authentication/methods", token: token)
        #expect(cameron.status == 200)
        #expect(cameron.values.count == 1)
        #expect(cameron.values.first?["@odata.type"] as? String == "#microsoft.graph.passwordAuthenticationMethod")
        #expect(cameron.values.first?["id"] as? String == "28c10230-6103-485e-b985-444c60001490")
        #expect(cameron.values.first?["password"] is NSNull)
        let avery = try await client.get("/v1.0/users/avery.howard%40contoso.com/authentication/phoneMethods", token: token)
        let phones = Dictionary(uniqueKeysWithValues: avery.values.compactMap { item -> (String, String)? in
            guard let type = item["phoneType"] as? String, let id = item["id"] as? String else { return nil }
            return (type, id)
        })
        #expect(phones == ["mobile": "3179e48a-750b-4051-897c-87b9720928f7", "office": "e37fc753-ff3b-4958-9484-eaa9425c82bc"])
        #expect(avery.values.allSatisfy { $0["@odata.type"] == nil })
        let one = try await client.get("/v1.0/users/avery.howard%40contoso.com/authentication/phoneMethods/e37fc753-ff3b-4958-9484-eaa9425c82bc", token: token)
        #expect(one.object["phoneNumber"] as? String == "+1 4255550199")
        #expect(one.object["smsSignInState"] as? String == "notSupported")
        #expect((one.object["@odata.context"] as? String)?.hasSuffix("/authentication/phoneMethods/$entity") == true)
        await sandbox.stop()
    }

    @Test func hardwareOathIsOnBetaOnly() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let beta = try await client.get("/beta/users/zoe.lindqvist@contoso.com/authentication/hardwareOathMethods", token: token)
        #expect(beta.status == 200)
        #expect(beta.values.count == 1)
        let v1 = try await client.get("/v1.0/users/zoe.lindqvist@contoso.com/authentication/hardwareOathMethods", token: token)
        #expect(v1.status == 400)
        let v1All = try await client.get("/v1.0/users/zoe.lindqvist@contoso.com/authentication/methods", token: token)
        let types = Set(v1All.values.compactMap { $0["@odata.type"] as? String })
        #expect(!types.contains("#microsoft.graph.hardwareOathAuthenticationMethod"))
        // Every type but hardware OATH (beta) and the frontline types, which Olga (fabrikam) holds.
        #expect(types.count == GraphMethodType.allCases.count - 3)
        await sandbox.stop()
    }

    @Test func everyTypedSegmentListsItsOwnType() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        // QR code + PIN is one object, not a list, and Zoë has no frontline method (Olga's: GraphQrCodePinTests).
        for type in GraphMethodType.allCases where type != .qrCodePin && type != .externalAuthentication {
            let answer = try await client.get("/beta/users/zoe.lindqvist@contoso.com/authentication/\(type.segment)", token: token)
            #expect(answer.status == 200, "\(type.segment)")
            #expect(answer.values.count >= 1, "\(type.segment)")
            let all = try await client.get("/beta/users/zoe.lindqvist@contoso.com/authentication/methods", token: token)
            let ids = all.values.filter { $0["@odata.type"] as? String == type.odataType }.compactMap { $0["id"] as? String }
            #expect(Set(ids) == Set(answer.values.compactMap { $0["id"] as? String }), "\(type.segment)")
        }
        await sandbox.stop()
    }

    @Test func statsCountAnswersByStatus() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        _ = try await client.get("/v1.0/users", token: token)
        _ = try await client.get("/v1.0/users", token: nil)
        _ = try await client.get("/v1.0/users/nobody@contoso.com", token: token)
        let stats = sandbox.stats()
        #expect(stats.count(200) == 2)
        #expect(stats.count(401) == 1)
        #expect(stats.count(404) == 1)
        #expect(stats.refused == 2)
        #expect(stats.total == 4)
        await sandbox.stop()
    }

    @Test func readsBeyondTheBudgetAreThrottled() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, graphReadBudget: 5))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        var statuses: [Int] = []
        for _ in 0..<4 {
            statuses.append(try await client.get("/v1.0/users", token: token).status)
        }
        // A list costs 2 of the 5 units: two lists pass, the third waits.
        #expect(statuses.prefix(2) == [200, 200])
        #expect(statuses.contains(429))
        await sandbox.stop()
    }

    @Test func registrationDetailsReportMethodsAndAdmins() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let answer = try await client.get("/beta/reports/authenticationMethods/userRegistrationDetails", token: token)
        #expect(answer.status == 200)
        let avery = try #require(answer.values.first { $0["userPrincipalName"] as? String == "avery.howard@contoso.com" })
        #expect(Set(avery["methodsRegistered"] as? [String] ?? []) == ["mobilePhone", "officePhone"])
        #expect(avery["isMfaRegistered"] as? Bool == true)
        #expect(avery["userPreferredMethodForSecondaryAuthentication"] as? String == "sms")
        let priya = try #require(answer.values.first { $0["userPrincipalName"] as? String == "priya.raman@contoso.com" })
        #expect(priya["isAdmin"] as? Bool == true)
        let cameron = try #require(answer.values.first { $0["userPrincipalName"] as? String == "CameronW@contoso.com" })
        #expect(cameron["isMfaRegistered"] as? Bool == false)
        await sandbox.stop()
    }

    @Test func advancedQueriesNeedCountAndEventualConsistency() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 30))
        let client = TestClient(sandbox)
        let token = try await client.appToken()
        let endsWith = ["$filter": "endswith(userPrincipalName,'@contoso.com')"]
        let plain = try await client.get("/v1.0/users", token: token, query: endsWith)
        #expect(plain.status == 400)
        #expect(plain.errorCode == "Request_UnsupportedQuery")
        let advanced = try await client.get("/v1.0/users", token: token, query: endsWith.merging(["$count": "true", "$top": "999"]) { a, _ in a },
                                            headers: ["ConsistencyLevel": "eventual"])
        #expect(advanced.status == 200)
        let total = try #require(advanced.object["@odata.count"] as? Int)
        #expect(total == advanced.values.count)
        let sorted = try await client.get("/v1.0/users", token: token, query: ["$filter": "startswith(displayName,'a')", "$orderby": "displayName"])
        #expect(sorted.status == 400)
        let notCameron = try await client.get("/v1.0/users", token: token,
                                              query: ["$filter": "userPrincipalName ne 'CameronW@contoso.com'", "$count": "true", "$top": "999"],
                                              headers: ["ConsistencyLevel": "eventual"])
        #expect(notCameron.object["@odata.count"] as? Int == total - 1)
        let count = try await client.get("/v1.0/users/$count", token: token, headers: ["ConsistencyLevel": "eventual"])
        #expect(count.status == 200)
        #expect(Int(String(decoding: count.body, as: UTF8.self)) == total)
        #expect(try await client.get("/v1.0/users/$count", token: token).status == 400)
        await sandbox.stop()
    }
}
