import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskViewModels
import Foundation
import Testing

/// The pre-flight on the bulk screen, through the view model: the operator an Authentication
/// Administrator (a fake provider), Avery a Global Administrator. As `reset-mfa` does, Avery is
/// marked refused in the plan, left out of the phrase and the job, and reported `refused`.
@Suite(.timeLimit(.minutes(1)))
struct BulkScreenViewModelPreflightTests {
    static let helpdesk = OperatorProfile(
        signIn: .user(principalName: "helpdesk@contoso.com", id: "u-helpdesk"), roles: [.authenticationAdministrator])

    private func harness(adminIDs: [String]) throws -> BulkHarness {
        let provider = FakeIdentityProvider(users: [BulkFixtures.avery, BulkFixtures.cameron])
        provider.setOperator(Self.helpdesk)
        for id in adminIDs { provider.setFacts(of: id, roles: [.globalAdministrator]) }
        return try BulkHarness(removers: ["contoso": BulkFixtures.contoso()], preflights: ["contoso": provider])
    }

    @Test func aRefusedUserIsMarkedLeftOutOfThePhraseAndTheJobAndReportedRefused() async throws {
        let h = try harness(adminIDs: [BulkFixtures.avery.id])
        let planned = await h.plan(BulkFixtures.entries)
        let plan = try #require(planned.plan)
        #expect(plan.users.map(\.displayName) == ["Avery Howard", "Cameron White"])
        let refusal = try #require(plan.users[0].plan.refusal)
        #expect(refusal.contains("Global Administrator"))
        #expect(!plan.users[1].plan.isRefused)
        #expect(plan.totals.refused == 1)
        #expect(planned.confirmationPhrase == "RESET 1")

        #expect(h.model.perform(.accept))
        h.model.type("RESET 2")
        h.model.perform(.accept)
        #expect(h.state.phase == .confirm)
        #expect(try await h.journal.jobs().isEmpty)
        h.model.type("RESET 1")
        #expect(h.model.perform(.accept))
        let state = await h.wait { $0.phase == .summary }
        #expect(h.performed == ["u-cameron/\(BulkFixtures.mobile)"])
        #expect(state.summary?.users.map(\.user.userID) == [BulkFixtures.cameron.id])
        #expect(state.summary?.counts.usersDone == 1)
        #expect(state.refused.map(\.userID) == [BulkFixtures.avery.id])

        #expect(h.model.perform(.export))
        let exported = await h.wait { !$0.exported.isEmpty }
        let csvPath = try #require(exported.exported.first { $0.hasSuffix(".csv") })
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        let averyRow = try #require(csv.split(separator: "\n").first { $0.contains(BulkFixtures.avery.id) })
        #expect(averyRow.contains("refused"))
        #expect(averyRow.contains("pre-flight, nothing sent"))
        #expect(averyRow.contains("Global Administrator"))
        #expect(csv.split(separator: "\n").contains { $0.contains(BulkFixtures.cameron.id) && $0.contains("done") })
    }

    @Test func whenEveryoneIsRefusedTheRunIsNotOffered() async throws {
        let h = try harness(adminIDs: [BulkFixtures.avery.id, BulkFixtures.cameron.id])
        let planned = await h.plan(BulkFixtures.entries)
        #expect(planned.plan?.runnable.isEmpty == true)
        #expect(planned.everyoneRefused?.contains("refuse every user") == true)
        h.model.perform(.accept)
        #expect(h.state.phase == .plan)
        #expect(h.state.flash?.level == .error)
        #expect(h.state.flash?.text.contains("Nothing to run") == true)
        #expect(h.performed.isEmpty)
        #expect(try await h.journal.jobs().isEmpty)
    }

    @Test func withoutAPreflightNothingIsMarked() async throws {
        let h = try BulkHarness(removers: ["contoso": BulkFixtures.contoso()])
        let planned = await h.plan(BulkFixtures.entries)
        #expect(planned.refused.isEmpty)
        #expect(planned.confirmationPhrase == "RESET 2")
    }
}
