import AuthdeskBulkReset
import AuthdeskConsole
import AuthdeskCore
import AuthdeskJournal
import AuthdeskViewModels
import Foundation
import Testing

/// The pre-flight on the bulk screen, drawn at 80x24 in colour: a refused user's "will be
/// refused" line in the error style, a warning in the warning style, the refused count in the
/// totals, the phrase counting runnable users only, and no run offered when everyone is refused.
struct BulkRendererPreflightTests {
    static let priya = DirectoryUser(id: "u-priya", displayName: "Priya Raman", principalName: "priya.raman@contoso.com")
    static let cameron = BulkRendererTests.cameron
    static let methods: [AuthMethod] = [
        .password(PasswordMethod()),
        .phone(PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 2065550300", phoneType: .mobile)),
    ]
    static let refusal = "Priya Raman is a Global Administrator; an Authentication Administrator cannot reset their MFA"
    static let doubt = "the pre-flight could not read the user's roles; the service decides"

    static func user(_ user: DirectoryUser, _ note: PlanNote?) -> UserResetPlan {
        var plan = UserResetPlan(tenant: "contoso", user: user, methods: methods, defaultMethodID: nil, policy: .portal)
        if let note { plan.plan.notes.append(note) }
        return plan
    }

    static func state(_ users: [UserResetPlan]) throws -> BulkScreenState {
        var state = BulkScreenState()
        _ = state.apply(.viewport(rows: BulkRenderer.listRows(height: 24)))
        _ = state.apply(.openReset([Marks.Entry(tenant: "contoso", user: priya), Marks.Entry(tenant: "contoso", user: cameron)]))
        _ = state.apply(.action(.accept))
        _ = state.apply(.planned(generation: state.generation, try ResetJobPlan(policy: .portal, users: users), unplanned: []))
        return state
    }

    static func render(_ state: BulkScreenState) -> CellGrid {
        BulkRenderer.render(state, tenantColor: "red", width: 80, height: 24, options: RenderOptions())
    }

    static let theme = Theme(options: RenderOptions(), tenantColor: .red)

    /// The row and column where `fragment` starts.
    static func find(_ fragment: String, in grid: CellGrid) throws -> (x: Int, y: Int) {
        let lines = grid.text.components(separatedBy: "\n")
        let y = try #require(lines.firstIndex { $0.contains(fragment) }, "\(fragment) not on screen:\n\(grid.text)")
        let range = try #require(lines[y].range(of: fragment))
        return (lines[y].distance(from: lines[y].startIndex, to: range.lowerBound), y)
    }

    @Test func aRefusedUserAndAWarningAreShownInTheirStyles() throws {
        let state = try Self.state([
            Self.user(Self.priya, .willBeRefused(reason: Self.refusal)),
            Self.user(Self.cameron, .preflightWarning(reason: Self.doubt)),
        ])
        #expect(state.confirmationPhrase == "RESET 1")
        let grid = Self.render(state)
        let lines = grid.text.components(separatedBy: "\n")
        #expect(lines[2].contains("2 users · 1 delete · 0 deactivate · 2 kept · 1 refused"))
        #expect(lines[3].contains("contoso 2 users, 1 step"))
        #expect(lines.contains { $0.contains("Priya Raman  (u-priya)  skipped, nothing sent") })
        let refused = try Self.find("will be refused: Priya Raman is a Global Administrator", in: grid)
        #expect(grid[refused.x, refused.y].style == Self.theme.error)
        let warning = try Self.find("warning: the pre-flight could not read", in: grid)
        #expect(grid[warning.x, warning.y].style == Self.theme.warning)
        #expect(lines.last?.contains("enter run (type the phrase)") == true)
    }

    @Test func everyoneRefusedOffersNoRunAndSaysWhy() throws {
        var state = try Self.state([Self.user(Self.priya, .willBeRefused(reason: Self.refusal))])
        var lines = Self.render(state).text.components(separatedBy: "\n")
        #expect(lines.last?.contains("enter") == false)
        #expect(lines[22].contains("Nothing to run: the pre-flight says the service will refuse every user"))
        _ = state.apply(.action(.accept))
        #expect(state.phase == .plan)
        lines = Self.render(state).text.components(separatedBy: "\n")
        #expect(lines[22].contains("Nothing to run"))
    }

    @Test func theSummaryListsRefusedUsers() async throws {
        var state = try Self.state([
            Self.user(Self.priya, .willBeRefused(reason: Self.refusal)), Self.user(Self.cameron, nil),
        ])
        _ = state.apply(.action(.accept))
        for character in "RESET 1" { _ = state.apply(.key(.character(character))) }
        let effects = state.apply(.action(.accept))
        guard case .startJob(let runnable, _)? = effects.first else {
            Issue.record("no job started: \(effects)")
            return
        }
        #expect(runnable.users.map(\.displayName) == ["Cameron White"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = try Journal(url: directory.appendingPathComponent("journal.sqlite"))
        let job = try await journal.createJob(runnable, operatorName: "tester@host")
        _ = state.apply(.summaryLoaded(generation: state.generation, try await journal.summary(of: job.id)))
        let grid = Self.render(state)
        let line = try Self.find("refused    contoso  Priya Raman: pre-flight, nothing sent", in: grid)
        #expect(grid[line.x, line.y].style == Self.theme.error)
        #expect(grid.text.contains("0 done · 0 failed · 1 refused · 1 untouched"))
        #expect(state.summaryLineCount == 2)
    }
}
