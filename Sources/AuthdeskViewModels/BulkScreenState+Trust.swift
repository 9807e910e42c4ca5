import AuthdeskCore

/// The bulk screen's trust steps: a plan's user's exact requests (`r`), and the caller
/// verification the confirmation asks when a tenant of the job requires it.
extension BulkScreenState {
    /// The tenants whose profile requires caller verification: a job there asks how the callers were verified.
    public var verifyingTenants: Set<String> {
        get { trust.verifyingTenants }
        set { trust.verifyingTenants = newValue }
    }

    /// The confirmation's answer to how the callers were verified.
    public var callerVerification: VerificationInput {
        get { trust.callerVerification }
        set { trust.callerVerification = newValue }
    }

    /// Whether the verification (not the phrase) takes the confirmation's keys.
    public var verificationFocused: Bool {
        get { trust.verificationFocused }
        set { trust.verificationFocused = newValue }
    }

    /// The requests of one user of the plan (`r`), shown instead of the plan.
    public var userRequests: BulkUserRequests? {
        get { trust.userRequests }
        set { trust.userRequests = newValue }
    }

    /// Whether the job's runnable users include one in a tenant that requires caller verification.
    public var needsVerification: Bool {
        guard let plan, !verifyingTenants.isEmpty else { return false }
        return plan.runnable.contains { verifyingTenants.contains($0.tenant) }
    }

    /// The plan's user at the top of the list: the one `r` shows the requests of.
    public var userAtTop: UserResetPlan? {
        guard let plan else { return nil }
        var line = 0
        for user in plan.users {
            line += 2 + max(1, user.plan.steps.count) + user.plan.kept.count + user.plan.notes.count
            if top < line { return user }
        }
        return nil
    }

    /// The actions these steps take over; nil for the others.
    mutating func performTrust(_ action: KeyAction) -> [BulkScreenEffect]? {
        if let effects = performApproval(action) { return effects }
        switch (phase, action) {
        case (.plan, .showRequests):
            if userRequests != nil {
                userRequests = nil
                return []
            }
            guard let user = userAtTop else { return [] }
            userRequests = BulkUserRequests(user: user)
            return [.previewRequests(user, generation: generation)]
        case (.plan, .back) where userRequests != nil:
            userRequests = nil
            return []
        case (.plan, .moveDown) where userRequests != nil, (.plan, .moveUp) where userRequests != nil:
            return showRequests(ofUserAfter: action == .moveDown ? 1 : -1)
        case (.plan, .moveDown), (.plan, .moveUp), (.plan, .pageDown), (.plan, .pageUp), (.plan, .top), (.plan, .bottom):
            userRequests = nil
            return nil
        case (.confirm, .nextField):
            guard needsVerification else { return [] }
            if !verificationFocused {
                verificationFocused = true
                callerVerification.focus = .method
            } else if callerVerification.focus == .method {
                callerVerification.focus = .note
            } else {
                verificationFocused = false
            }
            return []
        case (.confirm, .cursorLeft), (.confirm, .cursorRight):
            if verificationFocused, callerVerification.focus == .method {
                callerVerification.cycle(by: action == .cursorLeft ? -1 : 1)
                phraseProblem = nil
            }
            return []
        case (.confirm, .deleteBackward) where verificationFocused:
            callerVerification.deleteBackward()
            return []
        case (.confirm, .clearInput) where verificationFocused:
            callerVerification.clear()
            return []
        default:
            return nil
        }
    }

    /// `j`/`k` while a user's requests are shown: the next or previous user's.
    private mutating func showRequests(ofUserAfter delta: Int) -> [BulkScreenEffect] {
        guard let plan, let shown = userRequests, let index = plan.users.firstIndex(where: { $0.id == shown.id }) else { return [] }
        let next = index + delta
        guard plan.users.indices.contains(next) else { return [] }
        userRequests = BulkUserRequests(user: plan.users[next])
        return [.previewRequests(plan.users[next], generation: generation)]
    }

    /// The phrase was typed right in a job that requires caller verification: runs it with the
    /// answer, or says what is missing (nothing is sent).
    mutating func startVerified(_ runnable: ResetJobPlan) -> [BulkScreenEffect] {
        guard let verification = callerVerification.verification else {
            phraseProblem = callerVerification.problem.map { $0 + "; nothing was sent" }
            verificationFocused = true
            callerVerification.focus = .method
            return []
        }
        phase = .running
        run = nil
        top = 0
        return [.startVerifiedJob(runnable, verification, generation: generation)]
    }

    /// A character typed in the confirmation: into the verification when it has the keys, else
    /// into the phrase.
    mutating func typeInConfirm(_ character: Character) {
        if verificationFocused {
            callerVerification.type(character)
        } else {
            phrase.append(character)
        }
        phraseProblem = nil
    }
}
