import ArgumentParser
import AuthdeskServices
import AuthdeskWorkflows

/// `authdesk methods qr-code create USER`: the badge's QR code and a PIN (generated and printed
/// once, or typed on standard input).
struct QrCodeCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create the user's QR code + PIN method; a generated PIN is printed once, to standard output."
    )

    @OptionGroup var change: ChangeOptions
    @OptionGroup var pin: PinInput

    @Option(name: .customLong("expires-in-days"), help: ArgumentHelp("How long the badge's QR code works: 1 to 395 days (default 365).", valueName: "N"))
    var expiresInDays: Int?

    func validate() throws {
        try QrCodePinRequest(expiresInDays: expiresInDays).validate()
    }

    func run() async throws {
        let request = QrCodePinRequest(expiresInDays: expiresInDays, pin: try pin.read())
        try await change.run { workflow in
            let (user, issued) = try await workflow.createQrCodePin(for: change.user, request)
            return QrCodeReport.issued(issued, for: user, result: "QR code + PIN created")
        }
    }
}
