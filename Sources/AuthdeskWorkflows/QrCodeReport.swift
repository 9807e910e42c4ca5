import AuthdeskCore
import AuthdeskOutput
import AuthdeskServices

/// What the `methods qr-code` commands print: the method, and a PIN set by authdesk or typed,
/// to be printed once (a typed PIN is not printed back).
public enum QrCodeReport {
    public static func issued(_ issued: IssuedQrCodePin, for user: DirectoryUser, result: String) -> Report {
        report([
            .string(user.principalName), .text(issued.generated ? issued.pin.reveal() : nil), .bool(issued.generated),
            .time(issued.method.standardExpires), .time(issued.method.temporaryExpires), .string(issued.method.id),
            .string(result),
        ])
    }

    public static func temporary(_ method: AuthMethod, for user: DirectoryUser) -> Report {
        guard case .qrCodePin(let qr) = method else {
            return report([.string(user.principalName), .null, .null, .null, .null, .string(method.id), .string("temporary QR code created")])
        }
        return report([
            .string(user.principalName), .null, .null, .time(qr.standardExpires), .time(qr.temporaryExpires),
            .string(qr.id), .string("temporary QR code created"),
        ])
    }

    static func report(_ row: [ReportValue]) -> Report {
        var report = Report(columns: [
            .init("user", "USER"), .init("pin", "PIN"), .init("pinGenerated", "GENERATED"), .init("badgeExpires", "BADGE UNTIL"),
            .init("temporaryExpires", "TEMPORARY UNTIL"), .init("id", "ID"), .init("result", "RESULT"),
        ])
        report.append(cells: row)
        return report
    }
}
