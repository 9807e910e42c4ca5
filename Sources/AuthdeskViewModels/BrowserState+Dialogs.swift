import AuthdeskCore
import AuthdeskServices
import AuthdeskWorkflows

extension BrowserState {
    // MARK: Opening

    /// Opens the dialog for a methods-pane action on the selected user, or says why it cannot.
    mutating func openDialog(for action: KeyAction) -> [BrowserEffect] {
        guard let user = list.current, methodsPane.methods.userID == user.id else {
            return showFlash(.error, "Select a user first (enter opens one)")
        }
        let methods = methodsPane.methods.methods
        let kind: DialogKind
        switch action {
        case .addPhone:
            kind = .addPhone
        case .editMethod:
            switch methodsPane.current {
            case .phone(let phone)?:
                kind = .changePhone(phone)
            case .email(let email)?:
                guard capabilities.contains(.updateEmail) else { return notOffered("Changing the e-mail method") }
                kind = .changeEmail(email)
            default:
                return showFlash(.error, "Select a phone or the e-mail method to change it (a adds a phone, m the e-mail)")
            }
        case .deleteMethod:
            guard let method = methodsPane.current else { return showFlash(.error, "Select the method to delete") }
            if method.kind == .password || method.kind == .auth0Password {
                return showFlash(.error, "The password cannot be deleted; p resets it")
            }
            kind = .deleteMethod(method)
        case .toggleSmsSignIn:
            let phones = methods.compactMap { method -> PhoneMethod? in
                if case .phone(let phone) = method, phone.phoneType == .mobile { return phone }
                return nil
            }
            guard let mobile = phones.first else {
                return showFlash(.error, "\(user.displayName) has no mobile phone; SMS sign-in needs one (a adds it)")
            }
            kind = .smsSignIn(mobile, enable: mobile.smsSignInState != .ready)
        case .editEmail:
            let existing = methods.compactMap { method -> EmailMethod? in
                if case .email(let email) = method { return email }
                return nil
            }.first
            if let existing {
                guard capabilities.contains(.updateEmail) else { return notOffered("Changing the e-mail method") }
                kind = .changeEmail(existing)
            } else if methods.contains(where: { $0.kind == .auth0Email }) {
                return showFlash(.error, "\(user.displayName) already has an e-mail method; d deletes it, then m adds another")
            } else {
                kind = .addEmail
            }
        case .issueTemporaryAccessPass:
            kind = .temporaryAccessPass
        case .revokeSessions:
            kind = .revokeSessions
        case .resetPassword:
            kind = .resetPassword
        default:
            switch accountDialog(for: action, user: user, methods: methods) {
            case .success(let account): kind = account
            case .failure(let refusal): return showFlash(.error, refusal.text)
            }
        }
        dialogCounter += 1
        var dialog = DialogState(id: dialogCounter, kind: kind, user: user, tenantName: tenancy.current.name)
        if tenancy.current.requiresCallerVerification == true { dialog.askVerification() }
        if kind == .addPhone {
            let taken = Set(methods.compactMap { method -> PhoneType? in
                if case .phone(let phone) = method { return phone.phoneType }
                return nil
            })
            if let free = PhoneType.allCases.firstIndex(where: { !taken.contains($0) }),
                let index = dialog.fields.firstIndex(where: { $0.id == .phoneType })
            {
                dialog.fields[index].choice = free
            }
        }
        self.dialog = dialog
        input = nil
        return startPreflight()
    }

    private mutating func notOffered(_ what: String) -> [BrowserEffect] {
        showFlash(.error, "\(what) is not available for \(tenancy.current.provider.displayName)")
    }

    // MARK: Keys in a dialog

    mutating func typeIntoDialog(_ character: Character) {
        guard var dialog, dialog.phase != .result, dialog.phase != .sending,
            dialog.focusedField?.isText == true
        else { return }
        dialog.editFocused { $0.insert(character) }
        self.dialog = dialog
    }

    mutating func performInDialog(_ action: KeyAction) -> [BrowserEffect] {
        guard var dialog else { return [] }
        if action == .help {
            help.isShown = true
            return []
        }
        if action == .closeDialog || (action == .confirm && dialog.phase == .result) {
            self.dialog = nil
            return []
        }
        switch dialog.phase {
        case .sending:
            return []
        case .result:
            switch action {
            case .reveal:
                dialog.revealed.toggle()
            case .copySecret:
                guard dialog.secret != nil else { return [] }
                copyRequests += 1
                dialog.notice = "Copied to your clipboard with OSC 52 (in tmux: set-clipboard on)"
            default:
                return []
            }
            self.dialog = dialog
            return []
        case .editing, .refused:
            break
        }
        switch action {
        case .nextField:
            dialog.moveFocus(by: 1)
        case .previousField:
            dialog.moveFocus(by: -1)
        case .cursorLeft, .cursorRight:
            let delta = action == .cursorLeft ? -1 : 1
            if dialog.focusedField == nil {
                dialog.moveFocus(by: delta)
            } else {
                dialog.editFocused { $0.move(by: delta) }
            }
        case .toggleChoice:
            if dialog.focusedField != nil {
                dialog.editFocused { $0.move(by: 1) }
            } else {
                self.dialog = dialog
                return pressFocusedButton()
            }
        case .deleteBackward:
            dialog.editFocused { $0.deleteBackward() }
        case .clearInput:
            dialog.editFocused { $0.clear() }
        case .confirm:
            self.dialog = dialog
            return pressFocusedButton()
        case .showRequests:
            self.dialog = dialog
            return previewRequests()
        default:
            break
        }
        self.dialog = dialog
        return []
    }

