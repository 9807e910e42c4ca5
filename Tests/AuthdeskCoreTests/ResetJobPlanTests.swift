import AuthdeskCore
import Testing

@Suite struct ResetJobPlanTests {
    typealias M = MethodSamples

    static func user(_ tenant: String, _ id: String, _ methods: [AuthMethod], policy: ResetPolicy = .portal) -> UserResetPlan {
        UserResetPlan(
            tenant: tenant, user: DirectoryUser(id: id, displayName: "User \(id)", principalName: "\(id)@example.com"),
            methods: methods, policy: policy)
    }

    @Test func totalsCountUsersStepsAndKeptAcrossTenants() throws {
        let job = try ResetJobPlan(policy: .portal, users: [
            Self.user("fabrikam", "u1", [M.password, M.mobile, M.alternateMobile, M.hardwareActive]),
            Self.user("contoso", "u2", [M.password, M.authenticator, M.unknown]),
            Self.user("fabrikam", "u3", [M.password]),
        ])
        let totals = job.totals
        #expect(totals.users == 3)
        #expect(totals.usersWithSteps == 2)
        #expect(totals.steps == 4)
        #expect(totals.stepsByAction == [.delete: 3, .deactivate: 1])
        #expect(totals.stepsByKind == [.phone: 2, .hardwareOath: 1, .microsoftAuthenticator: 1])
        #expect(totals.kept == 4)
        #expect(totals.flagged == 1)
        #expect(job.tenants == ["fabrikam", "contoso"])
        #expect(job.confirmationPhrase == "RESET 3")
    }

    @Test func usersMarkedRefusedAreCountedAndTheirStepsAreNot() throws {
        var admin = Self.user("contoso", "u1", [M.password, M.mobile, M.authenticator])
        admin.plan.notes.append(.willBeRefused(reason: "User u1 is a Global Administrator"))
        var warned = Self.user("contoso", "u2", [M.password, M.mobile])
        warned.plan.notes.append(.preflightWarning(reason: "roles could not be read"))
        let job = try ResetJobPlan(policy: .portal, users: [admin, warned])
        #expect(admin.plan.isRefused)
        #expect(admin.plan.refusal == "User u1 is a Global Administrator")
        #expect(!warned.plan.isRefused)
        #expect(job.runnable.map(\.userID) == ["u2"])
        #expect(job.refused.map(\.userID) == ["u1"])
        let totals = job.totals
        #expect(totals.users == 2)
        #expect(totals.refused == 1)
        #expect(totals.usersWithSteps == 1)
        #expect(totals.steps == 1)
        #expect(PlanNote.willBeRefused(reason: "x").message == "WILL BE REFUSED, skipped by the run: x")
    }

    @Test func theSameUserTwiceIsRefused() {
        let error = #expect(throws: ValidationError.self) {
            try ResetJobPlan(policy: .portal, users: [Self.user("contoso", "u1", [M.mobile]), Self.user("contoso", "u1", [])])
        }
        #expect(error?.message.contains("contoso/u1") == true)
    }

    @Test func theSameUserIDInTwoTenantsIsTwoUsers() throws {
        let job = try ResetJobPlan(policy: .all, users: [
            Self.user("contoso", "u1", [M.mobile], policy: .all), Self.user("fabrikam", "u1", [M.mobile], policy: .all),
        ])
        #expect(job.totals.steps == 2)
    }

    @Test func aUserPlannedWithAnotherPolicyIsRefused() {
        let error = #expect(throws: ValidationError.self) {
            try ResetJobPlan(policy: .portal, users: [Self.user("contoso", "u1", [M.mobile], policy: .all)])
        }
        #expect(error?.message.contains("portal") == true)
    }
}
