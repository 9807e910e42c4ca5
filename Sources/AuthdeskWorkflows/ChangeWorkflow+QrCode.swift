import AuthdeskCore
import AuthdeskServices

/// QR code + PIN through the one change path: create (PIN typed or generated), reset the PIN,
/// a temporary QR code for a forgotten badge.
extension ChangeWorkflow {
    public func createQrCodePin(
        for reference: String, _ request: QrCodePinRequest
    ) async throws -> (user: DirectoryUser, issued: IssuedQrCodePin) {
        try request.validate()
        return try await issuedPin(change(reference) { .createQrCodePin(userID: $0.id, request) })
    }

    public func resetQrCodePin(of reference: String, pin: Secret?) async throws -> (user: DirectoryUser, issued: IssuedQrCodePin) {
        if let pin { try QrCodePinRequest.checkPin(pin) }
        return try await issuedPin(change(reference) { .resetQrCodePin(userID: $0.id, pin: pin) })
    }

    public func createTemporaryQrCode(for reference: String, hours: Int) async throws -> (user: DirectoryUser, method: AuthMethod) {
        guard QrCodePinRequest.temporaryHours.contains(hours) else {
            throw UsageError("--hours must be 1 to 12 (a temporary QR code lives at most 12 hours), not \(hours)")
        }
        let (target, outcome) = try await change(reference) { .createTemporaryQrCode(userID: $0.id, hours: hours) }
        return (target, try added(outcome))
    }

    func issuedPin(_ answer: (user: DirectoryUser, outcome: ChangeOutcome)) throws -> (user: DirectoryUser, issued: IssuedQrCodePin) {
        guard case .qrCodePin(let issued) = answer.outcome else { throw CommandFailure("the service issued no PIN") }
        return (answer.user, issued)
    }
}
