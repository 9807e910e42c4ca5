import AuthdeskJournal
import AuthdeskTeamJournal

/// Leases of the session: in the team's database in team mode, else in the state folder.
extension Workspace: LeasingDirectory {
    public var leasing: (any UserLeasing)? {
        if let teamDatabase { return TeamLeases(database: teamDatabase) }
        guard let directory = try? StateDirectory(environment: environment) else { return nil }
        return try? LocalLeases.shared(in: directory)
    }

    public var sharesLeases: Bool { teamDatabase != nil }
}
