import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import Foundation
import Synchronization

/// The bulk reset screen's view model: holds ``BulkScreenState``, runs the planner, the journal
/// and the engine it asks for, and publishes every new state.
///
/// The engine's progress arrives on a task and is fed to the state machine as events, each with
/// the time on the injected clock (throughput and time left come from those times, so an idle
/// screen needs no timer). New states go to the sink given to ``observe(_:)``, which should only
/// wake the console.
public final class BulkScreenViewModel: Sendable {
    /// Finds the remover of a tenant by its name (the tenant directory's providers by default).
    public typealias RemoverSource = @Sendable (_ tenant: String) async throws(ServiceError) -> any MethodRemover
    /// The pre-flight of a tenant by its name, or nil when there is none (its users are not checked).
    public typealias PreflightSource = @Sendable (_ tenant: String) async -> Preflight?

    enum Slot: StoreSlot {
        case plan
        case run
        case control
        case load
        case flash
    }

    /// What the screen's work shares besides the state: the engine, the journal, the close handler.
    private struct Inner: ~Copyable {
        var closed: (@Sendable ([Marks.Key]) -> Void)?
        var engine: BulkResetEngine?
        var journal: Journal?
        /// The console is quitting: an engine made from now on is suspended at once.
        var quitting = false
    }

    private let store: Store<BulkScreenState, Slot, Void>
    private let inner = Mutex(Inner())
    private let removers: RemoverSource
    private let preflights: PreflightSource
    private let openJournal: @Sendable () throws -> Journal
    private let exportDirectory: URL
    private let operatorName: String
    /// Who runs a job and under which ticket, given the job's first tenant (the session's
    /// signed-in operator there and its ticket); nil: ``operatorName`` and no ticket.
    private let owner: JobOwner?

    /// The operator's name and the session's ticket for a job in tenant (a profile name).
    public typealias JobOwner = @Sendable (_ tenant: String) async -> (operatorName: String, ticket: String?)
    private let perTenantLimit: Int
    private let flashDuration: Duration
    private let uptime: @Sendable () -> Duration

    /// - Parameters:
    ///   - removers: the remover of each tenant, by name.
    ///   - preflights: the pre-flight of each tenant, by name: users it knows the service will
    ///     refuse are marked in the plan and left out of the job (as `reset-mfa` does).
    ///   - journal: opens the journal (once, when first needed).
    ///   - exportDirectory: where `e` writes the summary's CSV and JSON files.
    ///   - clock: the clock of the throughput, time left and flash messages (a test clock in tests).
    public init(
        removers: @escaping RemoverSource, preflights: @escaping PreflightSource = { _ in nil },
        journal: @escaping @Sendable () throws -> Journal, exportDirectory: URL,
        operatorName: String = OperatorName.current, owner: JobOwner? = nil, readOnly: Bool = false,
        perTenantLimit: Int = 4, clock: any Clock<Duration> = ContinuousClock(), flashDuration: Duration = .seconds(4)
    ) {
        self.owner = owner
        self.removers = removers
        self.preflights = preflights
        openJournal = journal
        self.exportDirectory = exportDirectory
        self.operatorName = operatorName
        self.perTenantLimit = perTenantLimit
        self.flashDuration = flashDuration
        uptime = Stopwatch.started(on: clock)
        store = Store(BulkScreenState(readOnly: readOnly), context: (), clock: clock)
        store.runEffects { [weak self] effect in self?.run(effect) }
    }

    /// Removers from `directory`'s providers: Graph ones can also deactivate hardware tokens.
    public convenience init(
        directory: any TenantDirectory, journal: @escaping @Sendable () throws -> Journal, exportDirectory: URL,
        operatorName: String = OperatorName.current, owner: JobOwner? = nil, readOnly: Bool = false,
        perTenantLimit: Int = 4, clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.init(
            removers: { name throws(ServiceError) in
                let provider = try await directory.provider(for: name)
                if let graph = provider as? GraphProvider { return ProviderRemover(graph: graph) }
                return ProviderRemover(provider: provider)
            },
            preflights: { name in
                do throws(ServiceError) {
                    return Preflight(provider: try await directory.provider(for: name))
                } catch {
                    return nil
                }
            },
            journal: journal, exportDirectory: exportDirectory, operatorName: operatorName, owner: owner,
            readOnly: readOnly, perTenantLimit: perTenantLimit, clock: clock)
    }

    public var state: BulkScreenState { store.state }

    /// Sets the one sink that hears of every new state.
    public func observe(_ sink: @escaping @Sendable (BulkScreenState) -> Void) {
        store.observe(sink)
    }

    /// Sets who hears that the screen closed, with the users it reset completely.
    public func onClose(_ handler: @escaping @Sendable ([Marks.Key]) -> Void) {
        inner.withLock { $0.closed = handler }
    }

    /// Opens the screen on the policy choice for `entries`.
    public func openReset(_ entries: [Marks.Entry]) { send(.openReset(entries)) }

