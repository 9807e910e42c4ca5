import AuthdeskAudit
import AuthdeskCore
import AuthdeskJournal
import AuthdeskJournalTesting
import AuthdeskServices
import AuthdeskViewModels
import Foundation
import Testing

/// The console's audit through the view model: every dialog change journalled, the ticket asked
/// once, `:ticket`, the `:journal` screen with its filter and export, and a journal that cannot
/// be opened.
@Suite(.timeLimit(.minutes(1)))
struct BrowserViewModelAuditTests {
    private static let cameron = DirectoryUser(id: "u-cam", displayName: "Cameron White", principalName: "CameronW@contoso.com")
    private static let mobile = PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 2065555555", phoneType: .mobile)
    private static let methods: [AuthMethod] = [.password(PasswordMethod()), .phone(mobile)]

    private struct Audited {
        let h: Harness
        let fixture: JournalFixture
        let journal: Journal
        let auditor: ChangeAuditor
    }

    /// A browser audited into a fresh journal, with Cameron's methods open.
    private func opened(ticket: String? = nil) async throws -> Audited {
        let fixture = try JournalFixture()
        let journal = try fixture.open()
        let auditor = ChangeAuditor(
            journal: journal, operatorSource: OperatorSource(fixed: "helpdesk@jump"), ticket: ticket,
            now: { JournalFixture.time(0) })
        let provider = FakeIdentityProvider(users: [Self.cameron], methods: [Self.cameron.id: Self.methods])
        let h = Harness(provider: provider, auditor: auditor)
        h.model.start()
        await h.settle()
        h.model.perform(.open)
        await h.wait { $0.focus == .methods && $0.methods.methods == Self.methods }
        return Audited(h: h, fixture: fixture, journal: journal, auditor: auditor)
    }

    private func revoke(_ h: Harness) async {
        #expect(h.model.perform(.revokeSessions))
        h.model.perform(.nextField)
        h.model.perform(.confirm)
        await h.wait { state in
            guard let phase = state.dialog?.phase else { return true }
            if case .refused = phase { return true }
            return phase == .result
        }
    }

    @Test func theTicketIsAskedAtTheFirstChangeOnlyAndGoesIntoEveryEntry() async throws {
        let a = try await opened()
        defer { a.fixture.remove() }
        #expect(a.h.state.ticketing.prompt == nil)
        #expect(a.h.model.perform(.revokeSessions))
        #expect(a.h.state.ticketing.prompt != nil)
        #expect(a.h.state.dialog != nil)
        a.h.model.type("INC-42")
        a.h.model.press(.enter)
        #expect(a.h.state.ticketing.prompt == nil)
        #expect(a.h.state.ticket == "INC-42")
        #expect(a.auditor.ticket == "INC-42")
        a.h.model.perform(.nextField)
        a.h.model.perform(.confirm)
        await a.h.wait { $0.dialog == nil }

        await revoke(a.h)
        #expect(a.h.state.ticketing.prompt == nil)
        #expect(a.h.provider.writes == [.revoke("u-cam"), .revoke("u-cam")])

        let entries = try await a.journal.audit()
        #expect(entries.count == 2)
        for entry in entries {
            #expect(entry.ticket == "INC-42")
            #expect(entry.action == "revoke sessions")
            #expect(entry.outcome == .succeeded)
            #expect(entry.tenant == "contoso")
            #expect(entry.userID == "u-cam")
            #expect(entry.userName == "Cameron White (CameronW@contoso.com)")
            #expect(entry.operatorName == "helpdesk@jump")
        }
    }

    @Test func anEmptyTicketIsAllowedAndNotAskedAgain() async throws {
        let a = try await opened()
        defer { a.fixture.remove() }
        #expect(a.h.model.perform(.revokeSessions))
        a.h.model.press(.escape)
        #expect(a.h.state.ticketing.prompt == nil)
        #expect(a.h.state.ticket == nil)
        a.h.model.perform(.closeDialog)
        #expect(a.h.model.perform(.revokeSessions))
        #expect(a.h.state.ticketing.prompt == nil)
    }

    @Test func colonTicketChangesTheTicketForLaterChanges() async throws {
        let a = try await opened(ticket: "INC-1")
        defer { a.fixture.remove() }
        #expect(a.h.state.ticket == "INC-1")
        await revoke(a.h)
        #expect(a.h.model.perform(.commandLine))
        a.h.model.type("ticket CHG-77")
        a.h.model.press(.enter)
        #expect(a.h.state.ticket == "CHG-77")
        await revoke(a.h)
        let tickets = try await a.journal.audit().map(\.ticket)
        #expect(tickets == ["INC-1", "CHG-77"])
    }

    @Test func aServiceRefusalIsJournalledWithItsCodeAndRequestID() async throws {
        let a = try await opened(ticket: "INC-5")
        defer { a.fixture.remove() }
        a.h.provider.fail(.revoke("u-cam"), with: ServiceError(
            kind: .forbidden, status: 403, code: "accessDenied", message: "Request Authorization failed",
            requestID: "req-403"))
        await revoke(a.h)
        let entry = try #require(try await a.journal.audit().last)
        #expect(entry.outcome == .refused)
        #expect(entry.requestID == "req-403")
        #expect(entry.detail == "HTTP 403 accessDenied: Request Authorization failed")
    }

