import AuthdeskCore
import AuthdeskSandbox
import Foundation
import Testing
@testable import AuthdeskServices

/// The Graph provider's writes against the sandbox over real HTTP.
@Suite struct GraphProviderSandboxWritesTests {
    func phones(_ methods: [AuthMethod]) -> [PhoneType: PhoneMethod] {
        var out: [PhoneType: PhoneMethod] = [:]
        for case .phone(let phone) in methods {
            if let type = phone.phoneType { out[type] = phone }
        }
        return out
    }

    @Test func phoneLifecycle() async throws {
        let harness = try await SandboxHarness.start()
        let graph = try harness.appProvider()
        let user = "CameronW@contoso.com"
        let added = try await graph.addPhone(to: user, number: "+1 2065555555", type: .mobile)
        #expect(added.id == PhoneType.mobile.methodID)
        #expect(added.phoneNumber == "+1 2065555555")
        _ = try await graph.addPhone(to: user, number: "+1 4255550199x12", type: .office)
        let twice = await #expect(throws: ServiceError.self) {
            try await graph.addPhone(to: user, number: "+1 2065550000", type: .mobile)
        }
        try await graph.updatePhone(of: user, type: .mobile, number: "+44 2071234567")
        try await graph.setSmsSignIn(of: user, enabled: true)
        var methods = try await graph.methods(of: user)
        #expect(phones(methods)[.mobile]?.phoneNumber == "+44 2071234567")
        #expect(phones(methods)[.office]?.phoneNumber == "+1 4255550199x12")
        try await graph.setSmsSignIn(of: user, enabled: false)
        for type in [PhoneType.office, .mobile] {
            if let phone = phones(methods)[type] { try await graph.deleteMethod(.phone(phone), of: user) }
        }
        methods = try await graph.methods(of: user)
        await harness.sandbox.stop()
        #expect(twice?.kind == .badInput)
        #expect(twice?.requestID?.isEmpty == false)
        #expect(phones(methods).isEmpty)
    }

    @Test func emailLifecycle() async throws {
        let harness = try await SandboxHarness.start()
        let graph = try harness.appProvider()
        let user = "CameronW@contoso.com"
        let added = try await graph.addEmail(to: user, address: "cameron.home@fabrikam.com")
        try await graph.updateEmail(of: user, address: "cameron@fabrikam.com")
        let emails = try await graph.methods(of: user).compactMap { method -> EmailMethod? in
            if case .email(let email) = method { return email }
            return nil
        }
        try await graph.deleteMethod(.email(added), of: user)
        let after = try await graph.methods(of: user)
        await harness.sandbox.stop()
        #expect(emails.map(\.emailAddress) == ["cameron@fabrikam.com"])
        #expect(!after.contains { $0.kind == .email })
    }

    @Test func temporaryAccessPass() async throws {
        let harness = try await SandboxHarness.start()
        let graph = try harness.appProvider()
        let issued = try await graph.createTemporaryAccessPass(
            for: "CameronW@contoso.com", TemporaryAccessPassRequest(lifetimeInMinutes: 60, isUsableOnce: true))
        let methods = try await graph.methods(of: "CameronW@contoso.com")
        await harness.sandbox.stop()
        #expect(!issued.pass.isEmpty)
        #expect(issued.method.lifetimeInMinutes == 60)
        #expect(issued.method.isUsableOnce == true)
        #expect(methods.contains { $0.id == issued.method.id && $0.kind == .temporaryAccessPass })
    }

    @Test func defaultMethodMustBeChangedBeforeItIsDeleted() async throws {
        let harness = try await SandboxHarness.start()
        let graph = try harness.appProvider()
        let user = "avery.howard@contoso.com"
        let before = try await graph.signInPreferences(of: user)
        let mobile = try #require(phones(try await graph.methods(of: user))[.mobile])
        let refused = await #expect(throws: ServiceError.self) { try await graph.deleteMethod(.phone(mobile), of: user) }
        try await graph.setDefaultMethod(of: user, to: .voiceOffice)
        let after = try await graph.signInPreferences(of: user)
        try await graph.deleteMethod(.phone(mobile), of: user)
        let left = phones(try await graph.methods(of: user))
        await harness.sandbox.stop()
        #expect(before.userPreferredMethodForSecondaryAuthentication == .sms)
        #expect(refused?.kind == .badInput)
        #expect(refused?.message.contains("default method") == true)
        #expect(after.userPreferredMethodForSecondaryAuthentication == .voiceOffice)
        #expect(Set(left.keys) == [.office])
    }

    @Test func everyDeletableMethodGoes() async throws {
        let harness = try await SandboxHarness.start()
        let graph = try harness.appProvider()
        let user = "zoe.lindqvist@contoso.com"
        let methods = try await graph.methods(of: user)
        let preferences = try await graph.signInPreferences(of: user)
        // alternateMobile before mobile; the default (push: the Authenticator app) last.
        func rank(_ method: AuthMethod) -> Int {
            if case .phone(let phone) = method, phone.phoneType == .mobile { return 1 }
            if method.kind == .microsoftAuthenticator, preferences.userPreferredMethodForSecondaryAuthentication == .push { return 2 }
            return 0
        }
        let plan = methods.filter { $0.kind != .password }.sorted { rank($0) < rank($1) }
        #expect(plan.count == 11)
        for method in plan { try await graph.deleteMethod(method, of: user) }
        let left = try await graph.methods(of: user)
        await harness.sandbox.stop()
        #expect(left.map(\.kind) == [.password])
    }

    @Test func hardwareOathIsDeactivated() async throws {
        let harness = try await SandboxHarness.start()
        let graph = try harness.appProvider()
        let user = "zoe.lindqvist@contoso.com"
        let token = try #require(try await graph.methods(of: user).first { $0.kind == .hardwareOath })
        let receipt = try await graph.deactivateHardwareOath(token.id, of: user)
        #expect(receipt.status == 204, "the sandbox answers a deactivation with 204, as Graph does")
        #expect(!receipt.requestID.isEmpty)
        let after = try await graph.methods(of: user).first { $0.id == token.id }
        await harness.sandbox.stop()
        guard case .hardwareOath(let before) = token, case .hardwareOath(let now)? = after else {
            Issue.record("hardware token missing: \(String(describing: after))")
            return
        }
        #expect(before.status == "activated")
        #expect(now.status != "activated")
    }

    @Test func deleteByIDFindsTheType() async throws {
        let harness = try await SandboxHarness.start()
        let graph = try harness.appProvider()
        let user = "avery.howard@contoso.com"
        try await graph.deleteMethod(id: PhoneType.office.methodID, of: user)
        let missing = await #expect(throws: ServiceError.self) { try await graph.deleteMethod(id: "no-such-id", of: user) }
        let left = phones(try await graph.methods(of: user))
        await harness.sandbox.stop()
        #expect(Set(left.keys) == [.mobile])
        #expect(missing?.kind == .notFound)
        #expect(missing?.message.contains("no-such-id") == true)
    }

    @Test func revokeSessions() async throws {
        let harness = try await SandboxHarness.start()
        try await harness.appProvider().revokeSessions(of: "avery.howard@contoso.com")
        await harness.sandbox.stop()
    }

    @Test func operatorMayNotChangeAnAdmin() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 5, deviceCodeApprovalDelay: .milliseconds(100)))
        let graph = try harness.operatorProvider()
        let error = await #expect(throws: ServiceError.self) {
            try await graph.addPhone(to: "priya.raman@contoso.com", number: "+1 2065550111", type: .office)
        }
        await harness.sandbox.stop()
        #expect(error?.kind == .forbidden)
        #expect(error?.code == "accessDenied")
        #expect(error?.requestID?.isEmpty == false)
    }

    @Test func aStormOf429sIsWaitedOutNotFailed() async throws {
        // A write budget of 3 per 2.5 minutes; the transport's waits move the sandbox's clock, so
        // every Retry-After is honoured in full without the test waiting for it.
        let clock = SandboxTime()
        var options = SandboxOptions(usersPerTenant: 5, graphWriteBudget: 3)
        options.now = { clock.now }
        let harness = try await SandboxHarness.start(options)
        let waits = SleepRecorder()
        let transport = HTTPTransport(
            retry: RetryPolicy(maxAttempts: 4),
            sleep: { duration in
                try await waits.sleep(duration)
                clock.advance(by: duration)
            })
        let graph = try harness.appProvider(transport: transport)
        let user = "CameronW@contoso.com"
        _ = try await graph.addPhone(to: user, number: "+1 2065550100", type: .mobile)
        for n in 1...8 {
            try await graph.updatePhone(of: user, type: .mobile, number: "+1 20655501\(String(format: "%02d", n))")
        }
        let methods = try await graph.methods(of: user)
        let stats = harness.sandbox.stats()
        await harness.sandbox.stop()
        #expect(phones(methods)[.mobile]?.phoneNumber == "+1 2065550108")
        #expect(stats.count(429) >= 5)
        // Each wait is the service's Retry-After: a write's share of the 150-second window.
        #expect(waits.recorded.count == stats.count(429))
        #expect(waits.recorded.allSatisfy { $0 >= .seconds(40) && $0 <= .seconds(51) })
    }

    @Test func passwordResetWithAGeneratedPasswordIsFollowedToItsEnd() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 5, deviceCodeApprovalDelay: .milliseconds(100)))
        let graph = try harness.operatorProvider()
        let reset = try await graph.resetPassword(of: "CameronW@contoso.com", newPassword: nil)
        var statuses: [LongRunningOperation.Status] = []
        for try await update in graph.operationUpdates(of: reset) { statuses.append(update.status) }
        await harness.sandbox.stop()
        #expect(reset.generatedPassword?.isEmpty == false)
        #expect(reset.operationURL != nil)
        #expect(statuses.last == .succeeded)
        #expect(statuses.count == Set(statuses.map(\.rawValue)).count)
    }

    @Test func passwordResetWithAGivenPassword() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 5, deviceCodeApprovalDelay: .milliseconds(100)))
        let graph = try harness.operatorProvider()
        let reset = try await graph.resetPassword(of: "avery.howard@contoso.com", newPassword: PasswordGenerator.generate())
        var last: LongRunningOperation?
        for try await update in graph.operationUpdates(of: reset) { last = update }
        await harness.sandbox.stop()
        #expect(reset.generatedPassword == nil)
        #expect(last?.status == .succeeded)
    }

    @Test func syncedUserWithoutWritebackEndsFailed() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 5, deviceCodeApprovalDelay: .milliseconds(100)))
        let graph = try harness.operatorProvider()
        let user = "soren.kjaergaard@contoso.com"
        let needsOne = await #expect(throws: ServiceError.self) { try await graph.resetPassword(of: user, newPassword: nil) }
        let reset = try await graph.resetPassword(of: user, newPassword: PasswordGenerator.generate())
        var last: LongRunningOperation?
        for try await update in graph.operationUpdates(of: reset) { last = update }
        await harness.sandbox.stop()
        #expect(needsOne?.kind == .badInput)
        #expect(last?.status == .failed)
    }

    @Test func passwordResetNeedsASignedInOperator() async throws {
        let harness = try await SandboxHarness.start()
        let error = await #expect(throws: ServiceError.self) {
            try await harness.appProvider().resetPassword(of: "CameronW@contoso.com", newPassword: nil)
        }
        await harness.sandbox.stop()
        #expect(error?.kind == .forbidden)
        #expect(error?.message.contains("operator") == true)
    }

    @Test func unknownOperationIsNotFound() async throws {
        let harness = try await SandboxHarness.start()
        let graph = try harness.appProvider()
        let url = try #require(URL(string: harness.sandbox.info.graph + "/users/a87cc624-b550-4559-b934-3bc0325a4808/authentication/operations/00000000-0000-0000-0000-000000000000"))
        let error = await #expect(throws: ServiceError.self) {
            for try await _ in graph.operationUpdates(of: PasswordReset(operationURL: url)) {}
        }
        await harness.sandbox.stop()
        #expect(error?.kind == .notFound)
        #expect(error?.requestID?.isEmpty == false)
    }
}

/// The sandbox's clock in a test: it moves only when the test's transport waits.
final class SandboxTime: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()

    var now: Date { lock.withLock { current } }

    func advance(by duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
