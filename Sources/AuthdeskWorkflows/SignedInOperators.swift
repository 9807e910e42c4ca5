import AuthdeskAudit
import Synchronization

/// Who signed in to each tenant of a session, as each was opened.
final class SignedInOperators: Sendable {
    private let sources = Mutex<[String: OperatorSource]>([:])

    func record(_ source: OperatorSource, tenant: String) {
        sources.withLock { $0[tenant] = source }
    }

    func source(in tenant: String) -> OperatorSource? {
        sources.withLock { $0[tenant] }
    }
}
