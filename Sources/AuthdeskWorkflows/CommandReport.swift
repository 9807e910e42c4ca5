import AuthdeskCore
import AuthdeskOutput
import AuthdeskServices

/// What each single-user command reports, as rows the command line prints as a table, CSV or
/// JSON: the users found, a user's methods, a new pass, a password reset, revoked sessions.
public enum CommandReport {
    public static func users(_ users: [DirectoryUser]) -> Report {
        var report = Report(columns: [
            .init("id", "ID"), .init("displayName", "NAME"), .init("principalName", "PRINCIPAL NAME"), .init("mail", "MAIL"),
        ])
        for user in users { report.append([user.id, user.displayName, user.principalName, user.mail]) }
        return report
    }

    public static func methods(_ methods: [AuthMethod]) -> Report {
        var report = Report(columns: [
            .init("id", "ID"), .init("kind", "KIND"), .init("title", "METHOD"), .init("summary", "DETAIL"),
        ])
        for method in methods { report.append([method.id, method.kind.rawValue, method.title, method.summary]) }
        return report
    }

    /// A new Temporary Access Pass: the pass itself is in it, to be printed once.
    public static func pass(_ issued: IssuedTemporaryAccessPass, for user: DirectoryUser) -> Report {
        var report = Report(columns: [
            .init("user", "USER"), .init("temporaryAccessPass", "PASS"), .init("startDateTime", "STARTS"),
            .init("lifetimeInMinutes", "MINUTES"), .init("isUsableOnce", "ONCE"), .init("id", "ID"),
        ])
        let method = issued.method
        report.append(cells: [
            .string(user.principalName), .text(issued.pass), .time(method.startDateTime),
            .number(method.lifetimeInMinutes), .flag(method.isUsableOnce), .string(method.id),
        ])
        return report
    }

    /// A password reset: a generated password is in it, to be printed once.
    public static func passwordReset(_ result: PasswordResetResult) -> Report {
        var report = Report(columns: [
            .init("user", "USER"), .init("status", "STATUS"), .init("statusDetail", "DETAIL"),
            .init("newPassword", "NEW PASSWORD"), .init("operation", "OPERATION"),
        ])
        report.append([result.user, result.status, result.statusDetail, result.newPassword, result.operation])
        return report
    }

    /// `sessions revoke`: what each request did (Auth0 says whether sessions were deleted too).
    public static func sessionsRevoked(_ user: DirectoryUser, _ revocation: SessionRevocation) -> Report {
        var report = Report(columns: [.init("user", "USER"), .init("id", "ID"), .init("result", "RESULT")])
        report.append([user.principalName, user.id, revocation.steps.joined(separator: "; ")])
        return report
    }
}
