import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
@testable import AuthdeskViewModels
import Foundation
import Testing

/// The console's trust steps in the reducer: ctrl-r shows a dialog's requests before its
/// confirm (nothing sent), a tenant that requires caller verification asks for it in every
/// dialog, and `u` on a journal entry asks (with the caller's verification where required), and enter undoes it.
struct BrowserStateTrustTests {
    private func browser(verifying: Bool = false) -> BrowserState {
        var tenant = TenantInfo(name: "contoso", provider: .graph, id: "t", domain: "contoso.com")
        tenant.requiresCallerVerification = verifying ? true : nil
        var state = BrowserState(tenant: tenant, capabilities: ProviderAction.graph)
        _ = state.apply(.start)
        _ = state.apply(.searchAnswered(generation: state.list.generation, .success(UserPage(users: [Fixtures.alice]))))
        _ = state.apply(.methodsAnswered(generation: state.methodsPane.generation, userID: Fixtures.alice.id, .success(Fixtures.aliceMethods)))
        _ = state.apply(.action(.nextPane))
        return state
    }

    @Test func ctrlRShowsTheRequestsAndSendsNothing() throws {
        var state = browser()
        _ = state.apply(.action(.revokeSessions))
        let effects = state.apply(.key(.control("r")))
        let id = try #require(state.dialog?.id)
        #expect(effects == [.previewRequests(.revokeSessions(userID: Fixtures.alice.id), dialogID: id)])
        #expect(state.dialog?.phase == .editing)
        #expect(state.dialog?.requests == .building)
        let request = PlannedRequest(method: "POST", url: "https://graph.microsoft.com/v1.0/users/a/revokeSignInSessions", body: "{}")
        _ = state.apply(.requestsPreviewed(dialogID: id, .success([request])))
        #expect(state.dialog?.requests?.lines == [
            "Requests it would send (nothing sent yet):", "1. POST https://graph.microsoft.com/v1.0/users/a/revokeSignInSessions {}",
        ])
        #expect(state.keyMap.hints(in: state.activeScopes).contains { $0.action == .showRequests })
    }

    @Test func invalidInputIsShownInsteadOfRequests() {
        var state = browser()
        _ = state.apply(.action(.addPhone))
        #expect(state.apply(.key(.control("r"))) == [])
        #expect(state.dialog?.showsProblems == true)
        #expect(state.dialog?.requests == nil)
    }

    @Test func aVerifyingTenantAsksHowTheCallerWasVerifiedBeforeSending() throws {
        var state = browser(verifying: true)
        _ = state.apply(.action(.revokeSessions))
        var dialog = try #require(state.dialog)
        #expect(dialog.fields.map(\.id) == [.verifiedBy, .verificationNote])
        #expect(dialog.request() == nil)
        #expect(dialog.problems.first?.message.contains("how the caller was verified") == true)
        dialog.focus = .field(0)
        dialog.editFocused { $0.move(by: 1) }
        dialog.focus = .field(1)
        for character in "rang +1 206 555 0100" { dialog.editFocused { $0.insert(character) } }
        #expect(dialog.verification == (try CallerVerification(method: .callback, note: "rang +1 206 555 0100")))
        #expect(dialog.request() == .revokeSessions(userID: Fixtures.alice.id))
        var plain = browser()
        _ = plain.apply(.action(.revokeSessions))
        #expect(plain.dialog?.fields.isEmpty == true && plain.dialog?.verification == nil)
    }

    @Test func uOnAJournalEntryPlansTheUndoThenAsksItAndEnterUndoesIt() {
        var state = journalWithEntry7()
        #expect(state.apply(.key(.character("u"))) == [.planUndo(7)])
        #expect(state.journal?.undoPrompt == nil, "nothing is asked before the undo is known to be possible")
        _ = state.apply(.undoPlanned(entryID: 7, question: "Undo entry 7 (delete method) for Alice in contoso: add it again", verifies: false))
        #expect(state.activeScopes == [.journalUndo])
        #expect(state.apply(.key(.escape)) == [], "esc cancels")
        #expect(state.journal?.undoPrompt == nil && state.journal?.message == "Not undone: nothing was sent")
        _ = state.apply(.key(.character("u")))
        _ = state.apply(.undoPlanned(entryID: 7, question: "Undo entry 7", verifies: false))
        #expect(state.apply(.key(.enter)) == [.undoEntry(7, verification: nil)])
        let effects = state.apply(.undoAnswered("Entry 7 undone", isError: false))
        #expect(effects.first == .loadJournal)
        #expect(effects.contains { if case .loadMethods(Fixtures.alice.id, _, _) = $0 { true } else { false } })
        #expect(state.journal?.message == "Entry 7 undone")
    }

    @Test func anUndoInAVerifyingTenantAsksHowTheCallerWasVerified() throws {
        var state = journalWithEntry7()
        _ = state.apply(.key(.character("u")))
        _ = state.apply(.undoPlanned(entryID: 7, question: "Undo entry 7", verifies: true))
        #expect(state.apply(.key(.enter)) == [], "nothing is sent before the caller's verification is given")
        #expect(state.journal?.undoPrompt?.problem?.contains("Say how the caller was verified") == true)
        _ = state.apply(.key(.right))
        _ = state.apply(.key(.tab))
        for character in "rang back" { _ = state.apply(.key(.character(character))) }
        let verification = try CallerVerification(method: .callback, note: "rang back")
        #expect(state.apply(.key(.enter)) == [.undoEntry(7, verification: verification)])
    }

    private func journalWithEntry7() -> BrowserState {
        var state = browser()
        _ = state.apply(.action(.commandLine))
        for character in "journal" { _ = state.apply(.key(.character(character))) }
        _ = state.apply(.key(.enter))
        var entry = AuditEntry(
            at: Date(timeIntervalSince1970: 0), operatorName: "op", tenant: "contoso", userID: "u1", action: "delete method",
            target: "Mobile phone +1 2065555555", outcome: .succeeded)
        entry.id = 7
        _ = state.apply(.journalLoaded([entry]))
        return state
    }
}
