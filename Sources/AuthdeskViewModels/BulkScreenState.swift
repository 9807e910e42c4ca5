import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskWorkflows
import Foundation

/// The bulk "reset all MFA" screen as a value: policy, plan, confirmation, run and summary, or
/// the journal's job list. Changed only by ``apply(_:)``, which returns the work to do.
///
/// Nothing is sent before the operator types exactly the plan's `RESET <count>`; `esc` on the
/// plan is a dry run. While the job runs, `esc` does not leave (the run would go on unseen):
/// `p` pauses and `c` cancels, and the step in flight finishes either way. A plan with no step
/// still runs (each user is verified), as `reset-mfa` does.
public struct BulkScreenState: StoreState {
    public let readOnly: Bool
    /// The key table in force: ``KeyMap/standard``, without its destructive rows when read-only.
    public private(set) var keyMap: KeyMap
    public var phase: BulkPhase = .closed
    /// Bumped on every open and close: answers for an earlier screen are dropped.
    public var generation = 0

    public var targets: [Marks.Entry] = []
    public var policy: ResetPolicy = .portal
    /// Users planned so far, of how many, and how fast (nil until the planner's first report).
    public var planning: PlanningProgress?
    public var planningDone: Int { planning?.done ?? 0 }
    public var planningTotal: Int { planning?.total ?? targets.count }
    public var plan: ResetJobPlan?
    /// Users left out of the plan: their methods could not be read.
    public var unplanned: [UnplannedUser] = []

    /// The confirmation field's text, and why the last try was refused.
    public var phrase = ""
    public var phraseProblem: String?

    public var run: BulkRunProgress?
    public var summary: JobSummary?
    /// The journal's jobs (`:jobs`), newest first, and the selected one.
    public var jobs: [JobListing] = []
    public var selectedJob = 0
    /// The files the last export wrote.
    public var exported: [String] = []

    /// First line shown of the plan, the run rows, the summary or the jobs list.
    public var top = 0
    /// Rows of the list area, as the console last laid it out.
    public var rows = 10
    /// The flash line's message.
    public var flashes = FlashState()
    /// `q` was pressed once while a job runs: the next `q` pauses the job and quits.
    public var quitArmed = false
    /// The operator asked to quit while a job ran: the console pauses the job
    /// (``BulkScreenViewModel/suspendForQuit()``) and ends.
    public var quitRequested = false
    /// Increases with every published change.
    public var revision: UInt64 = 0
    /// The trust steps: a plan's user's requests, the confirmation's caller verification.
    public var trust = BulkTrustSteps()

    public init(readOnly: Bool = false, keyMap: KeyMap = .standard, verifying: Set<String> = []) {
        self.readOnly = readOnly
        self.keyMap = readOnly ? keyMap.readOnly() : keyMap
        verifyingTenants = verifying
    }

    public var isOpen: Bool { phase != .closed }

    /// The flash line's message, if any.
    public var flash: Flash? { flashes.current }

    /// The phrase that confirms the run: `RESET <users the run works on>` (users the pre-flight
    /// marked refused are not counted: the job leaves them out, as `reset-mfa` does).
    public var confirmationPhrase: String? { plan.map { "RESET \($0.runnable.count)" } }

    /// The users of the plan the pre-flight marked refused: not in the job, reported `refused`.
    public var refused: [UserResetPlan] { plan?.refused ?? [] }

    /// Why the plan cannot run because of the pre-flight (every planned user refused), or nil.
    public var everyoneRefused: String? {
        guard let plan, !plan.users.isEmpty, plan.runnable.isEmpty else { return nil }
        return "Nothing to run: the pre-flight says the service will refuse every user of the plan "
            + "(\(plan.users.first?.plan.refusal ?? "refused")); esc goes back"
    }

    /// Lines the plan screen scrolls through: counted by the renderer the same way.
    public var planLineCount: Int {
        guard let plan else { return 0 }
        var count = 0
        for user in plan.users {
            count += 2 + max(1, user.plan.steps.count) + user.plan.kept.count + user.plan.notes.count
        }
        if !unplanned.isEmpty { count += 2 + 2 * unplanned.count }
        return count
    }

    // MARK: Reducer

