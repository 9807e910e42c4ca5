import Synchronization
@testable import AuthdeskServices
import Foundation

/// Hands out fixed tokens in turn, and counts how often it was told the last one was refused.
final class StaticTokenProvider: TokenProvider {
    private let state: Mutex<(tokens: [String], index: Int, invalidations: Int)>

    init(_ tokens: String...) {
        state = Mutex((tokens, 0, 0))
    }

    var invalidations: Int { state.withLock { $0.invalidations } }

    func token() async throws(ServiceError) -> AccessToken {
        state.withLock { state in
            AccessToken(value: state.tokens[min(state.index, state.tokens.count - 1)], expiresOn: .distantFuture)
        }
    }

    func invalidate() async {
        state.withLock { $0.index += 1; $0.invalidations += 1 }
    }
}
