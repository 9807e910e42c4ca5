import ArgumentParser

/// `authdesk methods qr-code ...`: QR code + PIN for frontline workers.
struct MethodsQrCodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr-code",
        abstract: "QR code + PIN (Graph): create it, reset its PIN, add a temporary QR code.",
        subcommands: [QrCodeCreateCommand.self, QrCodeResetPinCommand.self, QrCodeTemporaryCommand.self]
    )
}
