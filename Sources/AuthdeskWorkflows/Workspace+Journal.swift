import AuthdeskJournal

extension Workspace {
    /// The session's journal for jobs: the team's (over ``teamDatabase``) in team mode, else the
    /// SQLite journal in the state directory of ``environment``.
    public func journal() throws -> any JournalStorage {
        try JournalStore.open(teamDatabase: teamDatabase, environment: environment)
    }
}
