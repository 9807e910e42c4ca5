import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Foundation
import Testing

/// The action dialogs driven through the view model: a fake provider, the manual clock.
@Suite(.timeLimit(.minutes(1)))
struct BrowserViewModelDialogTests {
    private static let cameron = DirectoryUser(id: "u-cam", displayName: "Cameron White", principalName: "CameronW@contoso.com")
    private static let mobile = PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 2065555555", phoneType: .mobile, smsSignInState: .notEnabled)
    private static let cameronMethods: [AuthMethod] = [.password(PasswordMethod()), .phone(mobile)]

    /// A browser with Cameron's methods open in the methods pane.
    private func opened(
        readOnly: Bool = false, capabilities: Set<ProviderAction> = ProviderAction.graph,
        methods: [AuthMethod] = cameronMethods
    ) async -> Harness {
        let h = Harness(
            provider: FakeIdentityProvider(users: [Self.cameron], methods: [Self.cameron.id: methods], capabilities: capabilities),
            readOnly: readOnly)
        h.model.start()
        await h.settle()
        #expect(h.model.perform(.open))
        await h.wait { $0.focus == .methods && $0.methods.methods == methods }
        return h
    }

    private func selectMethod(_ h: Harness, kind: MethodKind) async {
        while h.state.methodsPane.current?.kind != kind {
            let before = h.state.methodsPane.selected
            h.model.perform(.moveDown)
            if h.state.methodsPane.selected == before { break }
        }
    }

    // MARK: Add a phone

    @Test func addAPhoneHappyPathRefreshesThePane() async {
        let h = await opened()
        #expect(h.model.perform(.addPhone))
        let dialog = try! #require(h.state.dialog)
        #expect(dialog.kind == .addPhone)
        #expect(dialog.summary == "Add a phone for Cameron White (CameronW@contoso.com) in the tenant contoso.")
        #expect(dialog.buttons == [.confirm, .cancel])
        #expect(dialog.field(.phoneType)?.chosen == "Alternate mobile phone")
        h.model.perform(.nextField)
        h.model.type("+1 4255550100")
        #expect(h.state.dialog?.field(.number)?.text == "+1 4255550100")
        #expect(h.state.dialog?.visibleProblem(for: .number) == nil)
        #expect(h.model.perform(.confirm))
        let state = await h.wait { $0.dialog == nil && $0.methods.methods.count == 3 }
        #expect(h.provider.writes == [.addPhone("u-cam", number: "+1 4255550100", .alternateMobile)])
        #expect(state.methods.methods.contains { $0.summary == "+1 4255550100" })
        #expect(state.flash?.text == "Add a phone: done for Cameron White")
    }

    @Test func anInvalidNumberIsExplainedAsTypedAndNeverSent() async {
        let h = await opened()
        h.model.perform(.addPhone)
        h.model.perform(.confirm)
        #expect(h.state.dialog?.showsProblems == true)
        #expect(h.state.dialog?.visibleProblem(for: .number)?.hasPrefix("A number is needed") == true)
        #expect(h.state.dialog?.focusedField?.id == .number)
        h.model.type("+1 206-555")
        let problem = try! #require(h.state.dialog?.visibleProblem(for: .number))
        #expect(problem.contains("must be 4 to 15 digits"))
        #expect(problem.contains(PhoneNumber.formatHint))
        h.model.perform(.confirm)
        #expect(h.state.dialog?.phase == .editing)
        #expect(h.provider.writes.isEmpty)
    }

    @Test func theCursorMovesAndEditsInTheMiddle() async {
        let h = await opened()
        h.model.perform(.addPhone)
        h.model.perform(.nextField)
        h.model.type("+1 20655555")
        h.model.perform(.cursorLeft)
        h.model.perform(.cursorLeft)
        h.model.type("9")
        h.model.press(.backspace)
        h.model.type("7")
        #expect(h.state.dialog?.field(.number)?.text == "+1 206555755")
        #expect(h.state.dialog?.field(.number)?.cursor == 10)
        h.model.perform(.previousField)
        h.model.perform(.toggleChoice)
        #expect(h.state.dialog?.field(.phoneType)?.chosen == "Office phone")
    }

