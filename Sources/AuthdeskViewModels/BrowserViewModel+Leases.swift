import AuthdeskWorkflows

extension BrowserViewModel {
    /// Reads every lease in force where the directory keeps them (the team's database, or this
    /// host's state folder) and hands them to the state, which keeps those held by others: when
    /// the list loads, and after each lease event of team mode's activity feed (a newer read
    /// replaces one still in flight). When the read fails the marks stay as they were: they
    /// inform, the lease itself still refuses a change.
    func readLeases() {
        guard let leasing = (directory as? any LeasingDirectory)?.leasing else { return }
        spawn(.leases) { [self] in
            guard let leases = try? await leasing.active(), !Task.isCancelled else { return }
            send(.leasesRead(leases))
        }
    }
}
