import AuthdeskServices
import Foundation
import Synchronization

/// Who makes the changes, for the audit journal's "who": the signed-in operator named in the
/// sign-in's token (`upn`, `preferred_username`, `unique_name` or `email` claim) when there is
/// one, else a fixed name (the local account and host, for an application's sign-in).
///
/// Only the name claim is read from the token; the token itself is never kept or written.
public final class OperatorSource: Sendable {
    private let tokens: (any TokenProvider)?
    private let fallback: String
    private let found = Mutex<String?>(nil)

    /// Always `name`.
    public init(fixed name: String) {
        tokens = nil
        fallback = name
    }

    /// The user the tokens of `tokens` were issued to, else `fallback`.
    public init(signedIn tokens: any TokenProvider, fallback: String) {
        self.tokens = tokens
        self.fallback = fallback
    }

    /// The operator's name; asks the token provider (which answers from its cache after a change)
    /// until a signed-in user's name is found, then keeps it.
    public func name() async -> String {
        if let known = found.withLock({ $0 }) { return known }
        guard let tokens, let token = try? await tokens.token(), let name = Self.userName(inToken: token.value) else {
            return fallback
        }
        found.withLock { $0 = name }
        return name
    }

    /// The signed-in user's name from a JWT's claims; nil for an opaque token or an application's.
    public static func userName(inToken token: String) -> String? {
        TokenClaims.of(token: token)?.userName
    }

    /// What the current token says (who, permissions, roles); nil for an opaque token or a
    /// fixed name. The token itself is not kept.
    public func claims() async -> TokenClaims? {
        guard let tokens, let token = try? await tokens.token() else { return nil }
        return TokenClaims.of(token: token.value)
    }
}
