/// The switches of one engine run, shared by its workers: pause (workers wait at the gate before
/// their next step), cancel (workers stop before their next step; a step in flight finishes and
/// is journalled), and stop (the journal failed: nothing more may be sent).
actor RunControl {
    private(set) var isStarted = false
    private(set) var isPaused = false
    private(set) var isCancelled = false
    private(set) var journalFailure: String?
    /// Stopped to be continued later (the console quits): the job ends `paused`, not `cancelled`.
    private(set) var isSuspended = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Claims the run; false if it was already claimed (one engine runs one job once).
    func begin() -> Bool {
        guard !isStarted else { return false }
        isStarted = true
        return true
    }

    /// Whether a pause took effect (not already paused, not cancelled).
    func pause() -> Bool {
        guard !isPaused, !isCancelled else { return false }
        isPaused = true
        return true
    }

    /// Whether the run was paused and is now going again.
    func resume() -> Bool {
        guard isPaused else { return false }
        isPaused = false
        wake()
        return true
    }

    func cancel() {
        isCancelled = true
        wake()
    }

    /// Stops the workers like ``cancel()``, but the job is to stay resumable.
    func suspend() {
        isSuspended = true
        isCancelled = true
        wake()
    }

    /// The journal failed: stop every worker.
    func stop(_ reason: String) {
        if journalFailure == nil { journalFailure = reason }
        isCancelled = true
        wake()
    }

    /// Waits while paused, calling `onHold` once if it has to; returns whether the worker may
    /// go on (false once cancelled or stopped).
    func proceed(onHold: @Sendable () -> Void) async -> Bool {
        var announced = false
        while isPaused && !isCancelled {
            if !announced {
                onHold()
                announced = true
            }
            await withCheckedContinuation { waiters.append($0) }
        }
        return !isCancelled
    }

    private func wake() {
        let woken = waiters
        waiters.removeAll()
        for waiter in woken { waiter.resume() }
    }
}
