import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Seeded users")
struct UserGeneratorTests {
    @Test func theSameSeedGivesTheSameUsers() throws {
        let a = try SeedLoader.entraTenants(usersPerTenant: 100, seed: 42)
        let b = try SeedLoader.entraTenants(usersPerTenant: 100, seed: 42)
        let c = try SeedLoader.entraTenants(usersPerTenant: 100, seed: 43)
        #expect(a.map(\.users) == b.map(\.users))
        #expect(a.map(\.users) != c.map(\.users))
    }

    @Test func generatedUsersAreCountedAndUnique() throws {
        let tenants = try SeedLoader.entraTenants(usersPerTenant: 200, seed: 1)
        for tenant in tenants {
            let named = tenant.users.filter { $0.createdDateTime == "2020-01-01T00:00:00Z" }.count
            #expect(tenant.users.count == 200 + named)
            #expect(Set(tenant.users.map { $0.userPrincipalName.lowercased() }).count == tenant.users.count)
            #expect(Set(tenant.users.map(\.id)).count == tenant.users.count)
            #expect(tenant.users.allSatisfy { $0.userPrincipalName.hasSuffix("@\(tenant.domain)") })
            #expect(tenant.operatorUser?.role == .authenticationAdministrator)
        }
    }

    @Test func namesComeInSeveralScripts() throws {
        let users = try SeedLoader.entraTenants(usersPerTenant: 200, seed: 1)[0].users
        func has(_ range: ClosedRange<UInt32>) -> Bool {
            users.contains { $0.displayName.unicodeScalars.contains { range.contains($0.value) } }
        }
        #expect(has(0x4E00...0x9FFF))  // CJK ideographs
        #expect(has(0x0400...0x04FF))  // Cyrillic
        #expect(has(0x0600...0x06FF))  // Arabic
        #expect(has(0x0370...0x03FF))  // Greek
        #expect(has(0x00C0...0x017F))  // accented Latin
    }

    @Test func everyMethodTypeIsHeldBySomeoneAndEveryoneHasAPassword() throws {
        for tenant in try SeedLoader.entraTenants(usersPerTenant: 200, seed: 7) {
            let held = Set(tenant.users.flatMap { $0.methods.map(\.type) })
            #expect(held == Set(GraphMethodType.allCases))
            #expect(tenant.users.allSatisfy { user in user.methods.contains { $0.type == .password } })
            let phoneTypes = Set(tenant.users.flatMap { $0.methods.compactMap(\.phoneType) })
            #expect(phoneTypes == ["mobile", "alternateMobile", "office"])
            #expect(tenant.users.contains { $0.isAdmin })
            #expect(tenant.users.contains { $0.onPremisesSyncEnabled == true })
        }
    }

    @Test func phonesFollowTheRules() throws {
        for tenant in try SeedLoader.entraTenants(usersPerTenant: 200, seed: 3) {
            for user in tenant.users {
                let phones = user.methods.filter { $0.type == .phone }
                #expect(Set(phones.compactMap(\.phoneType)).count == phones.count, "one phone per type: \(user.userPrincipalName)")
                if phones.contains(where: { $0.phoneType == "alternateMobile" }) {
                    #expect(phones.contains { $0.phoneType == "mobile" }, "alternateMobile needs a mobile")
                }
                for phone in phones {
                    #expect(phone.id == GraphIds.phone(phone.phoneType ?? ""))
                    let number = phone.body["phoneNumber"]?.stringValue ?? ""
                    #expect(number.wholeMatch(of: /\+\d{1,3} \d{4,14}(x\d+)?/) != nil, "\(number)")
                }
            }
        }
    }

    @Test func tenThousandUsersPerTenantAreServed() async throws {
        let started = try await Sandbox.start(SandboxOptions(usersPerTenant: 10_000))
        let client = TestClient(started)
        let token = try await client.appToken()
        let page = try await client.get("/v1.0/users", token: token, query: ["$top": "999", "$count": "true"])
        #expect(page.object["@odata.count"] as? Int ?? 0 > 10_000)
        #expect(page.values.count == 999)
        await started.stop()
    }
}