    public mutating func apply(_ event: BulkScreenEvent) -> [BulkScreenEffect] {
        switch event {
        case .openReset(let entries):
            reset()
            targets = entries
            phase = .policy
            return []
        case .openJobs:
            reset()
            phase = .jobs
            return [.loadJobs(generation: generation)]
        case .key(let key):
            if let scope = phase.keyScope, let action = keyMap.action(for: key, in: [scope]) { return perform(action) }
            if phase == .confirm, let character = key.printable { typeInConfirm(character) }
            return []
        case .action(let action):
            return perform(action)
        case .viewport(let rows):
            self.rows = max(1, rows)
            return []
        case .planProgress(let generation, let done, let total, let time):
            guard generation == self.generation, phase == .planning else { return [] }
            var progress = planning ?? PlanningProgress(total: total, at: time)
            progress.update(done: done, total: total, at: time)
            planning = progress
            return []
        case .planned(let generation, let plan, let unplanned):
            guard generation == self.generation, phase == .planning else { return [] }
            self.plan = plan
            self.unplanned = unplanned
            phase = .plan
            top = 0
            return []
        case .jobsLoaded(let generation, let jobs):
            guard generation == self.generation, phase == .jobs else { return [] }
            self.jobs = jobs
            selectedJob = min(selectedJob, max(0, jobs.count - 1))
            return jobs.isEmpty ? showFlash(.info, "The journal has no jobs yet") : []
        case .approved(let generation, let job): return approved(job, generation: generation)
        case .heldForApproval(let generation, let message): return held(message, generation: generation)
        case .jobsChanged: return phase == .jobs ? [.loadJobs(generation: generation)] : []
        case .runStarted(let generation, let jobID, let rows, let time):
            guard generation == self.generation, phase == .running else { return [] }
            run = BulkRunProgress(jobID: jobID, rows: rows, at: time)
            top = 0
            return []
        case .engine(let generation, let event, let time):
            guard generation == self.generation, var run else { return [] }
            run.apply(event, at: time)
            self.run = run
            switch event {
            case .finished(let state, _):
                let text = state == .cancelled
                    ? "Cancelled: the steps in flight finished and were journalled; the rest were not sent"
                    : "The job \(run.jobID) is \(state.rawValue)"
                return showFlash(.info, text) + [.loadSummary(run.jobID, generation: generation)]
            case .journalFailed(let message):
                return showFlash(.error, "The journal could not be written, the run stopped: \(message)")
            case .paused:
                return showFlash(.info, "Paused: p resumes, c cancels")
            case .resumed:
                return showFlash(.info, "Resumed")
            default:
                return []
            }
        case .serviceWait(let generation, let wait, let time):
            if generation == self.generation { run?.apply(wait, at: time) }
            return []
        case .summaryLoaded(let generation, let summary):
            guard generation == self.generation, phase == .running || phase == .jobs || phase == .summary else { return [] }
            self.summary = summary
            phase = .summary
            top = 0
            return []
        case .exported(let generation, let paths):
            guard generation == self.generation else { return [] }
            exported = paths
            return showFlash(.info, "Exported " + paths.joined(separator: " and "))
        case .failed(let generation, let message):
            guard generation == self.generation else { return [] }
            if phase == .planning { phase = .policy }
            if phase == .running, run == nil { phase = plan == nil ? .jobs : .plan }
            return showFlash(.error, message)
        case .flashExpired(let id):
            flashes.expire(id)
            return []
        case .userRequests(let generation, let id, let preview):
            if generation == self.generation, userRequests?.id == id { userRequests?.preview = preview }
            return []
        }
    }

    private mutating func reset() {
        let keep = (keyMap, generation + 1, rows, flashes, revision)
        self = BulkScreenState(readOnly: readOnly, verifying: verifyingTenants)
        keyMap = keep.0
        generation = keep.1
        rows = keep.2
        flashes = keep.3
        flashes.clear()
        revision = keep.4
    }

    private mutating func perform(_ action: KeyAction) -> [BulkScreenEffect] {
        flashes.clearError()
        if action != .quit { quitArmed = false }
        if let effects = performTrust(action) { return effects }
        switch action {
        case .quit:
            guard phase == .running, run?.ended == nil else { return [] }
            guard quitArmed else {
                quitArmed = true
                return showFlash(.info, "A job is running: q again to pause it and quit")
            }
            quitRequested = true
            return []
        case .moveDown: return scroll(by: 1)
        case .moveUp: return scroll(by: -1)
        case .pageDown: return scroll(by: rows)
        case .pageUp: return scroll(by: -rows)
        case .top: return scroll(by: Int.min / 2)
        case .bottom: return scroll(by: Int.max / 2)
        case .togglePolicy:
            guard phase == .policy else { return [] }
            policy = policy == .portal ? .all : .portal
            return []
        case .accept:
            return accept()
        case .back:
            return back()
        case .pause:
            guard phase == .running, var run, run.ended == nil, !run.isCancelling else { return [] }
            if run.isPaused {
                self.run = run
                return [.resume]
            }
            guard !run.isPausing else { return [] }
            run.isPausing = true
            self.run = run
            return [.pause] + showFlash(.info, "Pausing: the steps in flight finish, then the run waits")
        case .cancelRun:
            guard phase == .running, var run, run.ended == nil, !run.isCancelling else { return [] }
            run.isCancelling = true
            self.run = run
            return [.cancel] + showFlash(.info, "Cancelling: the steps in flight finish and are journalled; nothing new is sent")
        case .retryFailed:
            return retryFailed()
        case .export:
            guard phase == .summary, let summary else { return [] }
            return [.export(summary, refused: refused, generation: generation)]
        case .deleteBackward:
            if phase == .confirm, !phrase.isEmpty { phrase.removeLast() }
            return []
        case .clearInput:
            if phase == .confirm { phrase = "" }
            return []
        default:
            return []
        }
    }

