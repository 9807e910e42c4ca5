import ArgumentParser
import AuthdeskWorkflows

/// `authdesk methods qr-code reset-pin USER`: a new temporary PIN (generated and printed once,
/// or typed on standard input); the user changes it at the next sign-in.
struct QrCodeResetPinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-pin",
        abstract: "Reset the QR code PIN; a generated PIN is printed once, to standard output."
    )

    @OptionGroup var change: ChangeOptions
    @OptionGroup var pin: PinInput

    func run() async throws {
        let typed = try pin.read()
        try await change.run { workflow in
            let (user, issued) = try await workflow.resetQrCodePin(of: change.user, pin: typed)
            return QrCodeReport.issued(issued, for: user, result: "PIN reset")
        }
    }
}
