import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import Foundation
import Synchronization

/// Runs a journalled "reset all MFA" job: users concurrently, as many at a time in each tenant
/// as the service's answers allow (``AdaptiveConcurrency``, at most `perTenantLimit`), each
/// user's steps one after the other in plan order; every step journalled `sent` before its
/// request and `done`/`failed` after the answer; each user verified by listing its methods
/// again. Pause, resume and cancel act between steps (a step in flight finishes and is
/// journalled). Progress comes as a stream of ``BulkResetEvent``.
///
/// One engine runs one job, once; to resume a job after a crash or a cancel, make a new engine
/// and run the job again: it continues from the journal (``Journal/remainingWork(of:retryFailed:)``).
/// A user whose step fails stops there (its later steps stay pending, untouched) and is failed
/// with the step's status, code and request id; the other users go on. A step the service
/// still throttled (429 after the transport's attempts) is not a failure yet: the user waits as
/// long as the service asked and is sent again from its first step not done, at most
/// ``throttledResends`` times.
public final class BulkResetEngine: Sendable {
    let journal: any JournalStorage
    let removers: [String: any MethodRemover]
    let perTenantLimit: Int
    /// How a user's steps are sent: chained in one round trip where the service allows, or
    /// one request a step.
    let writes: ResetWrites
    let now: @Sendable () -> Date
    /// Waits before a throttled user is sent again, and between asks for a deferred user's lease
    /// (tests give one that moves a manual clock, the one `now` reads).
    let sleep: @Sendable (Duration) async throws -> Void
    let control = RunControl()
    let jobBox = JobBox()
    let concurrencies = Mutex<[String: AdaptiveConcurrency]>([:])
    /// Each user's lease while it runs (nil: no leases taken), and the run's keeper of them.
    let leases: BulkLeases?
    let keeperBox = Mutex<LeaseKeeper?>(nil)

    /// The most users at a time per tenant a run may be given as its ceiling.
    public static let maxConcurrency = 64
    /// Users at a time per tenant a run starts with, before the service's answers adapt it.
    public static let initialConcurrency = 4
    /// How many times a user whose write the service still throttled (429 after the
    /// transport's attempts) is sent again, from its first step not done, before it fails.
    public static let throttledResends = 5
    /// The least wait before such a user is sent again.
    public static let resendWait: Duration = .milliseconds(500)

    /// `removers`: one per tenant name of the job; `perTenantLimit`: the most users at a time per
    /// tenant (1 to ``maxConcurrency``; how many run adapts below it, ``AdaptiveConcurrency``);
    /// `writes`: how a user's steps are sent (``ResetWrites``); `now`: the clock the journal's
    /// timestamps and the deferral's deadline come from; `leases`: how each user's lease is held
    /// (``BulkLeases``); `sleep`: how a throttled user waits before it is sent again, and a
    /// deferred user before its lease is asked for again.
    public init(
        journal: any JournalStorage, removers: [String: any MethodRemover], perTenantLimit: Int = 4,
        writes: ResetWrites = .standard, now: @escaping @Sendable () -> Date = { Date() }, leases: BulkLeases? = nil,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) throws(BulkResetError) {
        guard (1...Self.maxConcurrency).contains(perTenantLimit) else { throw .invalidLimit(perTenantLimit) }
        self.journal = journal
        self.removers = removers
        self.perTenantLimit = perTenantLimit
        self.writes = writes
        self.now = now
        self.leases = leases
        self.sleep = sleep
    }

