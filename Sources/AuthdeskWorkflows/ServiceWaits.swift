import AuthdeskServices
import Synchronization

/// Who is told when the transport waits before sending to a tenant (``ServiceWait``): the
/// providers the workflows build sleep through ``sleep(for:minimum:)``, which announces each
/// wait of at least a second as it begins and ends; a bulk run listens for its tenants' waits
/// while it runs. Process-wide, as the providers are: a wait is the same whoever listens.
public final class ServiceWaits: Sendable {
    /// The process's registry, which ``ProviderFactory`` makes its providers sleep through.
    public static let shared = ServiceWaits()

    /// Waits shorter than this are not announced (pacing a few milliseconds is not news).
    public static let minimumAnnounced: Duration = .seconds(1)

    public typealias Observer = ObserverList<ServiceWait.Event>.Observer

    private let observers = ObserverList<ServiceWait.Event>()
    private let lastWait = Mutex(0)

    public init() {}

    /// Adds `observer`; the number returned removes it (``remove(_:)``).
    @discardableResult
    public func observe(_ observer: @escaping Observer) -> Int {
        observers.add(observer)
    }

    public func remove(_ id: Int) {
        observers.remove(id)
    }

    /// A transport's sleep for `tenant`: sleeps through `base`, and announces a wait of at
    /// least `minimum` when it begins and when it ends (cancelled too).
    public func sleep(
        for tenant: String, minimum: Duration = ServiceWaits.minimumAnnounced,
        _ base: @escaping HTTPTransport.Sleep = { try await Task.sleep(for: $0) }
    ) -> HTTPTransport.Sleep {
        { [self] duration in
            guard duration >= minimum else { return try await base(duration) }
            let id = lastWait.withLock { last in
                last += 1
                return last
            }
            observers.report(.began(id: id, ServiceWait(tenant: tenant, duration: duration)))
            defer { observers.report(.ended(id: id, tenant: tenant)) }
            try await base(duration)
        }
    }
}
