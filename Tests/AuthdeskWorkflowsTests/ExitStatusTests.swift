import AuthdeskBulkReset
import AuthdeskConfig
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import AuthdeskWorkflows
import Testing

/// The one place that maps a failure to its exit status and message (INTERFACES.md).
@Suite struct ExitStatusTests {
    @Test func eachFailureHasTheDocumentedStatus() {
        #expect(ExitStatus.of(UsageError("x")) == .badInput)
        #expect(ExitStatus.of(ConfigError("x")) == .badInput)
        #expect(ExitStatus.of(AuthdeskCore.ValidationError(field: "number", message: "x")) == .badInput)
        #expect(ExitStatus.of(ServiceError(kind: .signIn, message: "x")) == .signInFailed)
        #expect(ExitStatus.of(ServiceError(kind: .forbidden, message: "x")) == .refused)
        #expect(ExitStatus.of(ServiceError(kind: .readOnly, message: "x")) == .refused)
        #expect(ExitStatus.of(ServiceError(kind: .badInput, message: "x")) == .badInput)
        #expect(ExitStatus.of(ServiceError(kind: .notFound, message: "x")) == .someFailed)
        #expect(ExitStatus.of(CommandFailure("x")) == .someFailed)
        #expect(ExitStatus.of(WorkflowFailure("x", status: .refused)) == .refused)
        #expect(ExitStatus.of(JournalError.noSuchJob("job-9")) == .badInput)
        #expect(ExitStatus.of(BulkResetError.invalidLimit(30)) == .badInput)
        #expect(ExitStatus.of(CancellationError()) == nil)
    }

    @Test func aRefusalByTheServiceNamesTheRoleButThePreflightsOwnDoesNot() {
        let service = ServiceError(kind: .forbidden, status: 403, code: "accessDenied", message: "Denied")
        #expect(ExitStatus.message(for: service).contains("Privileged Authentication Administrator"))
        let preflight = ServiceError(kind: .forbidden, code: ChangeWorkflow.preflightRefusedCode, message: "Pre-flight: no")
        #expect(ExitStatus.message(for: preflight) == "Pre-flight: no (preflightRefused)")
    }

    @Test func aRefusalNamesWhatTheCommandNeeds() {
        let service = ServiceError(kind: .forbidden, status: 403, code: "accessDenied", message: "Denied")
        let message = ExitStatus.message(for: service, arguments: ["--profile", "app", "sessions", "revoke", "u@contoso.com"])
        #expect(message.contains("'sessions revoke' needs Microsoft Graph: one of the permissions User.RevokeSessions.All"))
        #expect(message.contains("Auth0: the scope update:users"))
    }
}