    /// Starts (or resumes) job `id` and returns its progress. Checks, before sending anything,
    /// that the job can run and that there is a connection to each of its tenants.
    /// `retryFailed`: also retry failed steps and re-verify failed users; a `finished` job with
    /// failed users runs again this way (a `cancelled` one never does).
    public func run(_ id: JobID, retryFailed: Bool = false) async throws(BulkResetError) -> AsyncStream<BulkResetEvent> {
        let job: JobRecord
        let work: [ResumableUser]
        do {
            job = try await journal.job(id)
            guard job.state != .awaitingApproval else { throw BulkResetError.awaitingApproval(id) }
            guard !job.state.isFinal || (retryFailed && job.state == .finished) else {
                throw BulkResetError.jobIsFinal(id, job.state)
            }
            work = try await journal.remainingWork(of: id, retryFailed: retryFailed)
        } catch let error as BulkResetError {
            throw error
        } catch let error as JournalError {
            throw .journal(error)
        } catch {
            throw .journal(.storage("\(error)"))
        }
        var seen: Set<String> = []
        let missing = work.map(\.user.tenant).filter { removers[$0] == nil && seen.insert($0).inserted }
        guard missing.isEmpty else { throw .noConnection(tenants: missing) }
        guard await control.begin() else { throw .alreadyStarted }
        do {
            if job.state == .finished {
                try await journal.reopenToRetry(id, at: now())
            } else {
                try await journal.setJobState(id, to: .running, at: now())
            }
        } catch {
            throw .journal(error)
        }
        let (stream, continuation) = AsyncStream.makeStream(of: BulkResetEvent.self)
        await jobBox.set(id, continuation)
        _ = startKeeping(for: job)
        Task { await self.execute(job: job, work: work, emit: continuation) }
        return stream
    }

    /// Pauses the run: each worker stops before its next step; steps in flight finish.
    public func pause() async throws(JournalError) {
        guard let (id, emit) = await jobBox.get(), await control.pause() else { return }
        try await journal.setJobState(id, to: .paused, at: now())
        emit.yield(.paused)
    }

    /// Resumes a paused run.
    public func resume() async throws(JournalError) {
        guard let (id, emit) = await jobBox.get() else { return }
        let state = try await journal.job(id).state
        if state == .paused { try await journal.setJobState(id, to: .running, at: now()) }
        guard await control.resume() else { return }
        emit.yield(.resumed)
    }

    /// Cancels the run: no new step starts; the steps in flight finish and are journalled; the
    /// job ends `cancelled`, and the steps not sent stay pending.
    public func cancel() async {
        await control.cancel()
    }

    /// Stops the run to continue it later (the console is quitting, or Ctrl-C on the command
    /// line): no new step starts; the
    /// steps in flight finish and are journalled; the job ends `paused`, so that `jobs resume`
    /// (or the console's `:jobs`) continues it. The stream's last event is `.finished(.paused)`.
    public func suspend() async {
        await control.suspend()
    }

    func execute(job: JobRecord, work: [ResumableUser], emit: AsyncStream<BulkResetEvent>.Continuation) async {
        emit.yield(.started(job: job.id, users: work.count, steps: work.reduce(0) { $0 + $1.steps.count }))
        var tenants: [String] = []
        var byTenant: [String: [ResumableUser]] = [:]
        for entry in work {
            if byTenant[entry.user.tenant] == nil { tenants.append(entry.user.tenant) }
            byTenant[entry.user.tenant, default: []].append(entry)
        }
        await withTaskGroup(of: Void.self) { group in
            for tenant in tenants {
                guard let remover = removers[tenant], let users = byTenant[tenant] else { continue }
                group.addTask {
                    await self.runTenant(users, remover: remover, policy: job.policy, emit: emit)
                }
            }
        }
        try? await keeper?.releaseAll()
        var state = JobState.running
        if await control.journalFailure == nil {
            state = await control.isSuspended ? .paused : await control.isCancelled ? .cancelled : .finished
            do {
                if try await journal.job(job.id).state != state {
                    try await journal.setJobState(job.id, to: state, at: now())
                }
            } catch {
                emit.yield(.journalFailed(error.description))
                state = .running
            }
        }
        let counts = (try? await journal.summary(of: job.id).counts) ?? JobCounts(users: [], steps: [])
        emit.yield(.finished(state: state, counts: counts))
        emit.finish()
    }

    /// How many users at a time the run of `tenant` allows now, and has allowed (nil before the
    /// tenant's run starts).
    public func concurrency(of tenant: String) -> AdaptiveConcurrency? {
        concurrencies.withLock { $0[tenant] }
    }

