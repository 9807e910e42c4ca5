import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskSandbox
import AuthdeskServices
import Foundation
import Testing

/// ``ProviderRemover`` serves every provider the same way, and each step's answer carries the
/// status and request id the service answered (not an assumed 204).
@Suite(.timeLimit(.minutes(2))) struct ProviderRemoverAnswerTests {
    static func hardwareStep(_ id: String) -> PlanStep {
        PlanStep(methodID: id, kind: .hardwareOath, action: .deactivate, title: "Hardware token")
    }

    static func auth0(_ sandbox: Sandbox) throws -> Auth0Provider {
        let auth0 = sandbox.info.auth0
        let root = try #require(URL(string: auth0.tokenURL.replacingOccurrences(of: "/oauth/token", with: "")))
        let transport = HTTPTransport()
        return Auth0Provider(
            tenant: TenantInfo(name: "acme", provider: .auth0, id: auth0.domain, domain: auth0.domain),
            root: root,
            tokens: Auth0ClientCredential(
                root: root, domain: auth0.domain, clientID: auth0.clientId, secret: auth0.clientSecret, transport: transport),
            transport: transport)
    }

    @Test func eachStepAnswersWithTheStatusAndRequestIDTheProviderGot() async {
        let remover = ProviderRemover(provider: AnsweringProvider(status: 200))
        let deactivated = await remover.perform(Self.hardwareStep("hw-1"), of: "u1")
        #expect(deactivated == StepAnswer(httpStatus: 200, requestID: "deactivate-hw-1"))
        let deleted = await remover.perform(
            PlanStep(methodID: "ma-1", kind: .microsoftAuthenticator, action: .delete, title: "Microsoft Authenticator"), of: "u1")
        #expect(deleted == StepAnswer(httpStatus: 200, requestID: "delete-ma-1"))
        let defaulted = await remover.perform(
            PlanStep(methodID: "ma-1", kind: .microsoftAuthenticator, action: .makeDefault, title: "Microsoft Authenticator"), of: "u1")
        #expect(defaulted == StepAnswer(httpStatus: 200, requestID: "default-push"))
        #expect(remover.readBatchSize == 1, "a provider that does not batch reads one user at a time")
    }

    @Test func graphsDeactivationAnswersAsTheSandboxDoes() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let contoso = try ProviderRemoverTests.graph(sandbox, tenant: "contoso")
        let remover = ProviderRemover(provider: contoso)
        #expect(remover.readBatchSize == GraphProvider.maxBatchSize)
        let zoe = try await contoso.user("zoe.lindqvist@contoso.com")
        let token = try #require(try await contoso.methods(of: zoe.id).first { $0.kind == .hardwareOath })
        let answer = await remover.perform(Self.hardwareStep(token.id), of: zoe.id)
        #expect(answer.httpStatus == 204 && answer.errorCode == nil)
        #expect(answer.requestID?.isEmpty == false)
        #expect(answer.succeeded(for: .deactivate))
        await sandbox.stop()
    }

    @Test func auth0DeletesAnswer204AndRefusesToDeactivate() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let auth0 = try Self.auth0(sandbox)
        let remover = ProviderRemover(provider: auth0)
        let marta = "auth0|65f2b7c8d9e0f1a2b3c4d5e6"
        #expect(remover.readBatchSize == 1)
        let read = await remover.readMethods(of: [marta])
        let methods = try #require(try read[marta]?.get())
        #expect(methods.defaultMethodID == nil, "Auth0 has no default method")
        #expect(methods.methods.contains { $0.id == "phone|dev_M4rt4Ph0n3Sms00001" })

        let deleted = await remover.perform(
            PlanStep(methodID: "phone|dev_M4rt4Ph0n3Sms00001", kind: .auth0Phone, action: .delete, title: "SMS"), of: marta)
        #expect(deleted.httpStatus == 204 && deleted.requestID?.isEmpty == false)
        #expect(try await auth0.methods(of: marta).contains { $0.id == "phone|dev_M4rt4Ph0n3Sms00001" } == false)

        let refused = await remover.perform(Self.hardwareStep("hw-1"), of: marta)
        #expect(refused == StepAnswer(
            httpStatus: nil, errorCode: "notSupported", message: "Deactivating a hardware token is not available for Auth0"))
        await sandbox.stop()
    }
}
