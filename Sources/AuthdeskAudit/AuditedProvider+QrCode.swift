import AuthdeskCore
import AuthdeskServices

/// The QR code + PIN calls through the audited wrapper: journalled like every change, the PIN
/// cleared from every field of the entry.
extension AuditedProvider {
    public func createQrCodePin(for userID: String, _ request: QrCodePinRequest) async throws(ServiceError) -> IssuedQrCodePin {
        let target = request.expiresInDays.map { "badge QR code for \($0) days" } ?? "badge QR code"
        let change = AuditedChange(
            userID: userID, action: "create QR code + PIN", target: target + (request.pin == nil ? ", generated PIN" : ", PIN given"),
            secrets: request.pin.map { [$0] } ?? [])
        return try await audited(change, { () async throws(ServiceError) in try await base.createQrCodePin(for: userID, request) },
                                 secrets: { [$0.pin] })
    }

    public func resetQrCodePin(of userID: String, pin: Secret?) async throws(ServiceError) -> IssuedQrCodePin {
        let change = AuditedChange(
            userID: userID, action: "reset QR code PIN", target: pin == nil ? "generated PIN" : "PIN given",
            secrets: pin.map { [$0] } ?? [])
        return try await audited(change, { () async throws(ServiceError) in try await base.resetQrCodePin(of: userID, pin: pin) },
                                 secrets: { [$0.pin] })
    }

    public func createTemporaryQrCode(for userID: String, hours: Int) async throws(ServiceError) -> QrCodePinMethod {
        let change = AuditedChange(userID: userID, action: "create temporary QR code", target: "\(hours) hours")
        return try await audited(change) { () async throws(ServiceError) in try await base.createTemporaryQrCode(for: userID, hours: hours) }
    }
}

extension AuditedProvider {
    /// Journalled as `revoke sessions`, with what each request did.
    public func signOut(_ userID: String) async throws(ServiceError) -> SessionRevocation {
        let change = AuditedChange(userID: userID, action: "revoke sessions")
        return try await audited(change) { () async throws(ServiceError) in try await base.signOut(userID) }
    }
}
