import AuthdeskCore
import AuthdeskServices
import AuthdeskWorkflows

/// The account's dialogs, opened from the methods pane like the methods' own: block or unblock
/// sign-in, the per-user MFA state, the default method.
public enum AccountDialogs {
    /// Why a dialog cannot open, as the flash line says it.
    public struct Refusal: Error, Sendable, Equatable {
        public var text: String
    }

    static let bindings: [KeyBinding] = [
        KeyBinding(.character("b"), .toggleSignIn, scope: .methods, "block or unblock sign-in", isDestructive: true,
                   requires: .setAccountEnabled),
        KeyBinding(.character("u"), .perUserMfa, scope: .methods, "set the per-user MFA state", isDestructive: true,
                   requires: .perUserMfa),
        KeyBinding(.character("Q"), .qrCodePin, scope: .methods, "create a QR code + PIN, or reset its PIN", isDestructive: true,
                   requires: .qrCodePin),
        KeyBinding(.character("f"), .defaultMethod, scope: .methods, "choose the default MFA method", isDestructive: true,
                   requires: .setDefaultMethod),
    ]
}

extension BrowserState {
    /// The account dialog `action` opens for `user`, or why it cannot (from what the panes know).
    func accountDialog(
        for action: KeyAction, user: DirectoryUser, methods: [AuthMethod]
    ) -> Result<DialogKind, AccountDialogs.Refusal> {
        var shown: AccountDetails?
        if case .loaded(let userID, let details) = accountPane.account, userID == user.id { shown = details }
        switch action {
        case .toggleSignIn:
            let enabled = shown?.accountEnabled ?? user.accountEnabled ?? true
            return .success(.signIn(block: enabled))
        case .perUserMfa:
            return .success(.perUserMfa(current: shown?.perUserMfaState?.value))
        case .qrCodePin:
            return .success(.qrCodePin(existing: methods.contains { $0.kind == .qrCodePin }))
        case .defaultMethod:
            let choices = DefaultMethodChoice.possible(for: methods)
            guard !choices.isEmpty else {
                return .failure(AccountDialogs.Refusal(
                    text: "\(user.displayName) has no method that can be the default (a phone, Microsoft Authenticator or an OATH token)"))
            }
            let current = shown?.registration?.value?.userPreferredMethod.flatMap(DefaultMethod.init(rawValue:))
            return .success(.defaultMethod(choices, current: current))
        default:
            return Auth0Dialog.kind(for: action, selected: methodsPane.current)
                ?? .failure(AccountDialogs.Refusal(text: "This key opens no account dialog"))
        }
    }
}
