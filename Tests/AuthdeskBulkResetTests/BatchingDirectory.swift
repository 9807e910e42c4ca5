import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal

/// A ``FakeDirectory`` that reads users in batches, as Graph's `$batch` lets the planner do:
/// records each batch of user ids asked for, and how many batches were in flight at once.
actor BatchingDirectory: MethodRemover {
    let directory: FakeDirectory
    nonisolated let readBatchSize: Int
    private let gate: Gate?
    private(set) var batches: [[String]] = []
    private(set) var inFlight = 0
    private(set) var maxInFlight = 0

    init(_ directory: FakeDirectory, batchSize: Int = 20, gate: Gate? = nil) {
        self.directory = directory
        readBatchSize = batchSize
        self.gate = gate
    }

    func readMethods(of userIDs: [String]) async -> [String: Result<UserMethods, ServiceFailure>] {
        batches.append(userIDs)
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        if let gate { await gate.enter(userIDs.first ?? "") }
        let read = await directory.readMethodsOneByOne(of: userIDs)
        inFlight -= 1
        return read
    }

    func methods(of userID: String) async throws(ServiceFailure) -> [AuthMethod] {
        try await directory.methods(of: userID)
    }

    func defaultMethodID(of userID: String, among methods: [AuthMethod]) async throws(ServiceFailure) -> String? {
        try await directory.defaultMethodID(of: userID, among: methods)
    }

    func perform(_ step: PlanStep, of userID: String) async -> StepAnswer {
        await directory.perform(step, of: userID)
    }
}
