import AuthdeskCore

/// A ``TenantDirectory`` that opens each tenant on first use and keeps its provider for the
/// session: the console's `:tenant` switch signs in to a tenant only when the operator asks for it.
///
/// An actor, so concurrent first uses of one tenant share a single sign-in; a failed sign-in is
/// not kept, so the next use tries again.
public actor LazyTenantDirectory: TenantDirectory {
    /// Signs in to one tenant and returns its provider.
    public typealias Opener = @Sendable (TenantInfo) async throws(ServiceError) -> any IdentityProvider

    public nonisolated let tenants: [TenantInfo]
    private let open: Opener
    private var opening: [String: Task<any IdentityProvider, any Error>] = [:]
    private var opened: [String: any IdentityProvider] = [:]

    /// `tenants`: in the order offered, names distinct; `open` signs in to one of them.
    public init(tenants: [TenantInfo], open: @escaping Opener) {
        self.tenants = tenants
        self.open = open
    }

    /// Whether tenant `name` is signed in (its provider kept).
    public func isOpen(_ name: String) -> Bool {
        opened[name] != nil
    }

    public func provider(for name: String) async throws(ServiceError) -> any IdentityProvider {
        if let provider = opened[name] { return provider }
        guard let tenant = tenants.first(where: { $0.name == name }) else {
            let known = tenants.map(\.name).joined(separator: ", ")
            throw ServiceError(kind: .notFound, message: "no tenant '\(name)'; tenants: \(known)")
        }
        let task: Task<any IdentityProvider, any Error>
        if let running = opening[name] {
            task = running
        } else {
            let open = open
            task = Task { try await open(tenant) }
            opening[name] = task
        }
        do {
            let provider = try await task.value
            opened[name] = provider
            if opening[name] == task { opening[name] = nil }
            return provider
        } catch {
            if opening[name] == task { opening[name] = nil }
            throw error as? ServiceError
                ?? ServiceError(kind: .signIn, message: "Signing in to \(name) failed: \(error)")
        }
    }
}