    @Test func aRefusalIsShownWithCodeAndRequestIDAndKeepsTheInput() async {
        let h = await opened()
        let refusal = ServiceError(
            kind: .badInput, status: 400, code: "invalidValue", message: "The phone number is not valid", requestID: "req-42")
        h.provider.fail(.addPhone("u-cam", number: "+44 2071234567", .alternateMobile), with: refusal)
        h.model.perform(.addPhone)
        h.model.perform(.nextField)
        h.model.type("+44 2071234567")
        h.model.perform(.confirm)
        let state = await h.wait { $0.dialog?.phase == .refused(refusal) }
        #expect(state.dialog?.field(.number)?.text == "+44 2071234567")
        #expect(refusal.description.contains("invalidValue") && refusal.description.contains("req-42"))
        #expect(state.methods.methods == Self.cameronMethods)
        h.model.type("8")
        #expect(h.state.dialog?.phase == .editing)
    }

    @Test func escCancelsWithoutSending() async {
        let h = await opened()
        h.model.perform(.addPhone)
        h.model.perform(.nextField)
        h.model.type("+1 4255550100")
        #expect(h.model.perform(.closeDialog))
        #expect(h.state.dialog == nil)
        #expect(h.provider.writes.isEmpty)
    }

    // MARK: Change, delete, SMS, e-mail, revoke

    @Test func changeTheSelectedPhonesNumber() async {
        let h = await opened()
        await selectMethod(h, kind: .phone)
        #expect(h.model.perform(.editMethod))
        #expect(h.state.dialog?.focus == .cancel)
        #expect(h.state.dialog?.field(.number)?.text == "+1 2065555555")
        h.model.perform(.nextField)
        h.model.perform(.nextField)
        h.model.press(.control("u"))
        h.model.type("+1 2065550000")
        h.model.perform(.confirm)
        await h.wait { $0.dialog == nil && $0.methods.methods.contains { $0.summary == "+1 2065550000" } }
        #expect(h.provider.writes == [.updatePhone("u-cam", .mobile, number: "+1 2065550000")])
    }

    @Test func deleteHasCancelFirstAndFocused() async {
        let h = await opened()
        await selectMethod(h, kind: .phone)
        #expect(h.model.perform(.deleteMethod))
        let dialog = try! #require(h.state.dialog)
        #expect(dialog.buttons == [.cancel, .confirm])
        #expect(dialog.focus == .cancel)
        #expect(dialog.summary.contains("Mobile phone (+1 2065555555) of Cameron White (CameronW@contoso.com) in the tenant contoso"))
        h.model.perform(.confirm)
        #expect(h.state.dialog == nil)
        #expect(h.provider.writes.isEmpty)

        h.model.perform(.deleteMethod)
        h.model.perform(.nextField)
        #expect(h.state.dialog?.focus == .confirm)
        h.model.perform(.confirm)
        let state = await h.wait { $0.dialog == nil && $0.methods.methods.count == 1 }
        #expect(h.provider.writes == [.delete("u-cam", methodID: PhoneType.mobile.methodID)])
        #expect(state.methods.methods.map(\.kind) == [.password])
    }

    @Test func thePasswordCannotBeDeleted() async {
        let h = await opened()
        #expect(h.state.methodsPane.current?.kind == .password)
        h.model.perform(.deleteMethod)
        #expect(h.state.dialog == nil)
        #expect(h.state.flash?.text == "The password cannot be deleted; p resets it")
    }

    @Test func smsSignInTurnsOnForTheMobile() async {
        let h = await opened()
        #expect(h.model.perform(.toggleSmsSignIn))
        #expect(h.state.dialog?.kind == .smsSignIn(Self.mobile, enable: true))
        #expect(h.state.dialog?.focus == .confirm)
        h.model.perform(.confirm)
        await h.wait { $0.dialog == nil }
        #expect(h.provider.writes == [.setSms("u-cam", true)])
    }

    @Test func smsSignInNeedsAMobile() async {
        let h = await opened(methods: [.password(PasswordMethod())])
        h.model.perform(.toggleSmsSignIn)
        #expect(h.state.dialog == nil)
        #expect(h.state.flash?.text.contains("has no mobile phone") == true)
    }

    @Test func addTheEmailMethodChecksTheAddress() async {
        let h = await opened()
        #expect(h.model.perform(.editEmail))
        #expect(h.state.dialog?.kind == .addEmail)
        h.model.type("cameron@")
        #expect(h.state.dialog?.visibleProblem(for: .address)?.contains("is not an e-mail address") == true)
        h.model.perform(.confirm)
        #expect(h.provider.writes.isEmpty)
        h.model.type("example.org")
        h.model.perform(.confirm)
        await h.wait { $0.dialog == nil && $0.methods.methods.count == 3 }
        #expect(h.provider.writes == [.addEmail("u-cam", "cameron@example.org")])
    }

    @Test func anExistingEmailIsChanged() async {
        let email = EmailMethod(id: "em-1", emailAddress: "old@example.org")
        let h = await opened(methods: [.email(email)])
        h.model.perform(.editEmail)
        #expect(h.state.dialog?.kind == .changeEmail(email))
        #expect(h.state.dialog?.field(.address)?.text == "old@example.org")
    }

