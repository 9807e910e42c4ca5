import AuthdeskConfig
import AuthdeskJournal

extension Workspace {
    /// Opens a workspace to resume job `id` and runs `body` with it and the job's journal, then
    /// closes it. The journal says first whether the job may be resumed and which tenants it
    /// needs (the first becomes the default one unless `options` names profiles); in team mode
    /// that read and the run share the workspace's one pool of connections to PostgreSQL.
    public static func resuming<T>(
        _ id: JobID, retryFailed: Bool, _ options: WorkspaceOptions,
        _ body: (Workspace, any JournalStorage) async throws -> T
    ) async throws -> T {
        let configuration = try Configuration.load(path: options.config, environment: options.environment)
        let teamDatabase = try await JournalStore.openDatabase(configuration.team, environment: options.environment)
        let workspace: Workspace
        let journal: any JournalStorage
        let tenants: [String]
        do {
            journal = try JournalStore.open(teamDatabase: teamDatabase, environment: options.environment)
            let names = try await ResetMfaWorkflow.tenantsToResume(id, retryFailed: retryFailed, in: journal)
            var options = options
            if options.profiles.isEmpty, let first = names.first { options.profiles = [first] }
            workspace = try await open(options, configuration: configuration, teamDatabase: teamDatabase)
            tenants = names
        } catch {
            await teamDatabase?.close()
            throw error
        }
        do {
            try workspace.requireProfiles(tenants)
            let result = try await body(workspace, journal)
            await workspace.close()
            return result
        } catch {
            await workspace.close()
            throw error
        }
    }
}
