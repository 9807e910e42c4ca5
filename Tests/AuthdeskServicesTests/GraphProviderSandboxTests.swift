import AuthdeskCore
import AuthdeskSandbox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import AuthdeskServices

/// The Graph provider against the sandbox over real HTTP: sign-in, search, paging, methods,
/// errors.
@Suite struct GraphProviderSandboxTests {
    @Test func clientSecretSignInAndSearch() async throws {
        let harness = try await SandboxHarness.start()
        let graph = try harness.appProvider()
        let page = try await graph.searchUsers("Cameron", pageSize: 10)
        await harness.sandbox.stop()
        #expect(page.users.contains { $0.displayName == "Cameron White" && $0.principalName == "CameronW@contoso.com" })
        #expect(page.users.allSatisfy { user in
            [user.displayName, user.principalName, user.mail ?? ""].contains { $0.localizedCaseInsensitiveContains("cameron") }
        })
    }

    @Test func deviceCodeSignInShowsTheMessageAndWorks() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 5, deviceCodeApprovalDelay: .milliseconds(300)))
        let prompts = SandboxHarness.PromptLog()
        let graph = try harness.operatorProvider(prompts: prompts)
        let user = try await graph.user("avery.howard@contoso.com")
        await harness.sandbox.stop()
        #expect(user.displayName == "Avery Howard")
        let shown = prompts.shown.withLock { $0 }
        #expect(shown.count == 1)
        #expect(shown.first.map { $0.message.contains($0.userCode) } == true)
    }

    @Test func pagingVisitsEveryUserOnce() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 23))
        let graph = try harness.appProvider()
        var page = try await graph.searchUsers("", pageSize: 5)
        var ids = page.users.map(\.id)
        var pages = 1
        while let next = page.next, pages < 50 {
            page = try await graph.nextUsers(next)
            ids += page.users.map(\.id)
            pages += 1
        }
        await harness.sandbox.stop()
        #expect(pages > 2)
        #expect(ids.count == Set(ids).count)
        #expect(ids.count >= 23)
    }

    @Test func searchPagesToo() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 60))
        let graph = try harness.appProvider()
        let everyone = try await graph.searchUsers("a", pageSize: 999)
        var page = try await graph.searchUsers("a", pageSize: 3)
        var ids = page.users.map(\.id)
        while let next = page.next {
            page = try await graph.nextUsers(next)
            ids += page.users.map(\.id)
        }
        await harness.sandbox.stop()
        #expect(everyone.next == nil)
        #expect(ids == everyone.users.map(\.id))
    }

    @Test func averyHasAMobileAndAnOfficePhone() async throws {
        let harness = try await SandboxHarness.start()
        let methods = try await harness.appProvider().methods(of: "avery.howard@contoso.com")
        await harness.sandbox.stop()
        let phones = methods.compactMap { method -> PhoneMethod? in
            if case .phone(let phone) = method { return phone }
            return nil
        }
        #expect(Set(phones.compactMap(\.phoneType)) == [.mobile, .office])
        #expect(phones.first { $0.phoneType == .mobile }?.phoneNumber == "+1 2065550123")
        #expect(phones.first { $0.phoneType == .office }?.phoneNumber == "+1 4255550199")
        #expect(methods.contains { $0.kind == .password })
    }

    @Test func everyMethodTypeIsReadWithHardwareOathFromBeta() async throws {
        let harness = try await SandboxHarness.start()
        let methods = try await harness.appProvider().methods(of: "zoe.lindqvist@contoso.com")
        await harness.sandbox.stop()
        let kinds = Set(methods.map(\.kind))
        #expect(kinds == [
            .password, .phone, .email, .fido2, .microsoftAuthenticator, .softwareOath, .temporaryAccessPass,
            .windowsHelloForBusiness, .platformCredential, .hardwareOath,
        ])
        #expect(methods.count(where: { $0.kind == .phone }) == 3)
        #expect(Set(methods.map(\.id)).count == methods.count)
    }

    @Test func unknownUserIsNotFoundWithTheRequestID() async throws {
        let harness = try await SandboxHarness.start()
        let graph = try harness.appProvider()
        let error = await #expect(throws: ServiceError.self) { try await graph.user("nobody@contoso.com") }
        await harness.sandbox.stop()
        #expect(error?.kind == .notFound)
        #expect(error?.status == 404)
        #expect(error?.code == "Request_ResourceNotFound")
        #expect(error?.requestID?.isEmpty == false)
    }

    @Test func wrongSecretIsASignInFailure() async throws {
        let harness = try await SandboxHarness.start()
        let graph = try harness.appProvider(secret: "not-the-secret")
        let error = await #expect(throws: ServiceError.self) { try await graph.searchUsers("a", pageSize: 5) }
        await harness.sandbox.stop()
        #expect(error?.kind == .signIn)
        #expect(error?.code == "AADSTS7000215")
        #expect(error?.description.contains("not-the-secret") == false)
    }

    @Test func certificateSignIn() async throws {
        let harness = try await SandboxHarness.start()
        // The sandbox's sample certificate is registered for its apps, as an uploaded one would be.
        let sample = try Sandbox.sampleCertificate()
        let pem = sample.certificatePEM + "\n" + sample.privateKeyPEM
        let credential = CertificateCredential(
            signIn: try harness.signIn("fabrikam"), certificate: try ClientCertificate(pem: pem), transport: SandboxHarness.transport)
        let graph = harness.provider("fabrikam", tokens: credential, transport: SandboxHarness.transport)
        let page = try await graph.searchUsers("Olga", pageSize: 5)
        await harness.sandbox.stop()
        #expect(page.users.contains { $0.principalName == "olga.smirnova@fabrikam.com" })
    }

    @Test func anUnregisteredCertificateIsRefused() async throws {
        let harness = try await SandboxHarness.start()
        let (_, _, pem) = try ClientCertificateTests.material()
        let credential = CertificateCredential(
            signIn: try harness.signIn("contoso"), certificate: try ClientCertificate(pem: pem), transport: SandboxHarness.transport)
        let error = await #expect(throws: ServiceError.self) { try await credential.token() }
        await harness.sandbox.stop()
        #expect(error?.kind == .signIn)
        #expect(error?.code == "AADSTS700027")
    }

    @Test func aSlowServiceTimesOut() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 2, latencyMs: 1500))
        let transport = HTTPTransport(
            loader: URLSessionLoader(requestTimeout: 0.3, resourceTimeout: 0.5),
            retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(10)))
        let graph = try harness.appProvider(transport: transport)
        let error = await #expect(throws: ServiceError.self) { try await graph.searchUsers("a", pageSize: 5) }
        await harness.sandbox.stop()
        #expect(error?.kind == .unavailable)
        #expect(error?.code == "URLError\(URLError.timedOut.rawValue)")
        #expect(error?.message.contains("timed out") == true)
        #expect(error?.message.contains("after 2 attempts") == true)
    }

    @Test func readsSurviveInjectedFaults() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 10, faultRate: 0.3))
        // Ten tries: the chance that one of the test's ~60 requests meets ten faults in a row is negligible.
        let transport = HTTPTransport(
            retry: RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
            sleep: { try await Task.sleep(for: min($0, .milliseconds(20))) })
        let graph = try harness.appProvider(transport: transport)
        var answered = 0
        for _ in 0..<30 {
            let methods = try await graph.methods(of: "avery.howard@contoso.com")
            if methods.contains(where: { $0.kind == .phone }) { answered += 1 }
        }
        let stats = harness.sandbox.stats()
        await harness.sandbox.stop()
        #expect(answered == 30)
        #expect(stats.dropped > 0)
        #expect(stats.count(429) > 0)
        #expect(stats.count(503) > 0)
        #expect(stats.faultsInjected > stats.dropped + stats.count(429) + stats.count(503))  // malformed bodies too
    }
}