    private mutating func accept() -> [BulkScreenEffect] {
        switch phase {
        case .policy:
            phase = .planning
            planning = nil
            return [.plan(targets, policy, generation: generation)]
        case .plan:
            guard let plan, !plan.users.isEmpty else {
                return showFlash(.error, "No user could be planned, so there is nothing to run (esc goes back)")
            }
            if let everyoneRefused { return showFlash(.error, everyoneRefused) }
            guard !readOnly else { return showFlash(.error, "Read-only: the plan can be reviewed, not run") }
            phase = .confirm
            phrase = ""
            phraseProblem = nil
            (userRequests, verificationFocused) = (nil, needsVerification)
            return []
        case .confirm:
            guard let plan, let expected = confirmationPhrase,
                let runnable = try? ResetJobPlan(policy: plan.policy, users: plan.runnable)
            else { return [] }
            let typed = phrase.trimmingCharacters(in: .whitespaces)
            guard typed == expected else {
                phraseProblem = typed.isEmpty
                    ? "Nothing typed: nothing was sent. Type exactly \(expected) to run, or esc to go back."
                    : "\u{201C}\(typed)\u{201D} is not \(expected): nothing was sent. Type exactly \(expected) (capitals, one space), or esc to go back."
                phrase = ""
                return []
            }
            if needsVerification { return startVerified(runnable) }
            phase = .running
            run = nil
            top = 0
            return [.startJob(runnable, generation: generation)]
        case .jobs:
            guard jobs.indices.contains(selectedJob) else { return [] }
            let job = jobs[selectedJob].job
            if job.state.isFinal { return [.loadSummary(job.id, generation: generation)] }
            guard !readOnly else { return showFlash(.error, "Read-only: job \(job.id) cannot be resumed here") }
            phase = .running
            run = nil
            return [.resumeJob(job.id, retryFailed: false, generation: generation)]
        case .summary:
            return back()
        case .closed, .planning, .running:
            return []
        }
    }

    /// `t` on the summary or on a job of `:jobs`: runs the job's failed users again.
    private mutating func retryFailed() -> [BulkScreenEffect] {
        let job: JobRecord
        let failed: Int
        switch phase {
        case .summary:
            guard let summary else { return [] }
            job = summary.job
            failed = summary.counts.usersFailed
        case .jobs:
            guard jobs.indices.contains(selectedJob) else { return [] }
            job = jobs[selectedJob].job
            failed = jobs[selectedJob].counts.usersFailed
        default:
            return []
        }
        guard failed > 0 else { return showFlash(.error, "Job \(job.id) has no failed user to retry") }
        guard job.state != .cancelled else {
            return showFlash(.error, "Job \(job.id) was cancelled; a cancelled job cannot run again")
        }
        guard !readOnly else { return showFlash(.error, "Read-only: job \(job.id) cannot be retried here") }
        phase = .running
        run = nil
        top = 0
        return [.resumeJob(job.id, retryFailed: true, generation: generation)]
    }

    private mutating func back() -> [BulkScreenEffect] {
        switch phase {
        case .confirm:
            phase = .plan
            phrase = ""
            phraseProblem = nil
            return []
        case .running:
            if run?.ended != nil { return [] }
            return showFlash(.error, "The job is running: p pauses, c cancels (the step in flight finishes)")
        case .summary:
            let done = summary?.users.filter { $0.user.state == .done }
                .map { Marks.Key(tenant: $0.user.tenant, userID: $0.user.userID) } ?? []
            return close(done: done)
        case .closed:
            return []
        default:
            return close(done: [])
        }
    }

    private mutating func close(done: [Marks.Key]) -> [BulkScreenEffect] {
        phase = .closed
        generation += 1
        return [.close(done: done)]
    }

    private mutating func scroll(by delta: Int) -> [BulkScreenEffect] {
        switch phase {
        case .jobs:
            guard !jobs.isEmpty else { return [] }
            selectedJob = min(max(0, selectedJob.addingReportingOverflow(delta).partialValue), jobs.count - 1)
            top = ListScroll.top(top, selected: selectedJob, rows: rows, count: jobs.count)
        default:
            let count = switch phase {
            case .plan, .confirm: planLineCount
            case .running: (run?.rows.count ?? 0) + 3 * (run?.usersFailed ?? 0)
            case .summary: summaryLineCount
            default: 0
            }
            top = min(max(0, top.addingReportingOverflow(delta).partialValue), max(0, count - rows))
        }
        return []
    }

    mutating func showFlash(_ level: Flash.Level, _ text: String) -> [BulkScreenEffect] {
        flashes.show(level, text).map { [.expireFlash(id: $0)] } ?? []
    }
}
