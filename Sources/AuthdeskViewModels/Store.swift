import Synchronization

/// The plumbing every view model shares: the state behind a mutex with the view model's own
/// `Context` (what must change under the same lock), the reducer applied to each event, the
/// revision bumped and the new state published to the sink, the effects handed to the runner,
/// one background task per slot (a new one cancels the old), and waits on the injected clock.
///
/// The sink may be called from any thread: it should only wake the console.
final class Store<State: StoreState, Slot: StoreSlot, Context: Sendable>: Sendable {
    private struct Inner: ~Copyable {
        var state: State
        var context: Context
        var tasks: [Slot: Task<Void, Never>] = [:]
        var sink: (@Sendable (State) -> Void)?
        var runner: (@Sendable (State.Effect) -> Void)?
    }

    private let inner: Mutex<Inner>
    private let clock: any Clock<Duration>

    init(_ state: State, context: Context, clock: any Clock<Duration>) {
        inner = Mutex(Inner(state: state, context: context))
        self.clock = clock
    }

    deinit {
        cancelAll()
    }

    /// The current state.
    var state: State { inner.withLock { $0.state } }

    /// Sets the one sink that hears of every new state (replacing any earlier one).
    func observe(_ sink: @escaping @Sendable (State) -> Void) {
        inner.withLock { $0.sink = sink }
    }

    /// Sets who runs the effects the reducer asks for (the view model, held weakly by it).
    func runEffects(with runner: @escaping @Sendable (State.Effect) -> Void) {
        inner.withLock { $0.runner = runner }
    }

    /// Reads or changes the context under the lock.
    func withContext<R>(_ body: (inout Context) -> R) -> R {
        inner.withLock { body(&$0.context) }
    }

    /// Reads the state and the context together, under the lock.
    func read<R>(_ body: (State, Context) -> R) -> R {
        inner.withLock { body($0.state, $0.context) }
    }

    /// Applies `event` (after `prepare`, under the same lock), publishes the state if it
    /// changed, runs the effects, and returns what `prepare` returned.
    @discardableResult
    func send<R>(_ event: State.Event, prepare: (inout State, inout Context) -> R) -> R {
        let (prepared, effects, published, sink, runner) = inner.withLock { inner in
            let before = inner.state
            let prepared = prepare(&inner.state, &inner.context)
            let effects = inner.state.apply(event)
            let published = Self.bump(&inner.state, from: before)
            return (prepared, effects, published, inner.sink, inner.runner)
        }
        if let published, let sink { sink(published) }
        if let runner { for effect in effects { runner(effect) } }
        return prepared
    }

    /// Applies `event`, publishes the state if it changed and runs the effects.
    func send(_ event: State.Event) {
        send(event) { _, _ in }
    }

    /// Changes the state outside the reducer (a request leaving: the activity indicator) and
    /// publishes it; `change` returns false to leave it as it was.
    func update(_ change: (inout State) -> Bool) -> Bool {
        let (changed, published, sink) = inner.withLock { inner in
            let before = inner.state
            guard change(&inner.state) else { return (false, State?.none, inner.sink) }
            return (true, Self.bump(&inner.state, from: before), inner.sink)
        }
        if let published, let sink { sink(published) }
        return changed
    }

    /// Runs `work` in `slot`, cancelling the task that was there.
    func spawn(_ slot: Slot, _ work: @escaping @Sendable () async -> Void) {
        inner.withLock { inner in
            inner.tasks[slot]?.cancel()
            inner.tasks[slot] = Task { await work() }
        }
    }

    /// The task of `slot`, if one was started (finished or not).
    func task(in slot: Slot) -> Task<Void, Never>? {
        inner.withLock { $0.tasks[slot] }
    }

    /// Cancels the tasks of `slots`.
    func cancel(_ slots: [Slot]) {
        inner.withLock { inner in
            for slot in slots { inner.tasks[slot]?.cancel() }
        }
    }

    /// Cancels every task (the console is closing).
    func cancelAll() {
        inner.withLock { inner in
            for task in inner.tasks.values { task.cancel() }
            inner.tasks = [:]
        }
    }

    /// Waits `delay` on the clock; false when cancelled meanwhile.
    func wait(_ delay: Duration) async -> Bool {
        guard delay > .zero else { return !Task.isCancelled }
        do {
            try await clock.sleep(for: delay)
            return true
        } catch {
            return false
        }
    }

    /// Sends `event` (the flash's expiry) once `duration` has passed, unless a newer flash
    /// replaced this wait.
    func expireFlash(after duration: Duration, _ event: State.Event) {
        spawn(.flash) { [self] in
            guard await wait(duration) else { return }
            send(event)
        }
    }

    /// Bumps the revision when the state changed since `before`; returns the state to publish.
    private static func bump(_ state: inout State, from before: State) -> State? {
        guard state != before else { return nil }
        state.revision = before.revision + 1
        return state
    }
}