    /// Opens the journal's job list.
    public func openJobs() { send(.openJobs) }

    public func press(_ key: Key) { send(.key(key)) }

    /// Presses the key bound to `action` in the current phase; false when none is.
    @discardableResult
    public func perform(_ action: KeyAction) -> Bool {
        let state = state
        guard let scope = state.phase.keyScope, let key = state.keyMap.key(for: action, in: [scope]) else { return false }
        press(key)
        return true
    }

    /// Types `text` into the confirmation field, one key per character.
    public func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    public func setViewport(rows: Int) {
        guard state.rows != rows else { return }
        send(.viewport(rows: rows))
    }

    /// Whether a job is running (or being started) on this screen.
    public var isRunningJob: Bool {
        store.read { state, _ in state.phase == .running && state.run?.ended == nil } && store.task(in: .run) != nil
    }

    /// The console is quitting: a running job is stopped to continue later. No new step
    /// starts; the steps in flight finish and are journalled; the job is left `paused` (so
    /// `:jobs` and `authdesk jobs resume` continue it). Returns once the engine has stopped.
    public func suspendForQuit() async {
        let engine = inner.withLock { inner in
            inner.quitting = true
            return inner.engine
        }
        let run = store.task(in: .run)
        guard let run else { return }
        if let engine { await engine.suspend() }
        await run.value
    }

    /// Cancels the screen's own tasks (the console is closing). A running engine is left to the
    /// process's end (``suspendForQuit()`` stops it first): the job is then resumable from the journal.
    public func stop() {
        store.cancelAll()
    }

    // MARK: Running the state machine

    private func send(_ event: BulkScreenEvent) {
        store.send(event)
    }

    private func spawn(_ slot: Slot, _ work: @escaping @Sendable () async -> Void) {
        store.spawn(slot, work)
    }

    private func journal() throws -> Journal {
        if let journal = inner.withLock({ $0.journal }) { return journal }
        let journal = try openJournal()
        inner.withLock { $0.journal = journal }
        return journal
    }

    private func run(_ effect: BulkScreenEffect) {
        switch effect {
        case .plan(let entries, let policy, let generation):
            spawn(.plan) { [self] in await plan(entries, policy: policy, generation: generation) }
        case .startJob(let plan, let generation):
            spawn(.run) { [self] in
                do {
                    let (name, ticket) = await owner?(plan.tenants.first ?? "") ?? (operatorName, nil)
                    let job = try await journal().createJob(plan, operatorName: name, ticket: ticket)
                    await runJob(job.id, generation: generation)
                } catch {
                    send(.failed(generation: generation, "Could not journal the job, nothing was sent: \(error)"))
                }
            }
        case .resumeJob(let id, let retryFailed, let generation):
            spawn(.run) { [self] in await runJob(id, retryFailed: retryFailed, generation: generation) }
        case .pause:
            control { engine throws in try await engine.pause() } failed: { "Could not pause: \($0)" }
        case .resume:
            control { engine throws in try await engine.resume() } failed: { "Could not resume: \($0)" }
        case .cancel:
            control { engine in await engine.cancel() } failed: { "\($0)" }
        case .loadJobs(let generation):
            spawn(.load) { [self] in
                do {
                    send(.jobsLoaded(generation: generation, try await journal().jobs()))
                } catch {
                    send(.failed(generation: generation, "Could not read the journal: \(error)"))
                }
            }
        case .loadSummary(let id, let generation):
            spawn(.load) { [self] in
                do {
                    send(.summaryLoaded(generation: generation, try await journal().summary(of: id)))
                } catch {
                    send(.failed(generation: generation, "Could not read job \(id) from the journal: \(error)"))
                }
            }
        case .export(let summary, let refused, let generation):
            spawn(.load) { [self] in
                do {
                    let paths = try BulkExport.write(summary, refused: refused, to: exportDirectory)
                    send(.exported(generation: generation, paths: paths))
                } catch {
                    send(.failed(generation: generation, "Could not export: \(error)"))
                }
            }
        case .expireFlash(let id):
            store.expireFlash(after: flashDuration, .flashExpired(id: id))
        case .close(let done):
            store.cancel([.plan, .load])
            let handler = inner.withLock { inner in
                inner.engine = nil
                return inner.closed
            }
            handler?(done)
        }
    }

    /// Pauses, resumes or cancels the running engine, saying `failed` if it refuses.
    private func control(
        _ change: @escaping @Sendable (BulkResetEngine) async throws -> Void,
        failed: @escaping @Sendable (any Error) -> String
    ) {
        spawn(.control) { [self] in
            guard let engine = inner.withLock({ $0.engine }) else { return }
            do {
                try await change(engine)
            } catch {
                send(.failed(generation: state.generation, failed(error)))
            }
        }
    }

