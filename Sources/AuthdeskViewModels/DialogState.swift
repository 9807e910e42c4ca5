import AuthdeskCore
import AuthdeskServices
import AuthdeskWorkflows
import Foundation

/// One action dialog as a value: its fields, focus, validation and result. Pure: keys change it
/// through ``BrowserState``, which sends the ``ChangeRequest`` it produces.
///
/// A destructive dialog opens with Cancel first and focused. Input is checked as it is typed
/// and again on confirm, so nothing invalid is sent; a refusal from the service keeps the input.
/// A pass or a generated password lives here only: closing the dialog drops it.
public struct DialogState: Sendable, Equatable {
    /// A place the focus can be: a field (by index), or one of the two buttons.
    public enum Control: Sendable, Hashable {
        case field(Int)
        case confirm
        case cancel
    }

    /// Tells this dialog's answers from those of an earlier one.
    public let id: Int
    public let kind: DialogKind
    public let user: DirectoryUser
    public let tenantName: String
    public var fields: [DialogField]
    public var focus: Control
    public var phase: DialogPhase = .editing
    /// Set by a confirm with invalid input: every problem is then shown, not only typed ones.
    public var showsProblems = false
    /// The pass or generated password, shown once; gone when the dialog closes.
    public var secret: Secret?
    /// What ``secret`` is ("Pass", "New password").
    public var secretLabel = ""
    /// The secret is a key URI (`otpauth://`): the console also draws it as a QR code.
    public var secretIsKeyURI = false
    /// The secret is shown in clear (`r` toggles).
    public var revealed = false
    /// Facts about the result (the pass's lifetime, the reset's acceptance).
    public var resultLines: [String] = []
    /// A one-line note inside the dialog ("Copied ...").
    public var notice: String?
    /// The password reset this dialog follows, if any.
    public var operationID: Int?
    /// The pre-flight of this change (nil: not asked).
    public var preflight: PreflightStatus?
    /// The requests the change would send, once asked for (ctrl-r); nothing is sent to show them.
    public var requests: RequestsPreview?
    /// How the caller was verified: asked when the tenant's profile requires it.
    public var verifies = false

    /// The dialog's keys while it is edited, then on its result (a new pass or password).
    static let bindings: [KeyBinding] = [
            KeyBinding(.tab, .nextField, scope: .dialog, "next field", isHint: true),
            KeyBinding(.backTab, .previousField, scope: .dialog, "previous field"),
            KeyBinding(.down, .nextField, scope: .dialog, "next field"),
            KeyBinding(.up, .previousField, scope: .dialog, "previous field"),
            KeyBinding(.left, .cursorLeft, scope: .dialog, "cursor left, previous choice"),
            KeyBinding(.right, .cursorRight, scope: .dialog, "cursor right, next choice"),
            KeyBinding(.character(" "), .toggleChoice, scope: .dialog, "change choice", isHint: true),
            KeyBinding(.backspace, .deleteBackward, scope: .dialog, "delete character"),
            KeyBinding(.control("u"), .clearInput, scope: .dialog, "clear the field"),
            KeyBinding(.enter, .confirm, scope: .dialog, "confirm", isHint: true),
            KeyBinding(.escape, .closeDialog, scope: .dialog, "cancel", isHint: true),
            KeyBinding(
                .control("r"), .showRequests, scope: .dialog, "show the requests it would send (nothing is sent)", isHint: true,
                hint: "requests"),

            KeyBinding(.character("r"), .reveal, scope: .result, "reveal or hide", isHint: true),
            KeyBinding(.character("c"), .copySecret, scope: .result, "copy to your clipboard (OSC 52)", isHint: true),
            KeyBinding(.enter, .closeDialog, scope: .result, "close", isHint: true),
            KeyBinding(.escape, .closeDialog, scope: .result, "close (a reset keeps running)", isHint: true),
    ]

    public init(id: Int, kind: DialogKind, user: DirectoryUser, tenantName: String) {
        self.id = id
        self.kind = kind
        self.user = user
        self.tenantName = tenantName
        fields = Self.fields(for: kind)
        focus = kind.isDestructive || fields.isEmpty ? (kind.isDestructive ? .cancel : .confirm) : .field(0)
    }

