import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskCore
import AuthdeskWorkflows

/// `--pin-stdin`: the PIN read from the first line of standard input (never echoed); without
/// it authdesk generates one and prints it once.
struct PinInput: ParsableArguments {
    @Flag(name: .customLong("pin-stdin"), help: "Read the PIN (8 to 20 digits) from standard input; default: authdesk generates one and prints it once.")
    var pinStdin = false

    /// The PIN typed, or nil for a generated one; an empty input is refused.
    func read() throws -> Secret? {
        guard pinStdin else { return nil }
        guard let line = SecretInput.readLine(prompt: "PIN: "), !line.isEmpty else {
            throw UsageError("--pin-stdin: no PIN on standard input (8 to 20 digits); nothing was sent")
        }
        return Secret(line)
    }
}
