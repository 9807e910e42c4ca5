import AuthdeskCore

/// Honest defaults of the QR code + PIN calls: not available for this provider.
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
}
