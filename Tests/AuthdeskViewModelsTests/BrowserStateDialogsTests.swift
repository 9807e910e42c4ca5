import AuthdeskCore
import AuthdeskServices
@testable import AuthdeskViewModels
import Foundation
import Testing

/// The dialogs' reducer on its own: events in, state and effects out.
struct BrowserStateDialogsTests {
    /// Alice's methods open in the methods pane.
    private func browser(capabilities: Set<ProviderAction> = ProviderAction.graph) -> BrowserState {
        var state = BrowserState(tenant: TenantInfo(name: "contoso", provider: .graph, id: "t", domain: "contoso.com"), capabilities: capabilities)
        _ = state.apply(.start)
        _ = state.apply(.searchAnswered(generation: state.list.generation, .success(UserPage(users: [Fixtures.alice]))))
        _ = state.apply(.methodsAnswered(generation: state.methodsPane.generation, userID: Fixtures.alice.id, .success(Fixtures.aliceMethods)))
        _ = state.apply(.action(.nextPane))
        return state
    }

    private static let reset = PasswordReset(
        operationURL: URL(string: "https://graph.microsoft.com/v1.0/operations/1"), generatedPassword: "S3cret!")

    @Test func confirmingSendsOneRequestAndNothingWhileSending() throws {
        var state = browser()
        _ = state.apply(.action(.revokeSessions))
        _ = state.apply(.action(.nextField))
        let effects = state.apply(.action(.confirm))
        let id = try #require(state.dialog?.id)
        #expect(effects == [.send(.revokeSessions(userID: Fixtures.alice.id), dialogID: id)])
        #expect(state.dialog?.phase == .sending)
        #expect(state.apply(.action(.confirm)) == [])
    }

    @Test func theSpinnerTicksOnlyWhileTheResetRuns() throws {
        var state = browser()
        _ = state.apply(.action(.resetPassword))
        _ = state.apply(.action(.nextField))
        _ = state.apply(.action(.confirm))
        let dialogID = try #require(state.dialog?.id)
        let effects = state.apply(.dialogAnswered(dialogID: dialogID, .success(.reset(Self.reset)), at: .seconds(1)))
        let operationID = try #require(state.operation?.id)
        var followed = Self.reset
        followed.generatedPassword = nil
        #expect(effects == [.followOperation(followed, operationID: operationID), .tickOperation(operationID: operationID)])
        #expect(state.apply(.operationTicked(operationID: operationID, at: .seconds(2))) == [.tickOperation(operationID: operationID)])
        _ = state.apply(.operationUpdated(operationID: operationID, LongRunningOperation(id: "1", status: .succeeded), at: .seconds(3)))
        #expect(state.operation?.isFinished == true)
        #expect(state.apply(.operationTicked(operationID: operationID, at: .seconds(4))) == [])
        #expect(state.operation?.elapsedSeconds == 2)
    }

    @Test func anAnswerToAClosedDialogStillRefreshesButShowsNoSecret() throws {
        var state = browser()
        _ = state.apply(.action(.issueTemporaryAccessPass))
        _ = state.apply(.action(.nextField))
        _ = state.apply(.action(.confirm))
        let id = try #require(state.dialog?.id)
        _ = state.apply(.action(.closeDialog))
        #expect(state.dialog == nil)
        let issued = IssuedTemporaryAccessPass(method: TemporaryAccessPassMethod(id: "t"), pass: "P4ss")
        _ = state.apply(.dialogAnswered(dialogID: id, .success(.pass(issued)), at: .zero))
        #expect(state.dialog == nil)
        #expect(state.flash?.text.contains("was not shown") == true)
    }

    @Test func aLostOperationSaysWhy() throws {
        var state = browser()
        _ = state.apply(.action(.resetPassword))
        _ = state.apply(.action(.nextField))
        _ = state.apply(.action(.confirm))
        let dialogID = try #require(state.dialog?.id)
        _ = state.apply(.dialogAnswered(dialogID: dialogID, .success(.reset(Self.reset)), at: .zero))
        let operationID = try #require(state.operation?.id)
        let gone = ServiceError(kind: .notFound, status: 404, code: "operationNotFound", message: "The operation is gone", requestID: "r-9")
        _ = state.apply(.operationLost(operationID: operationID, gone, at: .seconds(1)))
        #expect(state.operation?.isFinished == true)
        #expect(state.flash == Flash(id: state.flash?.id ?? 0, level: .error,
                                     text: "Lost track of the password reset of Alice Smith: \(gone)"))
    }

    @Test func withoutFollowingTheResetIsDoneAtOnce() throws {
        var state = browser(capabilities: ProviderAction.auth0)
        _ = state.apply(.action(.resetPassword))
        _ = state.apply(.action(.nextField))
        _ = state.apply(.action(.confirm))
        let dialogID = try #require(state.dialog?.id)
        let effects = state.apply(.dialogAnswered(
            dialogID: dialogID, .success(.reset(PasswordReset(operationURL: nil, generatedPassword: "x"))), at: .zero))
        #expect(state.operation == nil)
        #expect(state.dialog?.resultLines == ["The password was changed."])
        #expect(effects.contains { if case .loadMethods = $0 { true } else { false } })
    }

    @Test func aDialogTakesEveryKey() {
        var state = browser()
        _ = state.apply(.action(.addPhone))
        _ = state.apply(.action(.nextField))
        for key: Key in [.character("q"), .character("j"), .character("/"), .character(":")] { _ = state.apply(.key(key)) }
        #expect(state.quitRequested == false)
        #expect(state.input == nil)
        #expect(state.dialog?.field(.number)?.text == "qj/:")
        #expect(state.activeScopes == [.dialog])
    }
}
