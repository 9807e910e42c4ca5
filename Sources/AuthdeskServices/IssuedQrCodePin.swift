import AuthdeskCore

/// A QR code + PIN method just created, or its PIN just reset: the method, and the PIN to give
/// the user (shown once, written nowhere). Its description never contains the PIN.
public struct IssuedQrCodePin: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var method: QrCodePinMethod
    public var pin: Secret
    /// Whether authdesk generated the PIN (else the operator typed it).
    public var generated: Bool

    public init(method: QrCodePinMethod, pin: Secret, generated: Bool) {
        self.method = method
        self.pin = pin
        self.generated = generated
    }

    public var description: String { "IssuedQrCodePin(\(method.id), pin \(Redactor.mask))" }
    public var debugDescription: String { description }
}
