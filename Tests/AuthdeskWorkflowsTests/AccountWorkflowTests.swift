import AuthdeskCore
import AuthdeskJournal
import AuthdeskOutput
import AuthdeskServices
import AuthdeskWorkflows
import Testing

/// The account changes through the one change path, against the embedded sandbox: journalled,
/// checked by the pre-flight, and a default the user's methods cannot serve refused unsent.
@Suite(.timeLimit(.minutes(1))) struct AccountWorkflowTests {
    @Test func blockAndUnblockAreJournalledAndReadBack() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        let (blocked, unblocked) = try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
            _ = try await workflow.setAccountEnabled(of: "CameronW@contoso.com", enabled: false)
            let blocked = try await workflow.provider.accountDetails(of: "CameronW@contoso.com")
            _ = try await workflow.setAccountEnabled(of: "CameronW@contoso.com", enabled: true)
            return (blocked, try await workflow.provider.accountDetails(of: "CameronW@contoso.com"))
        }
        #expect(blocked.accountEnabled == false)
        #expect(unblocked.accountEnabled == true)
        let entries = try await JournalStore.open(environment: harness.environment).audit(since: nil, tenant: nil, ticket: nil)
        #expect(entries.map(\.action) == ["block sign-in", "unblock sign-in"])
        #expect(entries.allSatisfy { $0.outcome == .succeeded && $0.requestID != nil })
    }

    @Test func thePreflightRefusesBlockingAnAdministrator() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        await #expect(throws: ServiceError.self) {
            try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
                try await workflow.setAccountEnabled(of: "priya.raman@contoso.com", enabled: false)
            }
        }
    }

    @Test func aDefaultTheMethodsCannotServeIsRefusedWithTheChoices() async throws {
        let harness = try WorkflowHarness()
        defer { harness.remove() }
        try await ChangeWorkflow.run(harness.options(), report: { _ in }) { workflow in
            do {
                _ = try await workflow.setDefaultMethod(of: "avery.howard@contoso.com", to: .push)
                Issue.record("push was accepted for a user without Microsoft Authenticator")
            } catch let error as UsageError {
                #expect(error.description.contains("Their methods allow: voiceMobile, sms, voiceOffice."))
            }
            let user = try await workflow.setDefaultMethod(of: "avery.howard@contoso.com", to: .voiceOffice)
            let preferences = try await workflow.provider.signInPreferences(of: user.id)
            #expect(preferences.userPreferredMethodForSecondaryAuthentication == .voiceOffice)
        }
    }

    @Test func typedDefaultsAndStatesAreCheckedBeforeSending() throws {
        #expect(try DefaultMethodChoice.parse("SMS") == .sms)
        #expect(throws: UsageError.self) { try DefaultMethodChoice.parse("none") }
        #expect(throws: UsageError.self) { try DefaultMethodChoice.parse("fido2") }
        let phone = AuthMethod.phone(PhoneMethod(id: PhoneType.alternateMobile.methodID, phoneNumber: "+1 1", phoneType: .alternateMobile))
        #expect(DefaultMethodChoice.possible(for: [phone]) == [.voiceAlternateMobile])
    }

    @Test func theTableShowsOneFactALineAndJsonOneObject() {
        let details = AccountDetails(
            user: DirectoryUser(id: "u-1", displayName: "Avery", principalName: "avery@contoso.com"), accountEnabled: true,
            perUserMfaState: .notAvailable("permission: no"))
        let table = AccountReport.details(details, format: .table).render(.table)
        #expect(table.contains("Per-user MFA  not available (permission: no)"))
        let json = AccountReport.details(details, format: .json).render(.json)
        #expect(json.contains("\"accountEnabled\" : \"true\""))
        #expect(json.contains("\"perUserMfaState\" : null"))
    }
}