    /// Plans `policy` with the same ``BulkResetPlanner`` as `reset-mfa` (batched reads where the
    /// service offers them), telling the screen how far it got; users of a tenant that cannot be
    /// opened are reported unreadable.
    private func plan(_ entries: [Marks.Entry], policy: ResetPolicy, generation: Int) async {
        var tenants: [String] = []
        for entry in entries where !tenants.contains(entry.tenant) { tenants.append(entry.tenant) }
        var removersByTenant: [String: any MethodRemover] = [:]
        var outcomes: [Int: Result<UserResetPlan, ServiceFailure>] = [:]
        for tenant in tenants {
            do throws(ServiceError) {
                removersByTenant[tenant] = try await removers(tenant)
            } catch {
                let failure = ServiceFailure(
                    httpStatus: error.status, code: error.code, message: "no connection to \(tenant): \(error.message)",
                    requestID: error.requestID)
                for (index, entry) in entries.enumerated() where entry.tenant == tenant { outcomes[index] = .failure(failure) }
            }
        }
        let total = entries.count
        let planned = Mutex(outcomes.count)
        send(.planProgress(generation: generation, done: outcomes.count, total: total))
        let progress: @Sendable (Int) -> Void = { [self] read in
            let done = planned.withLock { count in
                count += read
                return count
            }
            send(.planProgress(generation: generation, done: done, total: total))
        }
        let reachable = entries.enumerated().filter { outcomes[$0.offset] == nil }
        let result: BulkResetPlanner.Result
        do {
            let planner = try BulkResetPlanner(removers: removersByTenant, perTenantLimit: perTenantLimit)
            result = try await planner.plan(
                reachable.map { ResetTarget(tenant: $0.element.tenant, user: $0.element.user) }, policy: policy,
                progress: progress)
        } catch let error as ValidationError {
            send(.failed(generation: generation, "Could not plan: \(error.message)"))
            return
        } catch {
            send(.failed(generation: generation, "Could not plan: \(error)"))
            return
        }
        guard !Task.isCancelled else { return }
        let users = result.plan.users
        var unplanned = result.unplanned
        for (index, entry) in entries.enumerated() {
            if case .failure(let failure)? = outcomes[index] {
                unplanned.append(UnplannedUser(target: ResetTarget(tenant: entry.tenant, user: entry.user), failure: failure))
            }
        }
        let plan: ResetJobPlan
        do {
            plan = try ResetJobPlan(policy: policy, users: users)
        } catch {
            send(.failed(generation: generation, "Could not plan: \(error.message)"))
            return
        }
        let marked = await markPreflight(BulkResetPlanner.Result(plan: plan, unplanned: unplanned), tenants: removersByTenant)
        guard !Task.isCancelled else { return }
        send(.planned(generation: generation, marked.plan, unplanned: marked.unplanned))
    }

    /// Marks the plan with the pre-flight of each tenant (one ``Preflight`` per tenant), exactly
    /// as `reset-mfa` does: refused users are kept in the plan, marked, and left out of the job.
    private func markPreflight(
        _ result: BulkResetPlanner.Result, tenants: [String: any MethodRemover]
    ) async -> BulkResetPlanner.Result {
        var byTenant: [String: Preflight] = [:]
        for tenant in result.plan.tenants where byTenant[tenant] == nil {
            if let preflight = await preflights(tenant) { byTenant[tenant] = preflight }
        }
        guard !byTenant.isEmpty, let planner = try? BulkResetPlanner(removers: tenants, perTenantLimit: perTenantLimit) else {
            return result
        }
        return await planner.markPreflight(result, preflights: byTenant)
    }

    /// Runs (or resumes) job `id` with a new engine and feeds its events to the screen;
    /// `retryFailed`: its failed users run again too.
    private func runJob(_ id: JobID, retryFailed: Bool = false, generation: Int) async {
        let journal: Journal
        let rows: [BulkRunRow]
        var removersByTenant: [String: any MethodRemover] = [:]
        do {
            journal = try self.journal()
            let summary = try await journal.summary(of: id)
            rows = summary.users.map { user in
                var row = BulkRunRow(user)
                if retryFailed, user.user.state == .failed { row.status = .waiting }
                return row
            }
            for user in summary.users where removersByTenant[user.user.tenant] == nil
                && (!user.user.state.isFinal || (retryFailed && user.user.state == .failed)) {
                removersByTenant[user.user.tenant] = try await removers(user.user.tenant)
            }
        } catch {
            send(.failed(generation: generation, "Could not start job \(id): \(error)"))
            return
        }
        let stream: AsyncStream<BulkResetEvent>
        do {
            let engine = try BulkResetEngine(journal: journal, removers: removersByTenant, perTenantLimit: perTenantLimit)
            let quitting = inner.withLock { inner in
                inner.engine = engine
                return inner.quitting
            }
            if quitting { await engine.suspend() }
            stream = try await engine.run(id, retryFailed: retryFailed)
            send(.runStarted(generation: generation, id, rows: rows, at: uptime()))
        } catch {
            send(.failed(generation: generation, "Could not run job \(id): \(error)"))
            return
        }
        for await event in stream {
            send(.engine(generation: generation, event, at: uptime()))
        }
    }
}
