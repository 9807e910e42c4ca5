import AuthdeskCore
import AuthdeskOutput
import AuthdeskServices

/// What the `methods qr-code` commands print: the method, and a PIN set by authdesk or typed,
/// to be printed once (a typed PIN is not printed back).
public enum QrCodeReport {
    public static func issued(_ issued: IssuedQrCodePin, for user: DirectoryUser, result: String) -> Report {
        report([
            user.principalName, issued.generated ? issued.pin.reveal() : nil, issued.generated ? "true" : "false",
            issued.method.standardExpires.map(AuthMethod.timestamp), issued.method.temporaryExpires.map(AuthMethod.timestamp),
            issued.method.id, result,
        ])
    }

    public static func temporary(_ method: AuthMethod, for user: DirectoryUser) -> Report {
        guard case .qrCodePin(let qr) = method else { return report([user.principalName, nil, nil, nil, nil, method.id, "temporary QR code created"]) }
        return report([
            user.principalName, nil, nil, qr.standardExpires.map(AuthMethod.timestamp), qr.temporaryExpires.map(AuthMethod.timestamp),
            qr.id, "temporary QR code created",
        ])
    }

    static func report(_ row: [String?]) -> Report {
        var report = Report(columns: [
            .init("user", "USER"), .init("pin", "PIN"), .init("pinGenerated", "GENERATED"), .init("badgeExpires", "BADGE UNTIL"),
            .init("temporaryExpires", "TEMPORARY UNTIL"), .init("id", "ID"), .init("result", "RESULT"),
        ])
        report.append(row)
        return report
    }
}
