import AuthdeskWorkflows

/// What `users block` and `users unblock` share: the change through the workflow, and its report.
enum SignInChange {
    static func run(_ change: ChangeOptions, enabled: Bool) async throws {
        try await change.run { workflow in
            let (user, receipt) = try await workflow.setAccountEnabled(of: change.user, enabled: enabled)
            return AccountReport.accountChanged(user, receipt)
        }
    }
}
