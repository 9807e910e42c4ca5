import AuthdeskConfig
import AuthdeskJournal
import AuthdeskTeamJournal
import Foundation

/// The journal every command and the console use: in team mode (`[team] journal_url` in the
/// configuration, or `AUTHDESK_JOURNAL_URL`) the team's PostgreSQL journal, else the SQLite
/// journal in the state directory (`AUTHDESK_STATE_DIR`, `XDG_STATE_HOME`, or
/// `~/.local/state/authdesk`). The state directory holds this host's signing key either way.
public enum JournalStore {
    /// Loads the configuration (`config`, else the default file, else the environment) and opens
    /// its journal. A failure says which journal and what to fix.
    public static func open(
        config: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> any JournalStorage {
        let team = try Configuration.load(path: config, environment: environment).team
        let database = try await openDatabase(team, environment: environment)
        return try open(teamDatabase: database, environment: environment)
    }

    /// Runs `body` on the journal ``open(config:environment:)`` opens, then closes the team's
    /// database, if any, whether `body` succeeded or not: a command's one use of the journal
    /// ends its connections as PostgreSQL expects, not by the process's exit.
    public static func using<T: Sendable>(
        config: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (any JournalStorage) async throws -> T
    ) async throws -> T {
        let team = try Configuration.load(path: config, environment: environment).team
        let database = try await openDatabase(team, environment: environment)
        do {
            let result = try await body(try open(teamDatabase: database, environment: environment))
            await database?.close()
            return result
        } catch {
            await database?.close()
            throw error
        }
    }

    /// The journal over `teamDatabase` (already open) when there is one, else the local one.
    public static func open(
        teamDatabase: TeamJournalDatabase?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> any JournalStorage {
        let directory: StateDirectory
        do {
            directory = try StateDirectory(environment: environment)
        } catch {
            throw UsageError("state directory: \(error.description)")
        }
        do {
            guard let teamDatabase else { return try Journal(directory: directory) }
            try directory.create()
            return TeamJournal(database: teamDatabase, localDirectory: directory.url)
        } catch let error as JournalError {
            throw WorkflowFailure(error.description, status: .someFailed)
        } catch {
            throw WorkflowFailure("state directory \(directory): \(error)", status: .someFailed)
        }
    }

    /// The team's database when `team` configures one: connected, its schema migrated; nil
    /// without team mode. Unreachable, refused or misconfigured: the URL (never a password),
    /// what PostgreSQL said and what to fix.
    public static func openDatabase(
        _ team: TeamSettings, environment: [String: String]
    ) async throws -> TeamJournalDatabase? {
        guard let url = team.journalURL else { return nil }
        do {
            return try await TeamJournalDatabase.open(url, environment: environment)
        } catch let error as TeamJournalError {
            throw WorkflowFailure(
                "the team journal (journal_url or \(TeamSettings.environmentVariable)): \(error.message)", status: .someFailed)
        }
    }

    /// The journal for the audit of single changes, or why it cannot be opened (changes then go
    /// on unjournalled, and the front end warns).
    public static func openForAudit(
        teamDatabase: TeamJournalDatabase? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ((any JournalStorage)?, String?) {
        do {
            return (try open(teamDatabase: teamDatabase, environment: environment), nil)
        } catch {
            return (nil, "the journal cannot be opened: \(error)")
        }
    }

    /// Where exports go: `<state>/exports`, else the current directory.
    public static func exportDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let state = try? StateDirectory(environment: environment) {
            return state.url.appendingPathComponent("exports", isDirectory: true)
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }
}
