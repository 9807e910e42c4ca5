import AuthdeskCore
import AuthdeskServices
import Synchronization

/// A tenant directory over fake providers: records every opening, fails or holds back chosen
/// tenants' sign-ins until the test says so.
final class FakeTenantDirectory: TenantDirectory, Sendable {
    private struct Store {
        var opened: [String] = []
        var failures: [String: ServiceError] = [:]
        var held: Set<String> = []
        var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    }

    private let providers: [FakeIdentityProvider]
    private let store = Mutex(Store())
    private let changed = Condition()

    init(_ providers: [FakeIdentityProvider]) {
        self.providers = providers
    }

    var tenants: [TenantInfo] { providers.map(\.tenant) }

    /// The tenants signed in to so far, in order.
    var opened: [String] { store.withLock { $0.opened } }

    /// Makes every later sign-in to `name` fail with `error`.
    func fail(_ name: String, with error: ServiceError) {
        store.withLock { $0.failures[name] = error }
    }

    /// Holds every later sign-in to `name` until ``release(_:)``.
    func hold(_ name: String) {
        store.withLock { _ = $0.held.insert(name) }
    }

    func release(_ name: String) {
        let waiting = store.withLock { store in
            store.held.remove(name)
            return store.waiting.removeValue(forKey: name) ?? []
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Returns once a sign-in to `name` has started.
    func waitForOpening(_ name: String) async {
        await changed.wait { [self] in opened.contains(name) }
    }

    func provider(for name: String) async throws(ServiceError) -> any IdentityProvider {
        guard let provider = providers.first(where: { $0.tenant.name == name }) else {
            throw ServiceError(kind: .notFound, message: "no tenant '\(name)'")
        }
        let held = store.withLock { store in
            store.opened.append(name)
            return store.held.contains(name)
        }
        changed.signal()
        if held {
            await withCheckedContinuation { continuation in
                let stillHeld = store.withLock { store in
                    guard store.held.contains(name) else { return false }
                    store.waiting[name, default: []].append(continuation)
                    return true
                }
                if !stillHeld { continuation.resume() }
            }
        }
        if let failure = store.withLock({ $0.failures[name] }) { throw failure }
        return provider
    }
}
