import AuthdeskCore
import AuthdeskServices
import AuthdeskWorkflows

/// The dialogs of Auth0's own actions on a user (and Graph's temporary QR code), opened from the
/// methods pane: enrol an authenticator app (secret generated, its otpauth URI shown once) or a
/// security key, an enrollment ticket (its link shown once), delete all methods, forget
/// remembered browsers.
public enum Auth0Dialog: Sendable, Equatable {
    /// The secret is generated when the dialog opens and sent on confirm; shown once after.
    case addTotp(secret: Secret)
    case addSecurityKey
    case enrollmentTicket
    case deleteAllMethods
    case forgetBrowsers
    /// Rename a method, or change how a phone receives its codes.
    case changeMethod(Auth0Method)
    /// Delete every MFA enrollment (Guardian authenticators).
    case deleteEnrollments
    /// Replace all methods by one phone, e-mail or TOTP app (its secret generated on opening).
    case replaceAll(secret: Secret)

    /// The keys that open them; read-only hides them all (they change the user).
    static let bindings: [KeyBinding] = [
        KeyBinding(.character("o"), .addTotp, scope: .methods, "enrol an authenticator app (TOTP)",
                   isDestructive: true, requires: .createAuth0Method),
        KeyBinding(.character("K"), .addSecurityKey, scope: .methods, "enrol a security key",
                   isDestructive: true, requires: .createAuth0Method),
        KeyBinding(.character("E"), .enrollmentTicket, scope: .methods, "an enrollment ticket (a link)",
                   isDestructive: true, requires: .createEnrollmentTicket),
        KeyBinding(.character("D"), .deleteAllMethods, scope: .methods, "delete all methods", isDestructive: true,
                   requires: .deleteAllMethods),
        KeyBinding(.character("F"), .forgetBrowsers, scope: .methods, "forget remembered browsers", isDestructive: true,
                   requires: .invalidateRememberedBrowsers),
        KeyBinding(.character("N"), .changeAuth0Method, scope: .methods, "rename the method, or a phone's sms/voice",
                   isDestructive: true, requires: .updateAuth0Method),
        KeyBinding(.character("X"), .deleteEnrollments, scope: .methods, "delete all MFA enrollments (Guardian)",
                   isDestructive: true, requires: .deleteAllAuthenticators),
        KeyBinding(.character("A"), .replaceAllMethods, scope: .methods, "replace all methods by one", isDestructive: true,
                   requires: .replaceAllMethods),
        KeyBinding(.character("v"), .temporaryQrCode, scope: .methods, "a temporary QR code (forgotten badge)", isDestructive: true,
                   requires: .qrCodePin),
    ]

    /// The dialog `action` opens on the selected method, or why not; nil when `action` is not one of these.
    static func kind(for action: KeyAction, selected: AuthMethod?) -> Result<DialogKind, AccountDialogs.Refusal>? {
        switch action {
        case .changeAuth0Method:
            guard case .auth0(let method)? = selected, !["password", "recovery-code"].contains(method.type) else {
                return .failure(AccountDialogs.Refusal(text: "Select an Auth0 method to rename (the password and recovery code have no name)"))
            }
            return .success(.auth0(.changeMethod(method)))
        case .deleteEnrollments: return .success(.auth0(.deleteEnrollments))
        case .replaceAllMethods: return .success(.auth0(.replaceAll(secret: TotpSecret.generate())))
        default: return kind(for: action).map { .success($0) }
        }
    }

    static func kind(for action: KeyAction) -> DialogKind? {
        switch action {
        case .addTotp: .auth0(.addTotp(secret: TotpSecret.generate()))
        case .addSecurityKey: .auth0(.addSecurityKey)
        case .enrollmentTicket: .auth0(.enrollmentTicket)
        case .deleteAllMethods: .auth0(.deleteAllMethods)
        case .forgetBrowsers: .auth0(.forgetBrowsers)
        case .temporaryQrCode: .temporaryQrCode
        default: nil
        }
    }

    public var title: String {
        switch self {
        case .addTotp: "Enrol an authenticator app"
        case .addSecurityKey: "Enrol a security key"
        case .enrollmentTicket: "Enrollment ticket"
        case .deleteAllMethods: "Delete all methods"
        case .forgetBrowsers: "Forget remembered browsers"
        case .changeMethod: "Rename a method"
        case .deleteEnrollments: "Delete all MFA enrollments"
        case .replaceAll: "Replace all methods"
        }
    }

    public var isDestructive: Bool {
        switch self {
        case .addTotp, .addSecurityKey, .enrollmentTicket: false
        case .deleteAllMethods, .forgetBrowsers, .changeMethod, .deleteEnrollments, .replaceAll: true
        }
    }

    public var confirmLabel: String {
        switch self {
        case .addTotp, .addSecurityKey: "Enrol"
        case .enrollmentTicket: "Create"
        case .deleteAllMethods: "Delete all"
        case .forgetBrowsers: "Forget"
        case .changeMethod: "Change"
        case .deleteEnrollments: "Delete all"
        case .replaceAll: "Replace all"
        }
    }