    /// Enter: Cancel closes; anywhere else sends, if the input is valid.
    private mutating func pressFocusedButton() -> [BrowserEffect] {
        guard var dialog else { return [] }
        if dialog.focus == .cancel {
            self.dialog = nil
            return []
        }
        guard let request = dialog.request() else {
            dialog.showsProblems = true
            if let first = dialog.problems.first, let index = dialog.fields.firstIndex(where: { $0.id == first.field }) {
                dialog.focus = .field(index)
            }
            self.dialog = dialog
            return []
        }
        dialog.phase = .sending
        dialog.notice = nil
        self.dialog = dialog
        return [.send(request, dialogID: dialog.id)]
    }

    // MARK: Answers

    mutating func dialogAnswered(
        _ dialogID: Int, _ result: Result<ChangeOutcome, ServiceError>, at: Duration
    ) -> [BrowserEffect] {
        let current = dialog?.id == dialogID ? dialog : nil
        switch result {
        case .failure(let error):
            guard var current else { return showFlash(.error, "Refused: \(error)") }
            current.phase = .refused(error)
            dialog = current
            return []
        case .success(let outcome):
            let user = current?.user
            var effects: [BrowserEffect] = []
            switch outcome {
            case .added(let method) where current?.kind.isTotpEnrollment == true:
                effects += showTotp(method, in: current)
            case .replaced(let methods) where current?.kind.isTotpEnrollment == true && methods.contains(where: { $0.kind == .auth0Totp }):
                effects += showTotp(methods.first { $0.kind == .auth0Totp } ?? methods[0], in: current)
            case .ticket(let ticket):
                effects += showTicket(ticket, in: current)
            case .done, .added, .account, .mfaState, .sessions, .replaced:
                if let current {
                    dialog = nil
                    effects += showFlash(.info, "\(current.kind.title): done for \(current.user.displayName)")
                    effects += refreshMethods(of: current.user.id)
                } else if let userID = methodsPane.methods.userID {
                    effects += refreshMethods(of: userID)
                }
            case .qrCodePin(let issued):
                effects += showQrCodePin(issued, in: current)
            case .pass(let issued):
                if var current {
                    current.phase = .result
                    current.secret = Secret(issued.pass)
                    current.secretLabel = "Pass"
                    current.revealed = false
                    var lines: [String] = []
                    if let lifetime = issued.method.lifetimeInMinutes { lines.append("Valid for \(lifetime) minutes") }
                    if let once = issued.method.isUsableOnce { lines.append(once ? "Works once" : "Works until it expires") }
                    lines.append("Starts " + (issued.method.startDateTime.map(AuthMethod.timestamp) ?? "now") + " (UTC)")
                    current.resultLines = [lines.joined(separator: " · ")]
                    dialog = current
                    effects += refreshMethods(of: current.user.id)
                } else {
                    effects += showFlash(.info, "A Temporary Access Pass was issued; its dialog was closed, so it was not shown")
                }
            case .reset(let reset):
                var follow = reset
                follow.generatedPassword = nil
                let userID = user?.id ?? methodsPane.methods.userID ?? ""
                if reset.operationURL != nil, capabilities.contains(.followPasswordReset) {
                    operationCounter += 1
                    operation = OperationProgress(
                        id: operationCounter, userID: userID,
                        userName: user?.displayName ?? "the user", startedAt: at, firstPollAfter: reset.retryAfter)
                    effects += [.followOperation(follow, operationID: operationCounter),
                                .tickOperation(operationID: operationCounter)]
                    if var current {
                        current.operationID = operationCounter
                        current.resultLines = ["The service accepted the reset; following it:"]
                        current.phase = .result
                        if let generated = reset.generatedPassword {
                            current.secret = Secret(generated)
                            current.secretLabel = "New password"
                        }
                        dialog = current
                    }
                } else if var current {
                    current.phase = .result
                    current.resultLines = ["The password was changed."]
                    if let generated = reset.generatedPassword {
                        current.secret = Secret(generated)
                        current.secretLabel = "New password"
                    }
                    dialog = current
                    effects += refreshMethods(of: current.user.id)
                } else {
                    effects += showFlash(.info, "The password was changed")
                }
            }
            return effects
        }
    }
}
