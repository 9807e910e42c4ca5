import AuthdeskCore
import AuthdeskServices

/// The one write a confirmed dialog asks the service for; ``BrowserViewModel`` sends it.
public enum DialogRequest: Sendable, Equatable {
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

    /// Sends the request through `provider`.
    public func send(to provider: any IdentityProvider) async throws(ServiceError) -> DialogOutcome {
        switch self {
        case .addPhone(let userID, let number, let type):
            _ = try await provider.addPhone(to: userID, number: number, type: type)
        case .updatePhone(let userID, let type, let number):
            try await provider.updatePhone(of: userID, type: type, number: number)
        case .setSmsSignIn(let userID, let enabled):
            try await provider.setSmsSignIn(of: userID, enabled: enabled)
        case .addEmail(let userID, let address):
            _ = try await provider.addEmail(to: userID, address: address)
        case .updateEmail(let userID, let address):
            try await provider.updateEmail(of: userID, address: address)
        case .deleteMethod(let userID, let method):
            try await provider.deleteMethod(method, of: userID)
        case .createTemporaryAccessPass(let userID, let request):
            return .pass(try await provider.createTemporaryAccessPass(for: userID, request))
        case .revokeSessions(let userID):
            try await provider.revokeSessions(of: userID)
        case .resetPassword(let userID, let password):
            return .reset(try await provider.resetPassword(of: userID, newPassword: password?.reveal()))
        }
        return .done
    }
}
