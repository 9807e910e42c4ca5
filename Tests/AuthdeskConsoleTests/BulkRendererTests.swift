import AuthdeskBulkReset
import AuthdeskConsole
import AuthdeskCore
import AuthdeskJournal
import AuthdeskViewModels
import AuthdeskWorkflows
import Foundation
import Testing

struct BulkRendererTests {
    static let avery = DirectoryUser(id: "u-avery", displayName: "Avery Howard", principalName: "avery@contoso.com")
    static let cameron = DirectoryUser(id: "u-cameron", displayName: "Cameron White", principalName: "cameron@contoso.com")
    static let dana = DirectoryUser(id: "u-dana", displayName: "Dana Ito", principalName: "dana@fabrikam.com")

    static let averyMethods: [AuthMethod] = [
        .password(PasswordMethod()),
        .phone(PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 2065550100", phoneType: .mobile)),
        .phone(PhoneMethod(id: PhoneType.alternateMobile.methodID, phoneNumber: "+1 2065550101", phoneType: .alternateMobile)),
        .phone(PhoneMethod(id: PhoneType.office.methodID, phoneNumber: "+1 2065550102", phoneType: .office)),
        .email(EmailMethod(id: "em-avery", emailAddress: "avery@example.org")),
    ]
    static let cameronMethods: [AuthMethod] = [
        .phone(PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 2065550200", phoneType: .mobile)),
        .phone(PhoneMethod(id: PhoneType.alternateMobile.methodID, phoneNumber: "+1 2065550201", phoneType: .alternateMobile)),
    ]

    /// The plan screen for Avery (default: mobile) and Cameron (default: alternate mobile), with
    /// Dana unreadable.
    static func planState(width: Int = 80, height: Int = 24) throws -> BulkScreenState {
        var state = BulkScreenState()
        _ = state.apply(.viewport(rows: BulkRenderer.listRows(height: height)))
        _ = state.apply(.openReset([Marks.Entry(tenant: "contoso", user: avery), Marks.Entry(tenant: "contoso", user: cameron)]))
        _ = state.apply(.action(.accept))
        let plan = try ResetJobPlan(policy: .portal, users: [
            UserResetPlan(tenant: "contoso", user: avery, methods: averyMethods, defaultMethodID: PhoneType.mobile.methodID, policy: .portal),
            UserResetPlan(tenant: "contoso", user: cameron, methods: cameronMethods, defaultMethodID: PhoneType.alternateMobile.methodID, policy: .portal),
        ])
        let unreadable = UnplannedUser(
            target: ResetTarget(tenant: "fabrikam", user: dana),
            failure: ServiceFailure(httpStatus: 403, code: "accessDenied", message: "Insufficient privileges", requestID: "req-403"))
        _ = state.apply(.planned(generation: state.generation, plan, unplanned: [unreadable]))
        return state
    }

    static func render(_ state: BulkScreenState, width: Int = 80, height: Int = 24) -> CellGrid {
        BulkRenderer.render(state, tenantColor: "red", width: width, height: height, options: RenderOptions(color: false))
    }

    static func lines(_ grid: CellGrid) -> [String] { grid.text.components(separatedBy: "\n") }

    /// At 40x14 the per-tenant line is longer than the screen and the plan scrolls: the
    /// line is cut short of the scroll position, which stays whole and readable at its end.
    @Test func thePerTenantLineLeavesRoomForTheScrollPosition() throws {
        let state = try Self.planState(width: 40, height: 14)
        let line = Self.lines(Self.render(state, width: 40, height: 14))[3]
        let position = try #require(line.range(of: #"1-\d+/\d+\s*$"#, options: .regularExpression))
        let before = line[..<position.lowerBound]
        #expect(before.hasPrefix(" Per tenant: contoso 2 users"))
        #expect(before.hasSuffix(" "), "the text stops short of the scroll position: \(line)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func thePlanShowsStepsInOrderKeptMethodsNotesAndTotals(width: Int, height: Int) throws {
        var state = try Self.planState(width: width, height: height)
        var text = Self.lines(Self.render(state, width: width, height: height))
        #expect(text.count == height)
        #expect(text[0].contains("reset all MFA · plan (dry run)"))
        #expect(text[2].contains("2 users · 5 delete · 0 deactivate · 1 make-default · 2 kept · 1 unreadable"))
        #expect(text[3].contains("Per tenant: contoso 2 users, 6 steps, 2 kept"))
        func index(_ fragment: String) -> Int? { text.firstIndex { $0.contains(fragment) } }
        let office = try #require(index("1. Delete Office phone"))
        let alternate = try #require(index("2. Delete Alternate mobile phone"))
        let mobile = try #require(index("3. Delete Mobile phone (default method, last)"))
        #expect(office < alternate && alternate < mobile)
        #expect(index("kept: Password: passwords are never deleted") != nil)
        #expect(index("kept: Email: not reset by this policy") != nil)
        #expect(text.last?.contains("enter run (type the phrase)") == true)
        #expect(text.last?.contains("esc dry run: back, nothing sent") == true)

        // Scrolled to the end: Cameron's note and the unreadable user.
        _ = state.apply(.action(.bottom))
        text = Self.lines(Self.render(state, width: width, height: height))
        #expect(text.contains { $0.contains("note: the default method is the alternate mobile phone") })
        #expect(text.contains { $0.contains("fabrikam  Dana Ito  dana@fabrikam.com") })
        #expect(text.contains { $0.contains("Insufficient privileges (HTTP 403, accessDenied, request id req-403)") })
    }

    @Test func theConfirmationFieldAndARefusedPhrase() throws {
        var state = try Self.planState()
        _ = state.apply(.action(.accept))
        for character in "RESET 3" { _ = state.apply(.key(.character(character))) }
        var text = Self.lines(Self.render(state))
        #expect(text[22].hasPrefix(" Type RESET 2 to run: RESET 3"))
        _ = state.apply(.action(.accept))
        text = Self.lines(Self.render(state))
        #expect(text[21].contains("\u{201C}RESET 3\u{201D} is not RESET 2: nothing was sent."))
        #expect(text[22] == " Type RESET 2 to run:")
    }

    /// A run two events in: Avery's office phone deleted and the alternate mobile sent,
    /// Cameron's first step refused; the records come from a real journal.
    static func runState(width: Int = 80, height: Int = 24) async throws -> (BulkScreenState, Journal, JobID) {
        var state = try planState(width: width, height: height)
        _ = state.apply(.action(.accept))
        for character in "RESET 2" { _ = state.apply(.key(.character(character))) }
        _ = state.apply(.action(.accept))
        let plan = try #require(state.plan)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let journal = try Journal(url: directory.appendingPathComponent("journal.sqlite"))
        let job = try await journal.createJob(plan, id: "20261126-230000-abcd")
        let summary = try await journal.summary(of: job.id)
        _ = state.apply(.runStarted(generation: state.generation, job.id, rows: summary.users.map(BulkRunRow.init), at: .zero))
        let avery = summary.users[0]
        let cameron = summary.users[1]
        var events: [(BulkResetEvent, Duration)] = [(.started(job: job.id, users: 2, steps: 6), .zero)]
        var sent = try await journal.markSent(step: avery.steps[0].id)
        events.append((.stepSent(tenant: "contoso", userID: Self.avery.id, step: sent), .seconds(1)))
        var answered = try await journal.recordAnswer(step: avery.steps[0].id, StepAnswer(httpStatus: 204, requestID: "r1"))
        events.append((.stepFinished(tenant: "contoso", userID: Self.avery.id, step: answered), .seconds(2)))
        sent = try await journal.markSent(step: avery.steps[1].id)
        events.append((.stepSent(tenant: "contoso", userID: Self.avery.id, step: sent), .seconds(2)))
        sent = try await journal.markSent(step: cameron.steps[0].id)
        events.append((.stepSent(tenant: "contoso", userID: Self.cameron.id, step: sent), .seconds(3)))
        answered = try await journal.recordAnswer(
            step: cameron.steps[0].id,
            StepAnswer(httpStatus: 403, errorCode: "accessDenied", message: "Admins are protected", requestID: "req-denied"))
        events.append((.stepFinished(tenant: "contoso", userID: Self.cameron.id, step: answered), .seconds(4)))
        let failed = try await journal.setUserState(cameron.user.id, to: .failed, reason: JobSummary.describe(answered))
        events.append((.userFinished(failed), .seconds(4)))
        for (event, time) in events { _ = state.apply(.engine(generation: state.generation, event, at: time)) }
        return (state, journal, job.id)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theRunShowsARowPerUserTheBarAndTheThroughput(width: Int, height: Int) async throws {
        let (state, _, _) = try await Self.runState(width: width, height: height)
        let text = Self.lines(Self.render(state, width: width, height: height))
        #expect(text[0].contains("reset all MFA · running · job 20261126-230000-abcd"))
        #expect(text[1].contains("0 done · 1 failed · 1 to go of 2 users"))
        #expect(text[2].hasPrefix(" [") && text[2].contains("% 1/6 steps"))
        #expect(text[3].contains("0.5 steps/s · 15.0 users/min · 0:10 left"))
        #expect(text[4].contains("Avery Howard") && text[4].contains("1/3  running: Delete Alternate mobile phone"))
        #expect(text[5].contains("Cameron White") && text[5].hasSuffix("0/3  failed"))
        let reason = text[6...].prefix(2).joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(reason.contains("Make Mobile phone the default: HTTP 403 accessDenied: Admins are protected"))
        #expect(reason.contains("(request id req-denied)"))
        #expect(text.last?.contains("p pause / resume") == true)
        #expect(text.last?.contains("c cancel (the step in flight finishes)") == true)
    }

    @Test func pausedAndCancellingAreSaid() async throws {
        var (state, _, _) = try await Self.runState()
        _ = state.apply(.action(.pause))
        #expect(Self.lines(Self.render(state))[1].contains("pausing…"))
        _ = state.apply(.engine(generation: state.generation, .paused, at: .seconds(5)))
        #expect(Self.lines(Self.render(state))[1].contains("PAUSED"))
        _ = state.apply(.action(.cancelRun))
        let text = Self.lines(Self.render(state))
        #expect(text[1].contains("CANCELLING"))
        #expect(text[22].contains("Cancelling: the steps in flight finish and are journalled"))
    }

    @Test func theRunHintsQuitAndASummaryWithFailuresHintsRetry() async throws {
        var (state, journal, id) = try await Self.runState()
        #expect(Self.lines(Self.render(state)).last?.contains("q pause and quit") == true)
        _ = state.apply(.summaryLoaded(generation: state.generation, try await journal.summary(of: id)))
        #expect(state.phase == .summary)
        #expect(Self.lines(Self.render(state)).last?.contains("t retry failed") == true)

        var clean = try Self.planState()
        _ = clean.apply(.action(.accept))
        for character in "RESET 2" { _ = clean.apply(.key(.character(character))) }
        _ = clean.apply(.action(.accept))
        let other = try await journal.createJob(try #require(clean.plan), id: "20261126-230500-ef01")
        _ = clean.apply(.summaryLoaded(generation: clean.generation, try await journal.summary(of: other.id)))
        #expect(clean.phase == .summary)
        #expect(Self.lines(Self.render(clean)).last?.contains("t retry failed") == false, "no failed user, no retry hint")
    }

    @Test func asciiRendering() async throws {
        let (state, _, _) = try await Self.runState()
        let grid = BulkRenderer.render(state, width: 80, height: 24, options: RenderOptions(asciiLines: true, asciiText: true, color: false))
        #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(Self.lines(grid)[2].contains("#"))
    }
}