    private static func fields(for kind: DialogKind) -> [DialogField] {
        switch kind {
        case .addPhone:
            return [
                DialogField(.phoneType, "Type", options: PhoneType.allCases.map(\.displayName)),
                DialogField(.number, "Number", placeholder: "+1 2065555555"),
            ]
        case .changePhone(let phone):
            return [DialogField(.number, "Number", text: phone.phoneNumber, placeholder: "+1 2065555555")]
        case .addEmail:
            return [DialogField(.address, "Address", placeholder: "name@example.org")]
        case .changeEmail(let email):
            return [DialogField(.address, "Address", text: email.emailAddress, placeholder: "name@example.org")]
        case .temporaryAccessPass:
            return [
                DialogField(.lifetime, "Lifetime", text: "60", placeholder: "minutes, 10 to 43200"),
                DialogField(.usableOnce, "One use", options: ["yes", "no"]),
                DialogField(.start, "Starts", placeholder: "now, or YYYY-MM-DD HH:MM (UTC)"),
            ]
        case .resetPassword:
            return [
                DialogField(.passwordMode, "Password", options: ["generated by the service", "typed here"]),
                DialogField(.password, "New", placeholder: "the new password"),
            ]
        case .perUserMfa(let current):
            let states = PerUserMfaState.allCases
            return [DialogField(.mfaState, "State", options: states.map(\.rawValue), choice: current.flatMap(states.firstIndex) ?? 0)]
        case .defaultMethod(let choices, let current):
            return [DialogField(.defaultMethod, "Default", options: choices.map(\.rawValue),
                                choice: current.flatMap(choices.firstIndex) ?? 0)]
        case .qrCodePin(let existing):
            let pin = [
                DialogField(.pinMode, "PIN", options: ["generated by authdesk", "typed here"]),
                DialogField(.pin, "New PIN", placeholder: "8 to 20 digits"),
            ]
            return existing ? pin : [DialogField(.qrDays, "Badge days", text: "365", placeholder: "1 to 395")] + pin
        case .temporaryQrCode:
            return [DialogField(.qrHours, "Hours", text: "8", placeholder: "1 to 12")]
        case .auth0(let dialog):
            return dialog.fields
        case .deleteMethod, .smsSignIn, .revokeSessions, .signIn:
            return []
        }
    }

    // MARK: Derived

    /// The sentence at the top: what will happen, to whom, in which tenant.
    public var summary: String {
        "\(kind.what) \(user.displayName) (\(user.principalName)) in the tenant \(tenantName)."
    }

    /// The buttons, left to right: Cancel first in a destructive dialog.
    public var buttons: [Control] {
        kind.isDestructive ? [.cancel, .confirm] : [.confirm, .cancel]
    }

    /// Whether field `index` takes input now (the typed password only when "typed here" is chosen).
    public func isActive(_ index: Int) -> Bool {
        guard fields.indices.contains(index) else { return false }
        if fields[index].id == .password {
            return field(.passwordMode)?.choice == 1
        }
        if fields[index].id == .pin {
            return field(.pinMode)?.choice == 1
        }
        return true
    }

    /// The order tab goes through: the active fields, then the buttons.
    public var ring: [Control] {
        fields.indices.filter(isActive).map { Control.field($0) } + buttons
    }

    public func field(_ id: DialogFieldID) -> DialogField? {
        fields.first { $0.id == id }
    }

    /// The focused field, if the focus is on one.
    public var focusedField: DialogField? {
        if case .field(let i) = focus, fields.indices.contains(i) { return fields[i] }
        return nil
    }

    /// What is wrong with field `id` as it stands, saying what would be valid.
    public func problem(for id: DialogFieldID) -> String? {
        guard let index = fields.firstIndex(where: { $0.id == id }), isActive(index) else { return nil }
        let text = fields[index].text.trimmingCharacters(in: .whitespaces)
        switch id {
        case .number:
            if text.isEmpty { return "A number is needed: \(PhoneNumber.formatHint)" }
            do throws(ValidationError) {
                _ = try PhoneNumber(text)
                return nil
            } catch {
                return error.message
            }
        case .address:
            return InputCheck.emailProblem(text)
        case .lifetime:
            if text.isEmpty { return nil }
            guard let minutes = Int(text), TemporaryAccessPassRequest.lifetimeRange.contains(minutes) else {
                return "The lifetime must be a whole number of minutes from 10 to 43200 (30 days), not '\(text)'"
            }
            return nil
        case .start:
            if text.isEmpty { return nil }
            return Self.startDate(text) == nil
                ? "The start must read YYYY-MM-DD HH:MM (UTC), e.g. 2026-12-01 09:00, or be empty for now" : nil
        case .password:
            return fields[index].text.isEmpty ? "Type the new password, or choose to have one generated" : nil
        case .qrDays:
            guard let days = Int(text), QrCodePinRequest.lifetimeRange.contains(days) else {
                return "The badge's QR code lives 1 to 395 days (365 by default), not '\(text)'"
            }
            return nil
        case .pin:
            do throws(ServiceError) {
                try QrCodePinRequest.checkPin(Secret(text))
                return nil
            } catch {
                return error.message
            }
        case .qrHours:
            guard let hours = Int(text), QrCodePinRequest.temporaryHours.contains(hours) else {
                return "A temporary QR code lives 1 to 12 hours, not '\(text)'"
            }
            return nil
        case .keyID, .publicKey, .relyingParty:
            return Auth0Dialog.keyProblem(id) { (field($0)?.text ?? "").trimmingCharacters(in: .whitespaces) }
        case .verifiedBy, .verificationNote:
            return verificationProblem(for: id)
        case .methodName, .replaceValue:
            return Auth0Dialog.problem(
                id, text: { (field($0)?.text ?? "").trimmingCharacters(in: .whitespaces) }, choice: { field($0)?.choice ?? 0 })
        case .phoneType, .usableOnce, .passwordMode, .mfaState, .defaultMethod, .pinMode, .factor, .channel, .replaceType:
            return nil
        }
    }

