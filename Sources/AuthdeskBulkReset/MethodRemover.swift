import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices

/// What the bulk engine needs from one tenant's identity service: list a user's methods, read
/// the default one, and carry out one plan step.
///
/// Small on purpose, so the engine can be tested with an in-memory fake; an adapter over
/// `IdentityProvider` (delete a method, deactivate a hardware token, read the default method)
/// implements it for Graph and Auth0.
public protocol MethodRemover: Sendable {
    /// All of the user's methods, unknown types included.
    func methods(of userID: String) async throws(ServiceFailure) -> [AuthMethod]

    /// The id of the user's default MFA method among `methods` (the list just read), or nil
    /// where the service has none (Auth0) or the user has not set one.
    func defaultMethodID(of userID: String, among methods: [AuthMethod]) async throws(ServiceFailure) -> String?

    /// How many users ``readMethods(of:)`` takes at once: more than one where the service
    /// batches reads (Graph's `$batch`), 1 otherwise.
    var readBatchSize: Int { get }

    /// The methods and default method of each of `userIDs` (at most ``readBatchSize``), or the
    /// failure that kept a user's from being read; every id gets an answer.
    func readMethods(of userIDs: [String]) async -> [String: Result<UserMethods, ServiceFailure>]

    /// Sends the step's request (delete the method, or deactivate the hardware token) and
    /// returns the answer: its status and request id, or the failure's status, code, message
    /// and request id. A 404 must come back as a 404, not be hidden: the engine decides.
    func perform(_ step: PlanStep, of userID: String) async -> StepAnswer

    /// Users to work on at once when a run or a plan starts, at most `ceiling`; the service's
    /// answers adapt it from there (``AdaptiveConcurrency``).
    func startingConcurrency(ceiling: Int) async -> Int

    /// Told of every answer the tenant's service gives (``ServiceLoad``), where the remover
    /// reports them; nil (the default) where it does not: then only a step's 429 adapts a run.
    var loadObservers: LoadObservers? { get }

    /// How many of `steps`, from the first, can go together in one round trip
    /// (``performInOrder(_:of:)``); 1 (the default) where the service chains nothing.
    func chainLength(of steps: [PlanStep]) -> Int

    /// Sends `steps` (as many as ``chainLength(of:)`` allowed) of one user in one round trip,
    /// in order, and answers each: after a failure the rest answer 424 (failed dependency).
    func performInOrder(_ steps: [PlanStep], of userID: String) async -> [StepAnswer]
}

extension MethodRemover {
    public var readBatchSize: Int { 1 }

    public var loadObservers: LoadObservers? { nil }

    public func chainLength(of steps: [PlanStep]) -> Int { min(1, steps.count) }

    public func performInOrder(_ steps: [PlanStep], of userID: String) async -> [StepAnswer] {
        await performOneByOne(steps, of: userID)
    }

    /// ``performInOrder(_:of:)`` with one request a step, stopping at the first failure: the
    /// steps after it answer 424 without being sent.
    public func performOneByOne(_ steps: [PlanStep], of userID: String) async -> [StepAnswer] {
        var answers: [StepAnswer] = []
        var failed = false
        for step in steps {
            guard !failed else {
                answers.append(StepAnswer(.failedDependency))
                continue
            }
            let answer = await perform(step, of: userID)
            failed = !answer.succeeded(for: step.action)
            answers.append(answer)
        }
        return answers
    }

    public func startingConcurrency(ceiling: Int) async -> Int {
        min(ceiling, BulkResetEngine.initialConcurrency)
    }

    public func readMethods(of userIDs: [String]) async -> [String: Result<UserMethods, ServiceFailure>] {
        await readMethodsOneByOne(of: userIDs)
    }

    /// ``readMethods(of:)`` with two requests a user, one user after the other.
    public func readMethodsOneByOne(of userIDs: [String]) async -> [String: Result<UserMethods, ServiceFailure>] {
        var results: [String: Result<UserMethods, ServiceFailure>] = [:]
        for userID in userIDs {
            do throws(ServiceFailure) {
                let methods = try await methods(of: userID)
                let defaultID = try await defaultMethodID(of: userID, among: methods)
                results[userID] = .success(UserMethods(methods: methods, defaultMethodID: defaultID))
            } catch {
                results[userID] = .failure(error)
            }
        }
        return results
    }
}
