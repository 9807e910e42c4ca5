import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskWorkflows
import Foundation
import Testing

/// Auth0's own actions through the one change path, against the embedded sandbox's `acme`:
/// journalled without their secrets, read back, and refused before sending on Graph and on bad
/// input.
@Suite(.timeLimit(.minutes(1))) struct Auth0WorkflowTests {
    static let noa = "auth0|65f2d1e2f3a4b5c6d7e8f9a0"

    @Test func aGeneratedTotpIsReturnedOnceAndNeverJournalled() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let (enrolled, ticket, listed) = try await ChangeWorkflow.run(harness.options(profiles: ["acme"]), report: { _ in }) { workflow in
            let enrolled = try await workflow.addTotp(to: Self.noa, secret: nil, name: "App")
            let ticket = try await workflow.createEnrollmentTicket(for: Self.noa, EnrollmentTicketRequest(factor: .otp))
            return (enrolled, ticket.ticket, try await workflow.provider.methods(of: Self.noa))
        }
        let secret = try #require(enrolled.generatedSecret).reveal()
        #expect(enrolled.uri?.reveal().contains("secret=\(secret)") == true)
        #expect(listed.contains { $0.id == enrolled.method.id })
        let entries = try await JournalStore.open(environment: harness.environment).audit(since: nil, tenant: nil, ticket: nil)
        #expect(entries.map(\.action) == ["add method", "create enrollment ticket"])
        let written = entries.map { "\($0.target ?? "") \($0.detail ?? "")" }.joined(separator: " ")
        #expect(!written.contains(secret))
        #expect(!written.contains(ticket.url.reveal()))
    }

    @Test func replaceDeleteAllAndForgetBrowsersAreJournalled() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let after = try await ChangeWorkflow.run(harness.options(profiles: ["acme"]), report: { _ in }) { workflow in
            let (_, replaced) = try await workflow.replaceAllMethods(of: Self.noa, with: [.email(address: "noa@example.org")])
            #expect(replaced.map(\.kind) == [.auth0Email])
            _ = try await workflow.forgetBrowsers(of: Self.noa)
            _ = try await workflow.deleteAllMethods(of: Self.noa)
            return try await workflow.provider.methods(of: Self.noa)
        }
        #expect(after.allSatisfy { $0.kind == .auth0Password })
        let entries = try await JournalStore.open(environment: harness.environment).audit(since: nil, tenant: nil, ticket: nil)
        #expect(entries.map(\.action) == ["replace all methods", "forget remembered browsers", "delete all methods"])
    }

    @Test func graphRefusesEachBeforeReadingTheUser() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await ChangeWorkflow.run(harness.options(profiles: ["contoso"], asApplication: true), report: { _ in }) { workflow in
            for (attempt, instead) in [
                ({ _ = try await workflow.deleteAllMethods(of: "nobody@contoso.com") } as () async throws -> Void, "reset-mfa"),
                ({ _ = try await workflow.forgetBrowsers(of: "nobody@contoso.com") }, "sessions revoke"),
                ({ _ = try await workflow.addTotp(to: "nobody@contoso.com", secret: nil, name: nil) }, "add-phone"),
                ({ _ = try await workflow.createEnrollmentTicket(for: "nobody@contoso.com", EnrollmentTicketRequest()) }, "tap create"),
            ] {
                do {
                    try await attempt()
                    Issue.record("Graph accepted an Auth0 action")
                } catch let error as UsageError {
                    #expect(error.description.contains(instead))
                }
            }
        }
    }

    @Test func aSecurityKeyInAReplacementIsRefusedNamingMethodsAdd() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await ChangeWorkflow.run(harness.options(profiles: ["acme"]), report: { _ in }) { workflow in
            let key = Auth0MethodRequest.webAuthnRoaming(keyID: "k", publicKey: "cHVi", relyingParty: "example.com")
            await #expect(throws: UsageError.self) { try await workflow.replaceAllMethods(of: Self.noa, with: [key]) }
            await #expect(throws: UsageError.self) { try await workflow.replaceAllMethods(of: Self.noa, with: []) }
        }
    }
}

/// The JSON list `methods replace --from FILE` reads, checked item by item before sending.
@Suite struct Auth0MethodListTests {
    @Test func phonesEmailsAndTotpAreRead() throws {
        let list = try Auth0MethodList.parse(Data(#"""
            [{"type": "phone", "phone_number": "+1 415 555 0123", "preferred_authentication_method": "voice", "name": "Desk"},
             {"type": "email", "email": "a@example.com"}, {"type": "totp", "totp_secret": "JBSWY3DPEHPK3PXP"}]
            """#.utf8))
        #expect(list.map(\.type) == ["phone", "email", "totp"])
        #expect(list.first == .phone(number: "+1 415 555 0123", channel: .voice, name: "Desk"))
    }

    @Test(arguments: [
        (#"{"type": "email"}"#, "JSON array"),
        ("[]", "at least one"),
        (#"[{"type": "webauthn-roaming"}]"#, "phone, email or totp"),
        (#"[{"type": "phone"}]"#, "needs phone_number"),
        (#"[{"type": "phone", "phone_number": "0415"}]"#, "E.164"),
        (#"[{"type": "totp", "totp_secret": "0000000000000000"}]"#, "base32"),
        (#"[{"type": "email", "email": "a@example.com", "colour": "red"}]"#, "'colour'"),
        (#"[{"type": "phone", "phone_number": "+14155550123", "preferred_authentication_method": "fax"}]"#, "sms or voice"),
    ])
    func badListsSayWhatIsValid(text: String, says: String) {
        do {
            _ = try Auth0MethodList.parse(Data(text.utf8))
            Issue.record("accepted \(text)")
        } catch {
            #expect("\(error)".contains(says))
        }
    }
}