    /// The problems to show now: those of typed fields, or all after a confirm.
    public func visibleProblem(for id: DialogFieldID) -> String? {
        guard let field = field(id) else { return nil }
        if !showsProblems && field.text.isEmpty { return nil }
        return problem(for: id)
    }

    /// Every problem, in field order.
    public var problems: [(field: DialogFieldID, message: String)] {
        fields.compactMap { field in problem(for: field.id).map { (field.id, $0) } }
    }

    /// The request the input describes, or nil while a field is invalid.
    public func request() -> ChangeRequest? {
        guard problems.isEmpty else { return nil }
        let userID = user.id
        func text(_ id: DialogFieldID) -> String {
            (field(id)?.text ?? "").trimmingCharacters(in: .whitespaces)
        }
        switch kind {
        case .addPhone:
            let type = PhoneType.allCases[min(field(.phoneType)?.choice ?? 0, PhoneType.allCases.count - 1)]
            return .addPhone(userID: userID, number: text(.number), type: type)
        case .changePhone(let phone):
            return .updatePhone(userID: userID, type: phone.phoneType ?? .mobile, number: text(.number))
        case .deleteMethod(let method):
            return .deleteMethod(userID: userID, method: method)
        case .smsSignIn(_, let enable):
            return .setSmsSignIn(userID: userID, enabled: enable)
        case .addEmail:
            return .addEmail(userID: userID, address: text(.address))
        case .changeEmail:
            return .updateEmail(userID: userID, address: text(.address))
        case .temporaryAccessPass:
            let lifetime = Int(text(.lifetime))
            let once = field(.usableOnce)?.choice == 0
            let start = text(.start).isEmpty ? nil : Self.startDate(text(.start))
            return .createTemporaryAccessPass(
                userID: userID,
                TemporaryAccessPassRequest(lifetimeInMinutes: lifetime, isUsableOnce: once, startDateTime: start))
        case .revokeSessions:
            return .revokeSessions(userID: userID)
        case .resetPassword:
            let typed = field(.passwordMode)?.choice == 1
            return .resetPassword(userID: userID, newPassword: typed ? Secret(field(.password)?.text ?? "") : nil)
        case .signIn(let block):
            return .setAccountEnabled(userID: userID, enabled: !block)
        case .qrCodePin(let existing):
            let pin = field(.pinMode)?.choice == 1 ? Secret(text(.pin)) : nil
            if existing { return .resetQrCodePin(userID: userID, pin: pin) }
            return .createQrCodePin(userID: userID, QrCodePinRequest(expiresInDays: Int(text(.qrDays)), pin: pin))
        case .perUserMfa:
            let states = PerUserMfaState.allCases
            return .setPerUserMfaState(userID: userID, states[min(field(.mfaState)?.choice ?? 0, states.count - 1)])
        case .defaultMethod(let choices, _):
            guard let choice = field(.defaultMethod)?.choice, choices.indices.contains(choice) else { return nil }
            return .setDefaultMethod(userID: userID, choices[choice])
        case .temporaryQrCode:
            return .createTemporaryQrCode(userID: userID, hours: Int(text(.qrHours)) ?? 0)
        case .auth0(let dialog):
            return dialog.request(userID: userID, text: text, choice: { field($0)?.choice ?? 0 })
        }
    }

    /// `YYYY-MM-DD HH:MM` in UTC.
    static func startDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, time.count == 2, (1...12).contains(day[1]), (1...31).contains(day[2]),
            (0...23).contains(time[0]), (0...59).contains(time[1])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let components = DateComponents(year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1])
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day[2]
        else { return nil }
        return date
    }

    // MARK: Editing

    mutating func moveFocus(by delta: Int) {
        let ring = ring
        guard !ring.isEmpty else { return }
        let current = ring.firstIndex(of: focus) ?? 0
        focus = ring[((current + delta) % ring.count + ring.count) % ring.count]
    }

    mutating func editFocused(_ change: (inout DialogField) -> Void) {
        guard case .field(let i) = focus, fields.indices.contains(i) else { return }
        change(&fields[i])
        if case .refused = phase { phase = .editing }
        notice = nil
    }
}
