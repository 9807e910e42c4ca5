import AuthdeskConsole
import AuthdeskCore
import AuthdeskJournal
import AuthdeskViewModels
import Foundation
import Testing

/// The journal screen, the ticket question and the ticket in the banner, read back as text.
struct BrowserRendererJournalTests {
    private static func entry(_ user: String, _ tenant: String, _ action: String, ticket: String?, outcome: AuditOutcome = .succeeded) -> AuditEntry {
        AuditEntry(
            at: Date(timeIntervalSince1970: 1_790_000_000), operatorName: "op", tenant: tenant, userID: user,
            userName: "\(user) name", action: action, target: "Mobile phone", outcome: outcome,
            requestID: "req-\(user)", ticket: ticket)
    }

    private func journalState(filter: String = "") -> BrowserState {
        var state = Screens.browser()
        var journal = JournalViewState()
        journal.loaded([
            Self.entry("adele", "contoso", "delete method", ticket: "INC-1"),
            Self.entry("ben", "fabrikam", "add phone", ticket: "INC-2", outcome: .refused),
        ])
        journal.filter = filter
        state.journal = journal
        return state
    }

    @Test func theJournalTakesTheScreenNewestFirst() {
        let lines = Screens.render(journalState(), width: 120, height: 30).text.components(separatedBy: "\n")
        #expect(lines[1].contains("press / to filter"))
        #expect(lines[1].contains("2 of 2 entries"))
        #expect(lines[2].contains("When (UTC)") && lines[2].contains("Ticket") && lines[2].contains("Request id"))
        #expect(lines[3].contains("ben name") && lines[3].contains("refused") && lines[3].contains("INC-2"))
        #expect(lines[4].contains("adele name") && lines[4].contains("delete method Mobile phone"))
        #expect(!lines.joined().contains("Users"), "the browser's panes are not drawn")
        #expect(lines[29].contains("e export CSV+JSON") && lines[29].contains("esc back"))
    }

    @Test func theFilterShowsWhatItLetsThrough() {
        let text = Screens.render(journalState(filter: "fabrikam"), width: 100, height: 24).text
        #expect(text.contains("1 of 2 entries"))
        #expect(text.contains("ben name"))
        #expect(!text.contains("adele name"))
    }

    @Test func theTicketQuestionAndTheTicketInTheBanner() {
        var state = Screens.browser()
        state.ticketing.prompt = TicketPrompt(text: "INC-4")
        let asking = Screens.render(state).text.components(separatedBy: "\n")
        #expect(asking[22].contains("Ticket reference (optional; enter to go on): INC-4"))
        state.ticketing.prompt = nil
        state.ticketing.reference = "INC-4"
        let banner = Screens.render(state).text.components(separatedBy: "\n")[0]
        #expect(banner.contains("ticket INC-4"))
        #expect(banner.contains("contoso"))
    }
}
