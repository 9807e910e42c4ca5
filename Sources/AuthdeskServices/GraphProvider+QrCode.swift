import AuthdeskCore
import Foundation

/// The Graph provider's QR code + PIN calls (v1.0 `authentication/qrCodePinMethod`): create
/// with a standard QR code and a PIN, reset the PIN, add a temporary QR code. The PIN is sent
/// once and returned to the caller once; the service never shows it again.
extension GraphProvider {
    public func createQrCodePin(for userID: String, _ request: QrCodePinRequest) async throws(ServiceError) -> IssuedQrCodePin {
        try request.validate()
        let pin = request.pin ?? QrCodePinRequest.generatePin()
        struct Code: Encodable { let startDateTime: String, expireDateTime: String? }
        struct Pin: Encodable { let code: String }
        struct Body: Encodable { let standardQRCode: Code, pin: Pin }
        let now = Date()
        let body = Body(
            standardQRCode: Code(
                startDateTime: now.formatted(.iso8601),
                expireDateTime: request.expiresInDays.map { now.addingTimeInterval(Double($0) * 86_400).formatted(.iso8601) }),
            pin: Pin(code: pin.reveal()))
        let response = try await client.write(.json(method: "PUT", url: try qrCodeURL(userID), body: body))
        guard let json = JSONValue.parse(response.body), case .qrCodePin(let method)? = GraphDecoder.method(
            json, defaultType: "qrCodePinAuthenticationMethod") else {
            throw ServiceError(
                kind: .invalidResponse, status: response.status,
                message: "Graph created the QR code + PIN method but its answer could not be read", requestID: response.requestID)
        }
        return IssuedQrCodePin(method: method, pin: pin, generated: request.pin == nil)
    }

    public func resetQrCodePin(of userID: String, pin: Secret?) async throws(ServiceError) -> IssuedQrCodePin {
        if let pin { try QrCodePinRequest.checkPin(pin) }
        let code = pin ?? QrCodePinRequest.generatePin()
        struct Body: Encodable { let code: String, forceChangePinNextSignIn: Bool }
        _ = try await client.write(.json(
            method: "PATCH", url: try qrCodeURL(userID, "pin"), body: Body(code: code.reveal(), forceChangePinNextSignIn: true)))
        return IssuedQrCodePin(method: try await qrCodePinMethod(of: userID), pin: code, generated: pin == nil)
    }

    public func createTemporaryQrCode(for userID: String, hours: Int) async throws(ServiceError) -> QrCodePinMethod {
        guard QrCodePinRequest.temporaryHours.contains(hours) else {
            throw ServiceError(
                kind: .badInput, code: "invalidLifetime", message: "A temporary QR code lives 1 to 12 hours, not \(hours)")
        }
        // One temporary code at a time: an active one is deleted first (the service refuses a second).
        if let active = try await qrCodePinMethod(of: userID).temporaryExpires, active > Date() {
            _ = try await client.write(HTTPRequest(method: "DELETE", url: try qrCodeURL(userID, "temporaryQRCode")))
        }
        struct Body: Encodable { let startDateTime: String, expireDateTime: String }
        let now = Date()
        let body = Body(
            startDateTime: now.formatted(.iso8601), expireDateTime: now.addingTimeInterval(Double(hours) * 3600).formatted(.iso8601))
        _ = try await client.write(.json(method: "PUT", url: try qrCodeURL(userID, "temporaryQRCode"), body: body))
        return try await qrCodePinMethod(of: userID)
    }

    /// `GET .../qrCodePinMethod` (the PIN is never in it).
    func qrCodePinMethod(of userID: String) async throws(ServiceError) -> QrCodePinMethod {
        let json = try await client.getJSON(try qrCodeURL(userID))
        guard case .qrCodePin(let method)? = GraphDecoder.method(json, defaultType: "qrCodePinAuthenticationMethod") else {
            throw ServiceError(kind: .invalidResponse, message: "Graph answered the QR code + PIN method in a shape not understood")
        }
        return method
    }

    func qrCodeURL(_ userID: String, _ rest: String...) throws(ServiceError) -> URL {
        try graphURL(["users", try GraphProvider.userKey(userID), "authentication", "qrCodePinMethod"] + rest)
    }
}