    public var what: String {
        switch self {
        case .addTotp: "Enrol an authenticator app (TOTP; a secret generated by authdesk, shown once as an otpauth URI) for"
        case .addSecurityKey: "Enrol a security key (webauthn-roaming) for"
        case .enrollmentTicket: "Create an enrollment ticket (a link, shown once, with which the user enrols) for"
        case .deleteAllMethods: "Delete every authentication method (they enrol again at the next sign-in) of"
        case .forgetBrowsers: "Forget the browsers where MFA was remembered (sessions stay) of"
        case .changeMethod(let method): "Rename \(method.id)" + (method.type == "phone" ? " or change how it receives codes" : "") + ", of"
        case .deleteEnrollments: "Delete every MFA enrollment (Guardian: push, OTP, SMS; they enrol again at the next sign-in) of"
        case .replaceAll:
            "Replace all authentication methods by this one (a TOTP secret is generated, its otpauth URI shown once) for"
        }
    }

    var fields: [DialogField] {
        switch self {
        case .addTotp, .deleteAllMethods, .forgetBrowsers, .deleteEnrollments:
            return []
        case .changeMethod(let method):
            let name = DialogField(.methodName, "Name", text: method.name ?? "", placeholder: "1 to \(Auth0MethodRequest.maxNameLength) characters")
            guard method.type == "phone" else { return [name] }
            let channels = Auth0MethodRequest.Channel.allCases
            let current = channels.firstIndex { $0.rawValue == method.preferredAuthenticationMethod } ?? 0
            return [name, DialogField(.channel, "Channel", options: channels.map(\.rawValue), choice: current)]
        case .replaceAll:
            return [
                DialogField(.replaceType, "New method", options: Self.replacementTypes),
                DialogField(.replaceValue, "Number/address", placeholder: "+14155550123, or name@example.org"),
            ]
        case .addSecurityKey:
            return [
                DialogField(.keyID, "Key id", placeholder: "the credential id"),
                DialogField(.publicKey, "Public key", placeholder: "base64"),
                DialogField(.relyingParty, "Relying party", placeholder: "example.com"),
            ]
        case .enrollmentTicket:
            return [DialogField(.factor, "Factor", options: ["any"] + EnrollmentTicketRequest.Factor.allCases.map(\.rawValue))]
        }
    }

    /// The security key the fields describe (unchecked).
    static func securityKey(_ text: (DialogFieldID) -> String) -> Auth0MethodRequest {
        .webAuthnRoaming(keyID: text(.keyID), publicKey: text(.publicKey), relyingParty: text(.relyingParty))
    }

    /// What is wrong with a security key field, from the request's own check.
    static func keyProblem(_ id: DialogFieldID, _ text: (DialogFieldID) -> String) -> String? {
        let codes: [DialogFieldID: String] = [.keyID: "invalidKeyId", .publicKey: "invalidPublicKey", .relyingParty: "invalidRelyingParty"]
        do throws(ServiceError) {
            try securityKey(text).validate()
            return nil
        } catch {
            return error.code == codes[id] ? error.message : nil
        }
    }

    func request(userID: String, text: (DialogFieldID) -> String, choice: (DialogFieldID) -> Int) -> ChangeRequest {
        switch self {
        case .addTotp(let secret):
            return .addAuth0Method(userID: userID, .totp(secret: secret))
        case .addSecurityKey:
            return .addAuth0Method(userID: userID, Self.securityKey(text))
        case .enrollmentTicket:
            let factors = EnrollmentTicketRequest.Factor.allCases
            let index = choice(.factor) - 1
            return .createEnrollmentTicket(userID: userID, EnrollmentTicketRequest(factor: factors.indices.contains(index) ? factors[index] : nil))
        case .deleteAllMethods:
            return .deleteAllMethods(userID: userID)
        case .forgetBrowsers:
            return .invalidateRememberedBrowsers(userID: userID)
        case .changeMethod(let method):
            let name = text(.methodName)
            let channels = Auth0MethodRequest.Channel.allCases
            let channel = method.type == "phone" ? channels[min(choice(.channel), channels.count - 1)] : nil
            return .changeAuth0Method(
                userID: userID, methodID: method.id, name: name.isEmpty || name == method.name ? nil : name, channel: channel)
        case .deleteEnrollments:
            return .deleteEnrollments(userID: userID)
        case .replaceAll(let secret):
            return .replaceAllMethods(userID: userID, [Self.replacement(choice(.replaceType), text(.replaceValue), secret: secret)])
        }
    }

    /// The methods one replacement may be.
    static let replacementTypes = ["phone (sms)", "email", "totp (secret generated)"]

    static func replacement(_ choice: Int, _ value: String, secret: Secret) -> Auth0MethodRequest {
        switch choice {
        case 0: .phone(number: value)
        case 1: .email(address: value)
        default: .totp(secret: secret)
        }
    }

    /// What is wrong with a field of these dialogs (nil: nothing, or not one of theirs).
    static func problem(_ id: DialogFieldID, text: (DialogFieldID) -> String, choice: (DialogFieldID) -> Int) -> String? {
        switch id {
        case .methodName:
            let name = text(.methodName)
            return name.count > Auth0MethodRequest.maxNameLength ? "A name is at most \(Auth0MethodRequest.maxNameLength) characters" : nil
        case .replaceValue:
            guard choice(.replaceType) < 2 else { return nil }
            do throws(ServiceError) {
                try replacement(choice(.replaceType), text(.replaceValue), secret: Secret("")).validate()
                return nil
            } catch {
                return error.message
            }
        default:
            return nil
        }
    }
}
