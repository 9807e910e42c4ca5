import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskServices
import Testing

/// The pre-flight in a reset job's plan: an administrator the operator's role cannot change is
/// marked "will be refused", counted, left out of the job, and nothing is sent for them.
@Suite(.timeLimit(.minutes(1))) struct BulkResetPlannerPreflightTests {
    typealias F = JournalFixture

    static let helpdesk = OperatorProfile(
        signIn: .user(principalName: "helpdesk@contoso.com", id: "u-helpdesk"), roles: [.authenticationAdministrator])

    static func target(_ id: String) -> ResetTarget {
        ResetTarget(tenant: "contoso", user: DirectoryUser(id: id, displayName: "Name \(id)", principalName: "\(id)@example.com"))
    }

    static func directory() -> FakeDirectory {
        FakeDirectory(methods: [
            "u-priya": [F.password, F.mobile, F.authenticator], "u-adele": [F.password, F.mobile, F.authenticator],
        ])
    }

    @Test func anAdminIsMarkedRefusedAndCounted() async throws {
        let contoso = Self.directory()
        let planner = try BulkResetPlanner(removers: ["contoso": contoso])
        let preflight = Preflight(provider: RolesDirectory(
            operatorAnswer: Self.helpdesk, roles: ["u-priya": [.globalAdministrator]]))
        let planned = try await planner.plan([Self.target("u-priya"), Self.target("u-adele")], policy: .portal)
        let result = await planner.markPreflight(planned, preflights: ["contoso": preflight])
        let priya = try #require(result.plan.users.first { $0.userID == "u-priya" })
        #expect(priya.plan.refusal == "Name u-priya is a Global Administrator; an Authentication Administrator cannot reset an administrator's MFA methods: ask a Privileged Authentication Administrator")
        #expect(result.plan.users.first { $0.userID == "u-adele" }?.plan.isRefused == false)
        #expect(result.plan.totals.refused == 1)
        #expect(result.plan.totals.steps == 2)
        #expect(result.plan.runnable.map(\.userID) == ["u-adele"])
    }

    @Test func nothingIsSentForARefusedUser() async throws {
        let contoso = Self.directory()
        let planner = try BulkResetPlanner(removers: ["contoso": contoso])
        let preflight = Preflight(provider: RolesDirectory(
            operatorAnswer: Self.helpdesk, roles: ["u-priya": [.globalAdministrator]]))
        let planned = try await planner.plan([Self.target("u-priya"), Self.target("u-adele")], policy: .portal)
        let result = await planner.markPreflight(planned, preflights: ["contoso": preflight])
        let fixture = try F()
        defer { fixture.remove() }
        let journal = try fixture.open()
        let job = try ResetJobPlan(policy: .portal, users: result.plan.runnable)
        try await journal.createJob(job, id: "job-1", at: F.time(0))
        let engine = try BulkResetEngine(journal: journal, removers: ["contoso": contoso], now: { F.time(10) })
        for await _ in try await engine.run("job-1") {}
        let log = await contoso.log
        #expect(!log.isEmpty)
        #expect(log.allSatisfy { $0.hasPrefix("u-adele ") })
        #expect(await contoso.methodsByUser["u-priya"]?.count == 3)
        #expect(await contoso.methodsByUser["u-adele"] == [F.password])
    }

    @Test func unknownRolesOnlyWarnAndTheUserStaysInTheRun() async throws {
        let contoso = Self.directory()
        let planner = try BulkResetPlanner(removers: ["contoso": contoso])
        let preflight = Preflight(provider: RolesDirectory(
            operatorAnswer: .application, roles: ["u-priya": [.globalAdministrator]]))
        let planned = try await planner.plan([Self.target("u-priya"), Self.target("u-adele")], policy: .portal)
        let result = await planner.markPreflight(planned, preflights: ["contoso": preflight])
        #expect(result.plan.totals.refused == 0)
        #expect(result.plan.runnable.count == 2)
        let notes = result.plan.users.first { $0.userID == "u-priya" }?.plan.notes ?? []
        #expect(notes.contains { if case .preflightWarning = $0 { true } else { false } })
    }

    @Test func aTenantWithoutAPreflightIsLeftAsPlanned() async throws {
        let contoso = Self.directory()
        let planner = try BulkResetPlanner(removers: ["contoso": contoso])
        let planned = try await planner.plan([Self.target("u-priya")], policy: .portal)
        let result = await planner.markPreflight(planned, preflights: [:])
        #expect(result.plan == planned.plan)
    }
}
