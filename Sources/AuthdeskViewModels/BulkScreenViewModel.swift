import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskWorkflows
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
    enum Slot: StoreSlot {
        case plan
        case run
        case control
        case load
        /// The jobs' list: a newer reload replaces an older one, and nothing else.
        case jobs
        /// An approval: its own slot, so that a reload of the jobs (a job event from another
        /// host, say) never cancels it half done.
        case approve
        case flash
    }

    /// What the screen's work shares besides the state: the running job's controls, the close handler.
    private struct Inner: ~Copyable {
        var closed: (@Sendable ([Marks.Key]) -> Void)?
        var control: ResetRunControl?
        /// The console is quitting: a run started from now on is suspended at once.
        var quitting = false
    }

    private let store: Store<BulkScreenState, Slot, Void>
    private let inner = Mutex(Inner())
    private let workflow: ResetMfaWorkflow
    private let exportDirectory: URL
    private let operatorName: String
    /// Who runs a job and under which ticket, given the job's first tenant (the session's
    /// signed-in operator there and its ticket); nil: ``operatorName`` and no ticket.
    private let owner: JobOwner?

    /// The operator's name and the session's ticket for a job in tenant (a profile name).
    public typealias JobOwner = @Sendable (_ tenant: String) async -> (operatorName: String, ticket: String?)
    private let flashDuration: Duration
    private let uptime: @Sendable () -> Duration

    /// - Parameters:
    ///   - workflow: plans, journals, runs and resumes the jobs (the same as `reset-mfa`'s).
    ///   - exportDirectory: where `e` writes the summary's CSV and JSON files.
    ///   - clock: the clock of the throughput, time left and flash messages (a test clock in tests).
    public init(
        workflow: ResetMfaWorkflow, exportDirectory: URL, operatorName: String = OperatorName.current,
        owner: JobOwner? = nil, readOnly: Bool = false, clock: any Clock<Duration> = ContinuousClock(),
        flashDuration: Duration = .seconds(4)
    ) {
        self.workflow = workflow
        self.owner = owner
        self.exportDirectory = exportDirectory
        self.operatorName = operatorName
        self.flashDuration = flashDuration
        uptime = Stopwatch.started(on: clock)
        store = Store(BulkScreenState(readOnly: readOnly, verifying: workflow.verifyingTenants), context: (), clock: clock)
        store.runEffects { [weak self] effect in self?.run(effect) }
    }

    /// A screen over `removers` and `preflights` by tenant name, with the journal `journal` opens
    /// (once, when first needed).
    public convenience init(
        removers: @escaping ResetTenants.RemoverSource, preflights: @escaping ResetTenants.PreflightSource = { _ in nil },
        journal: @escaping @Sendable () throws -> any JournalStorage, exportDirectory: URL,
        operatorName: String = OperatorName.current, owner: JobOwner? = nil, readOnly: Bool = false,
        perTenantLimit: Int = ResetMfaWorkflow.defaultCeiling, clock: any Clock<Duration> = ContinuousClock(),
        flashDuration: Duration = .seconds(4)
    ) {
        self.init(
            workflow: ResetMfaWorkflow(
                tenants: ResetTenants(remover: removers, preflight: preflights), journal: journal,
                perTenantLimit: perTenantLimit),
            exportDirectory: exportDirectory, operatorName: operatorName, owner: owner, readOnly: readOnly, clock: clock,
            flashDuration: flashDuration)
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

    /// A job changed in the shared journal: `:jobs`, if shown, reads the jobs again.
    public func jobsChanged() { send(.jobsChanged) }

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
        let control = inner.withLock { inner in
            inner.quitting = true
            return inner.control
        }
        let run = store.task(in: .run)
        guard let run else { return }
        if let control { await control.suspend() }
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

    private func run(_ effect: BulkScreenEffect) {
        switch effect {
        case .plan(let entries, let policy, let generation):
            spawn(.plan) { [self] in await plan(entries, policy: policy, generation: generation) }
        case .startJob(let plan, let generation):
            startJob(plan, verification: nil, generation: generation)
        case .startVerifiedJob(let plan, let verification, let generation):
            startJob(plan, verification: verification, generation: generation)
        case .previewRequests(let user, let generation):
            spawn(.load) { [self] in
                let preview: RequestsPreview
                do throws(ServiceError) {
                    preview = .built(try await workflow.requests(for: user))
                } catch {
                    preview = .failed(error.description)
                }
                send(.userRequests(generation: generation, userID: user.id, preview))
            }
        case .resumeJob(let id, let retryFailed, let generation):
            spawn(.run) { [self] in await runJob(id, retryFailed: retryFailed, generation: generation) }
        case .pause:
            control { control throws in try await control.pause() } failed: { "Could not pause: \($0)" }
        case .resume:
            control { control throws in try await control.resume() } failed: { "Could not resume: \($0)" }
        case .cancel:
            control { control in await control.cancel() } failed: { "\($0)" }
        case .loadJobs(let generation):
            spawn(.jobs) { [self] in
                do {
                    send(.jobsLoaded(generation: generation, try await workflow.journal().jobs()))
                } catch {
                    // A newer reload took this one's place (a job event arrived): it reports.
                    guard !Task.isCancelled else { return }
                    send(.failed(generation: generation, "Could not read the journal: \(error)"))
                }
            }
        case .approveJob(let id, let generation):
            spawn(.approve) { [self] in
                do {
                    let job = try await JobApproval(journal: workflow.journal()).approve(id, by: workflow.requester)
                    send(.approved(generation: generation, job))
                } catch {
                    send(.failed(generation: generation, ExitStatus.message(for: error)))
                }
            }
        case .loadSummary(let id, let generation):
            spawn(.load) { [self] in
                do {
                    send(.summaryLoaded(generation: generation, try await workflow.summary(of: id)))
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
            store.cancel([.plan, .load, .jobs])
            let handler = inner.withLock { inner in
                inner.control = nil
                return inner.closed
            }
            handler?(done)
        }
    }

    /// Journals `plan` as a job (with how the callers were verified, when asked) and runs it.
    private func startJob(_ plan: ResetJobPlan, verification: CallerVerification?, generation: Int) {
        spawn(.run) { [self] in
            do {
                let (name, ticket) = await owner?(plan.tenants.first ?? "") ?? (operatorName, nil)
                let job = try await workflow.createJob(plan, operatorName: name, ticket: ticket, verification: verification)
                await runJob(job.id, generation: generation)
            } catch let error as WorkflowFailure where error.status == .awaitingApproval {
                send(.heldForApproval(generation: generation, error.message))
            } catch let error as WorkflowFailure {
                send(.failed(generation: generation, error.message))
            } catch let error as UsageError {
                send(.failed(generation: generation, error.description))
            } catch {
                send(.failed(generation: generation, "Could not journal the job, nothing was sent: \(error)"))
            }
        }
    }

    /// Pauses, resumes or cancels the running job, saying `failed` if it refuses.
    private func control(
        _ change: @escaping @Sendable (ResetRunControl) async throws -> Void,
        failed: @escaping @Sendable (any Error) -> String
    ) {
        spawn(.control) { [self] in
            guard let control = inner.withLock({ $0.control }) else { return }
            do {
                try await change(control)
            } catch {
                send(.failed(generation: state.generation, failed(error)))
            }
        }
    }

    /// Plans `policy` through the reset workflow, as `reset-mfa` does (batched reads where the
    /// service offers them, the pre-flight's refusals marked), telling the screen how far it got.
    private func plan(_ entries: [Marks.Entry], policy: ResetPolicy, generation: Int) async {
        let result: BulkResetPlanner.Result
        send(.planProgress(generation: generation, done: 0, total: entries.count, at: uptime()))
        do {
            result = try await workflow.plan(entries, policy: policy) { [self] done, total in
                send(.planProgress(generation: generation, done: done, total: total, at: uptime()))
            }
        } catch {
            send(.failed(generation: generation, "Could not plan: \(error.message)"))
            return
        }
        guard !Task.isCancelled else { return }
        send(.planned(generation: generation, result.plan, unplanned: result.unplanned))
    }

    /// Runs (or resumes) job `id` through the workflow and feeds its events to the screen;
    /// `retryFailed`: its failed users run again too.
    private func runJob(_ id: JobID, retryFailed: Bool = false, generation: Int) async {
        let run: ResetRun
        do {
            run = try await workflow.run(id, retryFailed: retryFailed) { [self] control in
                let quitting = inner.withLock { inner in
                    inner.control = control
                    return inner.quitting
                }
                if quitting { await control.suspend() }
            }
        } catch {
            send(.failed(generation: generation, "Could not run job \(id): \(error)"))
            return
        }
        let rows = run.before.users.map { user in
            var row = BulkRunRow(user)
            if retryFailed, user.user.state == .failed { row.status = .waiting }
            return row
        }
        send(.runStarted(generation: generation, id, rows: rows, at: uptime()))
        let waits = Task { [self] in
            for await wait in run.waits { send(.serviceWait(generation: generation, wait, at: uptime())) }
        }
        for await event in run.events {
            send(.engine(generation: generation, event, at: uptime()))
        }
        waits.cancel()
    }
}
