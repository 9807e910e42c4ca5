import AuthdeskBulkReset
import AuthdeskServices

/// Where the reset-all-MFA workflow reaches each tenant by its name: the engine's remover and
/// the pre-flight. Built from a tenant directory (the console's, a command's workspace), or
/// from in-memory fakes in tests.
public struct ResetTenants: Sendable {
    public typealias RemoverSource = @Sendable (_ tenant: String) async throws(ServiceError) -> any MethodRemover
    /// The pre-flight of a tenant, or nil when there is none (its users are not checked).
    public typealias PreflightSource = @Sendable (_ tenant: String) async -> Preflight?

    public let remover: RemoverSource
    public let preflight: PreflightSource
    /// The tenants whose profile requires caller verification (`require_caller_verification`).
    public var verifying: Set<String> = []
    /// How the run holds each user's lease (nil: none taken): the directory's leasing
    /// (``LeasingDirectory``), shared with other hosts in team mode.
    public var leases: BulkLeases?

    public init(remover: @escaping RemoverSource, preflight: @escaping PreflightSource = { _ in nil }) {
        self.remover = remover
        self.preflight = preflight
    }

    /// The removers and pre-flights of `directory`'s providers, each signed in on first use.
    public init(directory: any TenantDirectory) {
        defer {
            verifying = Set(directory.tenants.filter { $0.requiresCallerVerification == true }.map(\.name))
            leases = (directory as? any LeasingDirectory).flatMap(\.bulkLeases)
        }
        self.init(
            remover: { name throws(ServiceError) in
                ProviderRemover(provider: try await directory.provider(for: name))
            },
            preflight: { name in
                do throws(ServiceError) {
                    return Preflight(provider: try await directory.provider(for: name))
                } catch {
                    return nil
                }
            })
    }
}
