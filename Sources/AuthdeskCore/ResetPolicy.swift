import Foundation

/// Which of a user's methods "reset all MFA" removes.
///
/// `portal` does what the Entra portal's "Require re-register MFA" and the MSP seed's "Reset all
/// multi-factor authentications" do: it deletes phones, Microsoft Authenticator and software OATH
/// tokens, deactivates activated hardware OATH tokens, and keeps the password, FIDO2 keys,
/// Windows Hello, platform credentials, email and Temporary Access Passes.
///
/// For Auth0, `portal` removes the same factors by their Auth0 names: `phone` (the phone),
/// `totp` (the software OATH token), `push` and `guardian` (the authenticator app), and
/// `recovery-code`, which Auth0 issues with an MFA enrolment and replaces at the next one: a reset
/// meant to revoke the old factors must not leave their recovery code behind. It keeps what the
/// Entra portal keeps: `email` and `email-verification` (email), `webauthn-roaming` and `passkey`
/// (FIDO2), `webauthn-platform` (Windows Hello, platform credentials) and `password`.
///
/// `all` removes every method but the password, for both services (Auth0's `password` entry is
/// the user's sign-in credential, not a factor). Under either policy a method of an unknown type
/// is kept and flagged, never deleted blindly.
public enum ResetPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    case portal
    case all

    /// Reads `--policy`: `portal` or `all`, in any letter case.
    public init(parsing text: String) throws(ValidationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let policy = ResetPolicy(rawValue: trimmed) else {
            throw ValidationError(
                field: "policy",
                message: "'\(text)' is not a reset policy; use portal (as the Entra portal) or all (every method but the password)")
        }
        self = policy
    }

    /// One line for the confirmation dialog and `--help`.
    public var summary: String {
        switch self {
        case .portal:
            "phones, authenticator apps and software OATH deleted, hardware OATH deactivated; "
                + "password, FIDO2, Windows Hello, email and TAP kept"
        case .all:
            "every method but the password deleted"
        }
    }

    /// What this policy does with `method`.
    public func treatment(of method: AuthMethod) -> MethodTreatment {
        switch method.kind {
        case .password, .auth0Password:
            return .keep(.password)
        case .unknown:
            return .keep(.unknownType)
        case .hardwareOath:
            if self == .all { return .remove(.delete) }
            guard case .hardwareOath(let token) = method else { return .remove(.deactivate) }
            return Self.isActivated(token) ? .remove(.deactivate) : .keep(.alreadyInactive)
        default:
            return self == .all || method.kind.isRemovedByPortal ? .remove(.delete) : .keep(.keptByPolicy)
        }
    }

    /// The methods in `methods` this policy removes: after a run, what is left over.
    public func leftovers(in methods: [AuthMethod]) -> [AuthMethod] {
        methods.filter { treatment(of: $0).removes }
    }

    /// A token is treated as activated unless the service says it is in another state: when the
    /// status is missing, deactivating is the safe choice (deactivation is harmless if it was not).
    static func isActivated(_ token: HardwareOathMethod) -> Bool {
        guard let status = token.status else { return true }
        return status.lowercased() == "activated"
    }
}
