import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskWorkflows
import Foundation
import Synchronization

/// A leasing whose leases in force the test sets; counts how often they were read.
final class ScriptedLeases: UserLeasing {
    private let state = Mutex<(leases: [UserLease], reads: Int)>(([], 0))

    var reads: Int { state.withLock { $0.reads } }

    func set(_ leases: [UserLease]) {
        state.withLock { $0.leases = leases }
    }

    func active() async throws -> [UserLease] {
        state.withLock { state in
            state.reads += 1
            return state.leases
        }
    }

    func lease(on key: UserLease.Key) async throws -> UserLease? {
        state.withLock { $0.leases.first { $0.key == key } }
    }

    func acquire(_ key: UserLease.Key, as holder: UserLease.Holder, for duration: Duration) async throws -> UserLeaseOutcome {
        let lease = UserLease(key: key, holder: holder, since: Date(), expiresAt: Date() + 30)
        return state.withLock { state in
            if let held = state.leases.first(where: { $0.key == key && $0.holder.token != holder.token }) { return .heldByAnother(held) }
            state.leases.append(lease)
            return .granted(lease)
        }
    }

    func renew(_ key: UserLease.Key, as holder: UserLease.Holder, for duration: Duration) async throws -> Bool {
        state.withLock { $0.leases.contains { $0.key == key && $0.holder.token == holder.token } }
    }

    func release(_ key: UserLease.Key, as holder: UserLease.Holder) async throws {
        state.withLock { $0.leases.removeAll { $0.key == key && $0.holder.token == holder.token } }
    }
}

/// One fake tenant whose directory keeps its leases in `leasing` (as the workspace does).
struct LeasingTenantDirectory: LeasingDirectory {
    let provider: FakeIdentityProvider
    let leasing: (any UserLeasing)?
    var sharesLeases: Bool { true }
    var tenants: [TenantInfo] { [provider.tenant] }

    func provider(for name: String) async throws(ServiceError) -> any IdentityProvider {
        guard name == provider.tenant.name else { throw ServiceError(kind: .notFound, message: "no tenant '\(name)'") }
        return provider
    }
}