    /// One tenant's users, as many at a time as its ``AdaptiveConcurrency`` allows (at most
    /// `perTenantLimit`): every answer the tenant's service gives during the run is recorded
    /// there (through the remover's ``MethodRemover/loadObservers``; a remover without them
    /// reports only the 429s its steps end with).
    func runTenant(
        _ users: [ResumableUser], remover: any MethodRemover, policy: ResetPolicy,
        emit: AsyncStream<BulkResetEvent>.Continuation
    ) async {
        let initial = await remover.startingConcurrency(ceiling: perTenantLimit)
        let concurrency = AdaptiveConcurrency(ceiling: perTenantLimit, initial: initial)
        concurrencies.withLock { $0[users.first?.user.tenant ?? ""] = concurrency }
        let observers = remover.loadObservers
        let deferred = Deferred()
        await concurrency.adapting(to: observers) {
            await concurrency.forEach(users) { user in
                await self.runHolding(user, remover: remover, policy: policy, deferred: deferred, emit: emit) { signal in
                    if observers == nil { await concurrency.record(signal) }
                }
            }
        }
        await runDeferred(deferred, remover: remover, policy: policy, emit: emit)
    }

    /// Runs one user's steps and verifies the user; a step the service still refused with 429
    /// (after the transport's retries) goes to `record`, so that fewer users run at once.
    func runUser(
        _ entry: ResumableUser, remover: any MethodRemover, policy: ResetPolicy,
        emit: AsyncStream<BulkResetEvent>.Continuation,
        record: @Sendable (AdaptiveConcurrency.Signal) async -> Void = { _ in }
    ) async {
        let user = entry.user
        let onHold: @Sendable () -> Void = { emit.yield(.holding(tenant: user.tenant, userID: user.userID)) }
        var next = entry.steps.startIndex
        var resends = 0
        var verifying = false
        while next < entry.steps.endIndex {
            guard await control.proceed(onHold: onHold) else { return }
            if await leaseLost(entry) { return await finishLost(user, emit: emit) }
            let rest = Array(entry.steps[next...])
            let length = writes == .chained ? max(1, remover.chainLength(of: rest.map(\.planStep))) : 1
            let outcome = await send(
                Array(rest.prefix(length)), of: user, remover: remover, mayResend: resends < Self.throttledResends,
                last: length == rest.count, emit: emit, record: record)
            switch outcome {
            case .sent:
                next += length
            case .sentVerifying:
                next += length
                verifying = true
            case .stopped:
                return
            case .throttled(let from, let wait):
                // The service's budget is spent for now: this user waits as long as it asked,
                // then goes on from its first step not done.
                resends += 1
                next += from
                // Pause and cancel act after the wait, before the next step (the loop's gate).
                try? await sleep(wait)
            }
        }
        guard await control.proceed(onHold: onHold) else { return }
        do {
            // Journalled with the last answers already, unless the user had no step left.
            if !verifying { try await journal.setUserState(user.id, to: .verifying, at: now()) }
        } catch {
            return await journalFailed(error, emit: emit)
        }
        emit.yield(.verifying(tenant: user.tenant, userID: user.userID))
        do throws(ServiceFailure) {
            let leftovers = policy.leftovers(in: try await remover.methods(of: user.userID))
            if leftovers.isEmpty {
                await finish(user, .done, reason: nil, emit: emit)
            } else {
                let list = leftovers.map { "\($0.title) \($0.id)" }.joined(separator: ", ")
                await finish(user, .failed, reason: "verify: still there after the run: \(list)", emit: emit)
            }
        } catch {
            await finish(user, .failed, reason: "verify: cannot list the methods: \(error)", emit: emit)
        }
    }

    func finish(
        _ user: JobUserRecord, _ state: UserState, reason: String?, emit: AsyncStream<BulkResetEvent>.Continuation
    ) async {
        do {
            let record = try await journal.setUserState(user.id, to: state, reason: reason, at: now())
            emit.yield(.userFinished(record))
        } catch {
            await journalFailed(error, emit: emit)
        }
    }

    func journalFailed(_ error: JournalError, emit: AsyncStream<BulkResetEvent>.Continuation) async {
        await control.stop(error.description)
        emit.yield(.journalFailed(error.description))
    }
}
