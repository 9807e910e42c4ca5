import AuthdeskViewModels
import Synchronization

/// What the console waits for before its browser can show: the tenants opening (the embedded
/// sandbox starting) and the default tenant signing in. The terminal takes the screen at once
/// and draws a starting frame from it, so the first frame never waits for the sandbox or the
/// sign-in; the browser replaces it when ``ready(_:)`` hands it over.
///
/// Thread-safe: the opening reports from its task, the terminal reads on its own thread.
public final class ConsoleStart: Sendable {
    /// Where the start stands.
    public enum Stage: Sendable {
        /// Still opening; the text says what it waits for ("Signing in to contoso").
        case waiting(String)
        /// The browser is ready to take over the screen.
        case ready(BrowserViewModel)
        /// The start failed; the caller reports why once the terminal is restored.
        case failed
    }

    private struct State {
        var stage: Stage
        /// The last sign-in prompt, shown on the flash line (a device code to enter).
        var note: String?
        var wake: (@Sendable () -> Void)?
    }

    private let state: Mutex<State>

    /// A start that waits for `phase`.
    public init(waitingFor phase: String) {
        state = Mutex(State(stage: .waiting(phase)))
    }

    /// A start that is over already: the browser `model` shows from the first frame.
    public init(ready model: BrowserViewModel) {
        state = Mutex(State(stage: .ready(model)))
    }

    /// The stage and the note, as the terminal draws them.
    var current: (stage: Stage, note: String?) {
        state.withLock { ($0.stage, $0.note) }
    }

    /// The start now waits for `phase` (ignored once it is over).
    public func report(_ phase: String) {
        update { state in
            if case .waiting = state.stage { state.stage = .waiting(phase) }
        }
    }

    /// Shows `message` (a sign-in prompt) under the starting frame.
    public func note(_ message: String) {
        update { $0.note = message }
    }

    /// The browser is ready: the terminal hands it the screen.
    public func ready(_ model: BrowserViewModel) {
        update { $0.stage = .ready(model) }
    }

    /// The start failed: the terminal is restored and the console ends.
    public func fail() {
        update { $0.stage = .failed }
    }

    /// Sets the one callback that hears of every change (the terminal's self-pipe).
    func observe(_ wake: @escaping @Sendable () -> Void) {
        state.withLock { $0.wake = wake }
    }

    /// Nobody hears of changes any more (the terminal is the browser's, or restored).
    func stopObserving() {
        state.withLock { $0.wake = nil }
    }

    private func update(_ change: (inout State) -> Void) {
        let wake = state.withLock { state in
            change(&state)
            return state.wake
        }
        wake?()
    }
}
