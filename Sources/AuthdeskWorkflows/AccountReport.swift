import AuthdeskCore
import AuthdeskOutput
import AuthdeskServices

/// What the `users` account commands print: the account (one field a line in a table, one
/// object in JSON and CSV), and what a block, unblock, per-user MFA or default change did.
public enum AccountReport {
    /// `users show`: a table reads best one fact a line; JSON and CSV get one row keyed by the facts.
    public static func details(_ details: AccountDetails, format: OutputFormat) -> Report {
        let facts = details.facts
        guard format == .table else {
            var report = Report(columns: facts.map { Report.Column($0.key, $0.label) })
            report.append(facts.map(\.value))
            return report
        }
        var report = Report(columns: [.init("field", "FIELD"), .init("value", "VALUE")])
        for fact in facts { report.append([fact.label, fact.text]) }
        return report
    }

    /// `users block` / `users unblock`.
    public static func accountChanged(_ user: DirectoryUser, _ receipt: AccountChangeReceipt) -> Report {
        var report = Report(columns: [
            .init("user", "USER"), .init("id", "ID"), .init("accountEnabled", "SIGN-IN"), .init("result", "RESULT"),
        ])
        report.append([
            user.principalName, user.id, receipt.accountEnabled ? "true" : "false", receipt.steps.joined(separator: "; "),
        ])
        return report
    }

    /// `users mfa-state`: the state read, or set (`requested` is what was asked for).
    public static func mfaState(_ user: DirectoryUser, _ state: PerUserMfaState, requested: PerUserMfaState?) -> Report {
        var report = Report(columns: [
            .init("user", "USER"), .init("id", "ID"), .init("perUserMfaState", "PER-USER MFA"), .init("result", "RESULT"),
        ])
        var result = "read"
        if let requested {
            result = requested == state ? "set to \(state.rawValue)" : "asked for \(requested.rawValue); the service made it \(state.rawValue)"
        }
        report.append([user.principalName, user.id, state.rawValue, result])
        return report
    }

    /// `methods default`.
    public static func defaultMethod(_ user: DirectoryUser, _ method: DefaultMethod) -> Report {
        var report = Report(columns: [
            .init("user", "USER"), .init("id", "ID"), .init("defaultMethod", "DEFAULT METHOD"), .init("result", "RESULT"),
        ])
        report.append([user.principalName, user.id, method.rawValue, "default method set"])
        return report
    }
}
