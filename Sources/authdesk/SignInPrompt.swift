import AuthdeskServices

/// Where a device-code sign-in's prompt is shown: always for a real tenant, whose operator must
/// act on it; only on a terminal for the embedded sandbox, which approves the code by itself.
enum SignInPrompt: Sendable {
    case always
    case onTerminal
    /// Through a console session's relay: on its flash line while it runs.
    case relayed(SignInRelay)

    func show(_ prompt: DeviceCodePrompt) {
        switch self {
        case .always: StandardError.write(prompt.message)
        case .onTerminal: StandardError.progress(prompt.message)
        case .relayed(let relay): relay.show(prompt)
        }
    }
}
