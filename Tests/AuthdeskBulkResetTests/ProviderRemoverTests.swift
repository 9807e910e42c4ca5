import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskSandbox
import AuthdeskServices
import Foundation
import Testing

/// The engine through ``ProviderRemover`` and the Graph provider against the sandbox, over real HTTP.
@Suite(.timeLimit(.minutes(2))) struct ProviderRemoverTests {
    static func graph(_ sandbox: Sandbox, tenant name: String) throws -> GraphProvider {
        let tenant = try #require(sandbox.info.tenant(named: name))
        let authority = try #require(URL(string: sandbox.info.authority))
        let graphRoot = try #require(URL(string: sandbox.info.graph)).deletingLastPathComponent()
        let transport = HTTPTransport()
        let tokens = ClientSecretCredential(
            signIn: EntraSignIn(authority: authority, tenantID: tenant.id, clientID: tenant.clientId),
            secret: tenant.clientSecret, transport: transport)
        return GraphProvider(
            tenant: TenantInfo(name: name, provider: .graph, id: tenant.id, domain: tenant.domain),
            endpoints: GraphEndpoints(authority: authority, graphRoot: graphRoot), tokens: tokens, transport: transport)
    }

    @Test func aPortalJobAcrossTwoSandboxTenantsRemovesWhatThePolicyRemoves() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let contoso = try Self.graph(sandbox, tenant: "contoso")
        let fabrikam = try Self.graph(sandbox, tenant: "fabrikam")
        let removers: [String: any MethodRemover] = [
            "contoso": ProviderRemover(provider: contoso), "fabrikam": ProviderRemover(provider: fabrikam),
        ]
        var targets: [ResetTarget] = []
        for (tenant, provider, upn) in [
            ("contoso", contoso, "avery.howard@contoso.com"), ("contoso", contoso, "priya.raman@contoso.com"),
            ("fabrikam", fabrikam, "kenji.tanaka@fabrikam.com"),
        ] {
            targets.append(ResetTarget(tenant: tenant, user: try await provider.user(upn)))
        }
        let planned = try await BulkResetPlanner(removers: removers).plan(targets, policy: .portal)
        #expect(planned.unplanned.isEmpty)
        let priya = try #require(planned.plan.users.first { $0.displayName.hasPrefix("Priya") })
        #expect(priya.plan.steps.last?.kind == .microsoftAuthenticator, "push is Priya's default: her authenticator goes last")
        #expect(priya.plan.steps.last?.isDefault == true)

        let journal = try fixture.open()
        try await journal.createJob(planned.plan, operatorName: "helpdesk@contoso.com", id: "sandbox")
        let engine = try BulkResetEngine(journal: journal, removers: removers, perTenantLimit: 2)
        var last: BulkResetEvent?
        for await event in try await engine.run("sandbox") { last = event }
        let summary = try await journal.summary(of: "sandbox")
        #expect(summary.users.map(\.user.state) == [.done, .done, .done], "\(summary.usersReport().render(.table))")
        guard case .finished(.finished, let counts) = last else {
            Issue.record("the job did not finish: \(String(describing: last))")
            return
        }
        #expect(counts.stepsDone == planned.plan.totals.steps)
        let audit = try await journal.audit(job: "sandbox")
        #expect(audit.count == planned.plan.totals.steps)
        #expect(audit.allSatisfy { $0.outcome == .succeeded && $0.requestID?.isEmpty == false },
                "every successful step records the service's request id")
        for target in targets {
            let provider = target.tenant == "contoso" ? contoso : fabrikam
            let remaining = try await provider.methods(of: target.user.id)
            #expect(ResetPolicy.portal.leftovers(in: remaining).isEmpty)
            #expect(remaining.contains { $0.kind == .password })
        }
        #expect(try await contoso.methods(of: priya.userID).contains { $0.kind == .fido2 }, "portal keeps FIDO2")
        await sandbox.stop()
    }

    @Test func aDefaultAlternateMobileIsHandedToTheMobileAndEverythingGoes() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let contoso = try Self.graph(sandbox, tenant: "contoso")
        let removers: [String: any MethodRemover] = ["contoso": ProviderRemover(provider: contoso)]
        let zoe = try await contoso.user("zoe.lindqvist@contoso.com")
        try await contoso.setDefaultMethod(of: zoe.id, to: .voiceAlternateMobile)
        let planned = try await BulkResetPlanner(removers: removers).plan([ResetTarget(tenant: "contoso", user: zoe)], policy: .all)
        let steps = try #require(planned.plan.users.first).plan.steps
        #expect(steps.first?.description == "Make Mobile phone the default")
        #expect(steps.last?.description == "Delete Mobile phone")
        let journal = try fixture.open()
        try await journal.createJob(planned.plan, id: "zoe")
        for await _ in try await BulkResetEngine(journal: journal, removers: removers).run("zoe") {}
        let summary = try await journal.summary(of: "zoe")
        #expect(summary.users.first?.user.state == .done, "\(summary.stepsReport().render(.table))")
        #expect(try await contoso.methods(of: zoe.id).map(\.kind) == [.password])
        #expect(try await journal.audit(user: zoe.id).first?.action == "make default method")
        await sandbox.stop()
    }

    @Test func aMissingMethodCountsAsDoneAndAFailureKeepsItsCodeAndRequestID() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let contoso = try Self.graph(sandbox, tenant: "contoso")
        let remover = ProviderRemover(provider: contoso)
        let soren = try await contoso.user("soren.kjaergaard@contoso.com")
        let gone = await remover.perform(
            PlanStep(methodID: PhoneType.office.methodID, kind: .phone, action: .delete, title: "Office phone"), of: soren.id)
        #expect(gone.httpStatus == 404)
        #expect(gone.succeeded(for: .delete))
        let noUser = await remover.perform(
            PlanStep(methodID: PhoneType.mobile.methodID, kind: .phone, action: .delete, title: "Mobile phone"),
            of: "00000000-0000-0000-0000-000000000000")
        #expect(noUser.httpStatus == 404 && noUser.errorCode != nil && noUser.requestID != nil)
        let methods = try await remover.methods(of: soren.id)
        #expect(try await remover.defaultMethodID(of: soren.id, among: methods) == PhoneType.mobile.methodID)
        await sandbox.stop()
    }

    @Test func defaultPreferencesMapToMethods() {
        let methods: [AuthMethod] = [
            .phone(PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 1", phoneType: .mobile)),
            .microsoftAuthenticator(MicrosoftAuthenticatorMethod(id: "ma-2")),
            .microsoftAuthenticator(MicrosoftAuthenticatorMethod(id: "ma-1")),
            .hardwareOath(HardwareOathMethod(id: "hw-1")),
        ]
        #expect(ProviderRemover.methodID(for: .sms, among: methods) == PhoneType.mobile.methodID)
        #expect(ProviderRemover.methodID(for: .voiceMobile, among: methods) == PhoneType.mobile.methodID)
        #expect(ProviderRemover.methodID(for: .voiceOffice, among: methods) == nil)
        #expect(ProviderRemover.methodID(for: .push, among: methods) == "ma-1")
        #expect(ProviderRemover.methodID(for: .oath, among: methods) == "hw-1")
        #expect(ProviderRemover.methodID(for: DefaultMethod.none, among: methods) == nil)
        #expect(ProviderRemover.methodID(for: nil, among: methods) == nil)
    }

    @Test func methodListsAskedForTogetherAreReadInBatchesAndEachGoesToItsUser() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 40))
        let graph = try Self.graph(sandbox, tenant: "contoso")
        let users = try await graph.searchUsers("", pageSize: 60).users.map(\.id) + ["00000000-0000-0000-0000-000000000000"]
        let remover = ProviderRemover(provider: graph)
        let read = await withTaskGroup(of: (String, [String]?).self) { group in
            for user in users {
                group.addTask { (user, try? await remover.methods(of: user).map(\.id).sorted()) }
            }
            var all: [String: [String]?] = [:]
            for await (user, ids) in group { all[user] = ids }
            return all
        }
        #expect(read.count == users.count)
        for user in users.dropLast() {
            let single = try await graph.methods(of: user).map(\.id).sorted()
            #expect(read[user] == .some(single), "\(user)")
        }
        #expect(read[users[users.count - 1]] == .some(nil), "an unknown user fails alone")
        await sandbox.stop()
    }
}
