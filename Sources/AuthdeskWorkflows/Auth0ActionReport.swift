import AuthdeskCore
import AuthdeskOutput
import AuthdeskServices

/// What the commands of Auth0's own actions print: a method enrolled (with a generated TOTP
/// secret and its `otpauth://` URI, printed once), an enrollment ticket's link (printed once),
/// or what was done to the user (all methods deleted, remembered browsers forgotten).
public enum Auth0ActionReport {
    public static func added(_ method: AuthMethod, for user: DirectoryUser, secret: Secret? = nil, uri: Secret? = nil) -> Report {
        var report = Report(columns: [
            .init("user", "USER"), .init("id", "ID"), .init("kind", "KIND"), .init("title", "METHOD"),
            .init("secret", "SECRET"), .init("otpauthUri", "OTPAUTH URI"), .init("result", "RESULT"),
        ])
        report.append(cells: [
            .string(user.principalName), .string(method.id), .string(method.kind.rawValue), .string(method.title),
            .text(secret?.reveal()), .text(uri?.reveal()), .string("added"),
        ])
        return report
    }

    public static func ticket(_ ticket: EnrollmentTicket, for user: DirectoryUser, mailed: Bool) -> Report {
        var report = Report(columns: [
            .init("user", "USER"), .init("ticketId", "TICKET"), .init("ticketUrl", "LINK"), .init("result", "RESULT"),
        ])
        report.append(cells: [
            .string(user.principalName), .string(ticket.ticketID), .string(ticket.url.reveal()),
            .string(mailed ? "enrollment ticket created and e-mailed" : "enrollment ticket created"),
        ])
        return report
    }

    public static func done(_ user: DirectoryUser, _ result: String) -> Report {
        var report = Report(columns: [.init("user", "USER"), .init("id", "ID"), .init("result", "RESULT")])
        report.append([user.principalName, user.id, result])
        return report
    }
}
