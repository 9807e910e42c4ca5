import Synchronization

/// Who is told of each event of one kind: observers added and removed while events are
/// reported, from any task. The one list behind a provider's ``LoadObservers`` and the
/// transport's waits (`ServiceWaits`).
public final class ObserverList<Event: Sendable>: Sendable {
    /// Told of one event; called on the task that reported it, so it must return quickly.
    public typealias Observer = @Sendable (Event) -> Void

    private struct Registry {
        var next = 0
        var observers: [Int: Observer] = [:]
    }

    private let registry = Mutex(Registry())

    public init() {}

    /// Adds `observer`; the number returned removes it (``remove(_:)``).
    @discardableResult
    public func add(_ observer: @escaping Observer) -> Int {
        registry.withLock { registry in
            registry.next += 1
            registry.observers[registry.next] = observer
            return registry.next
        }
    }

    /// Removes the observer `add` numbered `id`; nothing when it is gone already.
    public func remove(_ id: Int) {
        _ = registry.withLock { $0.observers.removeValue(forKey: id) }
    }

    /// Whether anyone is told of events now.
    public var isObserved: Bool {
        registry.withLock { !$0.observers.isEmpty }
    }

    /// Tells every observer of `event` (outside the lock, so an observer may add or remove).
    public func report(_ event: Event) {
        let observers = registry.withLock { Array($0.observers.values) }
        for observer in observers { observer(event) }
    }
}

/// Who is told of every answer one provider gets (``ServiceLoad``): a bulk run adds an observer
/// to each tenant's provider before it starts and removes it when it ends, so that how many
/// users run at once adapts to every answer. An object held by the provider, not a task-local:
/// binding a task-local around a task group's children crashed release builds.
public typealias LoadObservers = ObserverList<ServiceLoad>
