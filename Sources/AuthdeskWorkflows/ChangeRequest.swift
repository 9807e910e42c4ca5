import AuthdeskCore
import AuthdeskServices

/// One change to one user, as a console dialog or a command asks for it: the single-change
/// workflow checks it (pre-flight) and sends it through the tenant's audited provider.
public enum ChangeRequest: Sendable, Equatable {
    case addPhone(userID: String, number: String, type: PhoneType)
    case updatePhone(userID: String, type: PhoneType, number: String)
    case setSmsSignIn(userID: String, enabled: Bool)
    case addEmail(userID: String, address: String)
    case updateEmail(userID: String, address: String)
    case deleteMethod(userID: String, method: AuthMethod)
    case createTemporaryAccessPass(userID: String, TemporaryAccessPassRequest)
    case revokeSessions(userID: String)
    /// A nil password lets the service generate one.
    case resetPassword(userID: String, newPassword: Secret?)
    /// Unblock (`true`) or block (`false`) sign-in.
    case setAccountEnabled(userID: String, enabled: Bool)
    case setPerUserMfaState(userID: String, PerUserMfaState)
    case setDefaultMethod(userID: String, DefaultMethod)
    case createQrCodePin(userID: String, QrCodePinRequest)
    /// A nil PIN lets authdesk generate one.
    case resetQrCodePin(userID: String, pin: Secret?)
    case createTemporaryQrCode(userID: String, hours: Int)
    /// Auth0: enrol a TOTP app or a security key (or a phone, an e-mail) for the user.
    case addAuth0Method(userID: String, Auth0MethodRequest)
    /// Auth0: every method replaced by these (phone, e-mail, TOTP).
    case replaceAllMethods(userID: String, [Auth0MethodRequest])
    case deleteAllMethods(userID: String)
    case invalidateRememberedBrowsers(userID: String)
    case createEnrollmentTicket(userID: String, EnrollmentTicketRequest)
    /// Auth0: a method's new name and/or a phone's channel (nil: unchanged).
    case changeAuth0Method(userID: String, methodID: String, name: String?, channel: Auth0MethodRequest.Channel?)
    /// Auth0: every MFA enrollment (Guardian authenticator) removed.
    case deleteEnrollments(userID: String)

    /// Sends the request through `provider`; a refusal (403) says what would allow it
    /// (``ActionPermissions``).
    public func send(to provider: any IdentityProvider) async throws(ServiceError) -> ChangeOutcome {
        do {
            return try await perform(on: provider)
        } catch where error.kind == .forbidden {
            guard let hint = ActionPermissions.refusalHint(for: command, provider: provider.tenant.provider) else { throw error }
            var named = error
            named.message += ". " + hint
            throw named
        }
    }

    func perform(on provider: any IdentityProvider) async throws(ServiceError) -> ChangeOutcome {
        switch self {
        case .addPhone(let userID, let number, let type):
            return .added(.phone(try await provider.addPhone(to: userID, number: number, type: type)))
        case .updatePhone(let userID, let type, let number):
            try await provider.updatePhone(of: userID, type: type, number: number)
        case .setSmsSignIn(let userID, let enabled):
            try await provider.setSmsSignIn(of: userID, enabled: enabled)
        case .addEmail(let userID, let address):
            return .added(.email(try await provider.addEmail(to: userID, address: address)))
        case .updateEmail(let userID, let address):
            try await provider.updateEmail(of: userID, address: address)
        case .deleteMethod(let userID, let method):
            try await provider.deleteMethod(method, of: userID)
        case .createTemporaryAccessPass(let userID, let request):
            return .pass(try await provider.createTemporaryAccessPass(for: userID, request))
        case .revokeSessions(let userID):
            return .sessions(try await provider.signOut(userID))
        case .resetPassword(let userID, let password):
            return .reset(try await provider.resetPassword(of: userID, newPassword: password?.reveal()))
        case .setAccountEnabled(let userID, let enabled):
            return .account(try await provider.setAccountEnabled(of: userID, enabled: enabled))
        case .setPerUserMfaState(let userID, let state):
            return .mfaState(try await provider.setPerUserMfaState(of: userID, to: state))
        case .setDefaultMethod(let userID, let method):
            try await provider.setDefaultMethod(of: userID, to: method)
        case .createQrCodePin(let userID, let request):
            return .qrCodePin(try await provider.createQrCodePin(for: userID, request))
        case .resetQrCodePin(let userID, let pin):
            return .qrCodePin(try await provider.resetQrCodePin(of: userID, pin: pin))
        case .createTemporaryQrCode(let userID, let hours):
            return .added(.qrCodePin(try await provider.createTemporaryQrCode(for: userID, hours: hours)))
        case .addAuth0Method(let userID, let request):
            return .added(try await provider.addMethod(to: userID, request))
        case .replaceAllMethods(let userID, let requests):
            return .replaced(try await provider.replaceAllMethods(of: userID, with: requests))
        case .deleteAllMethods(let userID):
            try await provider.deleteAllMethods(of: userID)
        case .invalidateRememberedBrowsers(let userID):
            try await provider.invalidateRememberedBrowsers(of: userID)
        case .createEnrollmentTicket(let userID, let request):
            return .ticket(try await provider.createEnrollmentTicket(for: userID, request))
        case .changeAuth0Method(let userID, let methodID, let name, let channel):
            return .added(try await provider.changeMethod(methodID, of: userID, name: name, channel: channel))
        case .deleteEnrollments(let userID):
            try await provider.deleteAllAuthenticators(of: userID)
        }
        return .done
    }
}

