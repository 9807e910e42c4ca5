/// One user's "reset all MFA": the ordered steps a policy calls for and the methods it keeps.
///
/// Order of the steps, so that a run cut short leaves the user the factors a helpdesk can most
/// easily verify: app and token factors first (hardware OATH, software OATH / TOTP, Microsoft
/// Authenticator / push / Guardian), then keys and passes (FIDO2, WebAuthn, passkeys, Windows
/// Hello, platform credentials, TAP), then email, then phones (office, a phone of unknown slot,
/// alternate mobile, mobile: Graph wants the alternate mobile gone before the mobile), then Auth0
/// recovery codes, and the user's default MFA method last of all, because the service refuses to
/// delete the default while other methods exist. Ties go by method id, so a plan is the same
/// however the service ordered its list. One case needs a step more: when the default is the
/// alternate mobile phone and the mobile phone goes too, the two rules cannot both hold (the
/// mobile cannot go while the alternate exists), so the plan starts by making the mobile phone
/// the default (``StepAction/makeDefault``) and deletes it last.
public struct ResetPlan: Sendable, Hashable, Codable {
    public var policy: ResetPolicy
    /// The requests to make, in order.
    public var steps: [PlanStep]
    /// The methods left in place, in the order the service listed them.
    public var kept: [KeptMethod]
    /// The user's default MFA method, as given when planning.
    public var defaultMethodID: String?
    public var notes: [PlanNote]

    /// Plans `policy` for a user with `methods`; `defaultMethodID` is the user's default MFA
    /// method where the service tells it. A method listed twice is planned once.
    public init(methods: [AuthMethod], defaultMethodID: String? = nil, policy: ResetPolicy) {
        self.policy = policy
        self.defaultMethodID = defaultMethodID
        var seen: Set<String> = []
        var removable: [(method: AuthMethod, action: StepAction)] = []
        var kept: [KeptMethod] = []
        for method in methods where seen.insert(method.id).inserted {
            switch policy.treatment(of: method) {
            case .remove(let action):
                removable.append((method, action))
            case .keep(let reason):
                kept.append(KeptMethod(methodID: method.id, kind: method.kind, title: method.title, reason: reason))
            }
        }
        removable.sort { left, right in
            let (l, r) = (Self.rank(of: left.method), Self.rank(of: right.method))
            return l != r ? l < r : left.method.id < right.method.id
        }
        var steps = removable.map { entry in
            PlanStep(methodID: entry.method.id, kind: entry.method.kind, action: entry.action, title: entry.method.title)
        }
        var notes: [PlanNote] = []
        if let defaultMethodID {
            let isAlternate = removable.contains { entry in
                entry.method.id == defaultMethodID && Self.phoneType(of: entry.method) == .alternateMobile
            }
            let mobile = removable.first { Self.phoneType(of: $0.method) == .mobile }?.method
            if isAlternate, let mobile, let index = steps.firstIndex(where: { $0.methodID == mobile.id }) {
                var step = steps.remove(at: index)
                step.isDefault = true
                steps.insert(PlanStep(methodID: mobile.id, kind: mobile.kind, action: .makeDefault, title: mobile.title), at: 0)
                steps.append(step)
                notes.append(.defaultIsAlternateMobile)
            } else if let index = steps.firstIndex(where: { $0.methodID == defaultMethodID }) {
                var step = steps.remove(at: index)
                step.isDefault = true
                steps.append(step)
            } else if kept.contains(where: { $0.methodID == defaultMethodID }) {
                notes.append(.defaultMethodKept(methodID: defaultMethodID))
            } else {
                notes.append(.defaultMethodNotFound(methodID: defaultMethodID))
            }
        }
        let unknown = kept.filter(\.isFlagged).count
        if unknown > 0 { notes.append(.unknownMethodsKept(count: unknown)) }
        self.steps = steps
        self.kept = kept
        self.notes = notes
    }

    /// The kept methods an operator should review (unknown types).
    public var flagged: [KeptMethod] { kept.filter(\.isFlagged) }

    /// Why the pre-flight says the service will refuse this user's reset, if it does.
    public var refusal: String? {
        for note in notes {
            if case .willBeRefused(let reason) = note { return reason }
        }
        return nil
    }

    /// Whether the pre-flight marked the user as refused: the run skips them.
    public var isRefused: Bool { refusal != nil }

    /// Whether the plan has nothing to do.
    public var isEmpty: Bool { steps.isEmpty }

    /// The methods in `remaining` that the policy still removes: what a verify found left over.
    public func leftovers(in remaining: [AuthMethod]) -> [AuthMethod] {
        policy.leftovers(in: remaining)
    }

    /// Whether everything the policy removes is gone from `remaining` (the user's methods as
    /// listed again after the run). A method registered since planning that the policy removes
    /// counts as left over too: the reset did not leave the user where the policy says.
    public func isComplete(remaining: [AuthMethod]) -> Bool {
        leftovers(in: remaining).isEmpty
    }

    static func phoneType(of method: AuthMethod) -> PhoneType? {
        guard case .phone(let phone) = method else { return nil }
        return phone.phoneType ?? PhoneType(methodID: phone.id)
    }

    /// The step order described on the type; lower goes first: each kind's ``MethodKind/resetOrder``,
    /// phones by slot (alternate mobile before mobile).
    static func rank(of method: AuthMethod) -> Int {
        guard case .phone = method else { return method.kind.resetOrder }
        switch phoneType(of: method) {
        case .office: return 90
        case nil: return 91
        case .alternateMobile: return 92
        case .mobile: return 93
        }
    }
}