    @Test func revokeSessions() async {
        let h = await opened()
        #expect(h.model.perform(.revokeSessions))
        #expect(h.state.dialog?.focus == .cancel)
        #expect(h.state.dialog?.summary.hasPrefix("Sign out everywhere") == true)
        h.model.perform(.nextField)
        h.model.perform(.confirm)
        await h.wait { $0.dialog == nil }
        #expect(h.provider.writes == [.revoke("u-cam")])
    }

    // MARK: Temporary Access Pass

    @Test func passLifetimeAndStartAreChecked() async {
        let h = await opened()
        #expect(h.model.perform(.issueTemporaryAccessPass))
        #expect(h.state.dialog?.focus == .cancel)
        h.model.perform(.nextField)
        #expect(h.state.dialog?.focus == .confirm)
        h.model.perform(.nextField)
        #expect(h.state.dialog?.focusedField?.id == .lifetime)
        h.model.press(.control("u"))
        h.model.type("5")
        #expect(h.state.dialog?.visibleProblem(for: .lifetime)?.contains("from 10 to 43200") == true)
        h.model.type("0000")
        #expect(h.state.dialog?.visibleProblem(for: .lifetime)?.contains("not '50000'") == true)
        h.model.press(.control("u"))
        h.model.type("120")
        h.model.perform(.nextField)
        h.model.perform(.nextField)
        h.model.type("2026-13-01 09:00")
        #expect(h.state.dialog?.visibleProblem(for: .start)?.contains("YYYY-MM-DD HH:MM") == true)
        h.model.perform(.confirm)
        #expect(h.provider.writes.isEmpty)
    }

    @Test func aNewPassIsShownOnceMaskedAndForgottenOnClose() async {
        let h = await opened()
        h.model.perform(.issueTemporaryAccessPass)
        h.model.perform(.nextField)
        h.model.perform(.nextField)
        h.model.press(.control("u"))
        h.model.type("120")
        h.model.perform(.nextField)
        h.model.perform(.toggleChoice)
        h.model.perform(.nextField)
        h.model.type("2026-12-01 09:30")
        h.model.perform(.confirm)
        let state = await h.wait { $0.dialog?.phase == .result }
        let start = Date(timeIntervalSince1970: 1_796_117_400)
        #expect(h.provider.writes == [.issuePass("u-cam", TemporaryAccessPassRequest(lifetimeInMinutes: 120, isUsableOnce: false, startDateTime: start))])
        #expect(state.dialog?.secret?.reveal() == FakeIdentityProvider.issuedPass)
        #expect(state.dialog?.revealed == false)
        #expect(state.activeScopes == [.result])
        h.model.perform(.reveal)
        #expect(h.state.dialog?.revealed == true)
        let copies = h.state.copyRequests
        h.model.perform(.copySecret)
        #expect(h.state.copyRequests == copies + 1)
        #expect(reflectedStrings(of: h.state, contain: FakeIdentityProvider.issuedPass))
        h.model.perform(.closeDialog)
        let closed = await h.wait { $0.dialog == nil && $0.pendingRequests == 0 }
        #expect(!reflectedStrings(of: closed, contain: FakeIdentityProvider.issuedPass))
    }

    // MARK: Password reset

