import AuthdeskCore

/// Honest defaults of the QR code + PIN calls (not available for this provider) and of signing
/// out (the provider's session revocation).
extension IdentityProvider {
    public func createQrCodePin(for userID: String, _ request: QrCodePinRequest) async throws(ServiceError) -> IssuedQrCodePin {
        throw unsupported("A QR code + PIN method")
    }

    public func resetQrCodePin(of userID: String, pin: Secret?) async throws(ServiceError) -> IssuedQrCodePin {
        throw unsupported("Resetting a QR code PIN")
    }

    public func createTemporaryQrCode(for userID: String, hours: Int) async throws(ServiceError) -> QrCodePinMethod {
        throw unsupported("A temporary QR code")
    }

    /// Graph's one call: every refresh token and session cookie revoked.
    public func signOut(_ userID: String) async throws(ServiceError) -> SessionRevocation {
        try await revokeSessions(of: userID)
        return SessionRevocation(steps: ["sign-in sessions revoked (refresh tokens and session cookies)"])
    }
}
