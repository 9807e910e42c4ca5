import ArgumentParser
import AuthdeskServices
import AuthdeskWorkflows

/// `authdesk methods qr-code temporary USER --hours N`: a temporary QR code for a forgotten badge.
struct QrCodeTemporaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "temporary",
        abstract: "Add a temporary QR code (1 to 12 hours) for a forgotten badge; an active one is replaced."
    )

    @OptionGroup var change: ChangeOptions

    @Option(help: ArgumentHelp("How long it works: 1 to 12 hours.", valueName: "1..12"))
    var hours: Int

    func validate() throws {
        guard QrCodePinRequest.temporaryHours.contains(hours) else {
            throw ValidationError("--hours must be 1 to 12 (a temporary QR code lives at most 12 hours), not \(hours)")
        }
    }

    func run() async throws {
        try await change.run { workflow in
            let (user, method) = try await workflow.createTemporaryQrCode(for: change.user, hours: hours)
            return QrCodeReport.temporary(method, for: user)
        }
    }
}
