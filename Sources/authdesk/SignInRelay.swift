import AuthdeskServices
import Synchronization

/// Where the device-code prompts of a console session go: to standard error before the console
/// takes the terminal (as for every command), to the console's flash line while it runs.
final class SignInRelay: Sendable {
    private let fallback: SignInPrompt
    private let sink = Mutex<(@Sendable (String) -> Void)?>(nil)

    /// `fallback`: how a prompt is shown while no console listens.
    init(fallback: SignInPrompt) {
        self.fallback = fallback
    }

    /// From now on prompts go to `sink` (nil: back to standard error).
    func route(to sink: (@Sendable (String) -> Void)?) {
        self.sink.withLock { $0 = sink }
    }

    func show(_ prompt: DeviceCodePrompt) {
        if let sink = sink.withLock({ $0 }) {
            sink(prompt.message)
        } else {
            fallback.show(prompt)
        }
    }
}
