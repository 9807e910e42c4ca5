import Foundation
import Synchronization

/// The sandbox's state behind a lock: every request reads and changes it in one critical
/// section, so concurrent requests never see half a change.
final class SandboxStore: Sendable {
    private let state: Mutex<SandboxState>

    init(_ state: SandboxState) {
        self.state = Mutex(state)
    }

    func withState<T>(_ body: (inout SandboxState) throws -> T) rethrows -> T {
        try state.withLock { try body(&$0) }
    }
}