    @Test func aGeneratedPasswordResetIsFollowedLive() async {
        let h = await opened()
        #expect(h.model.perform(.resetPassword))
        #expect(h.state.dialog?.focus == .cancel)
        #expect(h.state.dialog?.ring == [.field(0), .cancel, .confirm])
        h.model.perform(.nextField)
        h.model.perform(.confirm)
        await h.provider.waitForFollowing()
        let accepted = await h.wait { $0.dialog?.phase == .result && $0.operation != nil }
        #expect(h.provider.writes == [.reset("u-cam", password: nil)])
        #expect(accepted.dialog?.secret?.reveal() == FakeIdentityProvider.generatedPassword)
        #expect(accepted.operation?.status == nil)
        #expect(accepted.operation?.firstPollAfter == .seconds(2))

        h.provider.emit(LongRunningOperation(id: "op-1", status: .notStarted))
        await h.wait { $0.operation?.status == .notStarted }
        await h.clock.waitForSleepers(1)
        h.clock.advance(by: .seconds(3))
        await h.wait { $0.operation?.elapsedSeconds == 3 }
        h.provider.emit(LongRunningOperation(id: "op-1", status: .running))
        await h.wait { $0.operation?.status == .running }

        h.model.perform(.closeDialog)
        #expect(h.state.dialog == nil)
        #expect(h.state.operation?.isFinished == false)
        #expect(!reflectedStrings(of: h.state, contain: FakeIdentityProvider.generatedPassword))
        let frame = h.state.operation?.spinnerFrame ?? 0
        await h.clock.waitForSleepers(1)
        h.clock.advance(by: .milliseconds(125))
        await h.wait { ($0.operation?.spinnerFrame ?? 0) > frame }

        h.provider.emit(LongRunningOperation(id: "op-1", status: .succeeded, statusDetail: "ResetSuccess"))
        let done = await h.wait {
            $0.operation?.isFinished == true && $0.flash?.level == .info && $0.pendingRequests == 0
                && $0.methods.methods.count == 2
        }
        #expect(done.operation?.history.map(\.status) == [.notStarted, .running, .succeeded])
        #expect(done.flash?.text == "Password reset of Cameron White: succeeded (ResetSuccess) after 3s")
        #expect(h.provider.calls.filter { $0 == .methods("u-cam") }.count == 2)

        // The spinner stops with the operation: the last tick wakes to nothing, and then only
        // the flash's timer is asleep on the clock.
        let stopped = done.operation?.spinnerFrame
        await h.clock.waitForSleepers(2)
        h.clock.advance(by: .seconds(1))
        await h.clock.waitForSleepers(1)
        #expect(h.state.operation?.spinnerFrame == stopped)
    }

    @Test func aFailedResetFlashesItsDetail() async {
        let h = await opened()
        h.model.perform(.resetPassword)
        h.model.perform(.nextField)
        h.model.perform(.confirm)
        await h.provider.waitForFollowing()
        await h.wait { $0.operation != nil }
        h.provider.emit(LongRunningOperation(id: "op-1", status: .failed, statusDetail: "PasswordPolicyViolation"))
        let state = await h.wait { $0.flash?.level == .error }
        #expect(state.flash?.text.contains("failed (PasswordPolicyViolation)") == true)
        #expect(state.dialog?.phase == .result)
    }

    @Test func aTypedPasswordIsMaskedRequiredAndSent() async {
        let h = await opened()
        h.model.perform(.resetPassword)
        #expect(h.state.dialog?.isActive(1) == false)
        h.model.perform(.previousField)
        #expect(h.state.dialog?.focusedField?.id == .passwordMode)
        h.model.perform(.toggleChoice)
        #expect(h.state.dialog?.ring.count == 4)
        h.model.perform(.confirm)
        #expect(h.state.dialog?.visibleProblem(for: .password)?.hasPrefix("Type the new password") == true)
        #expect(h.state.dialog?.focusedField?.id == .password)
        h.model.type("Correct horse 9!")
        h.model.perform(.confirm)
        await h.provider.waitForFollowing()
        let state = await h.wait { $0.dialog?.phase == .result }
        #expect(h.provider.writes == [.reset("u-cam", password: "Correct horse 9!")])
        #expect(state.dialog?.secret == nil)
        h.model.perform(.closeDialog)
        #expect(!reflectedStrings(of: h.state, contain: "Correct horse 9!"))
    }

    // MARK: Read-only and capabilities

    @Test func readOnlyOffersNoDialog() async {
        let h = await opened(readOnly: true)
        #expect(h.state.keyMap.bindings.allSatisfy { !$0.isDestructive })
        for action: KeyAction in [.addPhone, .editMethod, .deleteMethod, .toggleSmsSignIn, .editEmail,
                                      .issueTemporaryAccessPass, .revokeSessions, .resetPassword] {
            #expect(!h.model.perform(action))
        }
        h.model.press(.character("a"))
        h.model.press(.character("p"))
        #expect(h.state.dialog == nil)
        #expect(h.provider.writes.isEmpty)
    }

    @Test func auth0HidesWhatItDoesNotOffer() async {
        let h = await opened(capabilities: ProviderAction.auth0)
        let actions = Set(h.state.keyMap.entries(in: .methods).map(\.action))
        // Auth0 enrols an SMS phone; it has no phone slots to edit, no SMS sign-in, no TAP, no
        // per-user MFA; it signs out by invalidating remembered browsers (and sessions where the plan allows).
        #expect(actions.isSuperset(of: [.addPhone, .deleteMethod, .editEmail, .resetPassword, .revokeSessions, .toggleSignIn]))
        #expect(actions.isDisjoint(with: [.editMethod, .toggleSmsSignIn, .issueTemporaryAccessPass, .perUserMfa, .qrCodePin]))
        #expect(!h.model.perform(.issueTemporaryAccessPass))
    }
}
