/// Counts of the requests a sandbox has answered, by HTTP status; for tests and benchmarks.
public struct SandboxStats: Sendable, Equatable {
    /// Answers by status code (200, 201, 400, 401, 429, ...).
    public var byStatus: [Int: Int] = [:]
    /// Connections dropped on purpose by fault injection.
    public var dropped: Int = 0
    /// Faults injected (429, 503, dropped connections, malformed bodies).
    public var faultsInjected: Int = 0
    /// Graph `POST /$batch` requests answered (each also counted by its status).
    public var batches: Int = 0
    /// Those of ``batches`` that carried at least one write (a user's chained steps).
    public var writeBatches: Int = 0
    /// Graph requests answered outside a batch: `/v1.0` and `/beta` but `$batch` (sign-in not counted).
    public var singleGraphRequests: Int = 0
    /// Requests by HTTP method (`GET`, `POST`, `PATCH`, `PUT`, `DELETE`), the sandbox's own
    /// `/sandbox/...` endpoints left out: how a test proves that a dry run sent no write.
    public var byMethod: [String: Int] = [:]
    /// The requests carried inside `$batch` requests and run (a failed dependency's 424 is not),
    /// by HTTP method: with ``byMethod``, how a test counts the deletes a job really made.
    public var innerByMethod: [String: Int] = [:]
    /// Sign-ins: token and device-code requests (not in ``byMethod``).
    public var signIns: Int = 0
    /// Graph writes that got through the budgets (single or inside a `$batch`), by tenant name:
    /// how a benchmark sees when each tenant's writes start and how fast they go.
    public var writesByTenant: [String: Int] = [:]
    /// Requests (single or inside a `$batch`) answered 429 because a budget was spent, by budget
    /// (`read`, `write`): with the reads counted, how a benchmark sees whether a run kept a
    /// spent budget busy or stormed it.
    public var throttledByBudget: [String: Int] = [:]

    public init() {}

    /// Every request answered, whatever its status.
    public var total: Int { byStatus.values.reduce(0, +) + dropped }
    /// Requests answered with a 2xx status.
    public var succeeded: Int { byStatus.filter { (200..<300).contains($0.key) }.values.reduce(0, +) }
    /// Requests refused: 4xx and 5xx answers.
    public var refused: Int { byStatus.filter { $0.key >= 400 }.values.reduce(0, +) }
    /// Requests other than GET (and other than sign-ins: token and device-code POSTs).
    public var writes: Int { byMethod.filter { $0.key != "GET" && $0.key != "HEAD" }.values.reduce(0, +) }
    /// Answers with this status.
    public func count(_ status: Int) -> Int { byStatus[status] ?? 0 }
}