extension ChangeRequest {
    /// The user the change is for.
    public var userID: String {
        switch self {
        case .addPhone(let userID, _, _), .updatePhone(let userID, _, _), .setSmsSignIn(let userID, _),
            .addEmail(let userID, _), .updateEmail(let userID, _), .deleteMethod(let userID, _),
            .createTemporaryAccessPass(let userID, _), .revokeSessions(let userID), .resetPassword(let userID, _),
            .setAccountEnabled(let userID, _), .setPerUserMfaState(let userID, _), .setDefaultMethod(let userID, _),
            .createQrCodePin(let userID, _), .resetQrCodePin(let userID, _), .createTemporaryQrCode(let userID, _),
            .addAuth0Method(let userID, _), .replaceAllMethods(let userID, _), .deleteAllMethods(let userID),
            .invalidateRememberedBrowsers(let userID), .createEnrollmentTicket(let userID, _),
            .changeAuth0Method(let userID, _, _, _), .deleteEnrollments(let userID):
            userID
        }
    }

    /// The command of ``ActionPermissions``'s table that makes this change.
    public var command: String {
        switch self {
        case .addPhone: "methods add-phone"
        case .updatePhone: "methods update-phone"
        case .setSmsSignIn: "methods sms-sign-in"
        case .addEmail: "methods add-email"
        case .updateEmail: "methods update-email"
        case .deleteMethod: "methods delete"
        case .createTemporaryAccessPass: "tap create"
        case .revokeSessions: "sessions revoke"
        case .resetPassword: "password reset"
        case .setAccountEnabled(_, let enabled): enabled ? "users unblock" : "users block"
        case .setPerUserMfaState: "users mfa-state"
        case .setDefaultMethod: "methods default"
        case .createQrCodePin: "methods qr-code create"
        case .resetQrCodePin: "methods qr-code reset-pin"
        case .createTemporaryQrCode: "methods qr-code temporary"
        case .addAuth0Method: "methods add"
        case .replaceAllMethods: "methods replace"
        case .deleteAllMethods: "methods delete-all"
        case .invalidateRememberedBrowsers: "sessions forget-browsers"
        case .createEnrollmentTicket: "methods enroll"
        case .changeAuth0Method: "methods update"
        case .deleteEnrollments: "methods delete-enrollments"
        }
    }

    /// What the pre-flight checks before this change is sent.
    public var preflightAction: PreflightAction {
        switch self {
        case .addPhone, .updatePhone, .setSmsSignIn, .addEmail, .updateEmail, .deleteMethod, .setDefaultMethod,
            .createQrCodePin, .resetQrCodePin, .createTemporaryQrCode, .addAuth0Method, .replaceAllMethods, .deleteAllMethods,
            .createEnrollmentTicket, .changeAuth0Method, .deleteEnrollments: .changeMethods
        case .invalidateRememberedBrowsers: .revokeSessions
        case .setAccountEnabled: .blockSignIn
        case .setPerUserMfaState: .perUserMfa
        case .createTemporaryAccessPass: .temporaryAccessPass
        case .revokeSessions: .revokeSessions
        case .resetPassword: .resetPassword
        }
    }
}
