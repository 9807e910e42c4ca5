import AuthdeskConsole
import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Testing

/// The trust steps as drawn: the journal's chain verdict and its undo question (with the
/// caller's verification), the bulk plan's user requests, and the bulk confirmation's
/// verification line above the phrase.
struct BrowserRendererTrustTests {
    @Test func theJournalShowsTheChainVerdictAndTheUndoQuestion() {
        var state = Screens.browser()
        var journal = JournalViewState()
        journal.loaded([])
        journal.chain = .init(verdict: "TAMPERED: entry 4 was edited", isIntact: false)
        state.journal = journal
        let lines = Screens.render(state, width: 100, height: 24).text.components(separatedBy: "\n")
        #expect(lines[22].contains("Audit chain: TAMPERED: entry 4 was edited"))

        journal.askUndo(4, question: "Undo entry 4 (block sign-in) for Adele in contoso: unblock sign-in again", verifies: true)
        state.journal = journal
        let asked = Screens.render(state, width: 100, height: 24).text.components(separatedBy: "\n")
        #expect(asked[19].contains("Undo entry 4 (block sign-in) for Adele in contoso: unblock sign-in again?"))
        #expect(asked[21].contains("Verified: < (choose how) >  Note:"))
        #expect(asked[22].contains("enter undoes it (audited as the undo of entry 4); esc cancels"))
        #expect(asked[23].contains("enter undo it") && asked[23].contains("esc cancel"))
    }

    private func planned(verifying: Set<String>) throws -> BulkScreenState {
        var state = BulkScreenState(verifying: verifying)
        _ = state.apply(.openReset([Marks.Entry(tenant: "contoso", user: Self.adele)]))
        _ = state.apply(.key(.enter))
        let user = UserResetPlan(tenant: "contoso", user: Self.adele, methods: [Self.mobile], policy: .portal)
        _ = state.apply(.planned(generation: state.generation, try ResetJobPlan(policy: .portal, users: [user]), unplanned: []))
        return state
    }

    static let adele = DirectoryUser(id: "u-adele", displayName: "Adele Vance", principalName: "adele@contoso.com")
    static let mobile = AuthMethod.phone(PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 2065550100", phoneType: .mobile))

    @Test func theBulkPlanShowsAUsersRequestsInPlaceOfThePlan() throws {
        var state = try planned(verifying: [])
        _ = state.apply(.key(.character("r")))
        let request = PlannedRequest(method: "DELETE", url: "https://graph.microsoft.com/v1.0/users/u-adele/authentication/phoneMethods/m")
        _ = state.apply(.userRequests(generation: state.generation, userID: "contoso/u-adele", .built([request])))
        let text = BulkRenderer.render(state, width: 120, height: 24, options: RenderOptions()).text
        #expect(text.contains("Requests it would send (nothing sent yet):"))
        #expect(text.contains("1. DELETE https://graph.microsoft.com/v1.0/users/u-adele/authentication/phoneMethods/m"))
        #expect(text.contains("user 1 of 1"))
        #expect(!text.contains("Delete Mobile phone"))
    }

    @Test func theConfirmationAsksTheVerificationAboveThePhrase() throws {
        var state = try planned(verifying: ["contoso"])
        _ = state.apply(.key(.enter))
        _ = state.apply(.key(.right))
        let lines = BulkRenderer.render(state, width: 100, height: 24, options: RenderOptions()).text.components(separatedBy: "\n")
        #expect(lines[21].contains("Verified: < Callback to the number on file >  Note:"))
        #expect(lines[22].contains("Type RESET 1 to run:"))
        #expect(lines[23].contains("tab next field"))
    }
}