    @Test func theIssuedPassAndTheTypedPasswordNeverReachTheJournal() async throws {
        let a = try await opened(ticket: "INC-7")
        defer { a.fixture.remove() }
        #expect(a.h.model.perform(.issueTemporaryAccessPass))
        a.h.model.perform(.nextField)
        a.h.model.perform(.confirm)
        await a.h.wait { $0.dialog?.phase == .result }
        a.h.model.perform(.closeDialog)
        await a.h.wait { $0.dialog == nil }
        let entries = try await a.journal.audit()
        #expect(entries.map(\.action) == ["create TAP"])
        let bytes = try JournalFiles.bytes(in: a.fixture.directory)
        #expect(!bytes.isEmpty)
        #expect(bytes.range(of: Data(FakeIdentityProvider.issuedPass.utf8)) == nil)
    }

    // MARK: The journal screen

    private func seed(_ journal: Journal) async throws {
        let rows: [(String, String, String, String?)] = [
            ("contoso", "u-adele", "delete method", "INC-1"),
            ("fabrikam", "u-ben", "create TAP", "INC-2"),
            ("contoso", "u-cam", "revoke sessions", nil),
        ]
        for (offset, row) in rows.enumerated() {
            try await journal.appendAudit(AuditEntry(
                at: JournalFixture.time(Double(offset)), operatorName: "op", tenant: row.0, userID: row.1,
                action: row.2, outcome: .succeeded, requestID: "req-\(offset)", ticket: row.3))
        }
    }

    @Test func colonJournalShowsEntriesNewestFirstFiltersAsYouTypeAndExports() async throws {
        let a = try await opened(ticket: "INC-9")
        defer { a.fixture.remove() }
        try await seed(a.journal)
        #expect(a.h.model.perform(.commandLine))
        a.h.model.type("journal")
        a.h.model.press(.enter)
        let loaded = await a.h.wait { $0.journal?.status == .loaded }
        #expect(loaded.journal?.visible.map(\.userID) == ["u-cam", "u-ben", "u-adele"])

        a.h.model.press(.character("j"))
        #expect(a.h.state.journal?.selected == 1)
        a.h.model.press(.character("/"))
        a.h.model.type("fabrik")
        #expect(a.h.state.journal?.visible.map(\.userID) == ["u-ben"])
        a.h.model.press(.backspace)
        a.h.model.press(.enter)
        #expect(a.h.state.journal?.isFiltering == false)
        #expect(a.h.state.journal?.filter == "fabri")
        // Typing after enter no longer filters: `k` moves.
        a.h.model.press(.character("k"))
        #expect(a.h.state.journal?.filter == "fabri")

        a.h.model.press(.character("/"))
        a.h.model.press(.control("u"))
        a.h.model.type("inc-1")
        #expect(a.h.state.journal?.visible.map(\.userID) == ["u-adele"])
        a.h.model.press(.enter)
        a.h.model.press(.character("e"))
        let exported = await a.h.wait { $0.journal?.message?.hasPrefix("Exported to ") == true }
        let message = try #require(exported.journal?.message)
        let paths = message.dropFirst("Exported to ".count).components(separatedBy: " and ")
        #expect(paths.count == 3)
        let evidence = try String(contentsOfFile: try #require(paths.first { $0.hasSuffix(".evidence.md") }), encoding: .utf8)
        #expect(evidence.hasPrefix("# authdesk evidence") && evidence.contains("u-adele") && !evidence.contains("u-ben"))
        let csv = try String(contentsOfFile: try #require(paths.first { $0.hasSuffix(".csv") }), encoding: .utf8)
        #expect(csv.contains("u-adele"))
        #expect(!csv.contains("u-ben"))
        let json = try Data(contentsOf: URL(fileURLWithPath: try #require(paths.first { $0.hasSuffix(".json") })))
        let rows = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
        #expect(rows.map { $0["user"] as? String } == ["u-adele"])
        #expect(paths.allSatisfy { $0.hasPrefix(a.fixture.directory.path) })

        a.h.model.press(.escape)
        #expect(a.h.state.journal == nil)
    }

    @Test func anUnopenableJournalIsSaidOnceAndChangesGoOn() async throws {
        let auditor = ChangeAuditor(
            journal: nil, problem: "the journal in /nowhere cannot be opened", operatorSource: OperatorSource(fixed: "op"))
        let provider = FakeIdentityProvider(users: [Self.cameron], methods: [Self.cameron.id: Self.methods])
        let h = Harness(provider: provider, auditor: auditor)
        #expect(h.state.flash?.level == .error)
        #expect(h.state.flash?.text.contains("NOT journalled") == true)
        h.model.start()
        await h.settle()
        h.model.perform(.open)
        await h.wait { $0.methods.methods == Self.methods }
        #expect(h.model.perform(.revokeSessions))
        h.model.press(.enter)
        await revokeConfirmed(h)
        #expect(h.provider.writes == [.revoke("u-cam")])
        #expect(h.model.perform(.commandLine))
        h.model.type("journal")
        h.model.press(.enter)
        let state = await h.wait { if case .failed = $0.journal?.status { true } else { false } }
        #expect(state.journal?.status == .failed("the journal in /nowhere cannot be opened"))
    }

    private func revokeConfirmed(_ h: Harness) async {
        h.model.perform(.nextField)
        h.model.perform(.confirm)
        await h.wait { $0.dialog == nil }
    }
}
