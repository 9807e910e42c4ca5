import AuthdeskCore
import Synchronization

/// Lookups of many users at once for a provider that cannot batch them: single requests, at
/// most ``manyReadConcurrency`` at a time and fewer when the service says its limit is near
/// (Auth0's `x-ratelimit-remaining`), so that a long list costs a few round trips for each
/// `manyReadConcurrency` users instead of one round trip a user.
extension IdentityProvider {
    /// Single reads in flight at once in ``users(_:)`` and ``targetFacts(of:)`` where the
    /// service does not batch.
    public var manyReadConcurrency: Int { 8 }

    public var writeBudget: WriteBudget? { nil }

    public func users(_ idsOrNames: [String]) async -> [String: Result<DirectoryUser, ServiceError>] {
        await Self.concurrently(idsOrNames, limit: manyReadConcurrency, observers: loadObservers) { key throws(ServiceError) in
            try await user(key)
        }
    }

    public func targetFacts(of userIDs: [String]) async -> [String: Result<TargetFacts, ServiceError>] {
        await Self.concurrently(userIDs, limit: manyReadConcurrency, observers: loadObservers) { id throws(ServiceError) in
            try await targetFacts(of: id)
        }
    }

    /// `read` of each distinct key, at most `limit` at a time, fewer while the service answers
    /// slowly or says its limit is near (``AdaptiveConcurrency``, told by `observers`); every
    /// key gets an answer.
    public static func concurrently<Value: Sendable>(
        _ keys: [String], limit: Int, observers: LoadObservers? = nil, _ read: @escaping @Sendable (String) async throws(ServiceError) -> Value
    ) async -> [String: Result<Value, ServiceError>] {
        var distinct: [String] = []
        var seen: Set<String> = []
        for key in keys where seen.insert(key).inserted { distinct.append(key) }
        let results = Mutex<[String: Result<Value, ServiceError>]>([:])
        let concurrency = AdaptiveConcurrency(ceiling: limit, initial: min(limit, 4))
        await concurrency.adapting(to: observers) {
            await concurrency.forEach(distinct) { key in
                let result: Result<Value, ServiceError>
                do throws(ServiceError) {
                    result = .success(try await read(key))
                } catch {
                    result = .failure(error)
                }
                results.withLock { $0[key] = result }
            }
        }
        return results.withLock { $0 }
    }
}
