import AuthdeskCore
import AuthdeskSandbox
import Foundation
import Synchronization
import Testing
@testable import AuthdeskServices

/// The lazy directory against the sandbox: nothing is signed in before a tenant is used, each
/// tenant signs in once however many ask at once, and a failed sign-in is tried again.
@Suite(.timeLimit(.minutes(1))) struct LazyTenantDirectoryTests {
    /// The tenants signed in to, in order.
    final class OpenLog: Sendable {
        private let names = Mutex<[String]>([])
        func append(_ name: String) { names.withLock { $0.append(name) } }
        var all: [String] { names.withLock { $0 } }
    }

    /// Opens the sandbox's Entra tenants as their operators (device code), counting sign-ins.
    private func directory(
        _ harness: SandboxHarness, prompts: SandboxHarness.PromptLog, opened: OpenLog
    ) throws -> LazyTenantDirectory {
        var tenants: [TenantInfo] = []
        var signIns: [String: EntraSignIn] = [:]
        for name in ["contoso", "fabrikam"] {
            let tenant = try harness.tenant(name)
            tenants.append(TenantInfo(name: name, provider: .graph, id: tenant.id, domain: tenant.domain))
            signIns[name] = try harness.signIn(name)
        }
        return LazyTenantDirectory(tenants: tenants) { [signIns] tenant throws(ServiceError) in
            opened.append(tenant.name)
            guard let signIn = signIns[tenant.name] else {
                throw ServiceError(kind: .notFound, message: "no tenant \(tenant.name) in the sandbox")
            }
            let credential = DeviceCodeCredential(signIn: signIn, transport: SandboxHarness.transport, prompt: prompts.prompt)
            _ = try await credential.token()
            return harness.provider(tenant.name, tokens: credential, transport: SandboxHarness.transport)
        }
    }

    @Test func signsInOnFirstUseOnlyAndKeepsTheProvider() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 5, deviceCodeApprovalDelay: .milliseconds(100)))
        let prompts = SandboxHarness.PromptLog()
        let opened = OpenLog()
        let directory = try directory(harness, prompts: prompts, opened: opened)
        #expect(directory.tenants.map(\.name) == ["contoso", "fabrikam"])
        #expect(harness.sandbox.stats().total == 0)
        #expect(await !directory.isOpen("fabrikam"))

        let first = try await directory.provider(for: "fabrikam")
        let page = try await first.searchUsers("olga", pageSize: 5)
        let requests = harness.sandbox.stats().total
        let again = try await directory.provider(for: "fabrikam")
        let requestsAfterAgain = harness.sandbox.stats().total
        await harness.sandbox.stop()

        #expect(page.users.contains { $0.principalName.hasPrefix("olga.smirnova@") })
        // Kept: asked again, nothing is sent and nobody signs in.
        #expect(again.tenant == first.tenant)
        #expect(requestsAfterAgain == requests)
        #expect(opened.all == ["fabrikam"])
        #expect(prompts.shown.withLock { $0.count } == 1)
        #expect(await directory.isOpen("fabrikam"))
        #expect(await !directory.isOpen("contoso"))
    }

    @Test func concurrentFirstUsesShareOneSignIn() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 5, deviceCodeApprovalDelay: .milliseconds(300)))
        let prompts = SandboxHarness.PromptLog()
        let opened = OpenLog()
        let directory = try directory(harness, prompts: prompts, opened: opened)
        let providers = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<5 {
                group.addTask { try await directory.provider(for: "contoso").tenant.name }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        await harness.sandbox.stop()
        #expect(providers == Array(repeating: "contoso", count: 5))
        #expect(opened.all == ["contoso"])
        #expect(prompts.shown.withLock { $0.count } == 1)
    }

    @Test func aFailedSignInIsNotKeptAndAnUnknownNameSaysWhatIsValid() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 5, deviceCodeApprovalDelay: .milliseconds(100)))
        let prompts = SandboxHarness.PromptLog()
        let opened = OpenLog()
        let directory = try directory(harness, prompts: prompts, opened: opened)
        harness.sandbox.declineNextDeviceCodeSignIns(1)
        do throws(ServiceError) {
            _ = try await directory.provider(for: "fabrikam")
            Issue.record("a declined sign-in opened the tenant")
        } catch {
            #expect(error.kind == .signIn)
        }
        #expect(await !directory.isOpen("fabrikam"))
        let provider = try await directory.provider(for: "fabrikam")
        #expect(provider.tenant.name == "fabrikam")
        #expect(opened.all == ["fabrikam", "fabrikam"])

        do throws(ServiceError) {
            _ = try await directory.provider(for: "nope")
            Issue.record("an unknown tenant was opened")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.message.contains("contoso, fabrikam"))
        }
        await harness.sandbox.stop()
    }
}
