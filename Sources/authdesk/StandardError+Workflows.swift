import AuthdeskCommandLineIO
import AuthdeskWorkflows

extension StandardError {
    /// A device-code prompt: always for a real tenant, whose operator must act on it; only on a
    /// terminal for the embedded sandbox, which approves the code by itself.
    static let signInPrompt: SignInRelay.Fallback = { prompt, embedded in
        if embedded { progress(prompt.message) } else { write(prompt.message) }
    }

    /// What the single-change workflow says while it works.
    static func report(_ event: ChangeEvent) {
        write("authdesk: " + event.message)
    }
}
