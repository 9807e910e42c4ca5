/// How an ``AdaptiveConcurrency`` hears of a tenant's answers: from the provider's
/// ``LoadObservers``, in the order they came, for as long as a run lasts.
extension AdaptiveConcurrency {
    /// Runs `body` while every answer `observers` hear is recorded here (``record(_:)``), in
    /// order; when `body` returns, the observer is removed and the answers heard are recorded
    /// before this returns. Nothing is heard when `observers` is nil.
    public nonisolated func adapting<T: Sendable>(
        to observers: LoadObservers?, during body: () async -> T
    ) async -> T {
        guard let observers else { return await body() }
        let (loads, feed) = AsyncStream.makeStream(of: ServiceLoad.self)
        let id = observers.add { feed.yield($0) }
        let recording = Task {
            for await load in loads { await self.record(Signal(load)) }
        }
        let result = await body()
        observers.remove(id)
        feed.finish()
        await recording.value
        return result
    }
}

extension AdaptiveConcurrency.Signal {
    /// What one answer's ``ServiceLoad`` tells: its latency, whether it was throttled (429, or
    /// retried), and the share of the limit in use.
    public init(_ load: ServiceLoad) {
        self.init(latency: load.latency, throttled: load.throttled, limitUsed: load.limitUsed)
    }
}
