import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import Testing

@Suite struct BulkResetPlannerTests {
    typealias F = JournalFixture

    static func target(_ tenant: String, _ id: String) -> ResetTarget {
        ResetTarget(tenant: tenant, user: DirectoryUser(id: id, displayName: "Name \(id)", principalName: "\(id)@example.com"))
    }

    @Test func plansEachUserFromTheirMethodsAndDefaultKeepingOrder() async throws {
        let contoso = FakeDirectory(
            methods: ["a": [F.password, F.mobile, F.authenticator], "c": [F.password]], defaults: ["a": PhoneType.mobile.methodID])
        let fabrikam = FakeDirectory(methods: ["b": [F.token, F.fido2]])
        let planner = try BulkResetPlanner(removers: ["contoso": contoso, "fabrikam": fabrikam])
        let result = try await planner.plan(
            [Self.target("contoso", "a"), Self.target("fabrikam", "b"), Self.target("contoso", "c")], policy: .portal)
        #expect(result.unplanned.isEmpty)
        #expect(result.plan.users.map(\.id) == ["contoso/a", "fabrikam/b", "contoso/c"])
        #expect(result.plan.users[0].plan.steps.map(\.methodID) == ["ma-1", PhoneType.mobile.methodID])
        #expect(result.plan.users[0].plan.steps.last?.isDefault == true)
        #expect(result.plan.users[1].plan.steps.map(\.action) == [.deactivate])
        #expect(result.plan.totals.steps == 3)
    }

    @Test func aUserWhoseMethodsCannotBeReadIsLeftOutWithTheFailure() async throws {
        let contoso = FakeDirectory(methods: ["a": [F.mobile]])
        let planner = try BulkResetPlanner(removers: ["contoso": contoso])
        let result = try await planner.plan([Self.target("contoso", "a"), Self.target("contoso", "ghost")], policy: .all)
        #expect(result.plan.users.map(\.userID) == ["a"])
        #expect(result.unplanned.map(\.target.user.id) == ["ghost"])
        #expect(result.unplanned.first?.failure.httpStatus == 404)
        #expect(result.unplanned.first?.failure.requestID == "r-404")
    }

    @Test func duplicatesAndUnknownTenantsAreRefusedBeforeAnyRequest() async throws {
        let contoso = FakeDirectory(methods: ["a": [F.mobile]])
        let planner = try BulkResetPlanner(removers: ["contoso": contoso])
        let twice = await #expect(throws: ValidationError.self) {
            _ = try await planner.plan([Self.target("contoso", "a"), Self.target("contoso", "a")], policy: .all)
        }
        #expect(twice?.message.contains("twice") == true)
        let unknown = await #expect(throws: ValidationError.self) {
            _ = try await planner.plan([Self.target("contoso", "a"), Self.target("northwind", "x")], policy: .all)
        }
        #expect(unknown?.message.contains("northwind") == true)
        #expect(await contoso.reads.isEmpty)
    }
}
