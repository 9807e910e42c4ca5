import AuthdeskAudit
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskSandbox
import AuthdeskServices
import Foundation
import Testing

/// Every write through ``AuditedProvider`` against the sandbox, over real HTTP: exactly one
/// entry per answered change with the right fields and the service's request id, refusals
/// journalled, checks made before sending not journalled, secrets nowhere in the database files.
@Suite(.timeLimit(.minutes(2)))
struct AuditedProviderTests {
    static let cameron = "CameronW@contoso.com"

    /// The sandbox, a journal, and contoso's Graph provider signed in as its operator (device code),
    /// audited with ticket INC-100.
    struct Bed {
        let sandbox: Sandbox
        let fixture: JournalFixture
        let journal: Journal
        let auditor: ChangeAuditor
        let provider: AuditedProvider
        let clientRequestIDs: RecordedIDs

        func stop() async {
            await sandbox.stop()
            fixture.remove()
        }
    }

    static func bed() async throws -> Bed {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .milliseconds(50)))
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let authority = try #require(URL(string: sandbox.info.authority))
        let graphRoot = try #require(URL(string: sandbox.info.graph)).deletingLastPathComponent()
        let sent = RecordedIDs()
        let transport = HTTPTransport(
            sleep: { try await Task.sleep(for: min($0, .milliseconds(100))) }, makeRequestID: { sent.next() })
        let tokens = DeviceCodeCredential(
            signIn: EntraSignIn(authority: authority, tenantID: tenant.id, clientID: tenant.clientId),
            transport: transport, prompt: { _ in }, sleep: { try await Task.sleep(for: min($0, .milliseconds(100))) })
        let graph = GraphProvider(
            tenant: TenantInfo(name: "contoso", provider: .graph, id: tenant.id, domain: tenant.domain),
            endpoints: GraphEndpoints(authority: authority, graphRoot: graphRoot), tokens: tokens, transport: transport)
        let fixture = try JournalFixture()
        let journal = try fixture.open()
        let auditor = ChangeAuditor(
            journal: journal, operatorSource: OperatorSource(signedIn: tokens, fallback: "local@host"),
            secrets: [Secret(tenant.clientSecret)], ticket: "INC-100")
        return Bed(
            sandbox: sandbox, fixture: fixture, journal: journal, auditor: auditor, provider: auditor.wrap(graph),
            clientRequestIDs: sent)
    }

    @Test func eachChangeIsOneEntryWithItsFieldsAndTheServicesRequestID() async throws {
        let bed = try await Self.bed()
        let p = bed.provider
        let user = try await p.user(Self.cameron)
        _ = try await p.addPhone(to: user.id, number: "+1 2065555555", type: .mobile)
        try await p.updatePhone(of: user.id, type: .mobile, number: "+1 2065550000")
        try await p.setSmsSignIn(of: user.id, enabled: true)
        _ = try await p.addEmail(to: user.id, address: "cameron.private@example.org")
        let tap = try await p.createTemporaryAccessPass(for: user.id, TemporaryAccessPassRequest(lifetimeInMinutes: 60, isUsableOnce: true))
        try await p.revokeSessions(of: user.id)
        let methods = try await p.methods(of: user.id)
        let mobile = try #require(methods.first { $0.id == PhoneType.mobile.methodID })
        try await p.deleteMethod(mobile, of: user.id)

        let entries = try await bed.journal.audit()
        #expect(entries.map(\.action) == [
            "add phone", "update phone", "enable SMS sign-in", "add e-mail", "create TAP", "revoke sessions", "delete method",
        ])
        #expect(entries.map(\.target) == [
            "Mobile phone +1 2065555555", "Mobile phone +1 2065550000", "Mobile phone", "cameron.private@example.org",
            "lifetime 60 min, usable once", nil, "Mobile phone +1 2065550000 (\(PhoneType.mobile.methodID))",
        ])
        let clientIDs = Set(bed.clientRequestIDs.all)
        for entry in entries {
            #expect(entry.outcome == .succeeded)
            #expect(entry.tenant == "contoso")
            #expect(entry.userID == user.id)
            #expect(entry.userName == "\(user.displayName) (\(user.principalName))")
            #expect(entry.operatorName == "helpdesk@contoso.com", "the device-code sign-in's user")
            #expect(entry.ticket == "INC-100")
            let requestID = try #require(entry.requestID)
            #expect(!clientIDs.contains(requestID), "the service's own request id, not the one sent")
            #expect(UUID(uuidString: requestID) != nil)
        }
        #expect(Set(entries.compactMap(\.requestID)).count == entries.count)

        let files = try DirectoryBytes.of(bed.fixture.directory)
        #expect(files.range(of: Data(tap.pass.utf8)) == nil)
        await bed.stop()
    }

    @Test func aDeactivationIsJournalledLikeADeleteAndBatchedReadsPassThrough() async throws {
        let bed = try await Self.bed()
        let p = bed.provider
        let user = try await p.user("zoe.lindqvist@contoso.com")
        #expect(p.readBatchSize == GraphProvider.maxBatchSize, "the wrapped provider's batch size")
        let read = try await p.methodsAndPreferences(of: [user.id])
        let methods = try #require(try read[user.id]?.get()).methods
        let lists = try await p.methodLists(of: [user.id])
        #expect(try lists[user.id]?.get().map(\.id).sorted() == methods.map(\.id).sorted())
        let token = try #require(methods.first { $0.kind == .hardwareOath })
        let receipt = try await p.deactivateHardwareOath(token.id, of: user.id)
        #expect(receipt.status == 204)

        let entries = try await bed.journal.audit()
        #expect(entries.map(\.action) == ["deactivate hardware token"], "reads are not journalled")
        let entry = try #require(entries.first)
        #expect(entry.outcome == .succeeded)
        #expect(entry.target == token.id)
        #expect(entry.userID == user.id)
        #expect(entry.requestID == receipt.requestID)
        await bed.stop()
    }

    @Test func aFollowedPasswordResetIsJournalledWhenAcceptedAndWhenFinished() async throws {
        let bed = try await Self.bed()
        let p = bed.provider
        let user = try await p.user(Self.cameron)
        let password = "Typed-Pw-2468!"
        let reset = try await p.resetPassword(of: user.id, newPassword: password)
        var last: LongRunningOperation?
        for try await update in p.operationUpdates(of: reset) { last = update }
        #expect(last?.status == .succeeded)

        let entries = try await bed.journal.audit()
        #expect(entries.map(\.action) == ["reset password", "password reset finished"])
        #expect(entries.map(\.outcome) == [.accepted, .succeeded])
        #expect(entries.first?.target == "password given")
        #expect(entries.allSatisfy { $0.requestID != nil && $0.userID == user.id })
        let files = try DirectoryBytes.of(bed.fixture.directory)
        #expect(files.range(of: Data(password.utf8)) == nil)
        await bed.stop()
    }

    @Test func aServiceRefusalIsJournalledAndACheckBeforeSendingIsNot() async throws {
        let bed = try await Self.bed()
        let p = bed.provider
        let user = try await p.user(Self.cameron)
        let ghost = AuthMethod.phone(PhoneMethod(id: PhoneType.office.methodID, phoneNumber: "+1 4255550100", phoneType: .office))
        await #expect(throws: ServiceError.self) { try await p.deleteMethod(ghost, of: user.id) }
        await #expect(throws: ServiceError.self) { _ = try await p.addPhone(to: user.id, number: "206 555", type: .mobile) }

        let entries = try await bed.journal.audit()
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.action == "delete method")
        #expect(entry.outcome == .refused)
        #expect(entry.detail?.hasPrefix("HTTP 404") == true)
        #expect(entry.requestID != nil)
        await bed.stop()
    }

    @Test func anAuth0ChangeCarriesAuth0sRequestIDAndTheFallbackOperator() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let auth0 = sandbox.info.auth0
        let root = try #require(URL(string: auth0.tokenURL.replacingOccurrences(of: "/oauth/token", with: "")))
        let transport = HTTPTransport()
        let tokens = Auth0ClientCredential(
            root: root, domain: auth0.domain, clientID: auth0.clientId, secret: auth0.clientSecret, transport: transport)
        let provider = Auth0Provider(
            tenant: TenantInfo(name: "acme", provider: .auth0, id: auth0.domain, domain: auth0.domain),
            root: root, tokens: tokens, transport: transport)
        let journal = try fixture.open()
        let auditor = ChangeAuditor(
            journal: journal, operatorSource: OperatorSource(signedIn: tokens, fallback: "alice@jumphost"),
            secrets: [Secret(auth0.clientSecret)])
        let p: any IdentityProvider = auditor.wrap(provider)
        #expect(p is AuditedProvider)
        let user = try await p.user("no.mfa@example.com")
        _ = try await p.addEmail(to: user.id, address: "noa.home@example.com")
        let entries = try await journal.audit()
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.tenant == "acme")
        #expect(entry.userID == user.id)
        #expect(entry.action == "add e-mail")
        #expect(entry.target == "noa.home@example.com")
        #expect(entry.outcome == .succeeded)
        #expect(entry.operatorName == "alice@jumphost", "an application's sign-in names no user")
        #expect(entry.ticket == nil)
        #expect(try UUID(uuidString: #require(entry.requestID)) != nil)
        await sandbox.stop()
    }

    @Test func theOperatorIsTheTokensUserElseTheFallback() {
        func jwt(_ claims: String) -> String {
            let body = Data(claims.utf8).base64EncodedString()
                .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            return "eyJhbGciOiJub25lIn0.\(body).sig"
        }
        #expect(OperatorSource.userName(inToken: jwt(#"{"upn":"ops@contoso.com","oid":"1"}"#)) == "ops@contoso.com")
        #expect(OperatorSource.userName(inToken: jwt(#"{"preferred_username":"ann@fabrikam.com"}"#)) == "ann@fabrikam.com")
        #expect(OperatorSource.userName(inToken: jwt(#"{"roles":["x"],"appid":"a"}"#)) == nil)
        #expect(OperatorSource.userName(inToken: "opaque-token") == nil)
    }
}
