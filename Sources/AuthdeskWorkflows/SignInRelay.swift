import AuthdeskServices
import Synchronization

/// Where the device-code prompts of a session go: to the front end's fallback (standard error)
/// until a console routes them to its flash line while it runs.
public final class SignInRelay: Sendable {
    /// Shows a prompt while nobody is routed; `embedded`: the tenant is the embedded sandbox's,
    /// which approves the code by itself (the command line then shows it only on a terminal).
    public typealias Fallback = @Sendable (_ prompt: DeviceCodePrompt, _ embedded: Bool) -> Void

    private let fallback: Fallback
    private let embedded: Bool
    private let sink = Mutex<(@Sendable (String) -> Void)?>(nil)

    public init(embedded: Bool, fallback: @escaping Fallback) {
        self.embedded = embedded
        self.fallback = fallback
    }

    /// From now on prompts go to `sink` (nil: back to the fallback).
    public func route(to sink: (@Sendable (String) -> Void)?) {
        self.sink.withLock { $0 = sink }
    }

    public func show(_ prompt: DeviceCodePrompt) {
        if let sink = sink.withLock({ $0 }) {
            sink(prompt.message)
        } else {
            fallback(prompt, embedded)
        }
    }
}
