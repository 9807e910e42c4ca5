import AuthdeskConfig
import AuthdeskCore
import AuthdeskServices
import AuthdeskWorkflows
import Testing

/// The one tenant opener: the embedded sandbox's tenants when nothing is configured, each
/// signed in on first use, read-only refused before anything is sent.
@Suite(.timeLimit(.minutes(1))) struct WorkspaceTests {
    @Test func withNoConfigurationTheEmbeddedSandboxsTenantsOpen() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await Workspace.with(harness.options()) { workspace in
            #expect(workspace.isEmbedded)
            #expect(workspace.defaultTenant == "contoso")
            #expect(workspace.profiles.map(\.name) == ["contoso", "fabrikam", "acme"])
            #expect(Set(workspace.profiles.compactMap(\.color)).count == 3)
            #expect(workspace.profiles.first?.signIn == .deviceCode)
            let provider = try await workspace.provider(for: "contoso")
            #expect(provider.tenant.name == "contoso")
            #expect(await workspace.operatorName(in: "contoso") == "helpdesk@contoso.com")
        }
    }

    @Test func aBulkJobsEntraTenantsSignInAsTheirApplication() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await Workspace.with(harness.options(profiles: ["fabrikam"], asApplication: true)) { workspace in
            #expect(workspace.defaultTenant == "fabrikam")
            #expect(workspace.profiles.filter { $0.provider == .graph }.allSatisfy { $0.signIn == .clientSecret })
        }
    }

    @Test func anUnknownProfileIsRefusedWithTheTenantsThereAre() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        await #expect {
            _ = try await Workspace.with(harness.options(profiles: ["nowhere"])) { _ in 0 }
        } throws: { error in
            let text = "\(error)"
            return text.contains("--profile nowhere") && text.contains("contoso, fabrikam, acme")
        }
        try await Workspace.with(harness.options()) { workspace -> Void in
            #expect(throws: ConfigError.self) { try workspace.profile(named: "nowhere") }
        }
    }

    @Test func readOnlyRefusesAChangeAndAJobBeforeAnythingIsSent() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await Workspace.with(harness.options(readOnly: true)) { workspace in
            #expect(workspace.profiles.allSatisfy { $0.readOnly })
            do {
                try workspace.refuseReadOnly(["contoso"])
                Issue.record("a read-only tenant was not refused")
            } catch let error as ServiceError {
                #expect(error.kind == .readOnly)
                #expect(error.message.contains("the embedded sandbox is read-only"))
                #expect(ExitStatus.of(error) == .refused)
            }
            #expect(throws: ServiceError.self) { try workspace.refuseReadOnlyJob() }
        }
        try await Workspace.with(harness.options()) { workspace in
            try workspace.refuseReadOnly(["contoso", "fabrikam"])
            try workspace.refuseReadOnlyJob()
        }
    }
}
